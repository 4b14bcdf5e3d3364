import { UpdateEventRuleBody } from '../../contracts/event-rule.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { checkRule } from './check.js';
import { loadEventRule } from './get.js';
import { lockRuleOrder, placeAt, scopeOrder, writeOrder } from './order.js';
import { conditionsColumn, type EventRuleView, viewEventRule } from './view.js';

/**
 * Change a rule; `position` moves it within its scope and the rules in between shift. A rule stays in
 * its scope: to move it to another service, create it there and delete this one.
 */
export async function updateEventRule(ctx: ServiceContext, id: string, input: unknown): Promise<EventRuleView> {
  authorize(ctx.actor, 'rule.manage');
  const body = parseInput(UpdateEventRuleBody, input);
  return inTransaction(ctx, async (t) => {
    const before = viewEventRule(await loadEventRule(t.tx, id));
    const next = {
      match: body.match ?? before.match,
      conditions: body.conditions ?? before.conditions,
      actions: body.actions ?? before.actions,
      stopOnMatch: body.stopOnMatch ?? before.stopOnMatch,
    };
    // Checked only when what the rule does changes, so a rule whose route target was deleted can still be renamed or disabled.
    if (body.conditions || body.actions || body.stopOnMatch !== undefined) await checkRule(t.tx, { serviceId: before.serviceId, ...next });
    if (body.position !== undefined) {
      await lockRuleOrder(t);
      const current = await scopeOrder(t.tx, before.serviceId);
      await writeOrder(t, current, placeAt(current.map((r) => r.id), id, body.position));
    }
    await t.tx
      .updateTable('eventRule')
      .set({
        name: body.name ?? before.name,
        enabled: (body.enabled ?? before.enabled) ? 1 : 0,
        conditions: conditionsColumn(next.match, next.conditions),
        actions: JSON.stringify(next.actions),
        stopOnMatch: next.stopOnMatch ? 1 : 0,
        updatedAt: t.now,
      })
      .where('id', '=', id)
      .execute();
    const after = viewEventRule(await loadEventRule(t.tx, id));
    await recordAudit(t, { action: 'event_rule.updated', targetType: 'event_rule', targetId: id, before, after });
    return after;
  });
}
