import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ParseResult } from '../../ingest/event.js';
import { opsgenieAccepted, opsgenieAuthKey, opsgenieError, opsgenieValidationError, parseOpsgenieAction, parseOpsgenieCreate } from '../../ingest/opsgenie/index.js';
import type { AppDeps } from '../deps.js';
import { type ErrorRender, ingestErrorHandler, rateLimited, runIntake } from './ingest-http.js';
import type { HttpApp } from './types.js';

const OPSGENIE_BODY_LIMIT = 512 * 1024;

const render: ErrorRender = (req, _status, message, errors) => opsgenieError(message, req.id, errors);
const errorHandler = ingestErrorHandler(render, '512 KB');
const tookSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * Opsgenie Alert API (SPEC §3): create, close and acknowledge by alias, `Authorization: GenieKey
 * <integration key>`. What Alertmanager's `opsgenie_configs` with `api_url: http://HOST:PORT/` sends.
 */
export async function ingestOpsgenieRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  async function handle(req: FastifyRequest, reply: FastifyReply, parse: () => ParseResult) {
    const start = process.hrtime.bigint();
    const key = opsgenieAuthKey(req.headers.authorization);
    if (key === null) {
      return reply.status(401).send(opsgenieError('Authorization header is missing or is not "GenieKey <integration key>"', req.id, [], tookSince(start)));
    }
    const parsed = parse();
    if (!parsed.ok) return reply.status(422).send(opsgenieValidationError(parsed.errors, req.id, tookSince(start)));
    const outcome = await runIntake(deps, req, key, 'opsgenie', parsed.events);
    if (!outcome.ok && outcome.kind === 'rate') {
      return rateLimited(reply, outcome.retryAfter).send(opsgenieError(`Too many requests for this integration; retry after ${outcome.retryAfter} s`, req.id, [], tookSince(start)));
    }
    if (!outcome.ok) {
      const why = outcome.error.foundType ? `belongs to a ${outcome.error.foundType} integration` : 'is not an integration key of this Hikeshi';
      return reply.status(400).send(opsgenieError(`GenieKey ${key} ${why}`, req.id, [{ field: 'GenieKey', message: `${key} ${why}` }], tookSince(start)));
    }
    return reply.status(202).send(opsgenieAccepted(req.id, tookSince(start)));
  }

  const common = { bodyLimit: OPSGENIE_BODY_LIMIT, errorHandler, config: { public: true } };
  app.post('/v2/alerts', {
    ...common,
    schema: { tags: ['ingest'], summary: 'Opsgenie Alert API: create an alert (alias = dedup key)', description: 'Authorization: GenieKey <integration key>. 202 {result, took, requestId} once committed.' },
    handler: (req, reply) => handle(req, reply, () => parseOpsgenieCreate(req.body, { receivedAt: deps.clock.now().toISOString() })),
  });
  for (const action of ['close', 'acknowledge'] as const) {
    app.post(`/v2/alerts/:identifier/${action}`, {
      ...common,
      schema: {
        tags: ['ingest'],
        summary: `Opsgenie Alert API: ${action} the alert with this alias (?identifierType=alias)`,
        description: 'An unknown alias is accepted and does nothing, as PagerDuty does for unknown keys.',
      },
      handler: (req, reply) => {
        const { identifier } = req.params as { identifier: string };
        const { identifierType } = req.query as { identifierType?: string };
        if (identifier.includes('\u0000')) {
          return reply.status(422).send(opsgenieValidationError([{ field: 'identifier', message: 'The alias contains U+0000 (NUL), which cannot be stored.' }], req.id));
        }
        return handle(req, reply, () => parseOpsgenieAction(action, identifier, identifierType, req.body, { receivedAt: deps.clock.now().toISOString() }));
      },
    });
  }
}
