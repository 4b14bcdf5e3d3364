import { notFound, validation } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { loadTeam, loadTeamDetail, requireOwnerForSecurity, type TeamDetailView } from './view.js';

/** Add a person to a team (PUT: adding a member twice changes nothing). */
export async function addTeamMember(ctx: ServiceContext, teamId: string, userId: string): Promise<TeamDetailView> {
  authorize(ctx.actor, 'team.manage');
  return inTransaction(ctx, async (t) => {
    const team = await loadTeam(t.tx, teamId);
    if (team.isSecurity === 1) requireOwnerForSecurity(ctx.actor, 'add members to a security team');
    const user = await t.tx.selectFrom('appUser').select(['id', 'name', 'disabledAt']).where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound('user', userId);
    if (user.disabledAt) throw validation('userId', `user ${userId} is disabled`);
    const already = await t.tx.selectFrom('teamMember').select('userId').where('teamId', '=', teamId).where('userId', '=', userId).executeTakeFirst();
    if (!already) {
      await t.tx.insertInto('teamMember').values({ teamId, userId, addedAt: t.now }).execute();
      await recordAudit(t, { action: 'team.member_added', targetType: 'team', targetId: teamId, after: { userId, name: user.name, security: team.isSecurity === 1 } });
    }
    return loadTeamDetail(t.tx, teamId);
  });
}
