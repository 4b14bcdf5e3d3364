import type { Role } from '../../domain/access/permissions.js';
import type { ServiceContext } from '../context.js';
import { authorizeSelfOrManage, requireCanManage } from './access.js';
import { loadUser } from './get.js';
import { type ApiTokenView, viewToken } from './view.js';

/** A person's tokens, newest first, revoked ones included: prefixes and use, never values. */
export async function listTokens(ctx: ServiceContext, userId: string): Promise<{ items: ApiTokenView[]; nextCursor: null }> {
  const self = authorizeSelfOrManage(ctx.actor, userId, 'read');
  const user = await loadUser(ctx.store.db, userId);
  if (!self) requireCanManage(ctx.actor, user.role as Role, 'see the tokens of');
  const rows = await ctx.store.db.selectFrom('apiToken').selectAll().where('userId', '=', userId).orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
  return { items: rows.map(viewToken), nextCursor: null };
}
