/**
 * Who reads a status page. Public pages need nobody; internal pages need a signed-in person (a
 * session cookie, or a bearer token for API clients). Unlike /api/v1 routes, a missing or stale
 * credential is not an error here: the reader is simply anonymous.
 */
import type { FastifyRequest } from 'fastify';
import { authenticateToken } from '../services/auth/authenticate.js';
import { csrfTokenFor, csrfTokenValid, resolveSession, SESSION_COOKIE } from '../services/auth/session.js';
import type { Actor } from '../services/context.js';
import type { AppDeps } from './deps.js';

export async function optionalActor(deps: AppDeps, req: FastifyRequest): Promise<Actor | null> {
  if (req.actor) return req.actor;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (m) return authenticateToken(deps.store.db, m[1]!, deps.clock.now());
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const s = await resolveSession(deps.store.db, cookie, deps.clock.now());
  if (!s) return null;
  req.actor = s.actor;
  req.sessionId = s.sessionId;
  return s.actor;
}

/** The CSRF value a server-rendered form of a signed-in reader carries (hidden field `csrf`). */
export function formCsrf(deps: AppDeps, req: FastifyRequest): string | undefined {
  return req.sessionId ? csrfTokenFor(deps.secret, req.sessionId) : undefined;
}

/** A form posted by a signed-in reader must carry the session's CSRF value; bearer tokens need none. */
export function formCsrfValid(deps: AppDeps, req: FastifyRequest, value: unknown): boolean {
  if (!req.sessionId) return true;
  return typeof value === 'string' && csrfTokenValid(deps.secret, req.sessionId, value);
}

/** Where an anonymous reader of an internal page is sent: the web app's login, back here afterwards. */
export function loginRedirect(req: FastifyRequest): string {
  return `/login?next=${encodeURIComponent(req.url)}`;
}
