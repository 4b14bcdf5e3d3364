import { UpdateServiceBody } from '../../contracts/service.js';
import { conflict } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireEscalationPolicy, requireTeam } from '../shared/exists.js';
import { parseInput } from '../shared/parse.js';
import { loadService } from './get.js';
import { type ServiceView, viewService } from './view.js';

export async function updateService(ctx: ServiceContext, id: string, input: unknown): Promise<ServiceView> {
  authorize(ctx.actor, 'service.manage');
  const body = parseInput(UpdateServiceBody, input);
  return inTransaction(ctx, async (t) => {
    const before = await loadService(t.tx, id);
    if (body.teamId) await requireTeam(t.tx, 'teamId', body.teamId);
    if (body.escalationPolicyId) await requireEscalationPolicy(t.tx, 'escalationPolicyId', body.escalationPolicyId);
    if (body.name && body.name !== before.name) {
      const taken = await t.tx.selectFrom('service').select('id').where('name', '=', body.name).executeTakeFirst();
      if (taken) throw conflict(`a service named "${body.name}" already exists (${taken.id}); choose another name`, { field: 'name' });
    }
    await t.tx.updateTable('service').set({ ...body, updatedAt: t.now }).where('id', '=', id).execute();
    const after = await loadService(t.tx, id);
    await recordAudit(t, { action: 'service.updated', targetType: 'service', targetId: id, before: viewService(before), after: viewService(after) });
    return viewService(after);
  });
}
