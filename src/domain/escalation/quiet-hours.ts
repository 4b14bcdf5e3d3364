/**
 * Quiet hours (edge case 6): a person's daily window, in their own time zone, in which low-urgency
 * pages wait. High-urgency pages never do (the caller decides which pages ask).
 *
 * The window is wall-clock `[start, end)`; an end before the start crosses midnight (22:00–07:00);
 * start = end is refused when saved (it would mean "never" or "always"). Whether an instant is quiet
 * is read on the person's clock face at that instant. The end of a quiet stretch is the first instant
 * at or after `t` whose wall-clock reading is outside the window, so it is exact across DST:
 * - spring forward: when the clocks jump over the end (end 02:30, 02:00 → 03:00), the stretch ends at
 *   the jump (03:00 local), not at a moved 03:30; a 22:00–07:00 night is an hour shorter;
 * - fall back: the end reading that comes first ends the stretch (01:30 read twice: the first one;
 *   from inside the repeated hour's second pass, the second one). Should the clocks then fall back
 *   into the window again, that is a new quiet stretch, judged when the next page comes.
 */
import { DAY, MINUTE, mod, parseTime } from '../time/zone.js';
import { zoneClock } from '../time/zone-offsets.js';

export interface QuietHours {
  /** HH:MM, 24 h, local. */
  start: string;
  /** HH:MM; before `start` crosses midnight. */
  end: string;
}

interface Window {
  start: number;
  end: number;
}

function window(q: QuietHours): Window {
  const start = parseTime(q.start);
  const end = parseTime(q.end);
  if (start === null || end === null || start === end) throw new RangeError(`invalid quiet hours ${JSON.stringify(q)}`);
  return { start: start * MINUTE, end: end * MINUTE };
}

/** Whether a wall-clock reading (ms on the UTC scale) falls in the window. */
function quietWall(w: Window, wall: number): boolean {
  const tod = mod(wall, DAY);
  return w.start < w.end ? w.start <= tod && tod < w.end : tod >= w.start || tod < w.end;
}

/** The next wall reading after `wall` (inside the window) at which the window ends on the clock face. */
function exitWall(w: Window, wall: number): number {
  const midnight = wall - mod(wall, DAY);
  const tod = wall - midnight;
  return w.start > w.end && tod >= w.start ? midnight + DAY + w.end : midnight + w.end;
}

/** Whether instant `t` (ms) is inside the person's quiet hours in `zone`. */
export function isQuietAt(q: QuietHours, zone: string, t: number): boolean {
  return quietWall(window(q), zoneClock(zone).wallOf(t));
}

/**
 * When the quiet stretch containing instant `t` ends (ms): the first instant after `t` that is outside
 * the window. null when `t` is not quiet. Walks the stretch segment by segment between offset
 * changes: within one, the wall clock runs with real time; at a change it jumps.
 */
export function quietHoursEnd(q: QuietHours, zone: string, t: number): number | null {
  const w = window(q);
  const clock = zoneClock(zone);
  if (!quietWall(w, clock.wallOf(t))) return null;
  let x = t;
  // A stretch is shorter than a day plus the zone's jumps; each loop passes one offset change.
  for (let i = 0; i < 16; i++) {
    const offset = clock.offsetAt(x);
    const exit = exitWall(w, x + offset) - offset;
    const change = clock.nextChange(x, exit);
    if (change === null) return exit;
    if (!quietWall(w, clock.wallOf(change))) return change;
    x = change;
  }
  throw new Error(`quiet hours ${q.start}–${q.end} in ${zone} do not end after ${new Date(t).toISOString()}`);
}

/** Parse the stored JSON (app_user.quiet_hours); null when unset or unreadable. */
export function parseQuietHours(json: string | null): QuietHours | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<QuietHours>;
    if (typeof v.start !== 'string' || typeof v.end !== 'string') return null;
    const start = parseTime(v.start);
    const end = parseTime(v.end);
    return start !== null && end !== null && start !== end ? { start: v.start, end: v.end } : null;
  } catch {
    return null;
  }
}
