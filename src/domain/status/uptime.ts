/**
 * 90-day uptime bars per component (SPEC §4.5: maintenance excluded, no data shown as no data).
 *
 * Days are local dates in the page's zone, so a day lasts 23, 24 or 25 hours across DST and an
 * outage at 19:30 in New York (00:30 UTC the next day) counts on its local date (edge case 9). The
 * last day is today (the local date of `now`); every minute of a day falls in exactly one bucket:
 *
 * 1. **no data** — before `dataStart` (the component did not exist or was not observed), inside an
 *    observation gap (history that expired, edge case 46), or after `now` (not yet happened). We
 *    claim nothing about these minutes: not 100 %, not an outage.
 * 2. **maintenance** — a maintenance occurrence covers the minute. Planned time is excluded from
 *    uptime entirely (SPEC §4.5), also when an incident was open during it: uptime measures
 *    unplanned downtime, and so adding an outage can never raise a day's uptime.
 * 3. **down / partial / degraded** — the worst outage interval covering the minute
 *    (`major_outage`, `partial_outage`, `degraded_performance`).
 * 4. **operational** — everything else.
 *
 * Uptime = 100 × (counted − down − 0.3 × partial) / counted, where counted = the day's minutes less
 * maintenance and no data. Weights are Atlassian Statuspage's: a major outage minute is fully down,
 * a partial outage minute 30 % down, degraded performance is not counted as down. A day with
 * nothing counted (all maintenance and/or no data) has uptime `null`, never 100 %: the bar shows
 * its `worst` (`under_maintenance` or `no_data`) instead of a percentage. The period's figure
 * applies the same formula to the sums of all days.
 *
 * A day's `worst` is the worst status the component showed in an observed minute, ranked as in
 * component-status.ts: an outage during maintenance shows as the outage there (the page showed it),
 * though its minutes count as maintenance. A day without an observed minute is `no_data`.
 *
 * Resolution is the minute: every instant given is truncated to its minute, so buckets are whole
 * minutes and sum exactly to the day's length.
 */
import { DAY, isoDay, MINUTE } from '../time/zone.js';
import { zoneClock } from '../time/zone-offsets.js';
import { worseStatus } from './component-status.js';
import type { ComponentStatus, OutageStatus } from './types.js';

/** How much of a minute in each outage status counts as down. */
export const DOWN_WEIGHTS: Readonly<Record<OutageStatus, number>> = { major_outage: 1, partial_outage: 0.3, degraded_performance: 0 };

export const DEFAULT_UPTIME_DAYS = 90;

/** A half-open interval [start, end); `end` null while it goes on. */
export interface Interval {
  start: string;
  end: string | null;
}

export interface OutageInterval extends Interval {
  status: OutageStatus;
}

export interface UptimeInput {
  /** The page's IANA zone (valid, as `canonicalTimeZone` returns it). */
  timeZone: string;
  now: string;
  /** When the component was created or first observed. */
  dataStart: string;
  outages: readonly OutageInterval[];
  /** Maintenance occurrences covering the component (maintenance-schedule.ts `occurrencesBetween`). */
  maintenances: readonly Interval[];
  /** Periods without observations. */
  gaps?: readonly Interval[];
  /** Number of days, today included (default 90). */
  days?: number;
}

/** What a day's bar shows: the worst status seen in an observed minute, or `no_data`. */
export type DayStatus = ComponentStatus | 'no_data';

export interface MinuteBuckets {
  operationalMinutes: number;
  degradedMinutes: number;
  partialMinutes: number;
  downMinutes: number;
  maintenanceMinutes: number;
  noDataMinutes: number;
}

export interface UptimeDay extends MinuteBuckets {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Length of the local day (1380, 1440 or 1500 across DST). */
  minutes: number;
  /** Percent in [0, 100], or null when nothing was counted. */
  uptime: number | null;
  worst: DayStatus;
}

export interface UptimeBars {
  /** Oldest first; the last is today. */
  days: UptimeDay[];
  /** The period's uptime, percent, or null when nothing was counted. */
  uptime: number | null;
}

type Bucket = keyof MinuteBuckets;
const BUCKET_OF: Record<OutageStatus, Bucket> = { major_outage: 'downMinutes', partial_outage: 'partialMinutes', degraded_performance: 'degradedMinutes' };
const emptyBuckets = (): MinuteBuckets => ({ operationalMinutes: 0, degradedMinutes: 0, partialMinutes: 0, downMinutes: 0, maintenanceMinutes: 0, noDataMinutes: 0 });

function instant(value: string, field: string): number {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new RangeError(`${field}: not an ISO-8601 instant: ${value}`);
  return Math.floor(t / MINUTE) * MINUTE;
}

/** Uptime percent from minute buckets (formula in this module's header). */
export function uptimeOf(b: MinuteBuckets, minutes: number): number | null {
  const counted = minutes - b.maintenanceMinutes - b.noDataMinutes;
  if (counted <= 0) return null;
  const down = b.downMinutes * DOWN_WEIGHTS.major_outage + b.partialMinutes * DOWN_WEIGHTS.partial_outage;
  return Math.min(100, Math.max(0, (100 * (counted - down)) / counted));
}

type Kind = 'gap' | 'maintenance' | OutageStatus;

/** The 90-day (or `days`) bars of one component (rules in this module's header). */
export function uptimeBars(input: UptimeInput): UptimeBars {
  const count = input.days ?? DEFAULT_UPTIME_DAYS;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`days: must be a whole number, 1 or more: ${count}`);
  const clock = zoneClock(input.timeZone);
  const now = instant(input.now, 'now');
  const firstDay = Math.floor(clock.wallOf(now) / DAY) - count + 1;
  const bounds = Array.from({ length: count + 1 }, (_, i) => clock.instantOf((firstDay + i) * DAY));
  const from = bounds[0]!;
  const to = bounds[count]!;

  // +1/-1 per kind at each boundary, clipped to the period
  const events: { t: number; kind: Kind; delta: 1 | -1 }[] = [];
  const add = (kind: Kind, start: number, end: number) => {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s < e) events.push({ t: s, kind, delta: 1 }, { t: e, kind, delta: -1 });
  };
  const endOf = (i: Interval, field: string) => (i.end === null ? to : instant(i.end, field));
  add('gap', from, instant(input.dataStart, 'dataStart'));
  add('gap', now, to);
  for (const g of input.gaps ?? []) add('gap', instant(g.start, 'gaps.start'), endOf(g, 'gaps.end'));
  for (const m of input.maintenances) add('maintenance', instant(m.start, 'maintenances.start'), endOf(m, 'maintenances.end'));
  for (const o of input.outages) add(o.status, instant(o.start, 'outages.start'), endOf(o, 'outages.end'));
  events.sort((a, b) => a.t - b.t);

  const points = [...new Set([...bounds, ...events.map((e) => e.t)])].sort((a, b) => a - b);
  const active: Record<Kind, number> = { gap: 0, maintenance: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0 };
  const buckets = Array.from({ length: count }, emptyBuckets);
  const worst: DayStatus[] = Array.from({ length: count }, () => 'no_data');
  let e = 0;
  let day = 0;
  for (let k = 0; k < points.length - 1; k++) {
    const t = points[k]!;
    for (; e < events.length && events[e]!.t === t; e++) active[events[e]!.kind] += events[e]!.delta;
    while (t >= bounds[day + 1]!) day++;
    const outage: OutageStatus | null =
      active.major_outage > 0 ? 'major_outage' : active.partial_outage > 0 ? 'partial_outage' : active.degraded_performance > 0 ? 'degraded_performance' : null;
    const minutes = (points[k + 1]! - t) / MINUTE;
    if (active.gap > 0) {
      buckets[day]!.noDataMinutes += minutes;
      continue;
    }
    const bucket: Bucket = active.maintenance > 0 ? 'maintenanceMinutes' : outage ? BUCKET_OF[outage] : 'operationalMinutes';
    buckets[day]![bucket] += minutes;
    const shown: ComponentStatus = outage ?? (active.maintenance > 0 ? 'under_maintenance' : 'operational');
    const seen = worst[day]!;
    worst[day] = seen === 'no_data' ? shown : worseStatus(seen, shown);
  }

  const total = emptyBuckets();
  const days = buckets.map((b, i): UptimeDay => {
    const minutes = (bounds[i + 1]! - bounds[i]!) / MINUTE;
    for (const key of Object.keys(total) as Bucket[]) total[key] += b[key];
    return { date: isoDay(firstDay + i), minutes, uptime: uptimeOf(b, minutes), worst: worst[i]!, ...b };
  });
  return { days, uptime: uptimeOf(total, (to - from) / MINUTE) };
}
