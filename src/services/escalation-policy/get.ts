import { notFound } from '../../domain/errors.js';
import type { EscalationPolicyTable } from '../../store/schema-oncall.js';
import type { Executor, ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { type EscalationPolicyView, viewPolicies } from './view.js';

export async function loadPolicy(ex: Executor, id: string): Promise<EscalationPolicyTable> {
  const row = await ex.selectFrom('escalationPolicy').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('escalation policy', id);
  return row;
}

export async function getEscalationPolicy(ctx: ServiceContext, id: string): Promise<EscalationPolicyView> {
  authorize(ctx.actor, 'oncall.read');
  const [view] = await viewPolicies(ctx.store.db, [await loadPolicy(ctx.store.db, id)]);
  return view!;
}
