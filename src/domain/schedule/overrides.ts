import { instant, type Override, type Segment } from './types.js';

/**
 * Overrides over the layered schedule (rules in types.ts). The range is cut at every boundary of a
 * layer shift and of an override; on each elementary interval the overrides in force apply in list
 * order to the person the layers give; then the pieces of one person from one source that touch are
 * joined again, so an add override does not split anyone else's shift, but everything is split where
 * its own source changes.
 */
interface Entry {
  userId: string;
  source: string;
  layerId?: string;
  overrideId?: string;
}

interface Timed {
  o: Override;
  start: number;
  end: number;
  /** Position in the schedule's list: the order of application, and the source's identity. */
  index: number;
}

function applyOverrides(base: Entry | null, active: Timed[]): Entry[] {
  let entries: Entry[] = base ? [base] : [];
  for (const { o, index } of active) {
    if (o.userId !== null && o.replacesUserId !== null) {
      const by = o.userId;
      entries = entries.map((e) => (e.userId === o.replacesUserId ? { userId: by, source: `${e.source}>${index}`, overrideId: o.id } : e));
    } else if (o.replacesUserId !== null) {
      entries = entries.filter((e) => e.userId !== o.replacesUserId);
    } else if (o.userId !== null) {
      entries.push({ userId: o.userId, source: `+${index}`, overrideId: o.id });
    }
  }
  // one person is listed once: the first way they got there stands
  return entries.filter((e, i) => entries.findIndex((x) => x.userId === e.userId) === i);
}

/**
 * The final segments over [from, to) and the intervals with nobody, from the layered `base`
 * (sorted, disjoint, inside the range) and the schedule's overrides.
 */
export function withOverrides(base: Segment[], overrides: Override[], from: number, to: number): { segments: Segment[]; gaps: [number, number][] } {
  const timed: Timed[] = [];
  overrides.forEach((o, index) => {
    const start = Math.max(from, instant(o.start));
    const end = Math.min(to, instant(o.end));
    if (end > start) timed.push({ o, start, end, index });
  });
  const cuts = new Set<number>([from, to]);
  for (const s of base) cuts.add(s.start).add(s.end);
  for (const t of timed) cuts.add(t.start).add(t.end);
  const bounds = [...cuts].sort((a, b) => a - b);
  const starting = [...timed].sort((a, b) => a.start - b.start);

  const segments: Segment[] = [];
  const gaps: [number, number][] = [];
  let open = new Map<string, Segment>();
  let active: Timed[] = [];
  let b = 0;
  let next = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i]!;
    const e = bounds[i + 1]!;
    while (b < base.length && base[b]!.end <= s) b++;
    const seg = base[b];
    const layered: Entry | null = seg && seg.start <= s ? { userId: seg.userId, source: seg.source, ...(seg.layerId ? { layerId: seg.layerId } : {}) } : null;
    let changed = false;
    while (next < starting.length && starting[next]!.start <= s) {
      active.push(starting[next++]!);
      changed = true;
    }
    if (active.some((t) => t.end <= s)) active = active.filter((t) => t.end > s);
    if (changed) active.sort((x, y) => x.index - y.index);

    const entries = applyOverrides(layered, active);
    if (!entries.length) {
      const last = gaps[gaps.length - 1];
      if (last && last[1] === s) last[1] = e;
      else gaps.push([s, e]);
    }
    const still = new Map<string, Segment>();
    for (const en of entries) {
      const key = `${en.source}\u0000${en.userId}`;
      let piece = open.get(key);
      if (piece && piece.end === s) piece.end = e;
      else {
        piece = { userId: en.userId, start: s, end: e, source: en.source, ...(en.layerId ? { layerId: en.layerId } : {}), ...(en.overrideId ? { overrideId: en.overrideId } : {}) };
        segments.push(piece);
      }
      still.set(key, piece);
    }
    open = still;
  }
  segments.sort((x, y) => x.start - y.start || (x.userId < y.userId ? -1 : x.userId > y.userId ? 1 : 0));
  return { segments, gaps };
}
