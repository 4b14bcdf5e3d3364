import { memberFor, memberSpans } from './members.js';
import { activeWindows, restrictionPlan, turnCounter } from './restrictions.js';
import { handoffAt, rotationPlan, shiftIndexAt } from './rotation.js';
import { type Layer, type Schedule, type Segment, type Shift, instant, iso } from './types.js';

/**
 * One layer's shifts over [from, to) (ms): the rotation's shifts that take a turn, cut to the layer's
 * own start and end, to its member lists and to its active windows. Sorted, disjoint (a layer has at
 * most one person at a time), split at every handoff; a shift cut by a member change 'at' stays one
 * piece when the same person carries on.
 */
export function layerSegments(zone: string, layer: Layer, from: number, to: number): Segment[] {
  const rotation = rotationPlan(zone, layer.rotation);
  const restrictions = restrictionPlan(layer.restrictions);
  const turns = turnCounter(rotation, restrictions);
  const lo = Math.max(from, handoffAt(rotation, 0), layer.start ? instant(layer.start) : Number.NEGATIVE_INFINITY);
  const hi = Math.min(to, layer.end ? instant(layer.end) : Number.POSITIVE_INFINITY);
  if (lo >= hi || !turns.any) return [];
  const spans = memberSpans(layer.members, rotation, turns).filter((s) => s.end > lo && s.start < hi);
  if (!spans.length) return [];
  const windows = restrictions ? activeWindows(restrictions, rotation.clock, lo, hi) : [[lo, hi] as [number, number]];

  const out: Segment[] = [];
  const emit = (userId: string, start: number, end: number, source: string) => {
    const last = out[out.length - 1];
    if (last && last.source === source && last.userId === userId && last.end === start) last.end = end;
    else out.push({ userId, start, end, source, layerId: layer.id });
  };
  let span = 0;
  let win = 0;
  let k = Math.max(0, shiftIndexAt(rotation, lo));
  let start = handoffAt(rotation, k);
  while (start < hi && win < windows.length) {
    const end = handoffAt(rotation, k + 1);
    // A shift that takes no turn meets no window on the clock face, so it has nobody; only at a DST
    // edge can a window's end, moved forward by a gap, reach into it: those minutes go to whoever
    // takes the next turn (turnsBefore(k)), so an active window is never left uncovered.
    if (end > start) {
      const turn = turns.turnsBefore(k);
      const source = `${layer.id}#${k}`;
      const s0 = Math.max(start, lo);
      const e0 = Math.min(end, hi);
      // pieces of [s0, e0) under each member span, then inside each active window
      while (span < spans.length && spans[span]!.end <= s0) span++;
      for (let j = span; j < spans.length && spans[j]!.start < e0; j++) {
        const sp = spans[j]!;
        const who = memberFor(sp, turn);
        const ps = Math.max(s0, sp.start);
        const pe = Math.min(e0, sp.end);
        if (who === null || pe <= ps) continue;
        while (win < windows.length && windows[win]![1] <= ps) win++;
        for (let w = win; w < windows.length && windows[w]![0] < pe; w++) {
          const ws = Math.max(ps, windows[w]![0]);
          const we = Math.min(pe, windows[w]![1]);
          if (we > ws) emit(who, ws, we, source);
        }
      }
    }
    k++;
    start = end;
  }
  return out;
}

/** The layer's own shifts clipped to [from, to) (ISO instants), split at every handoff. */
export function layerShifts(schedule: Schedule, layer: Layer, from: string, to: string): Shift[] {
  return layerSegments(schedule.timeZone, layer, instant(from), instant(to)).map((s) => ({ userId: s.userId, start: iso(s.start), end: iso(s.end), layerId: layer.id }));
}
