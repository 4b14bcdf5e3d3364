import { planNotifications, ruleUrgency } from '../../domain/escalation/plan.js';
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
  const urgency = ruleUrgency(incidentUrgency);
  const items: (NewNotification & { delayMinutes: number })[] = [];
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
    const plan = planNotifications(
      urgency,
      rules.filter((r) => r.userId === user.id),
      mine,
    );
    for (const p of plan) {
      items.push({
        idempotencyKey: notificationKey('page', incidentId, `g${step.generation}`, `p${step.pass}`, `l${step.level}`, user.id, p.contactMethodId, p.ruleId ?? 'all'),
        userId: user.id,
        contactMethodId: p.contactMethodId,
        incidentId,
        purpose: 'page',
        urgency: incidentUrgency,
        data: { level: step.level + 1, pass: step.pass + 1, delayMinutes: p.delayMinutes },
        delayMinutes: p.delayMinutes,
      });
    }
  }
  const delays = new Map(items.map((i) => [i.idempotencyKey, i.delayMinutes]));
  for (const n of await createNotifications(t.tx, items, t.now)) {
    if (!n.created) continue;
    const dueAt = new Date(Date.parse(t.now) + (delays.get(n.idempotencyKey) ?? 0) * MINUTE).toISOString();
    await scheduleJob(t.tx, { kind: DELIVER_NOTIFICATION, key: deliveryKey(incidentId, n.id), payload: { notificationId: n.id }, dueAt, now: t.now });
  }
}
