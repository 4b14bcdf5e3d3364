import { notFound } from '../../domain/errors.js';
import type { Executor, ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { type UserView, viewUser } from './view.js';

export async function loadUser(ex: Executor, id: string) {
  const row = await ex.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('user', id);
  return row;
}

export async function getUser(ctx: ServiceContext, id: string): Promise<UserView> {
  authorize(ctx.actor, 'user.read');
  return viewUser(await loadUser(ctx.store.db, id));
}
