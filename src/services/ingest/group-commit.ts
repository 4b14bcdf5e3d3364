import { type BatchDeps, type QueuedJob, runBatch } from './batch.js';
import type { IngestJob, JobResult } from './job.js';

interface Waiting extends QueuedJob {
  /** When the job was received (the pipeline's clock). */
  at: number;
  resolve: (r: JobResult) => void;
  reject: (e: unknown) => void;
}

export interface GroupCommitDeps extends BatchDeps {
  /**
   * Resolves once what the last batch committed is on disk. PostgreSQL and SQLite at
   * `synchronous=FULL` are durable when COMMIT returns; the ingest worker's SQLite connection is
   * not, and flushes its WAL here (store/wal-sync.ts) while the next batch is applied.
   */
  durable: () => Promise<void>;
  /** The batch wrote outbox rows and is durable: the live stream may look. */
  outboxWritten: () => void;
}

/** Jobs per transaction at most: bounds a transaction's length (and its p99) under a storm. */
const MAX_BATCH = 256;

/**
 * Group commit (reference/performance.md §2.6), run by the thread that owns the connection: every job
 * that arrives while a batch is applied waits for the next batch; then all of them are applied in one
 * transaction (batch.ts), and each job settles once that transaction is durable. The next batch is
 * applied while the last one's WAL flush is still running, so the disk and the CPU work at once.
 */
export class GroupCommit {
  private queue: Waiting[] = [];
  private applying = false;
  private scheduled = false;
  /** Batches applied whose durability is not yet known. */
  private flushing = 0;
  private idle: (() => void)[] = [];

  constructor(private readonly deps: GroupCommitDeps) {}

  submit(job: IngestJob, at: number): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, attempts: 0, at, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when nothing is queued, applied or waiting for the disk. */
  drained(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  private isIdle(): boolean {
    return !this.applying && this.flushing === 0 && this.queue.length === 0;
  }

  private schedule(): void {
    if (this.applying || this.scheduled) return;
    this.scheduled = true;
    // One event-loop turn gathers what arrived; no fixed wait (performance.md §2.6.4).
    setImmediate(() => {
      this.scheduled = false;
      void this.apply();
    });
  }

  private async apply(): Promise<void> {
    if (this.applying) return;
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return this.settleIdle();
    this.applying = true;
    let outcome: Awaited<ReturnType<typeof runBatch>> | null = null;
    let failure: unknown = null;
    try {
      // The batch's instant: the latest reception among its jobs (every row it writes carries it).
      const now = new Date(Math.max(...batch.map((w) => w.at)));
      outcome = await runBatch(this.deps, now, batch);
    } catch (error) {
      failure = error;
    }
    this.applying = false;
    if (this.queue.length > 0) this.schedule();
    if (!outcome) {
      // The transaction itself failed (commit, database unavailable): nothing of it is stored.
      for (const w of batch) w.reject(failure);
      return this.settleIdle();
    }
    this.flushing++;
    const applied = outcome;
    this.deps.durable().then(
      () => {
        if (applied.wroteOutbox) this.deps.outboxWritten();
        applied.outcomes.forEach((o, i) => {
          const w = batch[i]!;
          if (o.ok) w.resolve(o.result);
          else if (o.retry) this.queue.push({ ...w, attempts: w.attempts + 1 });
          else w.reject(o.error);
        });
        this.settled();
      },
      (error: unknown) => {
        // Committed, but the flush failed: not known to be on disk, so no job is answered as stored.
        for (const w of batch) w.reject(error);
        this.settled();
      },
    );
  }

  private settled(): void {
    this.flushing--;
    if (this.queue.length > 0) this.schedule();
    else this.settleIdle();
  }

  private settleIdle(): void {
    if (this.isIdle()) for (const r of this.idle.splice(0)) r();
  }
}
