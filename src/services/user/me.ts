import { DomainError } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { loadUser } from './get.js';
import { type UserView, viewUser } from './view.js';

/** The person behind the current session or token. */
export async function getMe(ctx: ServiceContext): Promise<UserView> {
  authorize(ctx.actor, 'user.read');
  if (!ctx.actor.userId) throw new DomainError('UNAUTHENTICATED', 'this caller is not a person; /me needs a user session or API token');
  return viewUser(await loadUser(ctx.store.db, ctx.actor.userId));
}
