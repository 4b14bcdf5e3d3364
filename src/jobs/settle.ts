import type { Updateable } from 'kysely';
import type { JobTable } from '../store/schema-jobs.js';
import { type Executor, type JobOutcome, LeaseLostError } from './types.js';

export interface Lease {
  id: string;
  owner: string;
}

const MAX_ERROR = 2000;

/**
 * Settle a running job as `outcome`, fenced: only if `lease.owner` still holds it. Otherwise throws
 * LeaseLostError, so a transaction that carries the handler's effects rolls back with them. On
 * PostgreSQL the update locks the row until the transaction ends: a runner claiming expired leases
 * skips it (SKIP LOCKED), and if one took the job over first, this update finds another owner.
 */
export async function settleJob(ex: Executor, lease: Lease, outcome: JobOutcome, now: Date): Promise<void> {
  const at = now.toISOString();
  const set: Updateable<JobTable> =
    outcome.status === 'done'
      ? { status: 'done', leaseUntil: null, finishedAt: at, updatedAt: at }
      : outcome.status === 'failed'
        ? { status: 'failed', leaseUntil: null, lastError: outcome.error.slice(0, MAX_ERROR), finishedAt: at, updatedAt: at }
        : {
            status: 'pending',
            dueAt: outcome.at.toISOString(),
            leaseOwner: null,
            leaseUntil: null,
            lastError: outcome.error?.slice(0, MAX_ERROR) ?? null,
            updatedAt: at,
          };
  const r = await ex.updateTable('job').set(set).where('id', '=', lease.id).where('leaseOwner', '=', lease.owner).where('status', '=', 'running').executeTakeFirst();
  if (r.numUpdatedRows === 0n) throw new LeaseLostError(lease.id);
}

/** Heartbeat: move the lease's end to `until`; false when the lease is no longer ours. */
export async function extendLease(ex: Executor, lease: Lease, until: Date, now: Date): Promise<boolean> {
  const r = await ex
    .updateTable('job')
    .set({ leaseUntil: until.toISOString(), updatedAt: now.toISOString() })
    .where('id', '=', lease.id)
    .where('leaseOwner', '=', lease.owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
