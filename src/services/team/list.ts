import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { type TeamView, viewTeam } from './view.js';

/** Every team by name, with its member count (teams are few; one page). */
export async function listTeams(ctx: ServiceContext): Promise<{ items: TeamView[]; nextCursor: null }> {
  authorize(ctx.actor, 'user.read');
  const rows = await ctx.store.db
    .selectFrom('team')
    .selectAll('team')
    .select((eb) => eb.selectFrom('teamMember').select(eb.fn.countAll<number>().as('n')).whereRef('teamMember.teamId', '=', 'team.id').as('memberCount'))
    .orderBy('name')
    .orderBy('id')
    .execute();
  return { items: rows.map((r) => viewTeam(r, Number(r.memberCount ?? 0))), nextCursor: null };
}
