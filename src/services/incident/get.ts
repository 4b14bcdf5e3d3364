import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { readVisibleIncident } from './access.js';
import { type IncidentView, viewIncident } from './view.js';

/** One incident; a restricted one the actor may not see answers NOT_FOUND. */
export async function getIncident(ctx: ServiceContext, id: string): Promise<IncidentView> {
  authorize(ctx.actor, 'incident.read');
  const row = await readVisibleIncident(ctx, id, 'incident');
  return viewIncident(ctx.store.db, row);
}
