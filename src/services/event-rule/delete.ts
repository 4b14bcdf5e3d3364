import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { loadEventRule } from './get.js';
import { lockRuleOrder, scopeOrder, writeOrder } from './order.js';
import { viewEventRule } from './view.js';

/** Delete a rule; the later rules of its scope move up. */
export async function deleteEventRule(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx.actor, 'rule.manage');
  await inTransaction(ctx, async (t) => {
    const before = viewEventRule(await loadEventRule(t.tx, id));
    await lockRuleOrder(t);
    await t.tx.deleteFrom('eventRule').where('id', '=', id).execute();
    const current = await scopeOrder(t.tx, before.serviceId);
    await writeOrder(t, current, current.map((r) => r.id));
    await recordAudit(t, { action: 'event_rule.deleted', targetType: 'event_rule', targetId: id, before });
  });
}
