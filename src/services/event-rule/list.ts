import { ListEventRulesQuery } from '../../contracts/event-rule.js';
import { validation } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { sortRules } from './load-enabled.js';
import { type EventRuleView, viewEventRule } from './view.js';

/**
 * Rules in evaluation order: global first, then per service by position. `serviceId` alone gives the
 * chain an event of that service meets (global rules, then the service's); with `scope=service` only
 * the service's own.
 */
export async function listEventRules(ctx: ServiceContext, input: unknown): Promise<{ items: EventRuleView[]; nextCursor: null }> {
  authorize(ctx.actor, 'service.read');
  const q = parseInput(ListEventRulesQuery, input ?? {}, 'query');
  if (q.scope === 'global' && q.serviceId) throw validation('serviceId', 'global rules belong to no service; drop serviceId or use scope=service');
  let query = ctx.store.db.selectFrom('eventRule').selectAll();
  if (q.scope === 'global') query = query.where('serviceId', 'is', null);
  else if (q.scope === 'service') query = q.serviceId ? query.where('serviceId', '=', q.serviceId) : query.where('serviceId', 'is not', null);
  else if (q.serviceId) query = query.where((eb) => eb.or([eb('serviceId', 'is', null), eb('serviceId', '=', q.serviceId!)]));
  const rows = await query.execute();
  return { items: sortRules(rows.map(viewEventRule)), nextCursor: null };
}
