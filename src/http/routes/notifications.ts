import { errorResponses, IdParams, listOf } from '../../contracts/common.js';
import { NotificationView } from '../../contracts/notification.js';
import { listIncidentNotifications } from '../../services/incident/list-notifications.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

export async function notificationRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/incidents/:id/notifications', {
    schema: {
      tags: ['incidents'],
      summary: 'Who was notified about the incident, on which channel, and how every delivery attempt went',
      params: IdParams,
      response: { 200: listOf(NotificationView), ...errorResponses },
    },
    handler: (req) => listIncidentNotifications(ctxOf(deps, req), req.params.id),
  });
}
