import { notFound } from '../../domain/errors.js';
import type { Executor, ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { type EventRuleRow, type EventRuleView, viewEventRule } from './view.js';

export async function loadEventRule(ex: Executor, id: string): Promise<EventRuleRow> {
  const row = await ex.selectFrom('eventRule').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('event rule', id);
  return row;
}

export async function getEventRule(ctx: ServiceContext, id: string): Promise<EventRuleView> {
  authorize(ctx.actor, 'service.read');
  return viewEventRule(await loadEventRule(ctx.store.db, id));
}
