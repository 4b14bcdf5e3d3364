/**
 * A page as its readers get it (HTML, Statuspage JSON, feeds): the store's state judged at `now`
 * (page-state.ts) shaped into domain/status's StatusPageModel, the rollup status, and 90-day bars.
 */
import { statusOfSeverity } from '../../domain/status/component-status.js';
import { maintenanceStatusAt, occurrencesBetween, shownOccurrence } from '../../domain/status/maintenance-schedule.js';
import { impactOfSeverity, pageStatus } from '../../domain/status/page-status.js';
import type { ComponentModel, IncidentModel, MaintenanceModel, StatusPageModel, UpdateModel } from '../../domain/status/statuspage-model.js';
import type { MaintenanceStatus } from '../../domain/status/types.js';
import { DEFAULT_UPTIME_DAYS, type OutageInterval, type UptimeBars, uptimeBars } from '../../domain/status/uptime.js';
import type { Executor } from '../context.js';
import { loadPageState, type PageMaintenanceWindow, type PageState } from './page-state.js';
import type { PublicPageView } from './public-view.js';
import { pageUrl } from '../../domain/status/page-url.js';
import type { PageRow } from './view.js';

export interface ReadOptions {
  now: string;
  publicUrl: string;
  /** `/status/{slug}`, or `` on the page's custom domain. */
  basePath: string;
  emailSubscriptions: boolean;
  /** Compute the 90-day bars (the HTML page shows them; the JSON and feeds do not need them). */
  withUptime?: boolean;
}

export async function readPublicPage(ex: Executor, page: PageRow, opts: ReadOptions): Promise<PublicPageView> {
  const state = await loadPageState(ex, page, opts.now);
  const url = pageUrl(page, opts.publicUrl);
  const model = pageModel(state, url);
  const status = pageStatus({
    components: state.components.filter((c) => !c.isGroup).map((c) => state.statusOf(c.id)),
    incidents: state.incidents.map((i) => ({ status: i.status, impact: impactOfSeverity(i.severity) })),
    maintenances: model.maintenances.map((m) => m.status),
  });
  return {
    page: {
      id: page.id,
      slug: page.slug,
      name: page.name,
      description: page.description,
      visibility: page.visibility as 'public' | 'internal',
      language: page.language as 'ja' | 'en',
      timeZone: page.timeZone,
      hostname: page.hostname,
    },
    basePath: opts.basePath,
    url,
    now: opts.now,
    model,
    status,
    uptime: opts.withUptime ? uptimeOf(state) : new Map(),
    emailSubscriptions: opts.emailSubscriptions,
  };
}

export function pageModel(state: PageState, url: string): StatusPageModel {
  const { page, now } = state;
  const components: ComponentModel[] = state.components.map((c) => ({
    id: c.id,
    name: c.name,
    status: state.statusOf(c.id),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    position: Number(c.position),
    description: c.description || null,
    groupId: c.groupId,
    isGroup: !!c.isGroup,
  }));
  const incidents: IncidentModel[] = state.incidents.map((i) => ({
    id: i.id,
    name: i.title,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    startedAt: i.startedAt < i.createdAt ? i.startedAt : i.createdAt,
    componentIds: i.componentIds,
    impact: impactOfSeverity(i.severity),
    updates: i.updates.map((u) => ({ id: u.id, status: u.status, body: u.body, createdAt: u.createdAt })),
  }));
  const maintenances = state.maintenances.flatMap((m) => maintenanceModel(m, now) ?? []);
  const updatedAt = [page.updatedAt, ...incidents.map((i) => i.updatedAt)].sort().at(-1)!;
  return { page: { id: page.id, name: page.name, url, timeZone: page.timeZone, updatedAt }, components, incidents, maintenances };
}

/** A window's shown occurrence as a Statuspage scheduled maintenance; its updates follow the clock. */
function maintenanceModel(m: PageMaintenanceWindow, now: string): MaintenanceModel | null {
  const occurrence = shownOccurrence(m.timing, now);
  if (!occurrence) return null;
  const status = maintenanceStatusAt(occurrence, now);
  const key = `${m.id}-${Date.parse(occurrence.start)}`;
  const scheduledAt = m.createdAt < occurrence.start ? m.createdAt : occurrence.start;
  const updates: UpdateModel<MaintenanceStatus>[] = [{ id: `${key}-s`, status: 'scheduled', body: m.description || m.name, createdAt: scheduledAt }];
  if (status !== 'scheduled') updates.push({ id: `${key}-p`, status: 'in_progress', body: m.description || m.name, createdAt: occurrence.start });
  if (status === 'completed') updates.push({ id: `${key}-c`, status: 'completed', body: m.name, createdAt: occurrence.end });
  return {
    id: m.id,
    name: m.name,
    createdAt: m.createdAt,
    updatedAt: updates.at(-1)!.createdAt > m.updatedAt ? updates.at(-1)!.createdAt : m.updatedAt,
    startedAt: occurrence.start,
    componentIds: m.componentIds,
    updates,
    status,
    scheduledFor: occurrence.start,
    scheduledUntil: occurrence.end,
  };
}

/**
 * Bars per component: outages are the posted incidents touching it, from their first update to
 * their resolution, at their severity's status; maintenance is every occurrence of a window shown on
 * the page on its service; before the component existed there is no data.
 */
function uptimeOf(state: PageState): Map<string, UptimeBars> {
  const from = new Date(Date.parse(state.now) - (DEFAULT_UPTIME_DAYS + 2) * 86_400_000).toISOString();
  const out = new Map<string, UptimeBars>();
  for (const c of state.components) {
    if (c.isGroup) continue;
    const outages: OutageInterval[] = state.incidents.flatMap((i) => {
      const status = statusOfSeverity(i.severity);
      const first = i.updates[0];
      if (!status || !first || !i.componentIds.includes(c.id)) return [];
      return [{ start: first.createdAt, end: i.resolvedAt, status }];
    });
    const maintenances = state.maintenances.filter((m) => m.componentIds.includes(c.id)).flatMap((m) => occurrencesBetween(m.timing, from, state.now));
    out.set(c.id, uptimeBars({ timeZone: state.page.timeZone, now: state.now, dataStart: c.createdAt, outages, maintenances }));
  }
  return out;
}
