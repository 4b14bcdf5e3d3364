import type { TxContext } from '../context.js';
import { ensureShiftReminders } from '../reminders/kinds.js';
import { recordOutbox } from '../shared/outbox.js';

/**
 * Tell whoever reacts to schedules (the live stream, the pre-shift reminders) that one changed, in
 * the same transaction as the change.
 */
export async function recordScheduleChanged(t: TxContext, scheduleId: string): Promise<void> {
  await recordOutbox(t, 'schedule.changed', null, { scheduleId });
  await ensureShiftReminders(t.tx, t.now);
}
