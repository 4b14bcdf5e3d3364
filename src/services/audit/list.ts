import type { z } from 'zod';
import { type AuditEntry, ListAuditQuery } from '../../contracts/audit.js';
import { validation } from '../../domain/errors.js';
import type { AuditLogTable } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { seesAllRestricted } from '../incident/access.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';

export type AuditEntryView = z.infer<typeof AuditEntry>;

const ACTOR_TYPES = ['user', 'token', 'system', 'integration'] as const;

/** The cursor is the last seq of the page, opaque to callers. */
const encodeSeqCursor = (seq: number) => Buffer.from(`audit:${seq}`).toString('base64url');
function decodeSeqCursor(s: string): number {
  const m = /^audit:(\d{1,15})$/.exec(Buffer.from(s, 'base64url').toString('utf8'));
  if (!m) throw validation('cursor', 'not a cursor this API issued; pass the nextCursor value from the previous page');
  return Number(m[1]);
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function viewAuditEntry(r: AuditLogTable): AuditEntryView {
  const type = (ACTOR_TYPES as readonly string[]).includes(r.actorType) ? (r.actorType as AuditEntryView['actor']['type']) : 'system';
  return {
    seq: Number(r.seq),
    at: r.at,
    actor: { type, id: r.actorId, name: r.actorName ?? '' },
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    before: parseJson(r.before),
    after: parseJson(r.after),
    requestId: r.requestId,
    hash: r.hash,
  };
}

/** The audit log, newest first (by chain position), filtered by action, target and actor. */
export async function listAudit(ctx: ServiceContext, input: unknown): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'audit.read');
  const q = parseInput(ListAuditQuery, input ?? {}, 'query');
  let query = ctx.store.db.selectFrom('auditLog').selectAll();
  if (q.action?.endsWith('*')) {
    // Range instead of LIKE: action names contain `_`, a LIKE wildcard.
    const prefix = q.action.slice(0, -1);
    query = query.where('action', '>=', prefix).where('action', '<', `${prefix}\uffff`);
  } else if (q.action) query = query.where('action', '=', q.action);
  if (q.targetType) query = query.where('targetType', '=', q.targetType);
  if (q.targetId) query = query.where('targetId', '=', q.targetId);
  if (q.actorId) query = query.where('actorId', '=', q.actorId);
  if (q.cursor) query = query.where('seq', '<', decodeSeqCursor(q.cursor));
  if (!seesAllRestricted(ctx.actor)) {
    // A restricted incident does not exist for those who may not see it — admins included, so its
    // audit rows (titles, notes, before/after) are left out of their view of the log.
    const uid = ctx.actor.userId ?? '';
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('incident as i')
            .select('i.id')
            .whereRef('i.id', '=', 'auditLog.targetId')
            .where('auditLog.targetType', '=', 'incident')
            .where('i.visibility', '=', 'restricted')
            .where((e2) =>
              e2.not(e2.exists(e2.selectFrom('incidentParticipant as p').select('p.userId').whereRef('p.incidentId', '=', 'i.id').where('p.userId', '=', uid))),
            ),
        ),
      ),
    );
  }
  const rows = await query.orderBy('seq', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(viewAuditEntry),
    nextCursor: rows.length > q.limit && last ? encodeSeqCursor(Number(last.seq)) : null,
  };
}
