import { finalShifts, onCallAt } from '../../domain/schedule/final.js';
import type { Shift } from '../../domain/schedule/types.js';
import { scheduleJob } from '../../jobs/schedule.js';
import { createNotifications, type NewNotification } from '../../notify/delivery/create.js';
import { notificationKey } from '../../notify/delivery/keys.js';
import type { TxContext } from '../context.js';
import { DELIVER_NOTIFICATION, deliveryKey } from '../escalation/kinds.js';
import { loadLayers, loadOverrides, scheduleModel } from '../schedule/model.js';
import { ensureShiftReminders, REMINDER_INTERVAL_MS, SHIFT_REMINDER_LEAD_MINUTES } from './kinds.js';

const MINUTE = 60_000;

/**
 * Pre-shift reminders (SPEC §4.3, edge case 17): everyone whose on-call period on a schedule starts
 * within the lead time (plus one look-ahead interval) gets one e-mail, due `lead` minutes before the
 * start (at once when that is past). Final shifts count, so a shift made by an override is reminded
 * too; a shift that only continues the same person's previous one is not. The notification key is
 * (schedule, person, start): however often the look-ahead runs, and on however many instances, a
 * period is reminded once. Then the next look-ahead is scheduled, as long as schedules exist.
 */
export async function scanShiftReminders(t: TxContext): Promise<void> {
  const now = Date.parse(t.now);
  const horizon = new Date(now + SHIFT_REMINDER_LEAD_MINUTES * MINUTE + REMINDER_INTERVAL_MS).toISOString();
  // Far enough to tell when a period that starts soon ends (the reminder says "until …").
  const until = new Date(now + 8 * 24 * 60 * MINUTE).toISOString();
  const schedules = await t.tx.selectFrom('schedule').select(['id', 'name', 'timeZone']).execute();
  if (schedules.length === 0) return;
  const ids = schedules.map((s) => s.id);
  const layers = await loadLayers(t.tx, ids);
  const overrides = await loadOverrides(t.tx, ids, { from: new Date(now - 1).toISOString(), to: until });
  const starting: { scheduleId: string; scheduleName: string; shift: Shift }[] = [];
  for (const s of schedules) {
    const model = scheduleModel(
      s.timeZone,
      layers.filter((l) => l.scheduleId === s.id),
      overrides.filter((o) => o.scheduleId === s.id),
    );
    const shifts = finalShifts(model, t.now, until);
    for (const shift of shifts) {
      const start = Date.parse(shift.start);
      if (start < now || shift.start > horizon) continue;
      if (onCallAt(model, new Date(start - 1).toISOString()).includes(shift.userId)) continue; // continues an earlier shift
      // The period runs on through the person's next shifts that follow without a break.
      let end = shift.end;
      for (const next of shifts) if (next.userId === shift.userId && next.start === end) end = next.end;
      starting.push({ scheduleId: s.id, scheduleName: s.name, shift: { ...shift, end } });
    }
  }
  if (starting.length) {
    const users = [...new Set(starting.map((x) => x.shift.userId))];
    const emails = await t.tx.selectFrom('contactMethod').select(['id', 'userId']).where('userId', 'in', users).where('type', '=', 'email').orderBy('createdAt').execute();
    const items: (NewNotification & { dueAt: string })[] = [];
    for (const x of starting) {
      const method = emails.find((m) => m.userId === x.shift.userId);
      if (!method) continue; // a shift reminder is an e-mail; without an address there is nothing to send
      items.push({
        idempotencyKey: notificationKey('shift', x.scheduleId, x.shift.userId, x.shift.start),
        userId: x.shift.userId,
        contactMethodId: method.id,
        purpose: 'shift',
        data: { shift: { scheduleName: x.scheduleName, start: x.shift.start, end: x.shift.end }, scheduleId: x.scheduleId },
        dueAt: new Date(Math.max(now, Date.parse(x.shift.start) - SHIFT_REMINDER_LEAD_MINUTES * MINUTE)).toISOString(),
      });
    }
    const due = new Map(items.map((i) => [i.idempotencyKey, i.dueAt]));
    for (const n of await createNotifications(t.tx, items, t.now)) {
      if (n.created) await scheduleJob(t.tx, { kind: DELIVER_NOTIFICATION, key: deliveryKey(null, n.id), payload: { notificationId: n.id }, dueAt: due.get(n.idempotencyKey)!, now: t.now });
    }
  }
  await ensureShiftReminders(t.tx, t.now, now + REMINDER_INTERVAL_MS);
}
