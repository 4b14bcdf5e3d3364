import type { Worker } from 'node:worker_threads';
import { startWorker } from '../platform/worker.js';

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

  constructor(file: string, everyMs = 100) {
    this.worker = startWorker(import.meta.url, 'checkpoint-worker', { file, everyMs });
    this.exited = new Promise((r) =>
      this.worker.once('exit', () => {
        this.running = false;
        r();
      }),
    );
    // A checkpoint failing for good (the file gone) must not take the server down; the writers'
    // own checkpoint on close still runs.
    this.worker.on('error', () => {});
    this.worker.unref();
  }

  async close(): Promise<void> {
    if (this.running) {
      // Unreferenced while it works in the background; referenced now, so the process waits for it.
      this.worker.ref();
      this.worker.postMessage('close');
    }
    await this.exited;
  }
}
