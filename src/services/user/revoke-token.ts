import type { Role } from '../../domain/access/permissions.js';
import { notFound } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorizeSelfOrManage, requireCanManage } from './access.js';
import { loadUser } from './get.js';
import { viewToken } from './view.js';

/** Revoke a token: it stops authenticating at once. Revoking twice changes nothing. */
export async function revokeToken(ctx: ServiceContext, userId: string, tokenId: string): Promise<void> {
  const self = authorizeSelfOrManage(ctx.actor, userId, 'write');
  await inTransaction(ctx, async (t) => {
    const user = await loadUser(t.tx, userId);
    if (!self) requireCanManage(ctx.actor, user.role as Role, 'revoke tokens of');
    const before = await t.tx.selectFrom('apiToken').selectAll().where('id', '=', tokenId).where('userId', '=', userId).executeTakeFirst();
    if (!before) throw notFound('API token', tokenId);
    if (before.revokedAt) return;
    await t.tx.updateTable('apiToken').set({ revokedAt: t.now }).where('id', '=', tokenId).execute();
    await recordAudit(t, { action: 'token.revoked', targetType: 'api_token', targetId: tokenId, before: viewToken(before), after: viewToken({ ...before, revokedAt: t.now }) });
  });
}
