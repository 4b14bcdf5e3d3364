import { validation } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';

/**
 * End the caller's own login session. No permission is needed beyond holding the session: the
 * HTTP layer has already checked the cookie and its CSRF token.
 */
export async function logout(ctx: ServiceContext, sessionId: string | null): Promise<void> {
  if (!sessionId) throw validation('session', 'logout ends a cookie session; API tokens are revoked with DELETE /api/v1/users/{id}/tokens/{tokenId}');
  await inTransaction(ctx, async (t) => {
    const ended = await t.tx.deleteFrom('session').where('id', '=', sessionId).where('userId', '=', ctx.actor.userId ?? '').executeTakeFirst();
    if (Number(ended.numDeletedRows) === 0) return;
    await recordAudit(t, { action: 'auth.logout', targetType: 'session', targetId: sessionId });
  });
}
