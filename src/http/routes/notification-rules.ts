import { errorResponses, IdParams, listOf, NoContent } from '../../contracts/common.js';
import { CreateNotificationRuleBody, NotificationReadiness, NotificationRule, NotificationRuleParams } from '../../contracts/notification-rule.js';
import { createNotificationRule } from '../../services/notification-rule/create.js';
import { deleteNotificationRule } from '../../services/notification-rule/delete.js';
import { listNotificationRules } from '../../services/notification-rule/list.js';
import { getNotificationReadiness } from '../../services/notification-rule/readiness.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['users'];

export async function notificationRuleRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/users/:id/notification-rules', {
    schema: { tags, summary: "A person's notification rules (without any, every contact method is notified at once)", params: IdParams, response: { 200: listOf(NotificationRule), ...errorResponses } },
    handler: (req) => listNotificationRules(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/v1/users/:id/notification-rules', {
    schema: {
      tags,
      summary: 'Add a notification rule: notify this contact method delayMinutes after being paged, for one urgency',
      params: IdParams,
      body: CreateNotificationRuleBody,
      response: { 201: NotificationRule, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await createNotificationRule(ctxOf(deps, req), req.params.id, req.body)),
  });
  app.get('/api/v1/users/:id/notification-readiness', {
    schema: {
      tags,
      summary: 'What stops paging from reaching this person as they expect: no contact method, no high-urgency rule, a rule that comes after the escalation moves on',
      params: IdParams,
      response: { 200: NotificationReadiness, ...errorResponses },
    },
    handler: (req) => getNotificationReadiness(ctxOf(deps, req), req.params.id),
  });
  app.delete('/api/v1/users/:id/notification-rules/:ruleId', {
    schema: { tags, summary: 'Remove a notification rule', params: NotificationRuleParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteNotificationRule(ctxOf(deps, req), req.params.id, req.params.ruleId);
      return reply.status(204).send(null);
    },
  });
}
