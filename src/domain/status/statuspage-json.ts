/**
 * The eight Statuspage v2 documents a page serves at `/status/{slug}/api/v2/<name>.json` (SPEC §3,
 * reference/interop.md §5.1), from the page's plain model (statuspage-model.ts). The rollup
 * `status` is computed here from the same model (page-status.ts), so every document agrees.
 *
 * Which records each list holds (interop §5.1) and in which order (our choice where it is silent):
 * - `incidents`: the 50 most recent, newest first (`created_at`, then id); `incidents/unresolved`
 *   and `summary.incidents`: every incident in `investigating`, `identified` or `monitoring`;
 * - `scheduled-maintenances`: the 50 with the latest `scheduled_for`, latest first;
 *   `…/upcoming`: status `scheduled`; `…/active`: `in_progress` or `verifying`; `summary`: upcoming
 *   and active. These three list the soonest `scheduled_for` first (what happens next on top).
 */
import { pageStatus } from './page-status.js';
import type { IncidentModel, MaintenanceModel, StatusPageModel } from './statuspage-model.js';
import { compareIds, incidentStatus, shapeComponents, shapeIncident, shapeMaintenance, shapePage } from './statuspage-objects.js';
import type * as SP from './statuspage-types.js';
import { isMaintenanceActive, isUnresolved } from './types.js';

/** Most records a full list (`incidents.json`, `scheduled-maintenances.json`) carries. */
export const LIST_LIMIT = 50;

const newestFirst = (a: IncidentModel, b: IncidentModel) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || compareIds(b, a);
const soonestFirst = (a: MaintenanceModel, b: MaintenanceModel) => Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor) || compareIds(a, b);

/** The page's rollup status (page-status.ts) from its model. */
export function statusOf(m: StatusPageModel): SP.SPStatus {
  return pageStatus({
    components: m.components.map((c) => c.status),
    incidents: m.incidents.map((i) => ({ status: incidentStatus(i), impact: i.impact })),
    maintenances: m.maintenances.map((s) => s.status),
  });
}

function incidents(m: StatusPageModel, keep: (i: IncidentModel) => boolean, limit = Number.POSITIVE_INFINITY): SP.SPIncident[] {
  const components = shapeComponents(m.page.id, m.components);
  return m.incidents.filter(keep).sort(newestFirst).slice(0, limit).map((i) => shapeIncident(m.page, i, components));
}

function maintenances(m: StatusPageModel, keep: (s: MaintenanceModel) => boolean, order: 'soonest' | 'latest', limit = Number.POSITIVE_INFINITY) {
  const components = shapeComponents(m.page.id, m.components);
  const sorted = m.maintenances.filter(keep).sort(soonestFirst);
  if (order === 'latest') sorted.reverse();
  return sorted.slice(0, limit).map((s) => shapeMaintenance(m.page, s, components));
}

const unresolved = (i: IncidentModel) => isUnresolved(incidentStatus(i));
const upcoming = (s: MaintenanceModel) => s.status === 'scheduled';
const active = (s: MaintenanceModel) => isMaintenanceActive(s.status);

/** `summary.json`: page, status, all components, unresolved incidents, upcoming and active maintenances. */
export function summaryDocument(m: StatusPageModel): SP.SPSummaryDocument {
  return {
    page: shapePage(m.page),
    status: statusOf(m),
    components: shapeComponents(m.page.id, m.components),
    incidents: incidents(m, unresolved),
    scheduled_maintenances: maintenances(m, (s) => upcoming(s) || active(s), 'soonest'),
  };
}

/** `status.json`: page and rollup status. */
export const statusDocument = (m: StatusPageModel): SP.SPStatusDocument => ({ page: shapePage(m.page), status: statusOf(m) });

/** `components.json`. */
export const componentsDocument = (m: StatusPageModel): SP.SPComponentsDocument => ({ page: shapePage(m.page), components: shapeComponents(m.page.id, m.components) });

/** `incidents.json`: the 50 most recent, resolved ones included. */
export const incidentsDocument = (m: StatusPageModel): SP.SPIncidentsDocument => ({ page: shapePage(m.page), incidents: incidents(m, () => true, LIST_LIMIT) });

/** `incidents/unresolved.json`. */
export const unresolvedIncidentsDocument = (m: StatusPageModel): SP.SPIncidentsDocument => ({ page: shapePage(m.page), incidents: incidents(m, unresolved) });

/** `scheduled-maintenances.json`: the 50 latest, completed ones included. */
export const scheduledMaintenancesDocument = (m: StatusPageModel): SP.SPScheduledMaintenancesDocument => ({
  page: shapePage(m.page),
  scheduled_maintenances: maintenances(m, () => true, 'latest', LIST_LIMIT),
});

/** `scheduled-maintenances/upcoming.json`. */
export const upcomingMaintenancesDocument = (m: StatusPageModel): SP.SPScheduledMaintenancesDocument => ({
  page: shapePage(m.page),
  scheduled_maintenances: maintenances(m, upcoming, 'soonest'),
});

/** `scheduled-maintenances/active.json`. */
export const activeMaintenancesDocument = (m: StatusPageModel): SP.SPScheduledMaintenancesDocument => ({
  page: shapePage(m.page),
  scheduled_maintenances: maintenances(m, active, 'soonest'),
});

/** Every document by the path it is served at (`/api/v2/<name>.json`); the registry routes use. */
export const STATUSPAGE_DOCUMENTS = {
  summary: summaryDocument,
  status: statusDocument,
  components: componentsDocument,
  incidents: incidentsDocument,
  'incidents/unresolved': unresolvedIncidentsDocument,
  'scheduled-maintenances': scheduledMaintenancesDocument,
  'scheduled-maintenances/upcoming': upcomingMaintenancesDocument,
  'scheduled-maintenances/active': activeMaintenancesDocument,
} as const satisfies Record<string, (m: StatusPageModel) => object>;

export type StatuspageDocumentName = keyof typeof STATUSPAGE_DOCUMENTS;
