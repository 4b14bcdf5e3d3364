import { errorResponses, IdParams, listOf, NoContent } from '../../contracts/common.js';
import { CreateEventRuleBody, DryRunBody, DryRunResult, EventRule, ListEventRulesQuery, UpdateEventRuleBody } from '../../contracts/event-rule.js';
import { createEventRule } from '../../services/event-rule/create.js';
import { deleteEventRule } from '../../services/event-rule/delete.js';
import { dryRunEventRules } from '../../services/event-rule/dry-run.js';
import { getEventRule } from '../../services/event-rule/get.js';
import { listEventRules } from '../../services/event-rule/list.js';
import { updateEventRule } from '../../services/event-rule/update.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['event rules'];

export async function eventRuleRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.get('/api/v1/event-rules', {
    schema: { tags, summary: 'Event rules in evaluation order: global first, then per service by position', querystring: ListEventRulesQuery, response: { 200: listOf(EventRule), ...errorResponses } },
    handler: (req) => listEventRules(ctxOf(deps, req), req.query),
  });
  app.post('/api/v1/event-rules', {
    schema: { tags, summary: 'Create an event rule (global without serviceId)', body: CreateEventRuleBody, response: { 201: EventRule, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await createEventRule(ctxOf(deps, req), req.body)),
  });
  app.post('/api/v1/event-rules/dry-run', {
    schema: {
      tags,
      summary: 'Which rules match a payload and what would happen to each alert event (writes nothing)',
      body: DryRunBody,
      response: { 200: DryRunResult, ...errorResponses },
    },
    handler: (req) => dryRunEventRules(ctxOf(deps, req), req.body),
  });
  app.get('/api/v1/event-rules/:id', {
    schema: { tags, summary: 'Get an event rule', params: IdParams, response: { 200: EventRule, ...errorResponses } },
    handler: (req) => getEventRule(ctxOf(deps, req), req.params.id),
  });
  app.patch('/api/v1/event-rules/:id', {
    schema: { tags, summary: 'Change an event rule; position moves it within its scope', params: IdParams, body: UpdateEventRuleBody, response: { 200: EventRule, ...errorResponses } },
    handler: (req) => updateEventRule(ctxOf(deps, req), req.params.id, req.body),
  });
  app.delete('/api/v1/event-rules/:id', {
    schema: { tags, summary: 'Delete an event rule; later rules of its scope move up', params: IdParams, response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await deleteEventRule(ctxOf(deps, req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
