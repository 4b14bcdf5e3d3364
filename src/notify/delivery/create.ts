/**
 * Creating notification rows, inside the caller's transaction (the escalation step that decides who
 * is paged writes its notifications in the same commit). Insert-or-ignore on the idempotency key:
 * running the same step twice creates each notification once, and only the caller that actually
 * created a row should schedule its delivery job (`created: true`).
 */
import type { Kysely, Transaction } from 'kysely';
import { CONTACT_TYPES } from '../../domain/access/credentials.js';
import { newId } from '../../platform/ids.js';
import type { Database } from '../../store/schema.js';
import { PURPOSES, type Purpose } from '../render/message.js';
import { IDEMPOTENCY_KEY } from './keys.js';

export type Executor = Kysely<Database> | Transaction<Database>;

/** Why a pending notification was held back: the person's quiet hours, or per-number throttling. */
export const DEFERRAL_REASONS = ['quiet_hours', 'throttled'] as const;
export type DeferralReason = (typeof DEFERRAL_REASONS)[number];

export interface NewNotification {
  /** From notificationKey(…) or newNotificationKey(); `[A-Za-z0-9_-]{8,128}`. */
  idempotencyKey: string;
  userId: string;
  contactMethodId: string;
  incidentId?: string | null;
  purpose: Purpose;
  /** The incident's urgency (1–3) when paged. */
  urgency?: number | null;
  /** Extra facts for rendering or for the runner (JSON). */
  data?: Record<string, unknown>;
  /** Not to be sent before `until` (its delivery job is due then), and why; recorded on the row. */
  deferral?: { reason: DeferralReason; until: string } | null;
}

export interface CreatedNotification {
  id: string;
  idempotencyKey: string;
  contactMethodId: string | null;
  channel: string;
  /** false: the key existed already (created by an earlier run); its delivery is already scheduled. */
  created: boolean;
}

export async function createNotifications(ex: Executor, items: NewNotification[], now: Date | string): Promise<CreatedNotification[]> {
  if (items.length === 0) return [];
  const at = new Date(now).toISOString();
  const unique = new Map<string, NewNotification>();
  for (const item of items) {
    if (!IDEMPOTENCY_KEY.test(item.idempotencyKey)) throw new Error(`notification key ${JSON.stringify(item.idempotencyKey)} must match ${IDEMPOTENCY_KEY}`);
    if (!(PURPOSES as readonly string[]).includes(item.purpose)) throw new Error(`notification purpose ${item.purpose} is not one of ${PURPOSES.join(', ')}`);
    if (!unique.has(item.idempotencyKey)) unique.set(item.idempotencyKey, item);
  }
  const methodIds = [...new Set([...unique.values()].map((i) => i.contactMethodId))];
  const methods = new Map(
    (await ex.selectFrom('contactMethod').select(['id', 'userId', 'type']).where('id', 'in', methodIds).execute()).map((m) => [m.id, m]),
  );
  const rows = [...unique.values()].map((item) => {
    const method = methods.get(item.contactMethodId);
    if (!method || method.userId !== item.userId) throw new Error(`contact method ${item.contactMethodId} does not belong to user ${item.userId}`);
    if (!(CONTACT_TYPES as readonly string[]).includes(method.type)) throw new Error(`contact method ${method.id} has unknown type ${method.type}`);
    return {
      id: newId(),
      incidentId: item.incidentId ?? null,
      userId: item.userId,
      contactMethodId: item.contactMethodId,
      channel: method.type,
      purpose: item.purpose,
      urgency: item.urgency ?? null,
      idempotencyKey: item.idempotencyKey,
      status: 'pending',
      attempts: 0,
      data: JSON.stringify(item.data ?? {}),
      createdAt: at,
      updatedAt: at,
      deliveredAt: null,
      nextAttemptAt: item.deferral?.until ?? null,
      leaseUntil: null,
      lastError: null,
      deferredReason: item.deferral?.reason ?? null,
      deferredUntil: item.deferral?.until ?? null,
    };
  });
  const inserted = await ex
    .insertInto('notification')
    .values(rows)
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .returning(['id', 'idempotencyKey'])
    .execute();
  const createdKeys = new Set(inserted.map((r) => r.idempotencyKey));
  const existingKeys = rows.filter((r) => !createdKeys.has(r.idempotencyKey)).map((r) => r.idempotencyKey);
  const existing = existingKeys.length
    ? await ex.selectFrom('notification').select(['id', 'idempotencyKey', 'contactMethodId', 'channel']).where('idempotencyKey', 'in', existingKeys).execute()
    : [];
  const byKey = new Map(existing.map((r) => [r.idempotencyKey, r]));
  return rows.map((r) => {
    if (createdKeys.has(r.idempotencyKey)) return { id: r.id, idempotencyKey: r.idempotencyKey, contactMethodId: r.contactMethodId, channel: r.channel, created: true };
    const e = byKey.get(r.idempotencyKey)!;
    return { id: e.id, idempotencyKey: e.idempotencyKey, contactMethodId: e.contactMethodId, channel: e.channel, created: false };
  });
}

/**
 * Stop what has not gone out yet (an incident was acknowledged or resolved, a rule changed): pending
 * notifications matching the filter become `cancelled`, in the caller's transaction. One being sent
 * right now finishes its attempt; it is not retried afterwards. Returns how many were cancelled.
 */
export async function cancelNotifications(
  ex: Executor,
  filter: { incidentId: string; purposes?: Purpose[]; userId?: string },
  now: Date | string,
): Promise<number> {
  const at = new Date(now).toISOString();
  let q = ex
    .updateTable('notification')
    .set({ status: 'cancelled', updatedAt: at, nextAttemptAt: null })
    .where('incidentId', '=', filter.incidentId)
    .where('status', '=', 'pending');
  if (filter.purposes?.length) q = q.where('purpose', 'in', filter.purposes);
  if (filter.userId) q = q.where('userId', '=', filter.userId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
