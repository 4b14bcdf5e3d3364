/**
 * A page as the store holds it, read once and judged at `now` with domain/status: components with
 * their resolved statuses (groups the worst of their components), the incidents posted to the page
 * with their updates, and the maintenance windows shown on it. The admin API, the public HTML,
 * the Statuspage JSON and the feeds all read pages through here, so they tell the same story.
 */
import { type ComponentLinks, groupStatus, type PageMaintenance, type PostedIncident, resolveComponentStatuses, type ResolvedComponentStatus } from '../../domain/status/component-status.js';
import type { WindowTiming } from '../../domain/status/maintenance-schedule.js';
import type { ComponentStatus, IncidentUpdateStatus, Severity } from '../../domain/status/types.js';
import type { Executor } from '../context.js';
import { timingOf } from '../maintenance-window/timing.js';
import type { ComponentRow, PageRow } from './view.js';

/** Resolved incidents older than this are read only when among the page's latest (uptime spans 90 days). */
const HISTORY_DAYS = 92;
/** The page's latest incidents are always read (incidents.json lists 50). */
const LATEST = 50;

export interface PostedUpdateRow {
  id: string;
  status: IncidentUpdateStatus;
  body: string;
  createdAt: string;
  createdById: string | null;
}

export interface PagePostedIncident {
  /** The page incident's id (status_incident.id), its id in the JSON API. */
  id: string;
  incidentId: string;
  title: string;
  status: IncidentUpdateStatus;
  severity: Severity | null;
  /** The incident's primary and impacted services. */
  serviceIds: string[];
  /** Components (not groups) linked to those services, in page order. */
  componentIds: string[];
  /** When the incident's impact began. */
  startedAt: string;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  /** Oldest first. */
  updates: PostedUpdateRow[];
}

export interface PageMaintenanceWindow {
  id: string;
  name: string;
  description: string;
  serviceIds: string[];
  /** Components (not groups) linked to those services, in page order. */
  componentIds: string[];
  timing: WindowTiming;
  createdAt: string;
  updatedAt: string;
}

export interface PageState {
  page: PageRow;
  now: string;
  /** Groups and components, in page order (a group sorts by its own position). */
  components: ComponentRow[];
  /** Resolved status of every component that is not a group. */
  resolved: Map<string, ResolvedComponentStatus>;
  /** Status shown for any component or group. */
  statusOf(componentId: string): ComponentStatus;
  /** Newest first. */
  incidents: PagePostedIncident[];
  maintenances: PageMaintenanceWindow[];
}

export async function loadPageState(ex: Executor, page: PageRow, now: string): Promise<PageState> {
  const components = await ex.selectFrom('statusComponent').selectAll().where('pageId', '=', page.id).orderBy('position').orderBy('createdAt').orderBy('id').execute();
  const leaves = components.filter((c) => !c.isGroup);
  const componentsOf = (serviceIds: readonly string[]) => leaves.filter((c) => c.serviceId !== null && serviceIds.includes(c.serviceId)).map((c) => c.id);

  const incidents = await loadPostedIncidents(ex, page.id, now, componentsOf);
  const maintenances = await loadPageMaintenances(ex, page.id, componentsOf);

  const links: ComponentLinks[] = leaves.map((c) => ({ id: c.id, serviceIds: c.serviceId ? [c.serviceId] : [], manualStatus: (c.manualStatus as ComponentStatus | null) ?? null }));
  const posted: PostedIncident[] = incidents.map((i) => ({ id: i.id, severity: i.severity, serviceIds: i.serviceIds, status: i.status }));
  const shown: PageMaintenance[] = maintenances.map((m) => ({ id: m.id, serviceIds: m.serviceIds, timing: m.timing }));
  const resolved = resolveComponentStatuses(links, posted, shown, now);
  const statusOf = (id: string): ComponentStatus => {
    const r = resolved.get(id);
    if (r) return r.status;
    const group = components.find((c) => c.id === id);
    const own = group?.manualStatus as ComponentStatus | null | undefined;
    return own ?? groupStatus(leaves.filter((c) => c.groupId === id).map((c) => resolved.get(c.id)!.status));
  };
  return { page, now, components, resolved, statusOf, incidents, maintenances };
}

async function loadPostedIncidents(ex: Executor, pageId: string, now: string, componentsOf: (serviceIds: readonly string[]) => string[]): Promise<PagePostedIncident[]> {
  const since = new Date(Date.parse(now) - HISTORY_DAYS * 86_400_000).toISOString();
  const base = () =>
    ex
      .selectFrom('statusIncident')
      .innerJoin('incident', 'incident.id', 'statusIncident.incidentId')
      .select([
        'statusIncident.id',
        'statusIncident.incidentId',
        'statusIncident.title',
        'statusIncident.status',
        'statusIncident.createdAt',
        'statusIncident.updatedAt',
        'statusIncident.resolvedAt',
        'incident.severity',
        'incident.serviceId',
        'incident.startedAt',
      ])
      .where('statusIncident.pageId', '=', pageId);
  const recent = await base()
    .where((eb) => eb.or([eb('statusIncident.resolvedAt', 'is', null), eb('statusIncident.resolvedAt', '>=', since)]))
    .execute();
  const latest = await base().orderBy('statusIncident.createdAt', 'desc').orderBy('statusIncident.id', 'desc').limit(LATEST).execute();
  const rows = new Map([...recent, ...latest].map((r) => [r.id, r]));
  if (!rows.size) return [];
  const ids = [...rows.keys()];
  const incidentIds = [...new Set([...rows.values()].map((r) => r.incidentId))];
  const impacted = await ex.selectFrom('incidentService').select(['incidentId', 'serviceId']).where('incidentId', 'in', incidentIds).execute();
  const updates = await ex
    .selectFrom('statusUpdate')
    .select(['id', 'statusIncidentId', 'status', 'body', 'createdAt', 'createdById'])
    .where('statusIncidentId', 'in', ids)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const impactedBy = groupBy(impacted, (s) => s.incidentId);
  const updatesBy = groupBy(updates, (u) => u.statusIncidentId);
  return [...rows.values()]
    .map((r) => {
      const serviceIds = [...new Set([r.serviceId, ...(impactedBy.get(r.incidentId) ?? []).map((s) => s.serviceId)].filter((s): s is string => !!s))];
      return {
        id: r.id,
        incidentId: r.incidentId,
        title: r.title,
        status: r.status as IncidentUpdateStatus,
        severity: (r.severity as Severity | null) ?? null,
        serviceIds,
        componentIds: componentsOf(serviceIds),
        startedAt: r.startedAt,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        resolvedAt: r.resolvedAt,
        updates: (updatesBy.get(r.id) ?? []).map((u) => ({ id: u.id, status: u.status as IncidentUpdateStatus, body: u.body, createdAt: u.createdAt, createdById: u.createdById })),
      };
    })
    .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
}

async function loadPageMaintenances(ex: Executor, pageId: string, componentsOf: (serviceIds: readonly string[]) => string[]): Promise<PageMaintenanceWindow[]> {
  const windows = await ex
    .selectFrom('maintenanceWindow')
    .innerJoin('maintenanceWindowStatusPage', 'maintenanceWindowStatusPage.windowId', 'maintenanceWindow.id')
    .selectAll('maintenanceWindow')
    .where('maintenanceWindowStatusPage.pageId', '=', pageId)
    .orderBy('maintenanceWindow.startsAt')
    .execute();
  if (!windows.length) return [];
  const services = await ex
    .selectFrom('maintenanceWindowService')
    .select(['windowId', 'serviceId'])
    .where(
      'windowId',
      'in',
      windows.map((w) => w.id),
    )
    .execute();
  return windows.map((w) => {
    const serviceIds = services.filter((s) => s.windowId === w.id).map((s) => s.serviceId);
    return {
      id: w.id,
      name: w.name,
      description: w.description,
      serviceIds,
      componentIds: componentsOf(serviceIds),
      timing: timingOf(w),
      createdAt: w.createdAt,
      updatedAt: w.updatedAt,
    };
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
