import { CreateTeamBody } from '../../contracts/team.js';
import { conflict } from '../../domain/errors.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { requireOwnerForSecurity, type TeamDetailView, viewTeam } from './view.js';

export async function createTeam(ctx: ServiceContext, input: unknown): Promise<TeamDetailView> {
  authorize(ctx.actor, 'team.manage');
  const body = parseInput(CreateTeamBody, input);
  if (body.security) requireOwnerForSecurity(ctx.actor, 'create a security team');
  return inTransaction(ctx, async (t) => {
    const taken = await t.tx.selectFrom('team').select('id').where('name', '=', body.name).executeTakeFirst();
    if (taken) throw conflict(`name: a team named "${body.name}" already exists (${taken.id}); choose another name`, { field: 'name' });
    const row = { id: newId(), name: body.name, description: body.description ?? '', isSecurity: body.security ? 1 : 0, createdAt: t.now, updatedAt: t.now };
    await t.tx.insertInto('team').values(row).execute();
    const view = viewTeam(row, 0);
    await recordAudit(t, { action: 'team.created', targetType: 'team', targetId: row.id, after: view });
    return { ...view, members: [] };
  });
}
