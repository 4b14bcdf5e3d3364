import { DAY, MINUTE, parseTime, WEEK } from '../time/zone.js';
import type { ZoneClock } from '../time/zone-offsets.js';
import type { RotationPlan } from './rotation.js';
import { type Restriction, WEEKDAYS } from './types.js';

/**
 * Restriction windows (rules in types.ts). Windows are laid out on the clock face, period by period
 * (a day, or a week when any window is weekly), and only then resolved to instants, so rendering a
 * year walks ~365 days, never minutes.
 */
export interface RestrictionPlan {
  /** DAY or WEEK (wall ms). */
  period: number;
  /** Windows as wall offsets from the period's start (midnight, or Monday midnight): start in [0, period), end > start. */
  windows: [number, number][];
}

/** Day 4 of the epoch (1970-01-05) is a Monday: weekly periods start on Monday midnights. */
const MONDAY = 4 * DAY;

/** The plan of a layer's restrictions (already checked by validateSchedule), null when unrestricted. */
export function restrictionPlan(restrictions: Restriction[]): RestrictionPlan | null {
  if (!restrictions.length) return null;
  const period = restrictions.some((r) => r.kind === 'weekly') ? WEEK : DAY;
  const windows: [number, number][] = [];
  for (const r of restrictions) {
    const start = (parseTime(r.start) ?? 0) * MINUTE;
    const end = (parseTime(r.end) ?? 0) * MINUTE;
    if (r.kind === 'daily') {
      const e = end > start ? end : end + DAY;
      for (let d = 0; d < period; d += DAY) windows.push([d + start, d + e]);
    } else {
      const s = WEEKDAYS.indexOf(r.startDay) * DAY + start;
      const e = WEEKDAYS.indexOf(r.endDay) * DAY + end;
      windows.push([s, e > s ? e : e + WEEK]);
    }
  }
  return { period, windows };
}

/** Sort and unite intervals (touching ones become one). */
export function unite(intervals: [number, number][]): [number, number][] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Active windows on the clock face that meet the wall interval [from, to), united, not clipped. */
export function wallWindows(plan: RestrictionPlan, from: number, to: number): [number, number][] {
  const origin = plan.period === WEEK ? MONDAY : 0;
  const out: [number, number][] = [];
  // windows may reach into the next period, so start one period early
  for (let p = Math.floor((from - origin) / plan.period) - 1; origin + p * plan.period < to; p++) {
    const base = origin + p * plan.period;
    for (const [s, e] of plan.windows) {
      if (base + e > from && base + s < to) out.push([base + s, base + e]);
    }
  }
  return unite(out);
}

/** Active windows as instants, united and clipped to [from, to). */
export function activeWindows(plan: RestrictionPlan, clock: ZoneClock, from: number, to: number): [number, number][] {
  // the margin covers any UTC offset between the two scales
  const wall = wallWindows(plan, clock.wallOf(from) - DAY, clock.wallOf(to) + DAY);
  const real: [number, number][] = [];
  for (const [ws, we] of wall) {
    const s = Math.max(from, clock.instantOf(ws));
    const e = Math.min(to, clock.instantOf(we));
    if (e > s) real.push([s, e]);
  }
  return unite(real);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Which shifts take a turn, and how many turns came before a shift. A shift takes a turn when its
 * wall interval meets an active window; as both repeat on the clock face, the pattern repeats every
 * `period / gcd(step, period)` shifts (at most 168), so counting is arithmetic, however long ago
 * handoff 0 was.
 */
export interface TurnCounter {
  /** Turns taken by shifts 0 … k-1 (the turn number of shift k when it takes one). */
  turnsBefore(k: number): number;
  /** False when no shift ever takes a turn. */
  any: boolean;
}

const UNRESTRICTED: TurnCounter = { turnsBefore: (k) => k, any: true };

export function turnCounter(rotation: RotationPlan, plan: RestrictionPlan | null): TurnCounter {
  if (!plan) return UNRESTRICTED;
  const cycle = plan.period / gcd(rotation.step, plan.period);
  const before: number[] = [0];
  for (let i = 0; i < cycle; i++) {
    const start = rotation.first + i * rotation.step;
    // a shift as long as a period meets every window
    const t = rotation.step >= plan.period ? plan.windows.length > 0 : wallWindows(plan, start, start + rotation.step).length > 0;
    before.push(before[i]! + (t ? 1 : 0));
  }
  const perCycle = before[cycle]!;
  return {
    turnsBefore: (k) => Math.floor(k / cycle) * perCycle + before[k % cycle]!,
    any: perCycle > 0,
  };
}
