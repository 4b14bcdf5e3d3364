import type { Role } from '../../domain/access/permissions.js';
import { notFound } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorizeSelfOrManage, requireCanManage } from '../user/access.js';
import { loadUser } from '../user/get.js';

export async function deleteNotificationRule(ctx: ServiceContext, userId: string, ruleId: string): Promise<void> {
  const self = authorizeSelfOrManage(ctx.actor, userId, 'write');
  await inTransaction(ctx, async (t) => {
    const user = await loadUser(t.tx, userId);
    if (!self) requireCanManage(ctx.actor, user.role as Role, 'change notification rules of');
    const row = await t.tx.selectFrom('notificationRule').selectAll().where('id', '=', ruleId).where('userId', '=', userId).executeTakeFirst();
    if (!row) throw notFound('notification rule', ruleId);
    await t.tx.deleteFrom('notificationRule').where('id', '=', ruleId).execute();
    await recordAudit(t, { action: 'notification_rule.deleted', targetType: 'notification_rule', targetId: ruleId, before: row });
  });
}
