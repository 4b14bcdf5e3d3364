import type { JobTables } from './schema-jobs.js';
import type { NotificationTables } from './schema-notifications.js';
import type { OncallTables } from './schema-oncall.js';
import type { StatusTables } from './schema-status.js';
import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Column names are snake_case in SQL and camelCase here (CamelCasePlugin).
 * Portable representation (both dialects): instants are ISO-8601 UTC text in and out, booleans are
 * 0/1 integers, JSON is text written with JSON.stringify.
 */
export interface SettingTable {
  key: string;
  value: string;
  updatedAt: string;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface TeamTable {
  id: string;
  name: string;
  description: string;
  isSecurity: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: string;
  passwordHash: string | null;
  timeZone: string;
  locale: string;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** JSON `{ start, end }` (HH:MM in timeZone): low-urgency pages wait for the window's end; null: none. */
  quietHours: string | null;
}

export interface TeamMemberTable {
  teamId: string;
  userId: string;
  addedAt: string;
}

export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  scopes: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface SessionTable {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginAttemptTable {
  id: string;
  emailKey: string;
  ip: string;
  at: string;
  success: number;
}

export interface ContactMethodTable {
  id: string;
  userId: string;
  type: string;
  address: string;
  label: string;
  createdAt: string;
}

export interface ServiceTable {
  id: string;
  name: string;
  description: string;
  teamId: string | null;
  tier: number;
  escalationPolicyId: string | null;
  createdAt: string;
  updatedAt: string;
  /** JSON ServiceIngestConfig: grouping, threshold, flapping window, severity/urgency maps. */
  ingestConfig: Generated<string>;
}

export interface IntegrationTable {
  id: string;
  serviceId: string;
  type: string;
  name: string;
  key: string;
  config: string;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentTable {
  id: string;
  number: number;
  title: string;
  description: string;
  /** normalizeForSearch(title + description), kept in step by every write of either (domain/text/search.ts). */
  searchText: string;
  status: string;
  type: string;
  severity: string;
  impact: number;
  urgency: number;
  priority: string;
  serviceId: string | null;
  visibility: string;
  assessment: string;
  coordinationUrl: string | null;
  alertCount: number;
  mergedIntoId: string | null;
  createdByType: string;
  createdById: string | null;
  startedAt: string;
  createdAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** Content-grouping key the incident was opened with (alert-created incidents only). */
  groupingKey: string | null;
}

export interface IncidentServiceTable {
  incidentId: string;
  serviceId: string;
}

export interface IncidentParticipantTable {
  incidentId: string;
  userId: string;
  reason: string;
  addedAt: string;
}

export interface IncidentRoleTable {
  incidentId: string;
  role: string;
  userId: string;
  assignedAt: string;
}

export interface IncidentTaskTable {
  id: string;
  incidentId: string;
  title: string;
  status: string;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface TimelineEntryTable {
  id: string;
  incidentId: string;
  at: string;
  action: string;
  actorType: string;
  actorId: string | null;
  actorName: string;
  data: string;
  pinned: number;
}

export interface AlertTable {
  id: string;
  serviceId: string;
  integrationId: string | null;
  dedupKey: string;
  status: string;
  summary: string;
  severity: string;
  source: string | null;
  eventCount: number;
  incidentId: string | null;
  reason: string;
  details: string;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  /** SHA-256 of the Alertmanager group key, when the alert came in an Alertmanager group. */
  groupKey: string | null;
  acknowledgedAt: string | null;
  /** Content key of the service's grouping fields when the alert was created (threshold counting). */
  groupingKey: string | null;
  /** The dedup key as the sender gave it (before event rules re-keyed or routed the alert). */
  senderKey: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface OutboxTable {
  id: Generated<number>;
  at: string;
  topic: string;
  incidentId: string | null;
  data: string;
}

export interface ChangeEventTable {
  id: string;
  serviceId: string;
  integrationId: string | null;
  summary: string;
  source: string | null;
  details: string;
  links: string;
  occurredAt: string;
  receivedAt: string;
}

export interface EventTable {
  id: string;
  serviceId: string;
  integrationId: string | null;
  alertId: string | null;
  action: string;
  dedupKey: string | null;
  /** created | appended | acknowledged | resolved | ignored | dropped | suppressed | held … */
  outcome: string;
  reason: string;
  data: string;
  occurredAt: string;
  receivedAt: string;
}

export interface EventRuleTable {
  id: string;
  /** null: a global rule (applies before the service's own rules). */
  serviceId: string | null;
  position: number;
  name: string;
  enabled: number;
  conditions: string;
  actions: string;
  stopOnMatch: number;
  createdAt: string;
  updatedAt: string;
}

export interface MaintenanceWindowTable {
  id: string;
  name: string;
  description: string;
  timeZone: string;
  startsAt: string;
  endsAt: string | null;
  /** JSON recurrence rule, null for a one-off window. */
  recurrence: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MaintenanceWindowServiceTable {
  windowId: string;
  serviceId: string;
}

export interface HeartbeatTable {
  integrationId: string;
  enabled: number;
  intervalMinutes: number;
  /** waiting (armed, no ping yet) | up | down */
  state: string;
  lastPingAt: string | null;
  /** When the next ping is due; null when not armed. */
  dueAt: string | null;
  updatedAt: string;
}

export interface Database extends JobTables, NotificationTables, OncallTables, StatusTables {
  setting: SettingTable;
  counter: CounterTable;
  team: TeamTable;
  appUser: UserTable;
  teamMember: TeamMemberTable;
  apiToken: ApiTokenTable;
  session: SessionTable;
  loginAttempt: LoginAttemptTable;
  contactMethod: ContactMethodTable;
  service: ServiceTable;
  integration: IntegrationTable;
  incident: IncidentTable;
  incidentService: IncidentServiceTable;
  incidentParticipant: IncidentParticipantTable;
  incidentRole: IncidentRoleTable;
  incidentTask: IncidentTaskTable;
  timelineEntry: TimelineEntryTable;
  alert: AlertTable;
  auditLog: AuditLogTable;
  auditHead: AuditHeadTable;
  outbox: OutboxTable;
  changeEvent: ChangeEventTable;
  event: EventTable;
  eventRule: EventRuleTable;
  maintenanceWindow: MaintenanceWindowTable;
  maintenanceWindowService: MaintenanceWindowServiceTable;
  heartbeat: HeartbeatTable;
}
