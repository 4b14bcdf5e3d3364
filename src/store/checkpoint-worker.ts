/**
 * A worker thread that checkpoints a SQLite WAL database (store/checkpointer.ts): copies committed
 * WAL frames into the database file with PASSIVE checkpoints, which never block writers or readers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSqliteDriver } from './sqlite-driver.js';

const { file, everyMs, restartFrames } = workerData as { file: string; everyMs: number; restartFrames: number };
const Database = await loadSqliteDriver();
const db = new Database(file);
// A RESTART that waits for readers holds writers back meanwhile: give up soon, retry next round.
db.pragma('busy_timeout = 50');
const timer = setInterval(() => {
  try {
    // PASSIVE copies what it can and never blocks anyone. Under a steady stream of commits it never
    // quite catches up, and a WAL starts over only once every frame is copied; so past
    // `restartFrames` a RESTART checkpoint holds new writers back while it copies the last frames
    // (few: PASSIVE just ran), and the next commit writes from the WAL's start again.
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    if (!r || r.log <= 0) return;
    const restarted = r.log > restartFrames;
    if (restarted) db.pragma('wal_checkpoint(RESTART)');
    parentPort!.postMessage({ log: r.log, checkpointed: r.checkpointed, restarted });
  } catch {
    // Busy or closing: the next round tries again.
  }
}, everyMs);
parentPort!.postMessage('ready');
parentPort!.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
