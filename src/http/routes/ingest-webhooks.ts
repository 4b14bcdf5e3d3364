import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type ErrorBody, errorResponses } from '../../contracts/common.js';
import type { ChangeEvent, ParseResult } from '../../ingest/event.js';
import { GenericEventBody } from '../../ingest/generic/schema.js';
import { parsers } from '../../ingest/registry.js';
import { integrationActor } from '../../services/ingest/integration-actor.js';
import { EVENT_OUTCOMES } from '../../services/ingest/job.js';
import { recordChange } from '../../services/ingest/record-change.js';
import type { AppDeps } from '../deps.js';
import { type ErrorRender, ingestErrorHandler, isChange, rateLimited, runIntake } from './ingest-http.js';
import type { HttpApp } from './types.js';

/** Alertmanager sends whole groups; 4 MiB holds thousands of alerts. */
const WEBHOOK_BODY_LIMIT = 4 * 1024 * 1024;

function render(req: FastifyRequest, status: number, message: string, errors: { field: string; message: string }[]): z.infer<typeof ErrorBody> {
  return {
    error: {
      code: status === 429 || status === 413 ? 'LIMIT_EXCEEDED' : status >= 500 ? (status === 503 ? 'UNAVAILABLE' : 'INTERNAL') : 'VALIDATION',
      message: errors.length ? errors.map((e) => `${e.field}: ${e.message}`).join('; ') : message,
      requestId: req.id,
      details: { fields: errors },
    },
  };
}
const errorHandler = ingestErrorHandler(render satisfies ErrorRender, '4 MiB');

const KeyParams = z.strictObject({ key: z.string().max(200) });
const Accepted = z
  .object({
    events: z.array(
      z.object({
        eventId: z.string(),
        dedupKey: z.string().nullable(),
        outcome: z.enum(EVENT_OUTCOMES),
        alertId: z.string().nullable(),
        incidentId: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'IngestAccepted' });

/** The integration key is the credential (SPEC §3): no bearer token on these endpoints. */
export async function ingestWebhookRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  async function handle(req: FastifyRequest, reply: FastifyReply, type: 'alertmanager' | 'grafana' | 'generic', key: string) {
    const parsed: ParseResult = parsers[type].parse(req.body, { receivedAt: deps.clock.now().toISOString() });
    if (!parsed.ok) return reply.status(400).send(render(req, 400, 'invalid event', parsed.errors));
    const outcome = await runIntake(deps, req, key, type, parsed.events, { group: parsed.group });
    if (!outcome.ok && outcome.kind === 'rate') {
      return rateLimited(reply, outcome.retryAfter).send(render(req, 429, 'rate limited', [{ field: 'key', message: `more events than this integration's rate limit; retry after ${outcome.retryAfter} s` }]));
    }
    if (!outcome.ok) {
      const why = outcome.error.foundType ? `belongs to a ${outcome.error.foundType} integration; use the URL shown for that integration` : 'is not an integration key of this Hikeshi; copy the URL from the integration';
      return reply.status(400).send(render(req, 400, 'unknown key', [{ field: 'key', message: `${key} ${why}` }]));
    }
    const changes = parsed.events.filter(isChange);
    if (changes.length) {
      const integration = outcome.result.integration;
      const ctx = { store: deps.store, clock: deps.clock, actor: integrationActor(integration), requestId: req.id, secret: deps.secret, publicUrl: deps.publicUrl, outbox: deps.outbox };
      for (const c of changes) await recordChange(ctx, integration, c as ChangeEvent);
    }
    return reply.status(202).send({ events: outcome.result.events });
  }

  const route = (path: string, type: 'alertmanager' | 'grafana' | 'generic', summary: string, description: string) =>
    app.post(`/api/v1/integrations/:key/${path}`, {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      errorHandler,
      config: { public: true },
      schema: {
        tags: ['ingest'],
        summary,
        description,
        params: KeyParams,
        // Our own format is validated by its schema (the same zod schema the parser uses).
        ...(type === 'generic' ? { body: GenericEventBody } : {}),
        response: { 202: Accepted, ...errorResponses },
      },
      handler: (req, reply) => handle(req, reply, type, (req.params as { key: string }).key),
    });

  route(
    'alertmanager',
    'alertmanager',
    'Prometheus Alertmanager webhook (payload version 4)',
    'One alert per Alertmanager alert (dedup key = fingerprint); the alerts of one group share an incident, which resolves when every member resolved. Repeated notifications change nothing. 202 lists what each alert did.',
  );
  route('grafana', 'grafana', 'Grafana Alerting webhook contact point', 'As for Alertmanager; the group key comes from groupKey or the group labels.');
  app.route({
    method: ['GET', 'POST'],
    url: '/api/v1/integrations/:key/heartbeat',
    errorHandler,
    config: { public: true },
    schema: {
      tags: ['ingest'],
      summary: 'Heartbeat ping (any integration)',
      description:
        'Reports the sender alive. When the integration\'s heartbeat is enabled, a ping not followed by the next within intervalMinutes triggers an alert; the next ping resolves it. Pings to a disabled heartbeat are recorded only.',
      params: KeyParams,
      response: { 202: Accepted, ...errorResponses },
    },
    handler: async (req, reply) => {
      const { key } = req.params as { key: string };
      const outcome = await runIntake(deps, req, key, '*', [], { heartbeat: { kind: 'ping' } });
      if (!outcome.ok && outcome.kind === 'rate') return rateLimited(reply, outcome.retryAfter).send(render(req, 429, 'rate limited', [{ field: 'key', message: `retry after ${outcome.retryAfter} s` }]));
      if (!outcome.ok) return reply.status(400).send(render(req, 400, 'unknown key', [{ field: 'key', message: `${key} is not an integration key of this Hikeshi` }]));
      return reply.status(202).send({ events: outcome.result.events });
    },
  });
  route('events', 'generic', "Hikeshi's own event JSON (alert or change)", 'See the GenericEvent schema. 202 lists what the event did, with the generated dedup key when none was given.');
}
