import { errorResponses, IdParams } from '../../contracts/common.js';
import { ScheduleReadiness } from '../../contracts/notification-rule.js';
import { getScheduleReadiness } from '../../services/notification-rule/schedule-readiness.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

/** Readiness of a schedule's people to be paged (edge case 56); a person's own is under users. */
export async function readinessRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/schedules/:id/readiness', {
    schema: {
      tags: ['schedules'],
      summary: "Current and future members who cannot be paged well: no contact method, or on this schedule's escalation path without a high-urgency rule",
      params: IdParams,
      response: { 200: ScheduleReadiness, ...errorResponses },
    },
    handler: (req) => getScheduleReadiness(ctxOf(deps, req), req.params.id),
  });
}
