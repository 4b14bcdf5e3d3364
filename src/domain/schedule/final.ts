import { layerSegments } from './layer.js';
import { withOverrides } from './overrides.js';
import { unite } from './restrictions.js';
import { type Interval, instant, iso, type Schedule, type Segment, type Shift } from './types.js';

/**
 * The final schedule (rules in types.ts): layers stacked, the highest with someone winning, then
 * overrides. Everything is computed for the range asked, from the rotation's arithmetic, so any
 * range (a minute now, a year ahead) costs in proportion to the shifts in it.
 */

/** `segments` minus the sorted, disjoint `covered` intervals; both sorted. */
function uncovered(segments: Segment[], covered: [number, number][]): Segment[] {
  const out: Segment[] = [];
  let c = 0;
  for (const seg of segments) {
    while (c < covered.length && covered[c]![1] <= seg.start) c++;
    let s = seg.start;
    for (let j = c; j < covered.length && covered[j]![0] < seg.end; j++) {
      const [cs, ce] = covered[j]!;
      if (cs > s) out.push({ ...seg, start: s, end: cs });
      s = Math.max(s, ce);
    }
    if (s < seg.end) out.push({ ...seg, start: s, end: seg.end });
  }
  return out;
}

/** The layers stacked over [from, to): each instant's highest layer with someone, sorted. */
function layered(schedule: Schedule, from: number, to: number): Segment[] {
  const visible: Segment[] = [];
  let covered: [number, number][] = [];
  for (let i = schedule.layers.length - 1; i >= 0; i--) {
    const segments = layerSegments(schedule.timeZone, schedule.layers[i]!, from, to);
    visible.push(...uncovered(segments, covered));
    covered = unite([...covered, ...segments.map((s): [number, number] => [s.start, s.end])]);
  }
  return visible.sort((a, b) => a.start - b.start);
}

function finalSegments(schedule: Schedule, from: number, to: number) {
  if (from >= to) return { segments: [], gaps: [] };
  return withOverrides(layered(schedule, from, to), schedule.overrides, from, to);
}

const toShift = (s: Segment): Shift => ({
  userId: s.userId,
  start: iso(s.start),
  end: iso(s.end),
  ...(s.layerId ? { layerId: s.layerId } : {}),
  ...(s.overrideId ? { overrideId: s.overrideId } : {}),
});

/**
 * The final schedule over [from, to): sorted by start then userId, clipped to the range, split at
 * every handoff and wherever an override starts or ends for the person it concerns.
 */
export function finalShifts(schedule: Schedule, from: string, to: string): Shift[] {
  return finalSegments(schedule, instant(from), instant(to)).segments.map(toShift);
}

/** Who is on call at an instant in the final schedule (several when an override adds someone), sorted. */
export function onCallAt(schedule: Schedule, at: string): string[] {
  const t = instant(at);
  return [...new Set(finalSegments(schedule, t, t + 1).segments.map((s) => s.userId))].sort();
}

/**
 * Intervals with nobody on call in the final schedule within [from, to), future only: nothing
 * before `now` is reported (an elapsed hole is no longer actionable, edge case 8).
 */
export function coverageGaps(schedule: Schedule, from: string, to: string, now: string): Interval[] {
  const start = Math.max(instant(from), instant(now));
  return finalSegments(schedule, start, instant(to)).gaps.map(([s, e]) => ({ start: iso(s), end: iso(e) }));
}
