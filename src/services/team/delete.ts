import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { loadTeamDetail, requireOwnerForSecurity } from './view.js';

/** Delete a team; its services keep running without an owner team (team_id set null). */
export async function deleteTeam(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx.actor, 'team.manage');
  await inTransaction(ctx, async (t) => {
    const before = await loadTeamDetail(t.tx, id);
    if (before.security) requireOwnerForSecurity(ctx.actor, 'delete a security team');
    await t.tx.deleteFrom('team').where('id', '=', id).execute();
    await recordAudit(t, { action: 'team.deleted', targetType: 'team', targetId: id, before });
  });
}
