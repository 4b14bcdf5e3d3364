import { hashRecord, type AuditRecord } from '../../domain/audit/chain.js';
import type { TxContext } from '../context.js';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/**
 * Append one audit row in the caller's transaction. The head row is locked (PostgreSQL) so instances
 * extend the chain one at a time; SQLite transactions are already serialised.
 */
export async function recordAudit(t: TxContext, input: AuditInput): Promise<void> {
  if (t.actor.type === 'integration') return; // ingested events keep their own log (SPEC §4.7)
  const head = await t.tx
    .selectFrom('auditHead')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .$if(t.store.dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
  const record: AuditRecord = {
    seq: Number(head.seq) + 1,
    at: t.now,
    actorType: t.actor.type,
    actorId: t.actor.id,
    actorName: t.actor.name,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    before: json(input.before),
    after: json(input.after),
    requestId: t.requestId,
  };
  const hash = hashRecord(head.hash, record);
  await t.tx.insertInto('auditLog').values({ ...record, prevHash: head.hash, hash }).execute();
  await t.tx.updateTable('auditHead').set({ seq: record.seq, hash }).where('id', '=', 1).execute();
}
