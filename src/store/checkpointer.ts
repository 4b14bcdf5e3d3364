import type { Worker } from 'node:worker_threads';
import { startWorker } from '../platform/worker.js';

/** One round that found frames in the WAL: how many, how many are now in the database file. */
export interface CheckpointRound {
  log: number;
  checkpointed: number;
  /** A RESTART checkpoint followed, so the next commit writes from the WAL's start. */
  restarted: boolean;
}

/**
 * Checkpoints a SQLite database from its own thread (checkpoint-worker.ts), for connections that
 * turned automatic checkpoints off (`sqliteCheckpoints`). An automatic checkpoint runs inside the
 * COMMIT that crosses 1,000 WAL pages: it copies them into the database file and fsyncs, stopping the
 * committing thread for milliseconds every few batches. Here that work runs beside the writers.
 */
export class Checkpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private running = true;
  private closing = false;
  /** Resolves once the thread has the database open and checkpoints. */
  readonly ready: Promise<void>;

  /**
   * @param everyMs how often to checkpoint
   * @param restartFrames WAL frames (4 KiB pages) past which a checkpoint makes the WAL start over
   * @param onRound told after each round that found frames in the WAL (tests)
   */
  constructor(file: string, everyMs = 100, restartFrames = 4096, onRound?: (r: CheckpointRound) => void) {
    this.worker = startWorker(import.meta.url, 'checkpoint-worker', { file, everyMs, restartFrames });
    let ready = () => {};
    this.ready = new Promise((r) => {
      ready = r;
    });
    this.worker.once('message', () => {
      // From now on it works in the background: it does not keep the process alive.
      if (this.running && !this.closing) this.worker.unref();
      ready();
    });
    this.exited = new Promise((r) =>
      this.worker.once('exit', () => {
        this.running = false;
        ready(); // a thread that could not start: nothing to wait for
        r();
      }),
    );
    if (onRound) this.worker.on('message', (m: unknown) => typeof m === 'object' && m !== null && onRound(m as CheckpointRound));
    // A checkpoint failing for good (the file gone) must not take the server down; the writers'
    // own checkpoint on close still runs.
    this.worker.on('error', () => {});
  }

  async close(): Promise<void> {
    if (this.running && !this.closing) {
      this.closing = true;
      // Referenced again, so the process waits for it to close.
      this.worker.ref();
      this.worker.postMessage('close');
    }
    await this.exited;
  }
}
