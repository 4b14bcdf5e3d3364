import { prepared } from '../../store/prepared.js';
import type { TxContext } from '../context.js';

const insertOutbox = prepared((ex, row: { at: string; topic: string; incidentId: string | null; data: string }) =>
  ex.insertInto('outbox').values(row).returning('id'),
);

/**
 * Record that something happened, in the caller's transaction. The live stream reads these rows now;
 * the job runner of [oncall] will too. On PostgreSQL the row ids are announced with a NOTIFY queued
 * at the end of the same transaction (context.ts), so every instance hears of them exactly when it
 * commits.
 */
export async function recordOutbox(t: TxContext, topic: string, incidentId: string | null, data: unknown): Promise<void> {
  const { rows } = await insertOutbox(t.tx, { at: t.now, topic, incidentId, data: JSON.stringify(data ?? {}) });
  if (t.store.dialect === 'postgres') t.outboxIds.push(Number(rows[0]!.id));
  t.wroteOutbox = true;
}
