import { DomainError } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { loadTeam } from './view.js';

/**
 * Remove a person from a team. Allowed to every team manager even for a security team: taking
 * access away must never wait for an owner.
 */
export async function removeTeamMember(ctx: ServiceContext, teamId: string, userId: string): Promise<void> {
  authorize(ctx.actor, 'team.manage');
  await inTransaction(ctx, async (t) => {
    const team = await loadTeam(t.tx, teamId);
    const removed = await t.tx.deleteFrom('teamMember').where('teamId', '=', teamId).where('userId', '=', userId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new DomainError('NOT_FOUND', `user ${userId} is not a member of team ${team.name}`);
    await recordAudit(t, { action: 'team.member_removed', targetType: 'team', targetId: teamId, before: { userId, security: team.isSecurity === 1 } });
  });
}
