/**
 * Instants as a status page shows them: in the page's zone, with the zone named, whatever the
 * server's or the reader's own zone (edge case 43: the list, the form and the page show the same
 * instant with the same label). Days on the page's history are local dates in that zone (edge case
 * 9: an incident at 19:30 in New York, 00:30 UTC the next day, is listed under its New York date).
 */
import { DAY, isoDay, MINUTE, parseDay } from '../time/zone.js';
import { zoneClock } from '../time/zone-offsets.js';

export interface ZonedTime {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Local time, HH:MM (24 h). */
  time: string;
  /** UTC offset, e.g. `-04:00`, `+09:00`, `+00:00`. */
  offset: string;
  /** The IANA zone, as the label shown next to the time. */
  zone: string;
}

/** An instant read in `zone`. */
export function zonedTime(instant: string, zone: string): ZonedTime {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO-8601 instant: ${instant}`);
  const clock = zoneClock(zone);
  const wall = clock.wallOf(t);
  const minutes = Math.round(clock.offsetAt(t) / MINUTE);
  const abs = Math.abs(minutes);
  const offset = `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const iso = new Date(wall).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), offset, zone };
}

/** Local date (YYYY-MM-DD) of an instant in `zone`. */
export const localDayOf = (instant: string, zone: string): string => isoDay(Math.floor(zoneClock(zone).wallOf(Date.parse(instant)) / DAY));

export interface DayGroup<T> {
  date: string;
  items: T[];
}

/**
 * Items grouped by the local date of `at(item)` in `zone`, newest day first, items newest first
 * within a day. With `through` and `from` (local dates, inclusive) every day in between is listed,
 * empty ones included (items outside it are left out); without them only days with items appear
 * ("only show days with incidents").
 */
export function groupByLocalDay<T>(items: readonly T[], at: (item: T) => string, zone: string, range?: { from: string; through: string }): DayGroup<T>[] {
  const byDay = new Map<string, { t: number; item: T }[]>();
  for (const item of items) {
    const instant = at(item);
    const date = localDayOf(instant, zone);
    const list = byDay.get(date) ?? [];
    list.push({ t: Date.parse(instant), item });
    byDay.set(date, list);
  }
  let dates = [...byDay.keys()];
  if (range) {
    const first = parseDay(range.from);
    const last = parseDay(range.through);
    if (first === null || last === null) throw new RangeError(`range: dates must be YYYY-MM-DD: ${range.from}, ${range.through}`);
    dates = [];
    for (let d = first; d <= last; d++) dates.push(isoDay(d));
  }
  return dates
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    .map((date) => ({ date, items: (byDay.get(date) ?? []).sort((a, b) => b.t - a.t).map((x) => x.item) }));
}
