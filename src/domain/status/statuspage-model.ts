/**
 * A status page as the Statuspage v2 shapers read it (statuspage-objects.ts, statuspage-json.ts): a
 * plain model the service layer fills from the store, with component statuses already resolved
 * (component-status.ts) and maintenance statuses derived (maintenance-schedule.ts). Instants are
 * ISO-8601 strings in any offset; the shapers re-emit them as UTC.
 */
import type { ComponentStatus, IncidentImpact, IncidentUpdateStatus, MaintenanceImpact, MaintenanceStatus, UpdateStatus } from './types.js';

export interface PageModel {
  id: string;
  name: string;
  /** Public base URL of the page (its custom domain when it has one); shortlinks ignore a trailing slash. */
  url: string;
  timeZone: string;
  updatedAt: string;
}

export interface ComponentModel {
  id: string;
  name: string;
  /** Resolved at `now` (component-status.ts); a group's is `groupStatus` of its children. */
  status: ComponentStatus;
  createdAt: string;
  updatedAt: string;
  position: number;
  description: string | null;
  /** The group component it belongs to. */
  groupId: string | null;
  isGroup: boolean;
  showcase?: boolean;
  startDate?: string | null;
  onlyShowIfDegraded?: boolean;
}

export interface AffectedComponentModel {
  componentId: string;
  name: string;
  oldStatus: ComponentStatus;
  newStatus: ComponentStatus;
}

export interface UpdateModel<S extends UpdateStatus> {
  id: string;
  status: S;
  body: string;
  createdAt: string;
  /** Defaults to `createdAt`. */
  updatedAt?: string;
  /** Defaults to `createdAt`. */
  displayAt?: string;
  affectedComponents?: readonly AffectedComponentModel[] | null;
  /** Defaults to true (incident updates only). */
  deliverNotifications?: boolean;
}

/** What incidents and scheduled maintenances share: updates, affected components, times. */
export interface EventModel<S extends UpdateStatus> {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** When the impact began (an incident's `startedAt`, which may precede its creation). */
  startedAt: string;
  /** Components it names: emitted in full as its `components`, in page order. */
  componentIds: readonly string[];
  /** In any order; the shapers sort them (page-incident.ts). */
  updates: readonly UpdateModel<S>[];
}

export interface IncidentModel extends EventModel<IncidentUpdateStatus> {
  /** From its severity (page-status.ts `impactOfSeverity`). */
  impact: IncidentImpact;
  postmortemPublishedAt?: string | null;
}

export interface MaintenanceModel extends EventModel<MaintenanceStatus> {
  /** From its shown occurrence (maintenance-schedule.ts `maintenanceStatusAt`). */
  status: MaintenanceStatus;
  /** Defaults to `maintenance`. */
  impact?: MaintenanceImpact;
  scheduledFor: string;
  scheduledUntil: string;
}

export interface StatusPageModel {
  page: PageModel;
  components: readonly ComponentModel[];
  incidents: readonly IncidentModel[];
  maintenances: readonly MaintenanceModel[];
}
