/**
 * The ingest batch worker (a worker thread): opens its own connection to the same database and runs
 * the batches the pipeline sends it, one at a time. See worker-executor.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../../store/db.js';
import { WalSync } from '../../store/wal-sync.js';
import { type BatchOutcome, type QueuedJob, runBatch } from './batch.js';
import { type BatchWorkerData, type ToPipeline, type ToWorker, toWire } from './wire.js';

const data = workerData as BatchWorkerData;
const port = parentPort!;
// On SQLite this connection commits without flushing the WAL; walSync flushes it before any answer.
// The server's store checkpoints the WAL from its own thread (store/checkpointer.ts).
const opened = openStore({
  databaseUrl: data.databaseUrl,
  dataDir: data.dataDir,
  pgSchema: data.pgSchema,
  pgPoolSize: 2,
  sqliteDeferredSync: true,
  sqliteCheckpoints: 'elsewhere',
});
const walSync = opened.then((store) => (store.dialect === 'sqlite' ? new WalSync(store.sqliteFile!) : null));
// Batches are applied strictly one after another; the next starts while this one's fsync runs.
let queue: Promise<unknown> = opened;

const post = (m: ToPipeline) => port.postMessage(m);

function done(id: number, out: BatchOutcome): void {
  post({
    type: 'done',
    id,
    wroteOutbox: out.wroteOutbox,
    outcomes: out.outcomes.map((o) => (o.ok ? o : { ok: false, error: toWire(o.error), retry: o.retry })),
  });
}

async function apply(id: number, now: number, jobs: QueuedJob[]): Promise<void> {
  let out: BatchOutcome;
  try {
    const store = await opened;
    out = await runBatch({ store, secret: data.secret, publicUrl: data.publicUrl }, new Date(now), jobs);
  } catch (error) {
    post({ type: 'failed', id, error: toWire(error) });
    return;
  }
  post({ type: 'applied', id });
  const sync = await walSync;
  if (!sync) return done(id, out);
  sync.sync().then(
    () => done(id, out),
    (error: unknown) => post({ type: 'failed', id, error: toWire(error) }),
  );
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'run') {
    queue = queue.then(
      () => apply(m.id, m.now, m.jobs),
      () => apply(m.id, m.now, m.jobs),
    );
    return;
  }
  queue = queue
    .catch(() => {})
    .then(async () => {
      const store = await opened;
      // After the fsyncs still running, so every batch is answered before the port closes.
      await (await walSync)?.sync().catch(() => {});
      (await walSync)?.close();
      await store.close();
    })
    .catch(() => {})
    .finally(() => port.close());
});
