import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { loadTeamDetail, type TeamDetailView } from './view.js';

/** Teams are a directory: anyone who may see people may see them. */
export async function getTeam(ctx: ServiceContext, id: string): Promise<TeamDetailView> {
  authorize(ctx.actor, 'user.read');
  return loadTeamDetail(ctx.store.db, id);
}
