import { CreateServiceBody } from '../../contracts/service.js';
import { conflict } from '../../domain/errors.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireEscalationPolicy, requireTeam } from '../shared/exists.js';
import { parseInput } from '../shared/parse.js';
import { type ServiceView, viewService } from './view.js';

export async function createService(ctx: ServiceContext, input: unknown): Promise<ServiceView> {
  authorize(ctx.actor, 'service.manage');
  const body = parseInput(CreateServiceBody, input);
  return inTransaction(ctx, async (t) => {
    if (body.teamId) await requireTeam(t.tx, 'teamId', body.teamId);
    if (body.escalationPolicyId) await requireEscalationPolicy(t.tx, 'escalationPolicyId', body.escalationPolicyId);
    const taken = await t.tx.selectFrom('service').select('id').where('name', '=', body.name).executeTakeFirst();
    if (taken) throw conflict(`a service named "${body.name}" already exists (${taken.id}); choose another name`, { field: 'name' });
    const row = {
      id: newId(),
      name: body.name,
      description: body.description ?? '',
      teamId: body.teamId ?? null,
      tier: body.tier ?? 3,
      escalationPolicyId: body.escalationPolicyId ?? null,
      ingestConfig: '{}',
      createdAt: t.now,
      updatedAt: t.now,
    };
    await t.tx.insertInto('service').values(row).execute();
    const view = viewService(row);
    await recordAudit(t, { action: 'service.created', targetType: 'service', targetId: row.id, after: view });
    return view;
  });
}
