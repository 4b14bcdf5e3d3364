import type { z } from 'zod';
import type { SessionInfo } from '../../contracts/auth.js';
import { DomainError } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { loadUser } from '../user/get.js';
import { viewUser } from '../user/view.js';
import { csrfTokenFor } from './session.js';

export type SessionView = z.infer<typeof SessionInfo>;

/**
 * The logged-in person and the CSRF token of their session: what the web app reads on start.
 * Only meaningful for a cookie session (the HTTP layer has resolved and slid it).
 */
export async function getSession(ctx: ServiceContext, sessionId: string | null): Promise<SessionView> {
  if (!sessionId || !ctx.actor.userId) throw new DomainError('UNAUTHENTICATED', 'not logged in: no session cookie (API tokens have no session)');
  const s = await ctx.store.db.selectFrom('session').select(['expiresAt']).where('id', '=', sessionId).executeTakeFirst();
  if (!s) throw new DomainError('UNAUTHENTICATED', 'the session has ended; log in again');
  return { user: viewUser(await loadUser(ctx.store.db, ctx.actor.userId)), csrfToken: csrfTokenFor(ctx.secret, sessionId), expiresAt: s.expiresAt };
}
