import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { readVisibleIncident } from './access.js';
import { type ParticipantView, participantViews } from './participant-view.js';

/** Everyone taking part in an incident, in the order they joined, with why they first joined. */
export async function listParticipants(ctx: ServiceContext, incidentId: string): Promise<{ items: ParticipantView[]; nextCursor: null }> {
  authorize(ctx.actor, 'incident.read');
  await readVisibleIncident(ctx, incidentId, 'participants');
  return { items: await participantViews(ctx.store.db, incidentId), nextCursor: null };
}
