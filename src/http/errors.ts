import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { isDatabaseUnavailable } from './unavailable.js';

/** The one table from error code to HTTP status (STYLE §4). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 429,
  UNAVAILABLE: 503,
};

function send(reply: FastifyReply, req: FastifyRequest, status: number, code: string, message: string, details?: Record<string, unknown>) {
  const retry = details?.retryAfterSeconds;
  if (typeof retry === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(retry))));
  return reply.status(status).send({ error: { code, message, requestId: req.id, ...(details ? { details } : {}) } });
}

/** Where in the request a validation problem sits, as `body.title` / `query.limit` / `params.id`. */
function fieldOf(context: string | undefined, instancePath: string, params: Record<string, unknown>): string {
  const where = (context ?? 'body').replace('querystring', 'query');
  const segs = instancePath.split('/').filter(Boolean);
  const extra = params.keys ?? params.missingProperty;
  const tail = Array.isArray(extra) ? '' : typeof extra === 'string' ? extra : '';
  return [where, ...segs, ...(tail ? [tail] : [])].join('.');
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) {
    if (err.code === 'UNAVAILABLE') req.log.warn({ err }, 'unavailable');
    return send(reply, req, HTTP_STATUS[err.code], err.code, err.message, err.details);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => {
      const params = (v.params ?? {}) as Record<string, unknown>;
      const keys = Array.isArray(params.keys) ? (params.keys as string[]) : null;
      return {
        field: fieldOf(err.validationContext, v.instancePath, params),
        message: keys ? `unknown field(s) ${keys.join(', ')}: remove them` : v.message ?? 'invalid',
      };
    });
    return send(reply, req, 400, 'VALIDATION', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, req, 400, 'VALIDATION', `body: malformed JSON (${err.message}); send a JSON object`, { fields: [{ field: 'body', message: 'malformed JSON' }] });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(reply, req, 413, 'LIMIT_EXCEEDED', 'body: request body is too large; the limit is 1 MiB for the API');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(reply, req, 415, 'VALIDATION', `unsupported Content-Type ${req.headers['content-type'] ?? '(none)'}; send application/json`);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return send(reply, req, 400, 'VALIDATION', 'Content-Length does not match the body');
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 429 ? 'LIMIT_EXCEEDED' : 'VALIDATION';
    return send(reply, req, status, code, err.message);
  }
  if (isDatabaseUnavailable(err)) {
    req.log.error({ err }, 'database unavailable');
    return send(reply, req, 503, 'UNAVAILABLE', 'the database is unavailable (unreachable, read-only or full); retry shortly', { retryAfterSeconds: 5 });
  }
  req.log.error({ err }, 'unhandled error');
  return send(reply, req, 500, 'INTERNAL', `internal error; quote request id ${req.id} when reporting it`);
}
