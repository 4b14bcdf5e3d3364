import { CreateNotificationRuleBody } from '../../contracts/notification-rule.js';
import type { Role } from '../../domain/access/permissions.js';
import { conflict, validation } from '../../domain/errors.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { parseInput } from '../shared/parse.js';
import { authorizeSelfOrManage, requireCanManage } from '../user/access.js';
import { loadUser } from '../user/get.js';
import { type NotificationRuleView, view } from './view.js';

/** Add "notify me on this contact method N minutes after I am paged" for one urgency. */
export async function createNotificationRule(ctx: ServiceContext, userId: string, input: unknown): Promise<NotificationRuleView> {
  const self = authorizeSelfOrManage(ctx.actor, userId, 'write');
  const body = parseInput(CreateNotificationRuleBody, input);
  return inTransaction(ctx, async (t) => {
    const user = await loadUser(t.tx, userId);
    if (!self) requireCanManage(ctx.actor, user.role as Role, 'change notification rules of');
    const method = await t.tx.selectFrom('contactMethod').selectAll().where('id', '=', body.contactMethodId).executeTakeFirst();
    if (!method || method.userId !== userId) {
      throw validation('contactMethodId', `no contact method ${body.contactMethodId} of this person; add the address first (POST /api/v1/users/${userId}/contact-methods)`);
    }
    const same = await t.tx
      .selectFrom('notificationRule')
      .select('id')
      .where('userId', '=', userId)
      .where('urgency', '=', body.urgency)
      .where('contactMethodId', '=', body.contactMethodId)
      .where('delayMinutes', '=', body.delayMinutes)
      .executeTakeFirst();
    if (same) throw conflict(`the same rule exists already (${same.id})`, { field: 'contactMethodId' });
    const row = { id: newId(), userId, urgency: body.urgency, contactMethodId: method.id, delayMinutes: body.delayMinutes, createdAt: t.now };
    await t.tx.insertInto('notificationRule').values(row).execute();
    const v = view({ ...row, type: method.type, address: method.address, label: method.label });
    await recordAudit(t, { action: 'notification_rule.created', targetType: 'notification_rule', targetId: row.id, after: v });
    return v;
  });
}
