import { sql } from 'kysely';
import { prepared } from '../../store/prepared.js';
import type { TxContext } from '../context.js';

const insertOutbox = prepared((ex, row: { at: string; topic: string; incidentId: string | null; data: string }) =>
  ex.insertInto('outbox').values(row).returning('id'),
);

/**
 * Record that something happened, in the caller's transaction. The live stream reads these rows now;
 * the job runner of [oncall] will too. On PostgreSQL a NOTIFY carrying the row id is queued in the
 * same transaction, so every instance hears of it exactly when it commits.
 */
export async function recordOutbox(t: TxContext, topic: string, incidentId: string | null, data: unknown): Promise<void> {
  const { rows } = await insertOutbox(t.tx, { at: t.now, topic, incidentId, data: JSON.stringify(data ?? {}) });
  if (t.store.dialect === 'postgres') {
    await sql`select pg_notify(${t.store.channel}, ${String(rows[0]!.id)})`.execute(t.tx);
  }
  t.wroteOutbox = true;
}
