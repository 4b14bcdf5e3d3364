import type { Role } from '../../domain/access/permissions.js';
import { notFound, validation } from '../../domain/errors.js';
import { webhookSigningSecret } from '../../notify/channels/webhook/secret.js';
import type { ServiceContext } from '../context.js';
import { authorizeSelfOrManage, requireCanManage } from './access.js';
import { loadUser } from './get.js';

/**
 * The Standard Webhooks signing secret (`whsec_…`) of a webhook contact method, for the receiver to
 * verify `webhook-signature`. Derived from HIKESHI_SECRET and the method's id, never stored; to
 * rotate it, delete the method and add it again.
 */
export async function webhookSecret(ctx: ServiceContext, userId: string, contactMethodId: string): Promise<{ secret: string }> {
  const self = authorizeSelfOrManage(ctx.actor, userId, 'read');
  const user = await loadUser(ctx.store.db, userId);
  if (!self) requireCanManage(ctx.actor, user.role as Role, 'see the webhook secrets of');
  const method = await ctx.store.db.selectFrom('contactMethod').select(['id', 'type']).where('id', '=', contactMethodId).where('userId', '=', userId).executeTakeFirst();
  if (!method) throw notFound('contact method', contactMethodId);
  if (method.type !== 'webhook') throw validation('contactMethodId', `a ${method.type} contact method has no signing secret; only webhooks are signed`);
  return { secret: webhookSigningSecret(ctx.secret, method.id) };
}
