import type { Clock } from '../../platform/clock.js';
import type { BatchExecutor } from './executor.js';
import type { IngestJob, JobResult } from './job.js';

export interface PipelineDeps {
  clock: Clock;
  executor: BatchExecutor;
}

/**
 * The way into group commit (group-commit.ts) for every intake (HTTP, SMTP, heartbeats): stamps a job
 * with its reception time and hands it to the executor, which applies it with the other jobs of its
 * batch and settles it once that transaction is durable.
 */
export class IngestPipeline {
  constructor(private readonly deps: PipelineDeps) {}

  submit(job: IngestJob): Promise<JobResult> {
    return this.deps.executor.submit(job, this.deps.clock.now().getTime());
  }

  /** Resolves when every submitted job has settled (shutdown drains before closing the store). */
  drained(): Promise<void> {
    return this.deps.executor.drained();
  }

  /** Drain, then stop the executor. */
  async close(): Promise<void> {
    await this.drained();
    await this.deps.executor.close();
  }
}
