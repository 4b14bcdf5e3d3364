import { UpdateEscalationPolicyBody } from '../../contracts/escalation-policy.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { checkTargets } from './check.js';
import { loadPolicy } from './get.js';
import { type EscalationPolicyView, viewPolicies } from './view.js';

/**
 * Change a policy. Escalations already running keep the policy they started with (it is copied onto
 * the incident when paging starts), so an edit never reshuffles a page in flight.
 */
export async function updateEscalationPolicy(ctx: ServiceContext, id: string, input: unknown): Promise<EscalationPolicyView> {
  authorize(ctx.actor, 'escalation.manage');
  const body = parseInput(UpdateEscalationPolicyBody, input);
  return inTransaction(ctx, async (t) => {
    const before = await loadPolicy(t.tx, id);
    if (body.levels) await checkTargets(t.tx, body.levels);
    const after = {
      ...before,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.repeat !== undefined ? { repeat: body.repeat } : {}),
      ...(body.levels ? { levels: JSON.stringify(body.levels) } : {}),
      ...(body.ackTimeoutMinutes !== undefined ? { ackTimeoutMinutes: body.ackTimeoutMinutes } : {}),
      updatedAt: t.now,
    };
    await t.tx
      .updateTable('escalationPolicy')
      .set({ name: after.name, description: after.description, repeat: after.repeat, levels: after.levels, ackTimeoutMinutes: after.ackTimeoutMinutes, updatedAt: t.now })
      .where('id', '=', id)
      .execute();
    const [beforeView, afterView] = await viewPolicies(t.tx, [before, after]);
    await recordAudit(t, { action: 'escalation_policy.updated', targetType: 'escalation_policy', targetId: id, before: beforeView, after: afterView });
    return afterView!;
  });
}
