import type { Role } from '../../domain/access/permissions.js';
import type { ServiceContext } from '../context.js';
import { authorizeSelfOrManage, requireCanManage } from './access.js';
import { loadUser } from './get.js';
import { type ContactMethodView, viewContactMethod } from './view.js';

/** A person's contact methods, oldest first (personal data: the person or user.manage). */
export async function listContactMethods(ctx: ServiceContext, userId: string): Promise<{ items: ContactMethodView[]; nextCursor: null }> {
  const self = authorizeSelfOrManage(ctx.actor, userId, 'read');
  const user = await loadUser(ctx.store.db, userId);
  if (!self) requireCanManage(ctx.actor, user.role as Role, 'see contact methods of');
  const rows = await ctx.store.db.selectFrom('contactMethod').selectAll().where('userId', '=', userId).orderBy('createdAt').orderBy('id').execute();
  return { items: rows.map(viewContactMethod), nextCursor: null };
}
