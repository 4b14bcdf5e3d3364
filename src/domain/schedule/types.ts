/**
 * On-call schedules (SPEC §4.3): the types, and the rules every function in this folder follows.
 * The maths is pure: instants come in as ISO-8601 UTC strings, nothing reads the clock or the
 * process's time zone (`TZ`), and the answers are the same on every server.
 *
 * Wall clock. A schedule lives in an IANA zone. Local times become instants by Temporal's
 * "compatible" rule (time/zone.ts): a local time that never occurs (spring forward) moves forward by
 * the gap (02:30 → 03:30), one that occurs twice (fall back) means the first (earlier) occurrence.
 *
 * Rotation. Handoff 0 is `startDate` at `handoffTime` in the zone; `members[0]` is on call from it;
 * nobody is on call from the layer before it. Handoff k is at the local time
 * `startDate handoffTime + k × length units` counted on the clock face:
 * - day and week units: the handoff time on every handoff date, so a daily 09:00 handoff is at 09:00
 *   local on both sides of a change and the shift across it lasts 23 or 25 hours;
 * - hour units: the wall-clock grid keeps its alignment (an 8-hour rotation from 00:00 hands off at
 *   00:00, 08:00 and 16:00 local every day). Spring forward: a handoff inside the missing hour moves
 *   forward by the gap (02:00 → 03:00 EDT), so a one-hour shift whose local hour does not exist is
 *   empty (a longer one is an hour shorter); an empty shift's member loses the turn and the next
 *   member continues at the next handoff. Fall back:
 *   a handoff in the repeated hour takes its first occurrence, so the shift covering the repeated
 *   hour is an hour longer.
 * Shift k is [handoff k, handoff k+1); an empty shift shows nobody. (Should a skipped time make a
 * handoff land after a later one, which only a gap longer than a shift can do, e.g. Samoa skipping
 * 2011-12-30, the earlier handoffs collapse onto the later one: handoff k is the earliest instant of
 * handoffs k, k+1, …, so handoffs never go backwards.)
 *
 * Members. `members` is a list of periods: each list is in force from its effective instant, and a
 * change never rewrites the past. `effective: 'at'` (the default) takes effect at `from` itself;
 * `'next_handoff'` at the first handoff at or after `from`. A period superseded before it takes
 * effect never applies; before the first one nobody is on call from the layer. The rotation keeps
 * counting turns from handoff 0, and a new list continues the order instead of restarting it: at the
 * change, the person whose turn it is under the old list (the one on call now for `'at'`, the one
 * about to start for `'next_handoff'`) keeps that turn if they are on the new list, otherwise the
 * next person of the old order who is on it; from there the new list's order runs on. So adding a
 * member changes neither who is on call now nor the order of the others' next shifts (edge case 11),
 * and a removed member is never on call after the change (edge case 12): with `'at'` the running
 * shift is cut at `from` and their successor takes the rest of it. When no one of the old list
 * remains, or there is no old list, turn t goes to `members[t mod n]`.
 *
 * Restrictions. A restricted layer has someone only inside its active windows (daily or weekly,
 * local times; a window whose end is not after its start crosses midnight or the week's end).
 * "A restricted rotation advances only over active windows": handoffs stay on the wall-clock grid
 * above, but a shift takes a turn only when its local interval meets an active window; shifts that
 * meet none pass without consuming anyone's turn. A daily 09:00 rotation restricted to 09:00–17:00
 * gives each member one 8-hour window per turn; restricted to Mon 09:00 – Fri 17:00 the Friday member
 * is followed on Monday by the next member (the weekend's shifts take no turn). Whether a shift takes
 * a turn is decided on the clock face, so it does not depend on DST: a shift whose only active local
 * hours fall in a spring-forward gap takes its turn and shows nobody, like the empty shift above.
 * Window ends resolve by the compatible rule (a 22:00–06:00 window on spring-forward night lasts 7 h);
 * should an end moved forward by a gap reach into a shift that takes no turn, those minutes go to
 * whoever takes the next turn, so an active window is never left uncovered.
 *
 * Layers and overrides. Later layers are higher: at each instant the highest layer with someone
 * wins and the lower ones are hidden there. Overrides then apply to that result, in list order (a
 * later override sees what earlier ones did): replace (userId and replacesUserId) swaps the person
 * for userId while they would be on call; add (userId only) puts a person on call in addition;
 * remove (replacesUserId only) takes the person off, and nobody from a lower layer steps in. A person
 * is listed once per instant.
 *
 * Shifts are half-open [start, end), sorted by start then userId, clipped to the range asked for,
 * and split at every handoff; a final shift is one person's stretch from one source (a layer's shift,
 * an add override, or a replace override over one layer shift), so consecutive shifts of a person are
 * not merged.
 */

import type { Weekday } from '../time/weekdays.js';

export { WEEKDAYS, type Weekday } from '../time/weekdays.js';

export const ROTATION_UNITS = ['hour', 'day', 'week'] as const;
export type RotationUnit = (typeof ROTATION_UNITS)[number];

export interface Rotation {
  unit: RotationUnit;
  /** Units per shift, 1 to MAX_ROTATION_LENGTH. */
  length: number;
  /** Local time of the handoffs, HH:MM (24 h). */
  handoffTime: string;
  /** Local date of handoff 0, YYYY-MM-DD. */
  startDate: string;
}

export const MAX_ROTATION_LENGTH = 10_000;

export interface MemberPeriod {
  /** ISO instant from which this list is in force (see `effective`). */
  from: string;
  /** User ids in rotation order; a user may appear more than once. */
  members: string[];
  /** `at` (default): from `from` itself; `next_handoff`: from the first handoff at or after `from`. */
  effective?: 'at' | 'next_handoff';
}

export type Restriction =
  | { kind: 'daily'; start: string; end: string }
  | { kind: 'weekly'; startDay: Weekday; start: string; endDay: Weekday; end: string };

export interface Layer {
  id: string;
  name: string;
  rotation: Rotation;
  members: MemberPeriod[];
  /** Active windows; none means always active. */
  restrictions: Restriction[];
  /** ISO instant from which the layer counts (default: its first handoff). */
  start?: string;
  /** ISO instant at which the layer stops; null or absent: never. */
  end?: string | null;
}

export interface Override {
  id: string;
  start: string;
  end: string;
  /** Who goes on call (with replacesUserId: instead of them; alone: in addition). */
  userId: string | null;
  /** Who is replaced (with userId) or taken off (alone). */
  replacesUserId: string | null;
}

export interface Schedule {
  timeZone: string;
  /** Lowest first: later layers win where they have someone. */
  layers: Layer[];
  overrides: Override[];
}

export interface Shift {
  userId: string;
  start: string;
  end: string;
  layerId?: string;
  overrideId?: string;
}

export interface Interval {
  start: string;
  end: string;
}

/** Inside the module: a shift on the ms scale, with the identity of its source (for splitting). */
export interface Segment {
  userId: string;
  start: number;
  end: number;
  /** Pieces with the same source and person that touch are one shift; different sources never merge. */
  source: string;
  layerId?: string;
  overrideId?: string;
}

/** Parse an ISO instant at the module boundary; a malformed one is a caller's bug. */
export function instant(s: string): number {
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO-8601 instant: ${s}`);
  return t;
}

export const iso = (t: number) => new Date(t).toISOString();
