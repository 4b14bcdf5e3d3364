import { type BatchDeps, type BatchOutcome, type QueuedJob, runBatch } from './batch.js';

/**
 * Where a batch's transaction runs. In this thread, or in a worker thread (worker-executor.ts) that
 * keeps the database work — and SQLite's fsync, which blocks its thread — off the event loop that
 * reads and answers requests.
 */
export interface BatchExecutor {
  /**
   * Apply the jobs in one transaction. `applied` is called once the transaction is over (committed or
   * not): the next batch may start, and sees this one's writes. The promise settles once the outcome
   * is durable, which on SQLite can be later (store/wal-sync.ts).
   */
  run(now: Date, jobs: QueuedJob[], applied: () => void): Promise<BatchOutcome>;
  close(): Promise<void>;
}

export class InProcessExecutor implements BatchExecutor {
  constructor(private readonly deps: BatchDeps) {}

  async run(now: Date, jobs: QueuedJob[], applied: () => void): Promise<BatchOutcome> {
    try {
      return await runBatch(this.deps, now, jobs);
    } finally {
      applied();
    }
  }

  async close(): Promise<void> {}
}
