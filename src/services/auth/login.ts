import { LoginBody } from '../../contracts/auth.js';
import { DomainError } from '../../domain/errors.js';
import { newId, newSessionToken, sha256Hex } from '../../platform/ids.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../platform/password.js';
import { type Actor, inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { parseInput } from '../shared/parse.js';
import { type UserView, viewUser } from '../user/view.js';
import { actorForUser } from './authenticate.js';
import { checkLoginThrottle, loginEmailKey, recordLoginAttempt } from './rate-limit.js';
import { csrfTokenFor, SESSION_ABSOLUTE_MS } from './session.js';

/** The caller of a public route before it has proved who it is: every permission check fails. */
export const ANONYMOUS: Actor = { type: 'user', id: null, name: 'anonymous', userId: null, role: 'observer', scopes: [], inSecurityTeam: false };

export interface LoginClient {
  ip: string;
  userAgent: string | null;
}

export interface LoginResult {
  user: UserView;
  csrfToken: string;
  expiresAt: string;
  /** The cookie value; only its SHA-256 is stored. */
  sessionToken: string;
}

const WRONG = 'wrong e-mail address or password';

/**
 * Log in with e-mail and password and open a session. A public use case: there is no actor to
 * authorize yet. An unknown address and a wrong password get the same answer after the same work
 * (a dummy hash is checked), so the answer does not reveal who has an account.
 */
export async function login(ctx: ServiceContext, input: unknown, client: LoginClient): Promise<LoginResult> {
  const body = parseInput(LoginBody, input);
  const emailKey = loginEmailKey(body.email);
  const now = ctx.clock.now();
  await checkLoginThrottle(ctx.store.db, emailKey, client.ip, now);
  const user = await ctx.store.db.selectFrom('appUser').selectAll().where('email', '=', emailKey).executeTakeFirst();
  const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user?.passwordHash || !ok) {
    await recordLoginAttempt(ctx.store.db, emailKey, client.ip, now.toISOString(), false);
    throw new DomainError('UNAUTHENTICATED', WRONG);
  }
  const actor = user.disabledAt ? null : await actorForUser(ctx.store.db, user.id);
  if (!actor) {
    // Said only to someone who knows the password.
    await recordLoginAttempt(ctx.store.db, emailKey, client.ip, now.toISOString(), false);
    throw new DomainError('UNAUTHENTICATED', 'this account is disabled; ask an administrator to enable it');
  }
  const sessionToken = newSessionToken();
  return inTransaction({ ...ctx, actor }, async (t) => {
    await recordLoginAttempt(t.tx, emailKey, client.ip, t.now, true);
    const id = newId();
    const expiresAt = new Date(Date.parse(t.now) + SESSION_ABSOLUTE_MS).toISOString();
    await t.tx
      .insertInto('session')
      .values({ id, userId: user.id, tokenHash: sha256Hex(sessionToken), createdAt: t.now, lastSeenAt: t.now, expiresAt, ip: client.ip, userAgent: client.userAgent?.slice(0, 500) ?? null })
      .execute();
    await recordAudit(t, { action: 'auth.login', targetType: 'session', targetId: id, after: { userId: user.id, ip: client.ip, userAgent: client.userAgent?.slice(0, 500) ?? null, expiresAt } });
    return { user: viewUser(user), csrfToken: csrfTokenFor(ctx.secret, id), expiresAt, sessionToken };
  });
}
