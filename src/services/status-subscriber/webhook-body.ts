/**
 * The JSON a webhook subscriber receives for each incident update, in the shape of Atlassian
 * Statuspage's incident webhooks, so receivers written for Statuspage read it unchanged:
 *
 *   {
 *     "meta":     { "unsubscribe": "<this subscriber's unsubscribe link>", "documentation": "<API docs>" },
 *     "page":     { "id", "status_indicator": "none|minor|major|critical|maintenance", "status_description" },
 *     "incident": { Statuspage v2 incident object (reference/interop.md §5.3): id, name, status, impact,
 *                   created_at, updated_at, started_at, monitoring_at, resolved_at, shortlink, page_id,
 *                   incident_updates (newest first, the new one on top), components }
 *   }
 *
 * The objects come from the same shapers as the page's JSON API (domain/status/statuspage-objects.ts),
 * read from the page's state at the update's instant, so a webhook and `/api/v2/incidents.json` agree.
 * Requests are signed per Standard Webhooks (`webhook-id` is stable across retries).
 */
import { impactOfSeverity } from '../../domain/status/page-status.js';
import { maintenanceStatusAt, shownOccurrence } from '../../domain/status/maintenance-schedule.js';
import { statusOf } from '../../domain/status/statuspage-json.js';
import type { ComponentModel, IncidentModel, MaintenanceModel, StatusPageModel } from '../../domain/status/statuspage-model.js';
import { shapeComponents, shapeIncident } from '../../domain/status/statuspage-objects.js';
import type { SPIncident } from '../../domain/status/statuspage-types.js';
import type { PageState } from '../status-page/page-state.js';

export interface StatusWebhookBody {
  meta: { unsubscribe: string; documentation: string };
  page: { id: string; status_indicator: string; status_description: string };
  incident: SPIncident;
}

/** The page as the Statuspage shapers read it (what the webhook needs of it). */
function modelOf(state: PageState, url: string): StatusPageModel {
  const components: ComponentModel[] = state.components.map((c) => ({
    id: c.id,
    name: c.name,
    status: state.statusOf(c.id),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    position: c.position,
    description: c.description || null,
    groupId: c.groupId,
    isGroup: c.isGroup === 1,
  }));
  const incidents: IncidentModel[] = state.incidents.map((i) => ({
    id: i.id,
    name: i.title,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    startedAt: i.startedAt,
    componentIds: i.componentIds,
    updates: i.updates.map((u) => ({ id: u.id, status: u.status, body: u.body, createdAt: u.createdAt })),
    impact: impactOfSeverity(i.severity),
  }));
  const maintenances: MaintenanceModel[] = state.maintenances.flatMap((m) => {
    const o = shownOccurrence(m.timing, state.now);
    if (!o) return [];
    return [{ id: m.id, name: m.name, createdAt: m.createdAt, updatedAt: m.updatedAt, startedAt: o.start, componentIds: m.componentIds, updates: [], status: maintenanceStatusAt(o, state.now), scheduledFor: o.start, scheduledUntil: o.end }];
  });
  const p = state.page;
  return { page: { id: p.id, name: p.name, url, timeZone: p.timeZone, updatedAt: p.updatedAt }, components, incidents, maintenances };
}

/**
 * The parts of the body that are the same for every subscriber of one update, as a function of the
 * subscriber's unsubscribe link. Null when the page incident is not in the state (it always is
 * right after an update is posted).
 */
export function statusWebhookBodies(state: PageState, statusIncidentId: string, url: string, documentation: string): ((unsubscribe: string) => StatusWebhookBody) | null {
  const model = modelOf(state, url);
  const incident = model.incidents.find((i) => i.id === statusIncidentId);
  if (!incident) return null;
  const status = statusOf(model);
  const shaped = shapeIncident(model.page, incident, shapeComponents(model.page.id, model.components));
  return (unsubscribe) => ({
    meta: { unsubscribe, documentation },
    page: { id: model.page.id, status_indicator: status.indicator, status_description: status.description },
    incident: shaped,
  });
}
