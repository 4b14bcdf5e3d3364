import type { TxContext } from '../context.js';
import { recordOutbox } from '../shared/outbox.js';

/**
 * Tell whoever reacts to schedules (the live stream now; handoff and pre-shift reminders later) that
 * one changed, in the same transaction as the change.
 */
export async function recordScheduleChanged(t: TxContext, scheduleId: string): Promise<void> {
  await recordOutbox(t, 'schedule.changed', null, { scheduleId });
}
