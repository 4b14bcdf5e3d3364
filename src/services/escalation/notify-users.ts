import { planNotifications, ruleUrgency } from '../../domain/escalation/plan.js';
import { parseQuietHours, quietHoursEnd } from '../../domain/escalation/quiet-hours.js';
import { scheduleJob } from '../../jobs/schedule.js';
import { createNotifications, type NewNotification } from '../../notify/delivery/create.js';
import { notificationKey } from '../../notify/delivery/keys.js';
import type { TxContext } from '../context.js';
import { appendTimeline } from '../shared/timeline.js';
import { DELIVER_NOTIFICATION, deliveryKey } from './kinds.js';
import type { PagedUser } from './targets.js';

const MINUTE = 60_000;

/**
 * Page people: each gets the notifications of their own rules for the incident's urgency (or every
 * contact method at once), written in this transaction with a delivery job each, due after the
 * rule's delay. Keys derive from (incident, generation, pass, level, person, method, rule), so a step
 * run twice pages once. A person with no contact method is recorded on the timeline as not reached.
 *
 * Quiet hours (edge case 6): a low-urgency notification whose due time falls inside the person's
 * quiet hours (their own time zone) is due at the end of that window instead, and the timeline says
 * so. High urgency is never held. A held notification is an ordinary pending one, so acknowledging
 * or resolving the incident meanwhile cancels it like any other.
 */
export async function notifyUsers(
  t: TxContext,
  incidentId: string,
  incidentUrgency: number,
  users: PagedUser[],
  step: { generation: number; level: number; pass: number },
): Promise<void> {
  const ids = users.map((u) => u.id);
  const methods = await t.tx.selectFrom('contactMethod').select(['id', 'userId']).where('userId', 'in', ids).orderBy('createdAt').orderBy('id').execute();
  const rules = await t.tx.selectFrom('notificationRule').selectAll().where('userId', 'in', ids).execute();
  const profiles = await t.tx.selectFrom('appUser').select(['id', 'timeZone', 'quietHours']).where('id', 'in', ids).execute();
  const urgency = ruleUrgency(incidentUrgency);
  const now = Date.parse(t.now);
  const items: (NewNotification & { dueAt: string })[] = [];
  for (const user of users) {
    const mine = methods.filter((m) => m.userId === user.id).map((m) => m.id);
    if (mine.length === 0) {
      await appendTimeline(t, incidentId, 'notification.failed', {
        userId: user.id,
        userName: user.name,
        reason: 'no contact method: add one to the profile so paging can reach this person',
      });
      continue;
    }
    const profile = profiles.find((p) => p.id === user.id);
    const quiet = urgency === 'low' && profile ? parseQuietHours(profile.quietHours) : null;
    const plan = planNotifications(
      urgency,
      rules.filter((r) => r.userId === user.id),
      mine,
    );
    for (const p of plan) {
      const due = now + p.delayMinutes * MINUTE;
      const quietUntil = quiet && profile ? quietHoursEnd(quiet, profile.timeZone, due) : null;
      const dueAt = new Date(quietUntil ?? due).toISOString();
      items.push({
        idempotencyKey: notificationKey('page', incidentId, `g${step.generation}`, `p${step.pass}`, `l${step.level}`, user.id, p.contactMethodId, p.ruleId ?? 'all'),
        userId: user.id,
        contactMethodId: p.contactMethodId,
        incidentId,
        purpose: 'page',
        urgency: incidentUrgency,
        data: { level: step.level + 1, pass: step.pass + 1, delayMinutes: p.delayMinutes },
        deferral: quietUntil === null ? null : { reason: 'quiet_hours', until: dueAt },
        dueAt,
      });
    }
  }
  const byKey = new Map(items.map((i) => [i.idempotencyKey, i]));
  const held = new Map<string, { notificationId: string; channel: string; until: string }[]>();
  for (const n of await createNotifications(t.tx, items, t.now)) {
    if (!n.created) continue;
    const item = byKey.get(n.idempotencyKey)!;
    await scheduleJob(t.tx, { kind: DELIVER_NOTIFICATION, key: deliveryKey(incidentId, n.id), payload: { notificationId: n.id }, dueAt: item.dueAt, now: t.now });
    if (item.deferral) held.set(item.userId, [...(held.get(item.userId) ?? []), { notificationId: n.id, channel: n.channel, until: item.deferral.until }]);
  }
  for (const [userId, notifications] of held) {
    const profile = profiles.find((p) => p.id === userId)!;
    await appendTimeline(t, incidentId, 'notification.deferred', {
      userId,
      userName: users.find((u) => u.id === userId)?.name ?? null,
      reason: 'quiet_hours',
      quietHours: parseQuietHours(profile.quietHours),
      timeZone: profile.timeZone,
      until: notifications.map((n) => n.until).sort()[0],
      notifications,
    });
  }
}
