import { sql } from 'kysely';
import type { Store } from '../../store/db.js';
import { inTransaction, SYSTEM_ACTOR } from '../context.js';
import { applyJob } from './apply-job.js';
import { BatchState } from './batch-state.js';
import { type IngestJob, IntegrationKeyError, type JobResult } from './job.js';

/** A job as group commit holds it: with how often it already lost a race for an alert's key. */
export interface QueuedJob {
  job: IngestJob;
  attempts: number;
}

export type JobOutcome = { ok: true; result: JobResult } | { ok: false; error: unknown; retry: boolean };

export interface BatchOutcome {
  /** One per job, in order. */
  outcomes: JobOutcome[];
  /** The transaction wrote outbox rows (the live stream should look). */
  wroteOutbox: boolean;
}

export interface BatchDeps {
  store: Store;
  secret: string;
  publicUrl: string;
}

/** A job that lost a race for an open alert's key (another instance created it) is retried. */
export const MAX_ATTEMPTS = 3;

/**
 * Apply one batch of jobs in one transaction, at the instant `now`. Optimistic: the whole batch
 * without savepoints. If one job fails, the transaction is rolled back and the batch runs again with
 * each job in a savepoint, so only that job fails. Rejects when the transaction itself fails (commit,
 * database unavailable): then nothing of the batch is stored.
 */
export async function runBatch(deps: BatchDeps, now: Date, jobs: QueuedJob[]): Promise<BatchOutcome> {
  try {
    return await attempt(deps, now, jobs, false);
  } catch (error) {
    if (!(error instanceof JobFailed)) throw error;
    return attempt(deps, now, jobs, true);
  }
}

async function attempt(deps: BatchDeps, now: Date, jobs: QueuedJob[], isolated: boolean): Promise<BatchOutcome> {
  const outcomes: JobOutcome[] = [];
  let wroteOutbox = false;
  // Each job acts as its own integration (apply-job.ts); the batch itself is the system's.
  const ctx = {
    ...deps,
    clock: { now: () => now },
    actor: SYSTEM_ACTOR,
    requestId: null,
    outbox: {
      committed: () => {
        wroteOutbox = true;
      },
    },
  };
  await inTransaction(ctx, async (t) => {
    const state = new BatchState(t);
    await state.loadIntegrations(jobs.map((q) => q.job.key));
    for (const q of jobs) {
      const integration = state.integration(q.job.key);
      if (!integration || (integration.type !== q.job.type && q.job.type !== '*')) {
        outcomes.push({ ok: false, error: new IntegrationKeyError(q.job.key, integration?.type ?? null), retry: false });
        continue;
      }
      if (!isolated) {
        try {
          outcomes.push({ ok: true, result: await applyJob(t, state, integration, q.job) });
        } catch (error) {
          throw new JobFailed(error);
        }
        continue;
      }
      await sql`savepoint ingest_job`.execute(t.tx);
      const mark = state.eventLog.size;
      try {
        const result = await applyJob(t, state, integration, q.job);
        await sql`release savepoint ingest_job`.execute(t.tx);
        outcomes.push({ ok: true, result });
      } catch (error) {
        await sql`rollback to savepoint ingest_job`.execute(t.tx);
        await sql`release savepoint ingest_job`.execute(t.tx);
        state.eventLog.truncate(mark);
        outcomes.push({ ok: false, error, retry: isUniqueViolation(error) && q.attempts + 1 < MAX_ATTEMPTS });
      }
    }
    await state.eventLog.flush(t.tx);
  });
  return { outcomes, wroteOutbox };
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
