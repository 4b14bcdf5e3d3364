/**
 * The Statuspage v2 objects (reference/interop.md §5.3) of one page: page, component, incident,
 * scheduled maintenance, with their updates. Field order follows interop.md's canonical
 * `summary.json`. Choices where interop.md is silent:
 *
 * - every timestamp is re-emitted as UTC with milliseconds and `Z` (`2024-05-01T12:05:00.000Z`);
 * - components by `position`, then id; a group lists its children's ids in that order; an
 *   incident's `components` are the components it names, in that order; updates newest first;
 * - an incident's `status`, `monitoring_at`, `resolved_at` come from its updates (page-incident.ts);
 *   a maintenance's `monitoring_at` is when its last `verifying` run began, its `resolved_at` when it
 *   completed (its last `completed` update, else `scheduled_until`);
 * - `shortlink` is `<page url>/incidents/<id>` for both kinds (as in the canonical example);
 * - incident updates carry `deliver_notifications`, `custom_tweet: null`, `tweet_id: null`;
 *   maintenance updates do not (both exactly as the canonical example); `affected_components` is
 *   null when an update names none.
 */
import { compareUpdates, lastRunStart, pageIncidentState } from './page-incident.js';
import type { ComponentModel, EventModel, IncidentModel, MaintenanceModel, PageModel, UpdateModel } from './statuspage-model.js';
import type { SPComponent, SPIncident, SPIncidentUpdate, SPPage, SPScheduledMaintenance } from './statuspage-types.js';
import type { PageIncidentStatus, UpdateStatus } from './types.js';

/** ISO-8601 UTC with milliseconds. */
export function utc(value: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO-8601 instant: ${value}`);
  return new Date(t).toISOString();
}
const utcOrNull = (value: string | null) => (value === null ? null : utc(value));
export const compareIds = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const shapePage = (p: PageModel): SPPage => ({ id: p.id, name: p.name, url: p.url, time_zone: p.timeZone, updated_at: utc(p.updatedAt) });

/** All components of a page, by position. */
export function shapeComponents(pageId: string, components: readonly ComponentModel[]): SPComponent[] {
  const sorted = [...components].sort((a, b) => a.position - b.position || compareIds(a, b));
  return sorted.map((c) => ({
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: utc(c.createdAt),
    updated_at: utc(c.updatedAt),
    position: c.position,
    description: c.description,
    showcase: c.showcase ?? true,
    start_date: c.startDate ?? null,
    group_id: c.groupId,
    page_id: pageId,
    group: c.isGroup,
    only_show_if_degraded: c.onlyShowIfDegraded ?? false,
    ...(c.isGroup ? { components: sorted.filter((x) => x.groupId === c.id).map((x) => x.id) } : {}),
  }));
}

function shapeUpdate<S extends UpdateStatus>(eventId: string, u: UpdateModel<S> & { displayAt: string }, incident: boolean): SPIncidentUpdate {
  const affected = u.affectedComponents?.length
    ? u.affectedComponents.map((a) => ({ code: a.componentId, name: a.name, old_status: a.oldStatus, new_status: a.newStatus }))
    : null;
  const base = {
    id: u.id,
    incident_id: eventId,
    status: u.status,
    body: u.body,
    created_at: utc(u.createdAt),
    updated_at: utc(u.updatedAt ?? u.createdAt),
    display_at: utc(u.displayAt),
    affected_components: affected,
  };
  return incident ? { ...base, deliver_notifications: u.deliverNotifications ?? true, custom_tweet: null, tweet_id: null } : base;
}

/** Updates oldest first (page-incident.ts order), `displayAt` filled in. */
const sortedUpdates = <S extends UpdateStatus>(e: EventModel<S>) => e.updates.map((u) => ({ ...u, displayAt: u.displayAt ?? u.createdAt })).sort(compareUpdates);

const shortlink = (page: PageModel, id: string) => `${page.url.replace(/\/+$/, '')}/incidents/${encodeURIComponent(id)}`;

/** The fields both kinds share, around their own status, impact and schedule. */
function shapeEvent<S extends UpdateStatus>(page: PageModel, e: EventModel<S>, components: readonly SPComponent[], incident: boolean) {
  const updates = sortedUpdates(e);
  return {
    head: { id: e.id, name: e.name },
    times: { created_at: utc(e.createdAt), updated_at: utc(e.updatedAt), started_at: utc(e.startedAt) },
    links: { shortlink: shortlink(page, e.id), page_id: page.id },
    updates,
    tail: {
      incident_updates: [...updates].reverse().map((u) => shapeUpdate(e.id, u, incident)),
      components: components.filter((c) => e.componentIds.includes(c.id)),
    },
  };
}

/** The incident's current status as the page tells it. */
export const incidentStatus = (i: IncidentModel): PageIncidentStatus => pageIncidentState(sortedUpdates(i), i.postmortemPublishedAt ?? null).status;

export function shapeIncident(page: PageModel, i: IncidentModel, components: readonly SPComponent[]): SPIncident {
  const e = shapeEvent(page, i, components, true);
  const state = pageIncidentState(e.updates, i.postmortemPublishedAt ?? null);
  return {
    ...e.head,
    status: state.status,
    impact: i.impact,
    ...e.times,
    monitoring_at: utcOrNull(state.monitoringAt),
    resolved_at: utcOrNull(state.resolvedAt),
    ...e.links,
    ...e.tail,
  };
}

export function shapeMaintenance(page: PageModel, s: MaintenanceModel, components: readonly SPComponent[]): SPScheduledMaintenance {
  const e = shapeEvent(page, s, components, false);
  const completed = s.status === 'completed' ? (lastRunStart(e.updates, 'completed') ?? s.scheduledUntil) : null;
  return {
    ...e.head,
    status: s.status,
    impact: s.impact ?? 'maintenance',
    ...e.times,
    monitoring_at: utcOrNull(lastRunStart(e.updates, 'verifying')),
    resolved_at: utcOrNull(completed),
    ...e.links,
    scheduled_for: utc(s.scheduledFor),
    scheduled_until: utc(s.scheduledUntil),
    ...e.tail,
  };
}
