import { conflict } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { loadPolicy } from './get.js';
import { viewPolicies } from './view.js';

/** Delete a policy no service uses (a service without a policy would page nobody without saying so). */
export async function deleteEscalationPolicy(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx.actor, 'escalation.manage');
  await inTransaction(ctx, async (t) => {
    const [before] = await viewPolicies(t.tx, [await loadPolicy(t.tx, id)]);
    if (before!.serviceIds.length) {
      throw conflict(`services ${before!.serviceIds.join(', ')} page through this policy; give them another policy first`, { serviceIds: before!.serviceIds });
    }
    await t.tx.deleteFrom('escalationPolicy').where('id', '=', id).execute();
    await recordAudit(t, { action: 'escalation_policy.deleted', targetType: 'escalation_policy', targetId: id, before });
  });
}
