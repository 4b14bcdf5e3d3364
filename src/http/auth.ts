import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';
import { authenticateToken } from '../services/auth/authenticate.js';
import { csrfTokenValid, resolveSession, SESSION_COOKIE } from '../services/auth/session.js';
import type { Actor, ServiceContext } from '../services/context.js';
import type { AppDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** Route needs no authentication (login, OpenAPI, ingestion with its own keys). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling: `Authorization: Bearer <api token>`, else the session cookie. Cookie-authenticated
 * changes must carry the session's CSRF token in `x-csrf-token` (bearer tokens are not sent by
 * browsers on their own, so they need none).
 */
export async function authenticateRequest(deps: AppDeps, req: FastifyRequest): Promise<void> {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new DomainError('UNAUTHENTICATED', 'Authorization header must be "Bearer <api token>"');
    const actor = await authenticateToken(deps.store.db, m[1]!, deps.clock.now());
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'the API token is unknown, revoked or expired');
    req.actor = actor;
    return;
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (cookie) {
    const s = await resolveSession(deps.store.db, cookie, deps.clock.now());
    if (s) {
      if (!SAFE_METHODS.has(req.method) && !csrfTokenValid(deps.secret, s.sessionId, req.headers['x-csrf-token'] as string | undefined)) {
        throw new DomainError('FORBIDDEN', 'missing or wrong x-csrf-token header; read it from GET /api/v1/auth/session');
      }
      req.actor = s.actor;
      req.sessionId = s.sessionId;
      return;
    }
  }
  throw new DomainError('UNAUTHENTICATED', 'authenticate with "Authorization: Bearer <api token>" or log in');
}

/** The service context for this request; only called on authenticated routes. */
export function ctxOf(deps: AppDeps, req: FastifyRequest): ServiceContext {
  if (!req.actor) throw new DomainError('UNAUTHENTICATED', 'not authenticated');
  return {
    store: deps.store,
    clock: deps.clock,
    actor: req.actor,
    requestId: req.id,
    secret: deps.secret,
    publicUrl: deps.publicUrl,
    outbox: deps.outbox,
  };
}
