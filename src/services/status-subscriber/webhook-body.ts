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
import { statusOf } from '../../domain/status/statuspage-json.js';
import { shapeComponents, shapeIncident } from '../../domain/status/statuspage-objects.js';
import type { SPIncident } from '../../domain/status/statuspage-types.js';
import type { PageState } from '../status-page/page-state.js';
import { pageModel } from '../status-page/public-page.js';

export interface StatusWebhookBody {
  meta: { unsubscribe: string; documentation: string };
  page: { id: string; status_indicator: string; status_description: string };
  incident: SPIncident;
}

/**
 * The parts of the body that are the same for every subscriber of one update, as a function of the
 * subscriber's unsubscribe link. Null when the page incident is not in the state (it always is
 * right after an update is posted).
 */
export function statusWebhookBodies(state: PageState, statusIncidentId: string, url: string, documentation: string): ((unsubscribe: string) => StatusWebhookBody) | null {
  const model = pageModel(state, url);
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
