import type { OutboxListener } from '../context.js';
import type { BatchDeps } from './batch.js';
import { GroupCommit } from './group-commit.js';
import type { IngestJob, JobResult } from './job.js';

/**
 * Where jobs are applied: on this thread, or in a worker thread (worker-executor.ts) that keeps the
 * database work — and SQLite's fsync, which blocks its thread — off the event loop that reads and
 * answers requests. Either way a job settles once its transaction is durable.
 */
export interface BatchExecutor {
  /** `at`: when the job was received (ms since the epoch, the server's clock). */
  submit(job: IngestJob, at: number): Promise<JobResult>;
  /** Resolves when every submitted job has settled. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

/** Group commit on this thread, on the server's own connection (SQLite at FULL, or PostgreSQL). */
export class InProcessExecutor implements BatchExecutor {
  private readonly commits: GroupCommit;

  constructor(deps: BatchDeps & { outbox: OutboxListener }) {
    this.commits = new GroupCommit({ ...deps, durable: () => Promise.resolve(), outboxWritten: () => deps.outbox.committed() });
  }

  submit(job: IngestJob, at: number): Promise<JobResult> {
    return this.commits.submit(job, at);
  }

  drained(): Promise<void> {
    return this.commits.drained();
  }

  async close(): Promise<void> {
    await this.commits.drained();
  }
}
