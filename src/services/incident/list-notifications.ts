import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { readVisibleIncident } from './access.js';

/**
 * Who was notified about an incident, on which channel, and how each attempt went — a permanent
 * failure shows here with its reason. Oldest first; an incident pages a handful of people, so no paging.
 */
export async function listIncidentNotifications(ctx: ServiceContext, incidentId: string) {
  authorize(ctx.actor, 'incident.read');
  await readVisibleIncident(ctx, incidentId, 'notifications');
  const rows = await ctx.store.db
    .selectFrom('notification as n')
    .leftJoin('appUser as u', 'u.id', 'n.userId')
    .select(['n.id', 'n.incidentId', 'n.userId', 'u.name as userName', 'n.channel', 'n.purpose', 'n.status', 'n.idempotencyKey', 'n.lastError', 'n.createdAt', 'n.deliveredAt', 'n.nextAttemptAt', 'n.deferredReason', 'n.deferredUntil'])
    .where('n.incidentId', '=', incidentId)
    .orderBy('n.createdAt')
    .orderBy('n.id')
    .limit(1000)
    .execute();
  const attempts = rows.length
    ? await ctx.store.db
        .selectFrom('deliveryAttempt')
        .selectAll()
        .where(
          'notificationId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('attempt')
        .execute()
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      incidentId: r.incidentId,
      user: { id: r.userId, name: r.userName ?? null },
      channel: r.channel,
      purpose: r.purpose,
      status: r.status as 'pending' | 'delivered' | 'failed' | 'cancelled',
      attempts: attempts
        .filter((a) => a.notificationId === r.id)
        .map((a) => ({ attempt: a.attempt, startedAt: a.startedAt, finishedAt: a.finishedAt, outcome: a.outcome, httpStatus: a.httpStatus, error: a.error, retryAt: a.retryAt })),
      idempotencyKey: r.idempotencyKey,
      lastError: r.lastError,
      createdAt: r.createdAt,
      deliveredAt: r.deliveredAt,
      nextAttemptAt: r.nextAttemptAt,
      deferral: r.deferredReason && r.deferredUntil ? { reason: r.deferredReason as 'quiet_hours' | 'throttled', until: r.deferredUntil } : null,
    })),
    nextCursor: null,
  };
}
