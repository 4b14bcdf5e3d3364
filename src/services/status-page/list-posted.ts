import type { ServiceContext } from '../context.js';
import { readVisibleIncident } from '../incident/access.js';
import { authorize } from '../shared/authorize.js';
import { type PostedIncidentView, postedIncidents } from './posted-view.js';

/** Where an incident was posted, and what was said there. */
export async function listPostedIncidents(ctx: ServiceContext, incidentId: string): Promise<{ items: PostedIncidentView[] }> {
  authorize(ctx.actor, 'incident.read');
  const row = await readVisibleIncident(ctx, incidentId, 'status updates');
  return { items: await postedIncidents(ctx.store.db, incidentId, row.severity) };
}
