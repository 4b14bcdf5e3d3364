/**
 * A PublicPageView built by hand with the rules of domain/status (component statuses, the page's
 * rollup, maintenance status, 90-day bars), as load-page.ts builds it from the store: what the
 * renderer's tests feed it, so they exercise real views rather than shapes typed out by hand.
 */
import { groupStatus, type PageMaintenance, type PostedIncident, resolveComponentStatuses, statusOfSeverity } from '../../domain/status/component-status.js';
import { maintenanceStatusAt, shownOccurrence } from '../../domain/status/maintenance-schedule.js';
import { pageIncidentState } from '../../domain/status/page-incident.js';
import { impactOfSeverity, pageStatus } from '../../domain/status/page-status.js';
import type { ComponentModel, IncidentModel, MaintenanceModel } from '../../domain/status/statuspage-model.js';
import type { IncidentUpdateStatus, Severity } from '../../domain/status/types.js';
import { type Interval, type OutageInterval, uptimeBars } from '../../domain/status/uptime.js';
import type { PublicPageView } from '../../services/status-page/public-view.js';

export interface SampleComponent {
  id: string;
  name: string;
  description?: string;
  /** Name of its group (groups are made on first use, in order). */
  group?: string;
  serviceIds: string[];
  manualStatus?: ComponentModel['status'];
  /** When its data starts (default: 100 days before now). */
  dataStart?: string;
  gaps?: Interval[];
  onlyShowIfDegraded?: boolean;
}

export interface SampleIncident {
  id: string;
  name: string;
  severity: Severity | null;
  serviceIds: string[];
  startedAt: string;
  updates: { status: IncidentUpdateStatus; body: string; at: string }[];
}

export interface SampleMaintenance {
  id: string;
  name: string;
  serviceIds: string[];
  startsAt: string;
  endsAt: string;
  body?: string;
}

export interface SampleInput {
  language?: 'ja' | 'en';
  timeZone?: string;
  now?: string;
  name?: string;
  description?: string;
  visibility?: 'public' | 'internal';
  basePath?: string;
  emailSubscriptions?: boolean;
  components?: SampleComponent[];
  incidents?: SampleIncident[];
  maintenances?: SampleMaintenance[];
  /** Descriptions of groups, by group name. */
  groupDescriptions?: Record<string, string>;
}

const DAY = 86_400_000;
const before = (now: string, days: number) => new Date(Date.parse(now) - days * DAY).toISOString();

export const SAMPLE_COMPONENTS: SampleComponent[] = [
  { id: 'c-api', name: 'API', group: 'Core', serviceIds: ['s-api'] },
  { id: 'c-web', name: 'Web app', group: 'Core', serviceIds: ['s-web'] },
  { id: 'c-mail', name: 'Email delivery', serviceIds: ['s-mail'] },
];

export function sampleView(input: SampleInput = {}): PublicPageView {
  const now = input.now ?? '2026-11-22T09:30:00.000Z';
  const timeZone = input.timeZone ?? 'Asia/Tokyo';
  const sampleComponents = input.components ?? SAMPLE_COMPONENTS;

  const posted: PostedIncident[] = [];
  const incidents: IncidentModel[] = (input.incidents ?? []).map((i) => {
    const updates = i.updates.map((u, n) => ({ id: `${i.id}-u${n}`, status: u.status, body: u.body, createdAt: u.at, displayAt: u.at }));
    const state = pageIncidentState(updates);
    posted.push({ id: i.id, severity: i.severity, serviceIds: i.serviceIds, status: state.status });
    const componentIds = sampleComponents.filter((c) => c.serviceIds.some((s) => i.serviceIds.includes(s))).map((c) => c.id);
    const last = updates.map((u) => u.createdAt).sort().at(-1) ?? i.startedAt;
    return { id: i.id, name: i.name, impact: impactOfSeverity(i.severity), createdAt: i.startedAt, updatedAt: last, startedAt: i.startedAt, componentIds, updates };
  });

  const pageMaintenances: PageMaintenance[] = (input.maintenances ?? []).map((m) => ({
    id: m.id,
    serviceIds: m.serviceIds,
    timing: { timeZone, startsAt: m.startsAt, endsAt: m.endsAt, recurrence: null },
  }));
  const maintenances: MaintenanceModel[] = (input.maintenances ?? []).map((m, n) => {
    const occurrence = shownOccurrence(pageMaintenances[n]!.timing, now)!;
    const status = maintenanceStatusAt(occurrence, now);
    const componentIds = sampleComponents.filter((c) => c.serviceIds.some((s) => m.serviceIds.includes(s))).map((c) => c.id);
    const updates = m.body ? [{ id: `${m.id}-u0`, status: 'scheduled' as const, body: m.body, createdAt: before(m.startsAt, 7) }] : [];
    return {
      id: m.id,
      name: m.name,
      status,
      createdAt: before(m.startsAt, 7),
      updatedAt: before(m.startsAt, 7),
      startedAt: m.startsAt,
      scheduledFor: occurrence.start,
      scheduledUntil: occurrence.end,
      componentIds,
      updates,
    };
  });

  const resolved = resolveComponentStatuses(
    sampleComponents.map((c) => ({ id: c.id, serviceIds: c.serviceIds, manualStatus: c.manualStatus ?? null })),
    posted,
    pageMaintenances,
    now,
  );
  const groupIds = new Map<string, string>();
  for (const c of sampleComponents) if (c.group && !groupIds.has(c.group)) groupIds.set(c.group, `group-${groupIds.size + 1}`);
  const created = before(now, 100);
  const components: ComponentModel[] = sampleComponents.map((c, position) => ({
    id: c.id,
    name: c.name,
    status: resolved.get(c.id)!.status,
    createdAt: created,
    updatedAt: created,
    position: position + 1,
    description: c.description ?? null,
    groupId: c.group ? groupIds.get(c.group)! : null,
    isGroup: false,
    onlyShowIfDegraded: c.onlyShowIfDegraded ?? false,
  }));
  for (const [name, id] of groupIds) {
    const children = components.filter((c) => c.groupId === id);
    const position = Math.min(...children.map((c) => c.position)) - 0.5;
    const description = input.groupDescriptions?.[name] ?? null;
    components.push({ id, name, status: groupStatus(children.map((c) => c.status)), createdAt: created, updatedAt: created, position, description, groupId: null, isGroup: true });
  }

  const uptime = new Map(
    sampleComponents.map((c) => {
      const outages: OutageInterval[] = (input.incidents ?? []).flatMap((i, n) => {
        const status = statusOfSeverity(i.severity);
        if (!status || !i.serviceIds.some((s) => c.serviceIds.includes(s))) return [];
        return [{ status, start: i.startedAt, end: pageIncidentState(incidents[n]!.updates.map((u) => ({ ...u, displayAt: u.createdAt }))).resolvedAt }];
      });
      const covering = (input.maintenances ?? []).filter((m) => m.serviceIds.some((s) => c.serviceIds.includes(s)));
      const bars = uptimeBars({
        timeZone,
        now,
        dataStart: c.dataStart ?? created,
        outages,
        maintenances: covering.map((m) => ({ start: m.startsAt, end: m.endsAt })),
        gaps: c.gaps ?? [],
      });
      return [c.id, bars] as const;
    }),
  );

  const status = pageStatus({
    components: components.map((c) => c.status),
    incidents: posted.map((p, n) => ({ status: p.status, impact: incidents[n]!.impact })),
    maintenances: maintenances.map((m) => m.status),
  });

  return {
    page: {
      id: 'page-1',
      slug: 'acme',
      name: input.name ?? 'Acme',
      description: input.description ?? '',
      visibility: input.visibility ?? 'public',
      language: input.language ?? 'en',
      timeZone,
      hostname: null,
    },
    basePath: input.basePath ?? '/status/acme',
    url: 'https://hikeshi.example.com/status/acme',
    now,
    model: {
      page: { id: 'page-1', name: input.name ?? 'Acme', url: 'https://hikeshi.example.com/status/acme', timeZone, updatedAt: now },
      components,
      incidents,
      maintenances,
    },
    status,
    uptime,
    emailSubscriptions: input.emailSubscriptions ?? true,
  };
}
