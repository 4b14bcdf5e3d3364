/** Tables of on-call: schedules, escalation policies, notification rules, escalation state (migrations/2026-11-22-1920-oncall.ts). */

export interface ScheduleTable {
  id: string;
  name: string;
  description: string;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface ScheduleLayerTable {
  id: string;
  scheduleId: string;
  /** 1 is the lowest layer; higher positions win where they have someone. */
  position: number;
  name: string;
  /** JSON: { unit, length, handoffTime, startDate }. */
  rotation: string;
  /** JSON: the member lists over time (domain/schedule MemberPeriod[]). */
  memberPeriods: string;
  /** JSON: Restriction[]. */
  restrictions: string;
  startsAt: string | null;
  endsAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ScheduleOverrideTable {
  id: string;
  scheduleId: string;
  startsAt: string;
  endsAt: string;
  userId: string | null;
  replacesUserId: string | null;
  createdById: string | null;
  createdAt: string;
}

export interface EscalationPolicyTable {
  id: string;
  name: string;
  description: string;
  /** How many more times the whole policy runs after the first pass. */
  repeat: number;
  /** JSON: [{ delayMinutes, targets: [{ type: 'user' | 'schedule', id }] }]. */
  levels: string;
  /** An acknowledged incident not resolved within this many minutes is paged again; null: never. */
  ackTimeoutMinutes: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface NotificationRuleTable {
  id: string;
  userId: string;
  urgency: string;
  contactMethodId: string;
  delayMinutes: number;
  createdAt: string;
}

export interface IncidentEscalationTable {
  incidentId: string;
  policyId: string | null;
  /** JSON: the policy as it was when the escalation started (levels, repeat). */
  policy: string;
  /** 0-based index of the level paged last. */
  level: number;
  /** 0-based pass through the policy. */
  pass: number;
  status: string;
  /** Bumped by escalate/reassign/acknowledge, so a step job scheduled before it is stale. */
  generation: number;
  startedAt: string;
  updatedAt: string;
}

export interface OncallTables {
  schedule: ScheduleTable;
  scheduleLayer: ScheduleLayerTable;
  scheduleOverride: ScheduleOverrideTable;
  escalationPolicy: EscalationPolicyTable;
  notificationRule: NotificationRuleTable;
  incidentEscalation: IncidentEscalationTable;
}
