import { DAY, HOUR, MINUTE, parseDay, parseTime, WEEK } from '../time/zone.js';
import { type ZoneClock, zoneClock } from '../time/zone-offsets.js';
import type { Rotation } from './types.js';

/**
 * Handoff instants of a rotation, computed arithmetically (no stepping): handoff k is the wall
 * reading `first + k × step` resolved by the compatible rule, where `step` is the shift length on the
 * clock face (hours, days or weeks). The rules are in types.ts.
 */
export interface RotationPlan {
  clock: ZoneClock;
  /** Wall reading of handoff 0. */
  first: number;
  /** Wall-clock length of a shift, ms. */
  step: number;
}

const UNIT_MS = { hour: HOUR, day: DAY, week: WEEK } as const;

/** The plan of a rotation already checked by validateSchedule. */
export function rotationPlan(zone: string, rotation: Rotation): RotationPlan {
  const day = parseDay(rotation.startDate);
  const minute = parseTime(rotation.handoffTime);
  if (day === null || minute === null) throw new RangeError(`invalid rotation start ${rotation.startDate} ${rotation.handoffTime}`);
  return { clock: zoneClock(zone), first: day * DAY + minute * MINUTE, step: rotation.length * UNIT_MS[rotation.unit] };
}

/**
 * The instant of handoff k (k ≥ 0). A handoff whose local time was skipped moves forward by the gap;
 * should that carry it past later handoffs (only a gap longer than a shift can), it is the earliest of
 * them, so handoffs never go backwards.
 */
export function handoffAt(plan: RotationPlan, k: number): number {
  const wall = plan.first + k * plan.step;
  const r = plan.clock.resolve(wall);
  let at = r.instant;
  for (let j = k + 1; r.shifted > 0 && plan.first + j * plan.step < wall + r.shifted; j++) {
    at = Math.min(at, plan.clock.instantOf(plan.first + j * plan.step));
  }
  return at;
}

/** The shift running at an instant: the largest k with handoff k ≤ t, or -1 before handoff 0. */
export function shiftIndexAt(plan: RotationPlan, t: number): number {
  if (t < handoffAt(plan, 0)) return -1;
  let k = Math.max(0, Math.floor((plan.clock.wallOf(t) - plan.first) / plan.step));
  while (k > 0 && handoffAt(plan, k) > t) k--;
  while (handoffAt(plan, k + 1) <= t) k++;
  return k;
}

/** The first handoff at or after an instant (0 before handoff 0). */
export function nextHandoffIndex(plan: RotationPlan, t: number): number {
  const k = shiftIndexAt(plan, t);
  if (k < 0) return 0;
  return handoffAt(plan, k) === t ? k : k + 1;
}
