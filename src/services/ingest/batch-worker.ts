/**
 * The ingest worker (a worker thread): opens its own connection to the same database and runs group
 * commit (group-commit.ts) for the jobs the server's thread hands it. See worker-executor.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../../store/db.js';
import { WalSync } from '../../store/wal-sync.js';
import { GroupCommit } from './group-commit.js';
import { type BatchWorkerData, type ToPipeline, type ToWorker, toWire, type WireOutcome } from './wire.js';

const data = workerData as BatchWorkerData;
const port = parentPort!;
const post = (m: ToPipeline) => port.postMessage(m);

// On SQLite this connection commits without flushing the WAL; WalSync flushes it before any job
// settles. The server's own store checkpoints the WAL from a thread of its own (store/checkpointer.ts).
const store = await openStore({
  databaseUrl: data.databaseUrl,
  dataDir: data.dataDir,
  pgSchema: data.pgSchema,
  pgPoolSize: 2,
  sqliteDeferredSync: true,
  sqliteCheckpoints: 'elsewhere',
});
const walSync = store.dialect === 'sqlite' ? new WalSync(store.sqliteFile!) : null;
const commits = new GroupCommit({
  store,
  secret: data.secret,
  publicUrl: data.publicUrl,
  durable: () => walSync?.sync() ?? Promise.resolve(),
  outboxWritten: () => post({ type: 'outbox' }),
});

// Jobs settle together (a batch at a time): their outcomes go back in one message per turn.
let settled: { id: number; outcome: WireOutcome }[] = [];
const report = (id: number, outcome: WireOutcome) => {
  if (settled.length === 0) {
    setImmediate(() => {
      post({ type: 'settled', jobs: settled });
      settled = [];
    });
  }
  settled.push({ id, outcome });
};

port.on('message', (m: ToWorker) => {
  if (m.type === 'jobs') {
    for (const { id, at, job } of m.jobs) {
      commits.submit(job, at).then(
        (result) => report(id, { ok: true, result }),
        (error: unknown) => report(id, { ok: false, error: toWire(error) }),
      );
    }
    return;
  }
  void (async () => {
    await commits.drained();
    // Let the last outcomes go out before the port closes.
    await new Promise((r) => setImmediate(r));
    walSync?.close();
    await store.close().catch(() => {});
    port.close();
  })();
});
