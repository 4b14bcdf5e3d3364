import { CreateEventRuleBody } from '../../contracts/event-rule.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireServices } from '../shared/exists.js';
import { parseInput } from '../shared/parse.js';
import { checkRule } from './check.js';
import { loadEventRule } from './get.js';
import { lockRuleOrder, placeAt, scopeOrder, writeOrder } from './order.js';
import { conditionsColumn, type EventRuleView, viewEventRule } from './view.js';

/** Add a rule to its scope (global without serviceId), last unless `position` says otherwise. */
export async function createEventRule(ctx: ServiceContext, input: unknown): Promise<EventRuleView> {
  authorize(ctx.actor, 'rule.manage');
  const body = parseInput(CreateEventRuleBody, input);
  const serviceId = body.serviceId ?? null;
  return inTransaction(ctx, async (t) => {
    if (serviceId) await requireServices(t.tx, 'serviceId', [serviceId]);
    await checkRule(t.tx, { serviceId, conditions: body.conditions, actions: body.actions, stopOnMatch: body.stopOnMatch });
    await lockRuleOrder(t);
    const current = await scopeOrder(t.tx, serviceId);
    const id = newId();
    const order = placeAt(current.map((r) => r.id), id, body.position);
    await writeOrder(t, current, order); // makes room; the new rule is inserted at its place below
    await t.tx
      .insertInto('eventRule')
      .values({
        id,
        serviceId,
        position: order.indexOf(id) + 1,
        name: body.name,
        enabled: body.enabled ? 1 : 0,
        conditions: conditionsColumn(body.match, body.conditions),
        actions: JSON.stringify(body.actions),
        stopOnMatch: body.stopOnMatch ? 1 : 0,
        createdAt: t.now,
        updatedAt: t.now,
      })
      .execute();
    const view = viewEventRule(await loadEventRule(t.tx, id));
    await recordAudit(t, { action: 'event_rule.created', targetType: 'event_rule', targetId: id, after: view });
    return view;
  });
}
