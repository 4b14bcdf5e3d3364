/**
 * A worker thread that checkpoints a SQLite WAL database (store/checkpointer.ts): copies committed
 * WAL frames into the database file with PASSIVE checkpoints, which never block writers or readers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSqliteDriver } from './db.js';

const { file, everyMs } = workerData as { file: string; everyMs: number };
const Database = await loadSqliteDriver();
const db = new Database(file);
db.pragma('busy_timeout = 1000');
/** WAL frames (4 KiB pages) beyond which a checkpoint makes sure the WAL starts over. */
const RESTART_FRAMES = 4096;
const timer = setInterval(() => {
  try {
    // PASSIVE copies what it can and never blocks anyone. Under a steady stream of commits it never
    // quite catches up, and a WAL starts over only once every frame is copied; so past 16 MiB a
    // RESTART checkpoint holds new writers back while it copies the last frames (few: PASSIVE
    // just ran), and the next commit writes from the WAL's start again.
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    if (r && r.log > RESTART_FRAMES) db.pragma('wal_checkpoint(RESTART)');
  } catch {
    // Busy or closing: the next round tries again.
  }
}, everyMs);
parentPort!.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
