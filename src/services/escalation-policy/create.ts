import { CreateEscalationPolicyBody } from '../../contracts/escalation-policy.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { checkTargets } from './check.js';
import { type EscalationPolicyView, viewPolicies } from './view.js';

export async function createEscalationPolicy(ctx: ServiceContext, input: unknown): Promise<EscalationPolicyView> {
  authorize(ctx.actor, 'escalation.manage');
  const body = parseInput(CreateEscalationPolicyBody, input);
  return inTransaction(ctx, async (t) => {
    await checkTargets(t.tx, body.levels);
    const row = {
      id: newId(),
      name: body.name,
      description: body.description ?? '',
      repeat: body.repeat,
      levels: JSON.stringify(body.levels),
      ackTimeoutMinutes: body.ackTimeoutMinutes ?? null,
      createdAt: t.now,
      updatedAt: t.now,
    };
    await t.tx.insertInto('escalationPolicy').values(row).execute();
    const [view] = await viewPolicies(t.tx, [row]);
    await recordAudit(t, { action: 'escalation_policy.created', targetType: 'escalation_policy', targetId: row.id, after: view });
    return view!;
  });
}
