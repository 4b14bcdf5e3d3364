import { jobKind, scheduleJob } from '../../jobs/index.js';
import type { Executor } from '../context.js';

/** Look ahead at every schedule's final shifts and write the reminders of shifts about to start. */
export const SHIFT_REMINDERS = jobKind<Record<string, never>>('oncall.shift_reminders');

/** A person is told this long before their on-call period starts. */
export const SHIFT_REMINDER_LEAD_MINUTES = 60;
/** How often the look-ahead runs; each run covers the lead plus one interval, so nothing falls between. */
export const REMINDER_INTERVAL_MS = 5 * 60_000;

/**
 * Make sure the look-ahead is scheduled: one job per 5-minute window, keyed by the window, so every
 * instance and every schedule change asking for it makes the same single job.
 */
export async function ensureShiftReminders(ex: Executor, now: string | Date, at: number = Date.parse(new Date(now).toISOString())): Promise<void> {
  const window = Math.floor(at / REMINDER_INTERVAL_MS) * REMINDER_INTERVAL_MS;
  await scheduleJob(ex, { kind: SHIFT_REMINDERS, key: `oncall:shift-reminders:${new Date(window).toISOString()}`, payload: {}, dueAt: new Date(Math.max(window, at)), now });
}
