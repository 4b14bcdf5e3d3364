import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { isSelf } from '../user/access.js';
import { loadUser } from '../user/get.js';
import { type NotificationRuleView, rulesOf } from './view.js';

export async function listNotificationRules(ctx: ServiceContext, userId: string): Promise<{ items: NotificationRuleView[]; nextCursor: null }> {
  if (!isSelf(ctx.actor, userId)) authorize(ctx.actor, 'user.read');
  await loadUser(ctx.store.db, userId);
  return { items: await rulesOf(ctx.store.db, userId), nextCursor: null };
}
