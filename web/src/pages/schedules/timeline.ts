/**
 * The geometry of the schedule timeline: where a block sits (fractions of the range), which lane it
 * takes when people overlap, a hue per person, and the viewer's local midnights.
 */
import { addDays, toInstant } from './zoned';

export interface Span {
  start: string;
  end: string;
}

export interface Placed<T extends Span> {
  item: T;
  /** 0–1 from the range's start. */
  left: number;
  width: number;
  lane: number;
}

/** Blocks clipped to [from, to), each in the first lane where it does not overlap another. */
export function place<T extends Span>(items: T[], from: number, to: number): { blocks: Placed<T>[]; lanes: number } {
  const total = to - from;
  const laneEnds: number[] = [];
  const sorted = [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const blocks: Placed<T>[] = [];
  for (const item of sorted) {
    const s = Math.max(Date.parse(item.start), from);
    const e = Math.min(Date.parse(item.end), to);
    if (e <= s) continue;
    let lane = laneEnds.findIndex((end) => end <= s);
    if (lane === -1) lane = laneEnds.push(e) - 1;
    else laneEnds[lane] = e;
    blocks.push({ item, left: (s - from) / total, width: (e - s) / total, lane });
  }
  return { blocks, lanes: Math.max(1, laneEnds.length) };
}

/** A hue per person, spread by the golden angle so neighbours differ; names are always shown too. */
export function huesFor(ids: Iterable<string>): Map<string, number> {
  const unique = [...new Set(ids)].sort();
  return new Map(unique.map((id, i) => [id, Math.round((i * 137.508 + 200) % 360)]));
}

/** The local midnights in `zone` from `fromDate` for `days` days, with their position in the range. */
export function dayTicks(fromDate: string, days: number, zone: string, from: number, to: number): { date: string; at: number; left: number }[] {
  const ticks = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(fromDate, i);
    const at = toInstant({ date, time: '00:00' }, zone)?.getTime() ?? from;
    ticks.push({ date, at, left: (at - from) / (to - from) });
  }
  return ticks;
}

/** Pixels per day: wide enough for a name at two weeks, narrower for longer ranges. */
export function pxPerDay(days: number): number {
  return days <= 14 ? 80 : days <= 31 ? 44 : 16;
}
