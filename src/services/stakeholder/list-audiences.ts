import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { type StakeholderAudienceView, viewAudience } from './audience-view.js';

/**
 * Every audience by name (they are few; one page). Responders read them to choose whom to write to;
 * changing them is for admins.
 */
export async function listAudiences(ctx: ServiceContext): Promise<{ items: StakeholderAudienceView[]; nextCursor: null }> {
  authorize(ctx.actor, 'incident.update');
  const rows = await ctx.store.db.selectFrom('stakeholderAudience').selectAll().orderBy('name').orderBy('id').execute();
  return { items: rows.map(viewAudience), nextCursor: null };
}
