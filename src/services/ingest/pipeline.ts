import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../store/db.js';
import { inTransaction, type OutboxListener, SYSTEM_ACTOR } from '../context.js';
import { applyJob } from './apply-job.js';
import { BatchState } from './batch-state.js';
import { type IngestJob, IntegrationKeyError, type JobResult } from './job.js';

interface Pending {
  job: IngestJob;
  attempts: number;
  resolve: (r: JobResult) => void;
  reject: (e: unknown) => void;
}

export interface PipelineDeps {
  store: Store;
  clock: Clock;
  outbox: OutboxListener;
  secret: string;
  publicUrl: string;
}

/** Jobs per transaction at most: bounds a transaction's length (and its p99) under a storm. */
const MAX_BATCH = 256;
/** A job that lost a race for an open alert's key (another instance created it) is retried. */
const MAX_ATTEMPTS = 3;

/**
 * Group commit (reference/performance.md §2.6): every job that arrives while a transaction is running
 * waits for the next one; then all of them are applied in one transaction and each request is
 * answered after that commit. A durable 202 costs one fsync per batch instead of one per event.
 * Each job runs inside a savepoint, so one bad job fails alone.
 */
export class IngestPipeline {
  private queue: Pending[] = [];
  private running = false;
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
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // One event-loop turn gathers what the sockets delivered; no fixed wait (performance.md §2.6.4).
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.running) return;
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) {
      for (const r of this.idle.splice(0)) r();
      return;
    }
    this.running = true;
    try {
      // Optimistic: the whole batch without savepoints. If one job fails, the transaction is rolled
      // back and the batch runs again with each job in a savepoint, so only that job fails.
      let settled: Settled[];
      try {
        settled = await this.runBatch(batch, false);
      } catch (error) {
        if (!(error instanceof JobFailed)) throw error;
        settled = await this.runBatch(batch, true);
      }
      for (const s of settled) {
        if (s.result) s.p.resolve(s.result);
        else if (s.retry) this.queue.push({ ...s.p, attempts: s.p.attempts + 1 });
        else s.p.reject(s.error);
      }
    } catch (error) {
      // The transaction itself failed (commit, database unavailable): nothing of this batch is
      // stored, every request gets the error.
      for (const p of batch) p.reject(error);
    } finally {
      this.running = false;
    }
    if (this.queue.length > 0) this.schedule();
    else for (const r of this.idle.splice(0)) r();
  }

  private async runBatch(batch: Pending[], isolated: boolean): Promise<Settled[]> {
    const settled: Settled[] = [];
    // Each job acts as its own integration (apply-job.ts); the batch itself is the system's.
    const ctx = { ...this.deps, actor: SYSTEM_ACTOR, requestId: null };
    await inTransaction(ctx, async (t) => {
      const state = new BatchState(t);
      await state.loadIntegrations(batch.map((p) => p.job.key));
      for (const p of batch) {
        const integration = state.integration(p.job.key);
        if (!integration || (integration.type !== p.job.type && p.job.type !== '*')) {
          settled.push({ p, error: new IntegrationKeyError(p.job.key, integration?.type ?? null) });
          continue;
        }
        if (!isolated) {
          try {
            settled.push({ p, result: await applyJob(t, state, integration, p.job) });
          } catch (error) {
            throw new JobFailed(error);
          }
          continue;
        }
        await sql`savepoint ingest_job`.execute(t.tx);
        const mark = state.eventLog.size;
        try {
          const result = await applyJob(t, state, integration, p.job);
          await sql`release savepoint ingest_job`.execute(t.tx);
          settled.push({ p, result });
        } catch (error) {
          await sql`rollback to savepoint ingest_job`.execute(t.tx);
          await sql`release savepoint ingest_job`.execute(t.tx);
          state.eventLog.truncate(mark);
          settled.push({ p, error, retry: isUniqueViolation(error) && p.attempts + 1 < MAX_ATTEMPTS });
        }
      }
      await state.eventLog.flush(t.tx);
    });
    return settled;
  }
}

interface Settled {
  p: Pending;
  result?: JobResult;
  error?: unknown;
  retry?: boolean;
}

/** A job threw inside an optimistic batch: rerun the batch isolated. */
class JobFailed extends Error {
  constructor(cause: unknown) {
    super('a job of the batch failed', { cause });
  }
}

/** SQLite: SQLITE_CONSTRAINT_UNIQUE; PostgreSQL: 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
