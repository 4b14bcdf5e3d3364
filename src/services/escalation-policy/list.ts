import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { type EscalationPolicyView, viewPolicies } from './view.js';

/** Every policy by name (an installation has tens, not thousands). */
export async function listEscalationPolicies(ctx: ServiceContext): Promise<{ items: EscalationPolicyView[]; nextCursor: null }> {
  authorize(ctx.actor, 'oncall.read');
  const rows = await ctx.store.db.selectFrom('escalationPolicy').selectAll().orderBy('name').orderBy('id').execute();
  return { items: await viewPolicies(ctx.store.db, rows), nextCursor: null };
}
