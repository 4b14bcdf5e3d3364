import { canonicalTimeZone } from '../access/credentials.js';
import type { FieldProblem } from '../errors.js';
import { WEEKDAYS, type Weekday } from '../time/weekdays.js';
import { civil, DAY, dayOf, daysIn, isoDay, MINUTE, mod, parseDay, parseTime, resolveWall, wallOf, weekdayOf } from '../time/zone.js';

/**
 * Maintenance windows (SPEC §4.1): when paging is suppressed for chosen services. Pure: every
 * function takes the instant it reasons about; time zones come from the platform's ICU data (Intl).
 *
 * A window is one-off (`startsAt` ≤ t < `endsAt`) or recurring: `recurrence` repeats a local
 * wall-clock slot (`startTime`, `durationMinutes`) in `timeZone` on matching local dates, from the
 * first slot starting at or after `startsAt`, up to local date `until` (inclusive). Rules:
 *
 * - `interval` counts days, weeks (Monday-based, from the week of `startsAt`) or months from the local
 *   date of `startsAt`. Monthly on day N skips months without that day (no 31st in April: no slot).
 * - An occurrence is the half-open interval [start, end). Its end is a *wall-clock* time: 01:30 for
 *   120 minutes ends at 03:30 local, so across a DST change the real length is one hour shorter
 *   (spring forward) or longer (fall back). People schedule maintenance by the clock on the wall.
 * - A local time that occurs twice (clocks go back) means the earlier instant; a local time that
 *   never occurs (clocks go forward) is shifted forward by the gap, and the whole occurrence with it
 *   (02:30 for 30 minutes on spring-forward day in New York runs 03:30–04:00 EDT). This is Temporal's
 *   "compatible" disambiguation.
 * - A duration longer than the shortest gap between two starts is refused, so occurrences do not
 *   overlap (save by part of a skipped hour, when an end falls into a DST gap: then `occurrenceAt`
 *   picks the one ending last). An occurrence that started before an instant and still runs
 *   (crossing midnight, crossing its day) covers that instant.
 */
export { WEEKDAYS, type Weekday } from '../time/weekdays.js';
/** Local date of an instant in a zone (YYYY-MM-DD): what `until` is compared with. */
export { localDate } from '../time/zone.js';

export const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface Recurrence {
  frequency: Frequency;
  /** Every `interval` days, weeks or months. */
  interval: number;
  /** Weekly only: the local weekdays with a slot. */
  daysOfWeek?: Weekday[];
  /** Monthly only: the local day of the month (months without it are skipped). */
  dayOfMonth?: number;
  /** Local start time, HH:MM (24 h). */
  startTime: string;
  durationMinutes: number;
  /** Last local date (YYYY-MM-DD) on which a slot may start. */
  until?: string;
}

export interface WindowTiming {
  /** IANA zone name, canonical as Intl reports it. */
  timeZone: string;
  startsAt: string;
  /** One-off: its end. Recurring: the end of the last occurrence, null when it repeats forever. */
  endsAt: string | null;
  recurrence: Recurrence | null;
}

export interface Occurrence {
  start: string;
  end: string;
}

/** What a person sends; `prepareWindow` checks it and fills defaults. */
export interface WindowInput {
  timeZone: string;
  startsAt: string;
  endsAt?: string | null;
  recurrence?: (Omit<Recurrence, 'interval'> & { interval?: number }) | null;
}

/** Longest single window (one-off or one occurrence). */
export const MAX_WINDOW_MINUTES = 31 * 24 * 60;
/** How far recurrences are followed: `until` at most this many days after the start. */
const HORIZON_DAYS = 3660;

interface Plan {
  zone: string;
  startsAt: number;
  anchorDay: number;
  untilDay: number;
  startMinute: number;
  duration: number;
  rule: Recurrence;
}

function planOf(w: WindowTiming & { recurrence: Recurrence }): Plan {
  const startsAt = Date.parse(w.startsAt);
  const anchorDay = Math.floor(wallOf(w.timeZone, startsAt) / DAY);
  const until = w.recurrence.until ? parseDay(w.recurrence.until) : null;
  return {
    zone: w.timeZone,
    startsAt,
    anchorDay,
    untilDay: until ?? Number.POSITIVE_INFINITY,
    startMinute: parseTime(w.recurrence.startTime) ?? 0,
    duration: w.recurrence.durationMinutes,
    rule: w.recurrence,
  };
}

/** Local dates in [fromDay, toDay] (and on or after the anchor, not after until) with a slot, ascending. */
function* slotDays(p: Plan, fromDay: number, toDay: number): Generator<number> {
  const from = Math.max(fromDay, p.anchorDay);
  const to = Math.min(toDay, p.untilDay);
  const { interval } = p.rule;
  if (p.rule.frequency === 'daily') {
    for (let k = from + mod(p.anchorDay - from, interval); k <= to; k += interval) yield k;
  } else if (p.rule.frequency === 'weekly') {
    const week0 = p.anchorDay - weekdayOf(p.anchorDay);
    const days = (p.rule.daysOfWeek ?? [WEEKDAYS[weekdayOf(p.anchorDay)]!]).map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
    let w = Math.max(0, Math.floor((from - week0) / 7));
    w += mod(-w, interval);
    for (; week0 + 7 * w <= to; w += interval) {
      for (const d of days) {
        const k = week0 + 7 * w + d;
        if (k >= from && k <= to) yield k;
      }
    }
  } else {
    const a = civil(p.anchorDay);
    const f = civil(from);
    const m0 = a.y * 12 + a.m - 1;
    let mi = Math.max(m0, f.y * 12 + f.m - 1);
    mi += mod(m0 - mi, interval);
    const dom = p.rule.dayOfMonth ?? a.d;
    for (; dayOf(Math.floor(mi / 12), (mi % 12) + 1, 1) <= to; mi += interval) {
      const y = Math.floor(mi / 12);
      const m = (mi % 12) + 1;
      if (dom > daysIn(y, m)) continue;
      const k = dayOf(y, m, dom);
      if (k >= from && k <= to) yield k;
    }
  }
}

/** The occurrence of the slot on local date `day` (ms instants). */
function slotOn(p: Plan, day: number): { start: number; end: number } {
  const wallStart = day * DAY + p.startMinute * MINUTE;
  const start = resolveWall(p.zone, wallStart);
  // a skipped start time moves the whole slot forward by the gap
  return { start: start.instant, end: resolveWall(p.zone, wallStart + start.shifted + p.duration * MINUTE).instant };
}

const spanDays = (p: Plan) => Math.ceil(p.duration / 1440) + 1;
const occ = (o: { start: number; end: number }): Occurrence => ({ start: new Date(o.start).toISOString(), end: new Date(o.end).toISOString() });
const isRecurring = (w: WindowTiming): w is WindowTiming & { recurrence: Recurrence } => w.recurrence !== null;

/** The occurrence covering `instant`, or null (the one ending last if several could). */
export function occurrenceAt(w: WindowTiming, instant: string): Occurrence | null {
  const t = Date.parse(instant);
  if (!isRecurring(w)) {
    const start = Date.parse(w.startsAt);
    return w.endsAt && start <= t && t < Date.parse(w.endsAt) ? { start: w.startsAt, end: w.endsAt } : null;
  }
  const p = planOf(w);
  if (t < p.startsAt) return null;
  const today = Math.floor(wallOf(p.zone, t) / DAY);
  let best: { start: number; end: number } | null = null;
  for (const day of slotDays(p, today - spanDays(p), today + 1)) {
    const o = slotOn(p, day);
    if (o.start >= p.startsAt && o.start <= t && t < o.end && (!best || o.end > best.end)) best = o;
  }
  return best && occ(best);
}

/** Up to `count` occurrences that have not ended at `from` (one in progress comes first), by start. */
export function nextOccurrences(w: WindowTiming, from: string, count: number): Occurrence[] {
  const f = Date.parse(from);
  if (!isRecurring(w)) return w.endsAt && Date.parse(w.endsAt) > f && count > 0 ? [{ start: w.startsAt, end: w.endsAt }] : [];
  const p = planOf(w);
  const out: Occurrence[] = [];
  if (count <= 0) return out;
  const fromDay = Math.floor(wallOf(p.zone, Math.max(f, p.startsAt)) / DAY) - spanDays(p);
  for (const day of slotDays(p, fromDay, fromDay + HORIZON_DAYS + spanDays(p))) {
    const o = slotOn(p, day);
    if (o.start < p.startsAt || o.end <= f) continue;
    out.push(occ(o));
    if (out.length >= count) break;
  }
  return out;
}

/** The shortest wall-clock gap between two slot starts, in minutes (monthly: 28 days per month). */
function shortestGapMinutes(r: Recurrence): number {
  if (r.frequency === 'daily') return r.interval * 1440;
  if (r.frequency === 'monthly') return r.interval * 28 * 1440;
  const days = (r.daysOfWeek ?? []).map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
  let gap = 7 * r.interval - (days[days.length - 1] ?? 0) + (days[0] ?? 0);
  for (let i = 1; i < days.length; i++) gap = Math.min(gap, days[i]! - days[i - 1]!);
  return gap * 1440;
}

/**
 * Check a window as a person sent it and fill the recurrence's defaults (interval 1; weekly on the
 * weekday of `startsAt`, monthly on its day of the month, both local). Problems name the field.
 */
export function prepareWindow(input: WindowInput): { ok: true; timing: WindowTiming } | { ok: false; problems: FieldProblem[] } {
  const fail = (field: string, message: string) => ({ ok: false as const, problems: [{ field, message }] });
  const zone = canonicalTimeZone(input.timeZone);
  if (!zone) return fail('timeZone', `unknown time zone "${input.timeZone}"; use an IANA name such as Asia/Tokyo or Europe/Berlin`);
  if (Number.isNaN(Date.parse(input.startsAt))) return fail('startsAt', 'must be an ISO-8601 instant');
  const startsAt = new Date(input.startsAt).toISOString();
  const r = input.recurrence;
  if (!r) {
    if (!input.endsAt) return fail('endsAt', 'a one-off window needs endsAt; send recurrence for a repeating one');
    const minutes = (Date.parse(input.endsAt) - Date.parse(startsAt)) / MINUTE;
    if (minutes <= 0) return fail('endsAt', 'must be after startsAt');
    if (minutes > MAX_WINDOW_MINUTES) return fail('endsAt', 'a maintenance window lasts at most 31 days');
    return { ok: true, timing: { timeZone: zone, startsAt, endsAt: new Date(input.endsAt).toISOString(), recurrence: null } };
  }
  if (input.endsAt) return fail('endsAt', 'a recurring window ends with recurrence.until; leave endsAt out (or null)');
  if (r.daysOfWeek && r.frequency !== 'weekly') return fail('recurrence.daysOfWeek', 'only a weekly recurrence has daysOfWeek');
  if (r.dayOfMonth !== undefined && r.frequency !== 'monthly') return fail('recurrence.dayOfMonth', 'only a monthly recurrence has dayOfMonth');
  if (r.daysOfWeek && !r.daysOfWeek.length) return fail('recurrence.daysOfWeek', 'name at least one weekday');
  const unknownDay = r.daysOfWeek?.find((d) => !WEEKDAYS.includes(d));
  if (unknownDay) return fail('recurrence.daysOfWeek', `unknown weekday "${unknownDay}"; use ${WEEKDAYS.join(', ')}`);
  if (parseTime(r.startTime) === null) return fail('recurrence.startTime', 'must be a local time HH:MM such as 02:30');
  const anchorDay = Math.floor(wallOf(zone, Date.parse(startsAt)) / DAY);
  const rule: Recurrence = {
    frequency: r.frequency,
    interval: r.interval ?? 1,
    ...(r.frequency === 'weekly' ? { daysOfWeek: WEEKDAYS.filter((d) => (r.daysOfWeek ?? [WEEKDAYS[weekdayOf(anchorDay)]]).includes(d)) } : {}),
    ...(r.frequency === 'monthly' ? { dayOfMonth: r.dayOfMonth ?? civil(anchorDay).d } : {}),
    startTime: r.startTime,
    durationMinutes: r.durationMinutes,
    ...(r.until ? { until: r.until } : {}),
  };
  if (!Number.isInteger(rule.interval) || rule.interval < 1) return fail('recurrence.interval', 'must be a whole number, 1 or more');
  const longest = Math.min(shortestGapMinutes(rule), MAX_WINDOW_MINUTES);
  if (!Number.isInteger(rule.durationMinutes) || rule.durationMinutes < 1 || rule.durationMinutes > longest) {
    return fail('recurrence.durationMinutes', `must be 1 to ${longest} minutes: an occurrence may not outlast the gap to the next one (nor 31 days)`);
  }
  if (rule.until !== undefined) {
    const until = parseDay(rule.until);
    if (until === null) return fail('recurrence.until', 'must be a date YYYY-MM-DD');
    if (until < anchorDay) return fail('recurrence.until', `must not be before the start date (${isoDay(anchorDay)} in ${zone})`);
    if (until > anchorDay + HORIZON_DAYS) return fail('recurrence.until', 'must be within 10 years of the start; leave it out to repeat forever');
  }
  const timing: WindowTiming = { timeZone: zone, startsAt, endsAt: null, recurrence: rule };
  const [first] = nextOccurrences(timing, startsAt, 1);
  if (!first) {
    const field = rule.until ? 'recurrence.until' : rule.frequency === 'monthly' ? 'recurrence.dayOfMonth' : 'recurrence';
    return fail(field, 'this recurrence never occurs: no slot starts between startsAt and until');
  }
  return { ok: true, timing: { ...timing, endsAt: lastEnd(planOf(timing as WindowTiming & { recurrence: Recurrence })) } };
}

/** End of the last occurrence of a bounded recurrence, null when it repeats forever. */
function lastEnd(p: Plan): string | null {
  if (!p.rule.until) return null;
  let last: number | null = null;
  for (const day of slotDays(p, p.anchorDay, p.untilDay)) last = day;
  if (last === null) return null;
  const o = slotOn(p, last);
  return o.start >= p.startsAt ? new Date(o.end).toISOString() : null;
}
