import type { FastifyRequest } from 'fastify';
import type { ChangeEvent } from '../../ingest/event.js';
import { pagerDutyChangeParser, pagerDutyErrorBody, pagerDutyParser, routingKeyOf } from '../../ingest/pagerduty/parse.js';
import { findIntegrationByKey, integrationActor } from '../../services/ingest/integration-actor.js';
import { recordChange } from '../../services/ingest/record-change.js';
import type { AppDeps } from '../deps.js';
import { type ErrorRender, ingestErrorHandler, rateLimited, runIntake } from './ingest-http.js';
import type { HttpApp } from './types.js';

/** PagerDuty's own limit: a whole event is at most 512 KB. */
const PAGERDUTY_BODY_LIMIT = 512 * 1024;

/** PagerDuty's error shape (interop.md §1.4), for every 4xx/5xx of these routes. */
const pagerDutyError: ErrorRender = (_req, status, message, errors, code) =>
  code === 'FST_ERR_CTP_INVALID_JSON_BODY'
    ? { status: 'Unrecognized object', message: 'Event object format is unrecognized', errors: ['JSON parse error'] }
    : {
        status: status === 429 ? 'throttle event' : status >= 500 ? 'error' : 'invalid event',
        message: status === 413 ? 'Event object is too large' : status === 400 ? 'Event object is invalid' : message,
        errors: errors.map((e) => (e.field === 'body' || e.field === 'server' || e.field === 'database' ? e.message : `${e.field}: ${e.message}`)),
      };
const errorHandler = ingestErrorHandler(pagerDutyError, '512 KB');

const keyError = (key: string, why: string) => pagerDutyErrorBody([{ field: 'routing_key', message: `'routing_key' ${key} ${why}` }]);

/** PagerDuty Events API v2 endpoints (SPEC §3); the routing key in the body is the integration key. */
export async function ingestPagerDutyRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.post('/v2/enqueue', {
    bodyLimit: PAGERDUTY_BODY_LIMIT,
    errorHandler,
    config: { public: true },
    schema: {
      tags: ['ingest'],
      summary: 'PagerDuty Events API v2 alert event (routing_key = integration key)',
      description:
        'trigger / acknowledge / resolve by dedup_key, deduplicated among open alerts of the service. 202 {status, message, dedup_key} once the event is committed; 400 in PagerDuty\'s shape; 413 over 512 KB; 429 with Retry-After over the integration\'s rate limit.',
    },
    handler: async (req, reply) => {
      const parsed = pagerDutyParser.parse(req.body, { receivedAt: deps.clock.now().toISOString() });
      if (!parsed.ok) return reply.status(400).send(pagerDutyErrorBody(parsed.errors));
      const key = routingKeyOf(req.body)!;
      const outcome = await runIntake(deps, req, key, 'pagerduty', parsed.events);
      if (!outcome.ok && outcome.kind === 'rate') {
        return rateLimited(reply, outcome.retryAfter).send(pagerDutyError(req, 429, 'rate limited', [{ field: 'routing_key', message: `more events than this integration's rate limit; retry after ${outcome.retryAfter} s` }]));
      }
      if (!outcome.ok) return reply.status(400).send(keyError(key, whyKey(outcome.error.foundType)));
      return reply.status(202).send({ status: 'success', message: 'Event processed', dedup_key: outcome.result.events[0]?.dedupKey ?? null });
    },
  });

  app.post('/v2/change/enqueue', {
    bodyLimit: PAGERDUTY_BODY_LIMIT,
    errorHandler,
    config: { public: true },
    schema: { tags: ['ingest'], summary: 'PagerDuty Events API v2 change event (routing_key = integration key)' },
    handler: async (req: FastifyRequest, reply) => {
      const receivedAt = deps.clock.now().toISOString();
      const parsed = pagerDutyChangeParser.parse(req.body, { receivedAt });
      if (!parsed.ok) return reply.status(400).send(pagerDutyErrorBody(parsed.errors));
      const key = routingKeyOf(req.body)!;
      const wait = deps.intake.admit(key, 1);
      if (wait !== null) return rateLimited(reply, wait).send(pagerDutyError(req, 429, 'rate limited', [{ field: 'routing_key', message: `retry after ${wait} s` }]));
      const integration = await findIntegrationByKey(deps.store.db, key);
      if (integration?.type !== 'pagerduty') return reply.status(400).send(keyError(key, whyKey(integration?.type ?? null)));
      const ctx = {
        store: deps.store,
        clock: deps.clock,
        actor: integrationActor(integration),
        requestId: req.id,
        secret: deps.secret,
        publicUrl: deps.publicUrl,
        outbox: deps.outbox,
      };
      for (const event of parsed.events) await recordChange(ctx, integration, event as ChangeEvent);
      return reply.status(202).send({ status: 'success', message: 'Change event processed' });
    },
  });
}

function whyKey(foundType: string | null): string {
  return foundType ? `belongs to a ${foundType} integration` : 'is not an integration key of this Hikeshi';
}
