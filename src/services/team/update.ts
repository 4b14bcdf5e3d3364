import { UpdateTeamBody } from '../../contracts/team.js';
import { conflict } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { loadTeam, loadTeamDetail, requireOwnerForSecurity, type TeamDetailView, viewTeam } from './view.js';

export async function updateTeam(ctx: ServiceContext, id: string, input: unknown): Promise<TeamDetailView> {
  authorize(ctx.actor, 'team.manage');
  const body = parseInput(UpdateTeamBody, input);
  return inTransaction(ctx, async (t) => {
    const before = await loadTeamDetail(t.tx, id);
    if (body.security !== undefined && body.security !== before.security) {
      requireOwnerForSecurity(ctx.actor, body.security ? 'make a team a security team' : 'change a security team');
    }
    if (body.name && body.name !== before.name) {
      const taken = await t.tx.selectFrom('team').select('id').where('name', '=', body.name).executeTakeFirst();
      if (taken) throw conflict(`name: a team named "${body.name}" already exists (${taken.id}); choose another name`, { field: 'name' });
    }
    await t.tx
      .updateTable('team')
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.security !== undefined ? { isSecurity: body.security ? 1 : 0 } : {}),
        updatedAt: t.now,
      })
      .where('id', '=', id)
      .execute();
    const after = viewTeam(await loadTeam(t.tx, id), before.memberCount);
    const { members, ...beforeView } = before;
    await recordAudit(t, { action: 'team.updated', targetType: 'team', targetId: id, before: beforeView, after });
    return { ...after, members };
  });
}
