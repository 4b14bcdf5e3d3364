/**
 * A component's status on a status page (SPEC §4.5). Precedence, first match wins:
 *
 * 1. **Manual**: a status set by hand on the component is shown as is, whatever else happens. It is
 *    a person's explicit statement; clearing it (null) hands the component back to the rules below.
 * 2. **Incidents**: the worst unresolved incident posted to the page on one of the component's
 *    linked services maps its severity: SEV1 → `major_outage`, SEV2 → `partial_outage`, SEV3–4 →
 *    `degraded_performance`. An incident without a severity (impact `none`) changes no component
 *    (it still makes the page at least `minor`, page-status.ts). "Unresolved" is the page's view:
 *    the incident's latest update on this page is not `resolved`.
 * 3. **Maintenance**: `under_maintenance` while a maintenance shown on the page, naming one of the
 *    linked services, has an occurrence running at `now` (not completed early by hand).
 * 4. Otherwise `operational`.
 *
 * So an outage during maintenance shows the outage (2 before 3): the maintenance is still listed on
 * the page next to the incident (its own section, `scheduled_maintenances`, the `maintenance`
 * indicator's text), never hidden by it, and the incident never hides the maintenance (edge case 44).
 *
 * "Worst wins" ranks `operational` < `under_maintenance` < `degraded_performance` < `partial_outage`
 * < `major_outage`: the same order as the precedence, so a group (worst of its children) and a
 * 90-day bar (worst of its minutes) agree with what the component itself showed.
 */
import type { WindowTiming } from '../ingest/maintenance.js';
import { type ManualMaintenanceStatus, runningOccurrence } from './maintenance-schedule.js';
import { COMPONENT_STATUSES, type ComponentStatus, isUnresolved, type OutageStatus, type PageIncidentStatus, type Severity } from './types.js';

/** Rank for "worst wins": higher is worse. */
export const componentStatusRank = (s: ComponentStatus): number => COMPONENT_STATUSES.indexOf(s);

/** The worse of two statuses. */
export const worseStatus = (a: ComponentStatus, b: ComponentStatus): ComponentStatus => (componentStatusRank(b) > componentStatusRank(a) ? b : a);

/** The worst of several statuses; `operational` for none. */
export function worstComponentStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = 'operational';
  for (const s of statuses) worst = worseStatus(worst, s);
  return worst;
}

/** Compare for sorting worst first. */
export const byWorstFirst = (a: ComponentStatus, b: ComponentStatus): number => componentStatusRank(b) - componentStatusRank(a);

/** SEV1 → major_outage, SEV2 → partial_outage, SEV3–4 → degraded_performance; no severity → none. */
export function statusOfSeverity(severity: Severity | null): OutageStatus | null {
  switch (severity) {
    case 'SEV1':
      return 'major_outage';
    case 'SEV2':
      return 'partial_outage';
    case 'SEV3':
    case 'SEV4':
      return 'degraded_performance';
    default:
      return null;
  }
}

/** A component as the rules see it. */
export interface ComponentLinks {
  id: string;
  /** Services linked to the component. */
  serviceIds: readonly string[];
  /** Set by hand; overrides everything while not null. */
  manualStatus: ComponentStatus | null;
}

/** An incident posted to the page. */
export interface PostedIncident {
  id: string;
  severity: Severity | null;
  /** Primary and impacted services. */
  serviceIds: readonly string[];
  /** Status of its latest update on this page. */
  status: PageIncidentStatus;
}

/** A maintenance shown on the page (SPEC §4.5: one model with §4.1's maintenance windows). */
export interface PageMaintenance {
  id: string;
  serviceIds: readonly string[];
  timing: WindowTiming;
  /** A person's `verifying`/`completed` on an occurrence (completed early: no longer covers). */
  manual?: ManualMaintenanceStatus | null;
}

export type StatusSource = 'manual' | 'incident' | 'maintenance' | 'none';

export interface ResolvedComponentStatus {
  status: ComponentStatus;
  /** Which rule decided it. */
  source: StatusSource;
  /** Unresolved incidents touching the component (all of them, also when another rule decided). */
  incidentIds: string[];
  /** Maintenances running on the component at `now` (also when another rule decided). */
  maintenanceIds: string[];
}

const touches = (a: readonly string[], b: ReadonlySet<string>) => a.some((x) => b.has(x));

/** The component's status at `now` under the precedence in this module's header. */
export function resolveComponentStatus(
  component: ComponentLinks,
  incidents: readonly PostedIncident[],
  maintenances: readonly PageMaintenance[],
  now: string,
): ResolvedComponentStatus {
  const services = new Set(component.serviceIds);
  const open = incidents.filter((i) => isUnresolved(i.status) && touches(i.serviceIds, services));
  const running = maintenances.filter((m) => touches(m.serviceIds, services) && runningOccurrence(m.timing, now, m.manual ?? null) !== null);
  const incidentIds = open.map((i) => i.id);
  const maintenanceIds = running.map((m) => m.id);
  const result = (status: ComponentStatus, source: StatusSource): ResolvedComponentStatus => ({ status, source, incidentIds, maintenanceIds });

  if (component.manualStatus) return result(component.manualStatus, 'manual');
  const fromIncidents = worstComponentStatus(open.flatMap((i) => statusOfSeverity(i.severity) ?? []));
  if (fromIncidents !== 'operational') return result(fromIncidents, 'incident');
  if (running.length) return result('under_maintenance', 'maintenance');
  return result('operational', 'none');
}

/** Statuses of all components of a page at `now`, by component id. */
export function resolveComponentStatuses(
  components: readonly ComponentLinks[],
  incidents: readonly PostedIncident[],
  maintenances: readonly PageMaintenance[],
  now: string,
): Map<string, ResolvedComponentStatus> {
  return new Map(components.map((c) => [c.id, resolveComponentStatus(c, incidents, maintenances, now)]));
}

/** A group component shows the worst of its children (`operational` when it has none). */
export const groupStatus = (children: Iterable<ComponentStatus>): ComponentStatus => worstComponentStatus(children);
