import type { Role } from '../../domain/access/permissions.js';
import { notFound } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorizeSelfOrManage, requireCanManage } from './access.js';
import { loadUser } from './get.js';
import { viewContactMethod } from './view.js';

export async function deleteContactMethod(ctx: ServiceContext, userId: string, contactMethodId: string): Promise<void> {
  const self = authorizeSelfOrManage(ctx.actor, userId, 'write');
  await inTransaction(ctx, async (t) => {
    const user = await loadUser(t.tx, userId);
    if (!self) requireCanManage(ctx.actor, user.role as Role, 'change contact methods of');
    const before = await t.tx.selectFrom('contactMethod').selectAll().where('id', '=', contactMethodId).where('userId', '=', userId).executeTakeFirst();
    if (!before) throw notFound('contact method', contactMethodId);
    await t.tx.deleteFrom('contactMethod').where('id', '=', contactMethodId).execute();
    await recordAudit(t, { action: 'contact_method.deleted', targetType: 'contact_method', targetId: contactMethodId, before: viewContactMethod(before) });
  });
}
