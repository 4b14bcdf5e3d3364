import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../platform/clock.js';
import type { Database } from '../store/schema.js';
import type { BackoffOptions } from './backoff.js';
import type { JobKind } from './kind.js';

export type Executor = Kysely<Database> | Transaction<Database>;

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

/** A claimed job as its handler sees it. */
export interface Job<P = unknown> {
  id: string;
  kind: string;
  key: string;
  payload: P;
  dueAt: string;
  /** Runs started so far, this one included: 1 on the first run. */
  attempt: number;
  createdAt: string;
}

/** How a run ends. `retry` on the last allowed attempt becomes `failed`. */
export type JobOutcome = { status: 'done' } | { status: 'retry'; at: Date; error?: string } | { status: 'failed'; error: string };

/** Database effects that commit in the transaction that settles the job, or not at all. */
export type Effects<T> = (tx: Transaction<Database>) => Promise<T>;

/**
 * What a handler gets besides its job. Settling is fenced: it commits only while this runner still
 * holds the lease (`id`, `lease_owner`, `status = 'running'`); otherwise it throws LeaseLostError and
 * the transaction, effects included, rolls back. A handler that returns without settling completes
 * the job (no effects); one that throws is retried with backoff until its kind's maxAttempts.
 */
export interface JobContext {
  /** The instant of the tick that claimed the job. */
  now: Date;
  clock: Clock;
  /** Aborted when the heartbeat finds the lease lost (another runner took the job over). */
  signal: AbortSignal;
  /** Mark the job done in one transaction with `effects` (run after the fence, so never wasted). */
  complete<T = undefined>(effects?: Effects<T>): Promise<T>;
  /** Put the job back to pending at `at` (default: now + the kind's backoff), with optional effects. */
  retry(opts?: { at?: Date; error?: string; effects?: Effects<void> }): Promise<void>;
  /** Fail the job for good (kept with `error` as last_error), with optional effects. */
  fail(error: string, effects?: Effects<void>): Promise<void>;
  /**
   * Settle inside a transaction the handler opens itself, e.g. `inTransaction(serviceCtx, (t) => …)`
   * when the effects need a TxContext (timeline, audit, outbox). Call it first in the transaction:
   * on PostgreSQL it locks the job row, so no other runner can take the job over meanwhile.
   */
  settleIn(tx: Transaction<Database>, outcome?: JobOutcome): Promise<void>;
}

/** One shape for every kind of job. */
export interface JobHandler<P> {
  kind: JobKind<P>;
  /** Runs allowed before the job fails for good (default 10). A run whose runner died counts. */
  maxAttempts?: number;
  /** Delays between retries of this kind (default: 10 s doubling up to 1 h, jitter 0.5). */
  backoff?: Omit<BackoffOptions, 'random'>;
  run(job: Job<P>, ctx: JobContext): Promise<void>;
}

/** Identity, for payload type inference from the kind. */
export function defineHandler<P>(handler: JobHandler<P>): JobHandler<P> {
  return handler;
}

/** What the runner reports (metrics, logs). `error` covers a handler that threw after settling. */
export interface JobEvent {
  type: 'done' | 'retry' | 'failed' | 'lost' | 'error';
  jobId?: string;
  kind?: string;
  attempt?: number;
  error?: unknown;
}

/** This runner no longer holds the job: its lease expired and another runner took it over. */
export class LeaseLostError extends Error {
  constructor(readonly jobId: string) {
    super(`job ${jobId} is no longer held by this runner (its lease expired and another runner took it over)`);
    this.name = 'LeaseLostError';
  }
}
