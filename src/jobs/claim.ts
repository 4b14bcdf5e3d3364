import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Store } from '../store/db.js';
import type { JobTable } from '../store/schema-jobs.js';
import type { Executor } from './types.js';

export type JobRow = Selectable<JobTable>;

export interface ClaimOptions {
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
  /** Only kinds this runner has handlers for (an older instance leaves newer kinds alone). */
  kinds: readonly string[];
}

/**
 * Claim up to `limit` jobs for `owner`: running jobs whose lease expired (their runner died or hung)
 * first, then pending jobs due at `now`, oldest first. Each gets a lease (owner, now + leaseMs) and one
 * more attempt, in one transaction. PostgreSQL: the rows are picked with FOR UPDATE SKIP LOCKED, so
 * runners claiming at once take disjoint sets and none waits for another. SQLite: one process, and
 * transactions begin IMMEDIATE, so a plain select and update cannot interleave with another claim.
 */
export async function claimJobs(store: Store, o: ClaimOptions): Promise<JobRow[]> {
  if (o.limit <= 0 || o.kinds.length === 0) return [];
  const now = o.now.toISOString();
  return store.db.transaction().execute(async (tx) => {
    const ids = await pick(tx, store.dialect === 'postgres', o.kinds, 'running', now, o.limit);
    if (ids.length < o.limit) ids.push(...(await pick(tx, store.dialect === 'postgres', o.kinds, 'pending', now, o.limit - ids.length)));
    if (ids.length === 0) return [];
    const rows = await tx
      .updateTable('job')
      .set((eb) => ({
        status: 'running',
        leaseOwner: o.owner,
        leaseUntil: new Date(o.now.getTime() + o.leaseMs).toISOString(),
        attempts: eb('attempts', '+', 1),
        updatedAt: now,
      }))
      .where('id', 'in', ids)
      .returningAll()
      .execute();
    return rows.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1));
  });
}

/** Ids of claimable rows in one state; the status literal matches the partial index (job_lease, job_due). */
async function pick(tx: Executor, pg: boolean, kinds: readonly string[], status: 'running' | 'pending', now: string, limit: number): Promise<string[]> {
  const column = status === 'running' ? 'leaseUntil' : 'dueAt';
  let q = tx
    .selectFrom('job')
    .select('id')
    .where('status', '=', sql.lit(status))
    .where(column, status === 'running' ? '<' : '<=', now)
    .where('kind', 'in', kinds)
    .orderBy(column)
    .limit(limit);
  if (pg) q = q.forUpdate().skipLocked();
  return (await q.execute()).map((r) => r.id);
}
