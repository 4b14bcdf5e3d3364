/**
 * Escalation policies (SPEC §3, §4.4): ordered levels, each with targets (users, schedules) and a
 * delay. Level 1 is paged at once; `delayMinutes` is how long a level waits for an acknowledgement
 * before the next level is paged; after the last level, the whole policy runs `repeat` more times
 * (PagerDuty's `num_loops`), the last level's delay separating the passes. A level with nobody to
 * page (an empty schedule) is skipped at once and recorded.
 */
export const TARGET_TYPES = ['user', 'schedule'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export interface EscalationTarget {
  type: TargetType;
  id: string;
}

export interface EscalationLevel {
  delayMinutes: number;
  targets: EscalationTarget[];
}

export interface PolicyShape {
  repeat: number;
  levels: EscalationLevel[];
  /** Acknowledged but not resolved after this many minutes: the incident is triggered and its level paged again. */
  ackTimeoutMinutes?: number | null;
}

export const MAX_LEVELS = 20;
export const MAX_REPEAT = 9;
/** A week: longer than that, a level would never hand over in any real incident. */
export const MAX_DELAY_MINUTES = 7 * 24 * 60;

/** Where the escalation goes after paging (level, pass): the next level, the next pass, or nowhere. */
export function nextStep(policy: PolicyShape, level: number, pass: number): { level: number; pass: number } | null {
  if (level + 1 < policy.levels.length) return { level: level + 1, pass };
  if (pass < policy.repeat) return { level: 0, pass: pass + 1 };
  return null;
}
