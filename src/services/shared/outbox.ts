import { sql } from 'kysely';
import type { TxContext } from '../context.js';

/**
 * Record that something happened, in the caller's transaction. The live stream reads these rows now;
 * the job runner of [oncall] will too. On PostgreSQL a NOTIFY carrying the row id is queued in the
 * same transaction, so every instance hears of it exactly when it commits.
 */
export async function recordOutbox(t: TxContext, topic: string, incidentId: string | null, data: unknown): Promise<void> {
  const row = await t.tx
    .insertInto('outbox')
    .values({ at: t.now, topic, incidentId, data: JSON.stringify(data ?? {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (t.store.dialect === 'postgres') {
    await sql`select pg_notify(${t.store.channel}, ${String(row.id)})`.execute(t.tx);
  }
  t.wroteOutbox = true;
}
