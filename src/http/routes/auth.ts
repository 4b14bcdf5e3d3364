import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginBody, SessionInfo } from '../../contracts/auth.js';
import { errorResponses, NoContent } from '../../contracts/common.js';
import { getSession } from '../../services/auth/get-session.js';
import { ANONYMOUS, login } from '../../services/auth/login.js';
import { logout } from '../../services/auth/logout.js';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../../services/auth/session.js';
import type { ServiceContext } from '../../services/context.js';
import { ctxOf } from '../auth.js';
import type { AppDeps } from '../deps.js';
import type { HttpApp } from './types.js';

const tags = ['auth'];

/** The context of a public route: no actor yet. */
function anonymousCtx(deps: AppDeps, req: FastifyRequest): ServiceContext {
  return { store: deps.store, clock: deps.clock, actor: ANONYMOUS, requestId: req.id, secret: deps.secret, publicUrl: deps.publicUrl, outbox: deps.outbox };
}

function setSessionCookie(deps: AppDeps, reply: FastifyReply, value: string, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: deps.publicUrl.startsWith('https:'),
    maxAge: maxAgeSeconds,
  });
}

export async function authRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  app.post('/api/v1/auth/login', {
    config: { public: true },
    schema: { tags, summary: 'Log in with e-mail and password; sets the session cookie', security: [], body: LoginBody, response: { 200: SessionInfo, ...errorResponses } },
    handler: async (req, reply) => {
      const r = await login(anonymousCtx(deps, req), req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      setSessionCookie(deps, reply, r.sessionToken, SESSION_ABSOLUTE_MS / 1000);
      return { user: r.user, csrfToken: r.csrfToken, expiresAt: r.expiresAt };
    },
  });
  app.post('/api/v1/auth/logout', {
    schema: { tags, summary: 'End this login session and clear the cookie', response: { 204: NoContent, ...errorResponses } },
    handler: async (req, reply) => {
      await logout(ctxOf(deps, req), req.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });
  app.get('/api/v1/auth/session', {
    schema: { tags, summary: 'The logged-in person and the CSRF token for this session', response: { 200: SessionInfo, ...errorResponses } },
    handler: (req) => getSession(ctxOf(deps, req), req.sessionId),
  });
}
