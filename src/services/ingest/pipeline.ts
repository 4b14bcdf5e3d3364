import type { Clock } from '../../platform/clock.js';
import type { OutboxListener } from '../context.js';
import type { QueuedJob } from './batch.js';
import type { BatchExecutor } from './executor.js';
import type { IngestJob, JobResult } from './job.js';

interface Pending extends QueuedJob {
  resolve: (r: JobResult) => void;
  reject: (e: unknown) => void;
}

export interface PipelineDeps {
  clock: Clock;
  outbox: OutboxListener;
  executor: BatchExecutor;
}

/** Jobs per transaction at most: bounds a transaction's length (and its p99) under a storm. */
const MAX_BATCH = 256;

/**
 * Group commit (reference/performance.md §2.6): every job that arrives while a transaction is running
 * waits for the next one; then all of them are applied in one transaction (batch.ts) and each
 * request is answered after that commit. A durable 202 costs one fsync per batch instead of one per
 * event. The transaction runs where the executor runs it (a worker thread in production).
 */
export class IngestPipeline {
  private queue: Pending[] = [];
  /** A batch's transaction is running: the next waits for it (one writer, and ordered keys). */
  private applying = false;
  /** Batches whose outcome is not known yet (applied, and on SQLite possibly waiting for fsync). */
  private unsettled = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];

  constructor(private readonly deps: PipelineDeps) {}

  submit(job: IngestJob): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, attempts: 0, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when nothing is queued or running (shutdown drains before closing the store). */
  drained(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  /** Drain, then stop the executor. */
  async close(): Promise<void> {
    await this.drained();
    await this.deps.executor.close();
  }

  private isIdle(): boolean {
    return !this.applying && this.unsettled === 0 && this.queue.length === 0;
  }

  private schedule(): void {
    if (this.applying || this.scheduled) return;
    this.scheduled = true;
    // One event-loop turn gathers what the sockets delivered; no fixed wait (performance.md §2.6.4).
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.applying) return;
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return this.settleIdle();
    this.applying = true;
    this.unsettled++;
    let released = false;
    const applied = () => {
      if (released) return;
      released = true;
      this.applying = false;
      if (this.queue.length > 0) this.schedule();
    };
    try {
      const { outcomes, wroteOutbox } = await this.deps.executor.run(
        this.deps.clock.now(),
        batch.map((p) => ({ job: p.job, attempts: p.attempts })),
        applied,
      );
      if (wroteOutbox) this.deps.outbox.committed();
      outcomes.forEach((o, i) => {
        const p = batch[i]!;
        if (o.ok) p.resolve(o.result);
        else if (o.retry) this.queue.push({ ...p, attempts: p.attempts + 1 });
        else p.reject(o.error);
      });
    } catch (error) {
      // The transaction itself failed (commit, database unavailable, fsync): nothing of this batch
      // is known to be stored, every request gets the error.
      for (const p of batch) p.reject(error);
    } finally {
      applied();
      this.unsettled--;
    }
    if (this.queue.length > 0) this.schedule();
    else this.settleIdle();
  }

  private settleIdle(): void {
    if (this.isIdle()) for (const r of this.idle.splice(0)) r();
  }
}
