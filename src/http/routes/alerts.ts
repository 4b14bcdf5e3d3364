import { Alert, AlertEvent, AlertEventsQuery, IncidentAlertsQuery, ListAlertsQuery } from '../../contracts/alert.js';
import { errorResponses, IdParams, listOf } from '../../contracts/common.js';
import { listAlertEvents } from '../../services/alert/events.js';
import { getAlert } from '../../services/alert/get.js';
import { listAlerts } from '../../services/alert/list.js';
import { listIncidentAlerts } from '../../services/incident/list-alerts.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['alerts'];

export async function alertsRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/alerts', {
    schema: { tags, summary: 'List alerts (most recently seen first)', querystring: ListAlertsQuery, response: { 200: listOf(Alert), ...errorResponses } },
    handler: (req) => listAlerts(ctxOf(deps, req), req.query),
  });

  app.get('/api/v1/alerts/:id', {
    schema: { tags, summary: 'Get an alert, with why it was grouped or suppressed', params: IdParams, response: { 200: Alert, ...errorResponses } },
    handler: (req) => getAlert(ctxOf(deps, req), req.params.id),
  });

  app.get('/api/v1/alerts/:id/events', {
    schema: {
      tags,
      summary: "The alert's events as received, oldest first, each with what it did and why",
      params: IdParams,
      querystring: AlertEventsQuery,
      response: { 200: listOf(AlertEvent), ...errorResponses },
    },
    handler: (req) => listAlertEvents(ctxOf(deps, req), req.params.id, req.query),
  });

  app.get('/api/v1/incidents/:id/alerts', {
    schema: { tags: ['incidents', ...tags], summary: "The incident's alerts (most recently seen first)", params: IdParams, querystring: IncidentAlertsQuery, response: { 200: listOf(Alert), ...errorResponses } },
    handler: (req) => listIncidentAlerts(ctxOf(deps, req), req.params.id, req.query),
  });
}
