import { z } from 'zod';
import { openRespondLink, useRespondLink } from '../../services/respond/link.js';
import { SYSTEM_ACTOR, type ServiceContext } from '../../services/context.js';
import type { AppDeps } from '../deps.js';
import { sendHtmlPage } from '../html-page.js';
import type { HttpApp } from './types.js';

const TokenParams = z.strictObject({ token: z.string().min(1).max(1000) });

/**
 * `/respond/<token>`: the acknowledge/resolve links of notifications. GET shows a confirmation page
 * (mail scanners follow GET links), POST acts. Public routes: the signed token is the credential.
 * The form posts as application/x-www-form-urlencoded, accepted (and ignored) in this scope only.
 */
export async function respondRoutes(app: HttpApp, deps: AppDeps): Promise<void> {
  // Nobody is signed in here; the link's recipient becomes the actor once the token checks out.
  const ctx = (requestId: string): ServiceContext => ({ store: deps.store, clock: deps.clock, actor: SYSTEM_ACTOR, requestId, secret: deps.secret, publicUrl: deps.publicUrl, outbox: deps.outbox });
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, _body, done) => done(null, {}));
    scope.get('/respond/:token', { config: { public: true }, schema: { hide: true, params: TokenParams } }, async (req, reply) =>
      sendHtmlPage(reply, await openRespondLink(ctx(req.id), (req.params as { token: string }).token)),
    );
    scope.post('/respond/:token', { config: { public: true }, schema: { hide: true, params: TokenParams } }, async (req, reply) =>
      sendHtmlPage(reply, await useRespondLink(ctx(req.id), (req.params as { token: string }).token)),
    );
  });
}
