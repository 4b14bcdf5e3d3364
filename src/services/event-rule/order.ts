import { sql } from 'kysely';
import type { Executor, TxContext } from '../context.js';

/**
 * Positions within a scope (global, or one service) run 1..n without gaps. Every change of a scope's
 * order takes this lock first: on PostgreSQL two instances inserting at once would otherwise both
 * read n and both take position n+1. SQLite transactions are already serialised.
 */
export async function lockRuleOrder(t: TxContext): Promise<void> {
  if (t.store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('hikeshi.event_rule'))`.execute(t.tx);
}

/** The ids of a scope's rules in evaluation order. */
export async function scopeOrder(ex: Executor, serviceId: string | null): Promise<{ id: string; position: number }[]> {
  const rows = await ex
    .selectFrom('eventRule')
    .select(['id', 'position'])
    .$if(serviceId === null, (q) => q.where('serviceId', 'is', null))
    .$if(serviceId !== null, (q) => q.where('serviceId', '=', serviceId))
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, position: Number(r.position) }));
}

/** `ids` with `id` placed at `position` (1-based, clamped to the end). */
export function placeAt(ids: string[], id: string, position: number | undefined): string[] {
  const rest = ids.filter((x) => x !== id);
  const at = Math.min(Math.max((position ?? rest.length + 1) - 1, 0), rest.length);
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** Write positions 1..n for `ids`, touching only existing rows whose position changes (a new id is skipped). */
export async function writeOrder(t: TxContext, current: { id: string; position: number }[], ids: string[]): Promise<void> {
  const was = new Map(current.map((r) => [r.id, r.position]));
  for (const [i, id] of ids.entries()) {
    const before = was.get(id);
    if (before !== undefined && before !== i + 1) await t.tx.updateTable('eventRule').set({ position: i + 1 }).where('id', '=', id).execute();
  }
}
