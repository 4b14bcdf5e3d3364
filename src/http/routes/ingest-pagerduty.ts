import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { pagerDutyChangeParser, pagerDutyErrorBody, routingKeyOf } from '../../ingest/pagerduty/parse.js';
import type { ChangeEvent } from '../../ingest/event.js';
import { findIntegrationByKey, integrationActor } from '../../services/ingest/integration-actor.js';
import { recordChange } from '../../services/ingest/record-change.js';
import type { AppDeps } from '../deps.js';
import { isDatabaseUnavailable } from '../unavailable.js';
import type { HttpApp } from './types.js';

/** PagerDuty's own limit: a whole event is at most 512 KB. */
const PAGERDUTY_BODY_LIMIT = 512 * 1024;

/** Errors on PagerDuty routes answer in PagerDuty's shape, so senders log something useful. */
function pagerDutyErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const body = (status: string, message: string, errors: string[]) => ({ status, message, errors });
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return reply.status(400).send(body('Unrecognized object', 'Event object format is unrecognized', ['JSON parse error']));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.status(413).send(body('invalid event', 'Event object is too large', ['the event exceeds 512 KB']));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.status(400).send(body('invalid event', 'Event object is invalid', ['Content-Type must be application/json']));
  }
  if (isDatabaseUnavailable(err)) {
    req.log.error({ err }, 'database unavailable');
    return reply.status(503).header('retry-after', '5').send(body('unavailable', 'Service temporarily unavailable; retry', ['database unavailable']));
  }
  if ((err.statusCode ?? 500) < 500) return reply.status(err.statusCode ?? 400).send(body('invalid event', err.message, [err.message]));
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send(body('error', 'Internal error; retry later', [`request ${req.id}`]));
}

/** PagerDuty Events API v2 endpoints (SPEC §3); the routing key in the body is the integration key. */
export async function ingestPagerDutyRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.post('/v2/change/enqueue', {
    bodyLimit: PAGERDUTY_BODY_LIMIT,
    errorHandler: pagerDutyErrors,
    config: { public: true },
    schema: { tags: ['ingest'], summary: 'PagerDuty Events API v2 change event (routing_key = integration key)' },
    handler: async (req, reply) => {
      const receivedAt = deps.clock.now().toISOString();
      const parsed = pagerDutyChangeParser.parse(req.body, { receivedAt });
      if (!parsed.ok) return reply.status(400).send(pagerDutyErrorBody(parsed.errors));
      const key = routingKeyOf(req.body)!;
      const integration = await findIntegrationByKey(deps.store.db, key);
      if (integration?.type !== 'pagerduty') {
        const why = integration ? `belongs to a ${integration.type} integration` : 'is not an integration key of this Hikeshi';
        return reply.status(400).send(pagerDutyErrorBody([{ field: 'routing_key', message: `'routing_key' ${key} ${why}` }]));
      }
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
