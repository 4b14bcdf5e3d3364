import { sql } from 'kysely';
import { newId } from '../platform/ids.js';
import type { JobKind } from './kind.js';
import type { Executor } from './types.js';

/**
 * Writing jobs, inside the caller's transaction: a step is scheduled (or cancelled) atomically with the
 * change that causes it. These functions import only the store, so services can use them without the
 * runner.
 */

/** ISO-8601 UTC text, the one form compared on both databases (a bad date throws here, not in SQL). */
function instant(at: Date | string): string {
  return new Date(at).toISOString();
}

export interface ScheduleJob<P> {
  kind: JobKind<P>;
  /** Idempotency key, unique across kinds, e.g. `escalation:<incident>:<cycle>:<level>`. */
  key: string;
  payload: P;
  dueAt: Date | string;
  now: Date | string;
}

/**
 * Schedule a pending job. A job with the same key, in whatever state, wins: the call is then a no-op
 * and returns null; otherwise it returns the new job's id.
 */
export async function scheduleJob<P>(ex: Executor, job: ScheduleJob<P>): Promise<string | null> {
  const id = newId();
  const now = instant(job.now);
  const r = await ex
    .insertInto('job')
    .values({
      id,
      kind: job.kind.name,
      key: job.key,
      payload: JSON.stringify(job.payload ?? null),
      dueAt: instant(job.dueAt),
      status: 'pending',
      attempts: 0,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return (r.numInsertedOrUpdatedRows ?? 0n) > 0n ? id : null;
}

export interface CancelJobs {
  kind?: JobKind<unknown>;
  /** Jobs whose key starts with this (compared exactly, case and all). */
  keyPrefix?: string;
  now: Date | string;
}

/**
 * Cancel the matching pending jobs (an acknowledged incident's escalation steps); returns how many.
 * A job already running is left to finish: its handler re-checks its preconditions in the transaction
 * that settles it (an escalation step compares the escalation's generation). Not touching running
 * rows keeps lock order simple on PostgreSQL: a settling handler locks its job row first and then
 * business rows, while the business transaction that cancels locks business rows first — if it also
 * waited for running job rows, the two could deadlock.
 */
export async function cancelJobs(ex: Executor, sel: CancelJobs): Promise<number> {
  if (!sel.kind && !sel.keyPrefix) throw new Error('cancelJobs needs a kind or a key prefix');
  const now = instant(sel.now);
  // The status literal matches the partial index job_due, so only pending rows are read.
  let q = ex.updateTable('job').set({ status: 'cancelled', finishedAt: now, updatedAt: now }).where('status', '=', sql.lit('pending'));
  if (sel.kind) q = q.where('kind', '=', sel.kind.name);
  if (sel.keyPrefix) q = q.where(sql`substr(key, 1, ${sel.keyPrefix.length})`, '=', sel.keyPrefix);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

export interface RescheduleJob<P> {
  key: string;
  dueAt: Date | string;
  /** Replaces the payload when given. */
  payload?: P;
  now: Date | string;
}

/** Move a pending job to another due time; returns false when no pending job has that key. */
export async function rescheduleJob<P>(ex: Executor, job: RescheduleJob<P>): Promise<boolean> {
  const r = await ex
    .updateTable('job')
    .set({
      dueAt: instant(job.dueAt),
      updatedAt: instant(job.now),
      ...(job.payload === undefined ? {} : { payload: JSON.stringify(job.payload) }),
    })
    .where('key', '=', job.key)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/**
 * Make a cancelled job pending again (wanted again after a change cancelled it: its key is still
 * taken, so scheduleJob would be a no-op). Only a cancelled row is touched, which no runner holds.
 * Returns false when no cancelled job has that key.
 */
export async function reviveJob<P>(ex: Executor, job: RescheduleJob<P>): Promise<boolean> {
  const r = await ex
    .updateTable('job')
    .set({
      status: 'pending',
      dueAt: instant(job.dueAt),
      attempts: 0,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      finishedAt: null,
      updatedAt: instant(job.now),
      ...(job.payload === undefined ? {} : { payload: JSON.stringify(job.payload) }),
    })
    .where('key', '=', job.key)
    .where('status', '=', 'cancelled')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
