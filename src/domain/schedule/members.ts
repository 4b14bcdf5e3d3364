import { mod } from '../time/zone.js';
import type { TurnCounter } from './restrictions.js';
import { handoffAt, nextHandoffIndex, type RotationPlan, shiftIndexAt } from './rotation.js';
import { instant, type MemberPeriod } from './types.js';

/**
 * Member changes that never rewrite the past (rules in types.ts): which list is in force when, and
 * where each list's order picks up the rotation.
 */
export interface MemberSpan {
  /** The list is in force on [start, end). */
  start: number;
  end: number;
  members: string[];
  /** Turn t goes to members[(t + offset) mod n]. */
  offset: number;
}

/** Who takes turn `turn` under a span; null for an empty list. */
export function memberFor(span: MemberSpan, turn: number): string | null {
  const n = span.members.length;
  return n ? span.members[mod(turn + span.offset, n)]! : null;
}

/**
 * The offset that continues the old order under a new list from turn `turn`: the person whose turn
 * it is under the old list keeps it if they stay, else the next of the old order who stays; 0 (plain
 * `members[t mod n]`) when nobody stays or there is no old list.
 */
function continuingOffset(previous: MemberSpan | null, members: string[], turn: number): number {
  if (!previous || !members.length) return 0;
  for (let j = 0; j < previous.members.length; j++) {
    const who = memberFor(previous, turn + j);
    const at = who === null ? -1 : members.indexOf(who);
    if (at >= 0) return mod(at - turn, members.length);
  }
  return 0;
}

/** The spans of a layer's member periods, in order; before the first, nobody. */
export function memberSpans(periods: MemberPeriod[], rotation: RotationPlan, turns: TurnCounter): MemberSpan[] {
  const timed = periods
    .map((p, index) => ({ p, index, from: instant(p.from) }))
    .sort((a, b) => a.from - b.from || a.index - b.index)
    .map(({ p, from }) => {
      if (p.effective === 'next_handoff') {
        const k = nextHandoffIndex(rotation, from);
        return { members: p.members, start: handoffAt(rotation, k), turn: turns.turnsBefore(k) };
      }
      // the shift running at `from` (or the first, before it): its turn is the one being handed over
      return { members: p.members, start: from, turn: turns.turnsBefore(Math.max(0, shiftIndexAt(rotation, from))) };
    });
  // a period applies until the next one takes effect; one superseded before it starts never applies
  const kept: ((typeof timed)[number] & { end: number })[] = [];
  let next = Number.POSITIVE_INFINITY;
  for (let i = timed.length - 1; i >= 0; i--) {
    const t = timed[i]!;
    if (t.start < next) kept.unshift({ ...t, end: next });
    next = Math.min(next, t.start);
  }
  const spans: MemberSpan[] = [];
  for (const t of kept) {
    const previous = spans[spans.length - 1] ?? null;
    spans.push({ start: t.start, end: t.end, members: t.members, offset: continuingOffset(previous, t.members, t.turn) });
  }
  return spans;
}
