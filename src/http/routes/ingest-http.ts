import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { AlertEvent, ChangeEvent, NormalizedEvent } from '../../ingest/event.js';
import { IntegrationKeyError, type IngestJob, type JobResult } from '../../services/ingest/job.js';
import type { AppDeps } from '../deps.js';
import { isDatabaseUnavailable } from '../unavailable.js';

/** How one inbound format writes an error body (PagerDuty, Opsgenie and ours differ). */
export type ErrorRender = (req: FastifyRequest, status: number, message: string, errors: { field: string; message: string }[], code?: string) => unknown;

/**
 * A route-level error handler answering framework errors (bad JSON, body too large, wrong media type,
 * database unavailable) in the format's own shape, so senders log something useful.
 */
export function ingestErrorHandler(render: ErrorRender, limitText: string) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const send = (status: number, message: string, field = 'body') => reply.status(status).send(render(req, status, message, [{ field, message }], err.code));
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(400, 'malformed JSON; send one JSON object');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(413, `the request body is larger than ${limitText}`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(415, 'Content-Type must be application/json', 'content-type');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(400, 'Content-Length does not match the body', 'content-length');
    }
    if (isDatabaseUnavailable(err)) {
      req.log.error({ err }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(503, 'temporarily unavailable; retry', 'database');
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return send(status, err.message);
    req.log.error({ err }, 'unhandled error');
    return send(500, `internal error; retry later (request ${req.id})`, 'server');
  };
}

export type IntakeOutcome =
  | { ok: true; result: JobResult }
  | { ok: false; kind: 'rate'; retryAfter: number }
  | { ok: false; kind: 'key'; error: IntegrationKeyError };

/**
 * Admit (rate limit), then run the job through the group-commit pipeline. Resolves after the commit:
 * a 2xx sent after this is durable. Change events in the generic format are stored on their own.
 */
export async function runIntake(
  deps: AppDeps,
  req: FastifyRequest,
  key: string,
  type: string,
  events: NormalizedEvent[],
  extra: Pick<IngestJob, 'group' | 'heartbeat'> = {},
): Promise<IntakeOutcome> {
  const wait = deps.intake.admit(key, events.length);
  if (wait !== null) return { ok: false, kind: 'rate', retryAfter: wait };
  const alerts = events.filter((e): e is AlertEvent => e.kind === 'alert');
  try {
    const result = await deps.intake.submit({ key, type, events: alerts, ...extra, requestId: req.id });
    return { ok: true, result };
  } catch (error) {
    if (error instanceof IntegrationKeyError) return { ok: false, kind: 'key', error };
    throw error;
  }
}

export function rateLimited(reply: FastifyReply, seconds: number): FastifyReply {
  return reply.header('retry-after', String(seconds)).header('ratelimit-reset', String(seconds)).status(429);
}

export const isChange = (e: NormalizedEvent): e is ChangeEvent => e.kind === 'change';
