/**
 * Scheduled maintenance on a status page is §4.1's maintenance window (SPEC §4.5: one model), so its
 * times come from `domain/ingest/maintenance.ts` and are not computed again here. This module only
 * answers what a page asks of a window: which occurrence to show, its Statuspage status, and the
 * occurrences inside a range (for the 90-day bars).
 *
 * A maintenance starts and ends itself: before its occurrence it is `scheduled`, inside it
 * `in_progress`, after it `completed`. `verifying` is never derived from time; a person may set it
 * (or end the work early, `completed`) on the running occurrence, which the caller passes in.
 */
import { nextOccurrences, type Occurrence, occurrenceAt, type WindowTiming } from '../ingest/maintenance.js';
import type { MaintenanceStatus } from './types.js';

export type { Occurrence, WindowTiming };

/** How many occurrences `occurrencesBetween` asks for at a time. */
const BATCH = 16;

/** Occurrences overlapping [from, to) (half-open), by start; those running at `from` included. */
export function occurrencesBetween(timing: WindowTiming, from: string, to: string): Occurrence[] {
  const end = Date.parse(to);
  const out: Occurrence[] = [];
  let cursor = from;
  for (;;) {
    const batch = nextOccurrences(timing, cursor, BATCH);
    for (const o of batch) {
      if (Date.parse(o.start) >= end) return out;
      if (!out.some((p) => p.start === o.start)) out.push(o);
    }
    const last = batch[batch.length - 1];
    // each batch ends later than the last (occurrences do not overlap), so this terminates
    if (batch.length < BATCH || !last || Date.parse(last.end) <= Date.parse(cursor)) return out;
    cursor = last.end;
  }
}

/**
 * The occurrence a page shows at `now`: the running one, else the next one, else the last one
 * (a finished window is shown as completed); null for a recurring window that never occurs.
 */
export function shownOccurrence(timing: WindowTiming, now: string): Occurrence | null {
  const running = occurrenceAt(timing, now);
  if (running) return running;
  const [next] = nextOccurrences(timing, now, 1);
  if (next) return next;
  if (!timing.recurrence) return timing.endsAt ? { start: timing.startsAt, end: timing.endsAt } : null;
  // a bounded recurrence that has finished: its last occurrence ends at `endsAt`
  return timing.endsAt ? occurrenceAt(timing, new Date(Date.parse(timing.endsAt) - 1).toISOString()) : null;
}

/**
 * What a person set on one occurrence: `verifying`, or `completed` to end it early. It names the
 * occurrence by its start, so it never leaks into the next occurrence of a recurring window.
 */
export interface ManualMaintenanceStatus {
  occurrenceStart: string;
  status: 'verifying' | 'completed';
}

/** The Statuspage status of an occurrence at `now` (rules in this module's header). */
export function maintenanceStatusAt(occurrence: Occurrence, now: string, manual: ManualMaintenanceStatus | null = null): MaintenanceStatus {
  const t = Date.parse(now);
  if (t < Date.parse(occurrence.start)) return 'scheduled';
  if (t >= Date.parse(occurrence.end)) return 'completed';
  return manual && Date.parse(manual.occurrenceStart) === Date.parse(occurrence.start) ? manual.status : 'in_progress';
}

/** The occurrence running at `now` unless a person completed it early; null when none runs. */
export function runningOccurrence(timing: WindowTiming, now: string, manual: ManualMaintenanceStatus | null = null): Occurrence | null {
  const o = occurrenceAt(timing, now);
  return o && maintenanceStatusAt(o, now, manual) !== 'completed' ? o : null;
}
