import type { IncidentStatus } from '../incident/types.js';

/**
 * Where a new alert goes (SPEC §4.1), decided purely from facts the caller loads:
 *
 * 1. Flapping: a new alert whose predecessor (same key) resolved within the window reopens the
 *    predecessor's incident — the one exception to "a resolved incident never absorbs alerts".
 * 2. Grouping per service: `none` (an incident per alert, PagerDuty's default), `time_window` (join the
 *    newest open incident created in the last N minutes), `content` (join the newest open incident with
 *    the same values of chosen fields, optionally within N minutes).
 * 3. Threshold: without an incident to join, open one only once K matching alerts arrived in N minutes;
 *    until then the alert is held (stored, no incident, nobody paged).
 *
 * Every decision carries its reason, stored on the alert: users ask "why was this grouped?".
 */
export type GroupingMode =
  | { mode: 'none' }
  | { mode: 'time_window'; windowMinutes: number }
  | { mode: 'content'; fields: string[]; windowMinutes: number | null };

export interface GroupingConfig {
  grouping: GroupingMode;
  threshold: { count: number; windowMinutes: number } | null;
  /** 0 turns flapping detection off. */
  flappingWindowMinutes: number;
}

export const DEFAULT_GROUPING: GroupingConfig = { grouping: { mode: 'none' }, threshold: null, flappingWindowMinutes: 0 };

export interface CandidateIncident {
  id: string;
  status: IncidentStatus;
  createdAt: string;
  /** The content key the incident was opened with (content grouping), else null. */
  contentKey: string | null;
}

export interface GroupingInput {
  now: string;
  /** The alert's values for the configured content fields (resolved by the caller, e.g. `labels.job`). */
  fieldValues: Record<string, string | null>;
  /** The latest alert with the same key, when it is resolved. */
  predecessor: { incidentId: string | null; incidentStatus: IncidentStatus | null; resolvedAt: string } | null;
  /** The service's incidents that might be joined, any status (the function filters). */
  candidates: CandidateIncident[];
  /** Alerts matching this one (same content key, or the service) within the threshold window, this one included. */
  recentMatching: number;
}

export type GroupingReason =
  | { rule: 'flapping'; predecessorResolvedAt: string; windowMinutes: number }
  | { rule: 'time_window'; windowMinutes: number }
  | { rule: 'content'; fields: string[]; values: Record<string, string | null>; windowMinutes: number | null }
  | { rule: 'none' }
  | { rule: 'threshold'; count: number; needed: number; windowMinutes: number };

export type GroupingDecision =
  | { kind: 'reopen'; incidentId: string; reason: GroupingReason }
  | { kind: 'join'; incidentId: string; reason: GroupingReason }
  | { kind: 'new_incident'; contentKey: string | null; reason: GroupingReason }
  | { kind: 'hold'; contentKey: string | null; reason: GroupingReason };

const MINUTE = 60_000;
const isOpen = (s: IncidentStatus) => s === 'triggered' || s === 'acknowledged';

/** A stable key for the chosen fields' values (order of `fields` matters, as configured). */
export function contentKey(fields: string[], values: Record<string, string | null>): string {
  return JSON.stringify(fields.map((f) => [f, values[f] ?? null]));
}

export function decideGrouping(config: GroupingConfig, input: GroupingInput): GroupingDecision {
  const now = Date.parse(input.now);
  const p = input.predecessor;
  if (config.flappingWindowMinutes > 0 && p?.incidentId && now - Date.parse(p.resolvedAt) <= config.flappingWindowMinutes * MINUTE) {
    const reason: GroupingReason = { rule: 'flapping', predecessorResolvedAt: p.resolvedAt, windowMinutes: config.flappingWindowMinutes };
    if (p.incidentStatus === 'resolved') return { kind: 'reopen', incidentId: p.incidentId, reason };
    if (p.incidentStatus && isOpen(p.incidentStatus)) return { kind: 'join', incidentId: p.incidentId, reason };
  }
  const g = config.grouping;
  const key = g.mode === 'content' ? contentKey(g.fields, input.fieldValues) : null;
  const open = input.candidates.filter((c) => isOpen(c.status)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  if (g.mode === 'time_window') {
    const hit = open.find((c) => now - Date.parse(c.createdAt) <= g.windowMinutes * MINUTE);
    if (hit) return { kind: 'join', incidentId: hit.id, reason: { rule: 'time_window', windowMinutes: g.windowMinutes } };
  }
  const contentReason = (): GroupingReason =>
    g.mode === 'content' ? { rule: 'content', fields: g.fields, values: input.fieldValues, windowMinutes: g.windowMinutes } : { rule: 'none' };
  if (g.mode === 'content') {
    const hit = open.find((c) => c.contentKey === key && (g.windowMinutes === null || now - Date.parse(c.createdAt) <= g.windowMinutes * MINUTE));
    if (hit) return { kind: 'join', incidentId: hit.id, reason: contentReason() };
  }
  const t = config.threshold;
  if (t && input.recentMatching < t.count) {
    return { kind: 'hold', contentKey: key, reason: { rule: 'threshold', count: input.recentMatching, needed: t.count, windowMinutes: t.windowMinutes } };
  }
  const reason: GroupingReason =
    t ? { rule: 'threshold', count: input.recentMatching, needed: t.count, windowMinutes: t.windowMinutes } : g.mode === 'time_window' ? { rule: 'time_window', windowMinutes: g.windowMinutes } : contentReason();
  return { kind: 'new_incident', contentKey: key, reason };
}
