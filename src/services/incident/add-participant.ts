import { AddParticipantBody } from '../../contracts/collaboration.js';
import { addParticipant as insertParticipant, isParticipant } from '../../store/queries/incident.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireUser } from '../shared/exists.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { appendTimeline } from '../shared/timeline.js';
import { loadIncidentForCollaboration, touchIncident } from './collaboration.js';
import { type ParticipantView, participantViews } from './participant-view.js';

/**
 * Add a person to the incident without paging them (`participant.added`). Participants see a
 * restricted incident. Adding someone who already participates changes nothing (`created: false`).
 */
export async function addParticipant(ctx: ServiceContext, incidentId: string, input: unknown): Promise<{ participant: ParticipantView; created: boolean }> {
  authorize(ctx.actor, 'incident.update');
  const body = parseInput(AddParticipantBody, input);
  return inTransaction(ctx, async (t) => {
    const { tx } = t;
    await loadIncidentForCollaboration(t, incidentId);
    const user = await requireUser(tx, 'userId', body.userId);
    if (await isParticipant(tx, incidentId, user.id)) {
      return { participant: (await participantViews(tx, incidentId, user.id))[0]!, created: false };
    }
    await insertParticipant(tx, incidentId, user.id, 'added', t.now);
    await touchIncident(t, incidentId);
    const data = { userId: user.id, userName: user.name };
    await appendTimeline(t, incidentId, 'participant.added', data);
    await recordAudit(t, { action: 'participant.added', targetType: 'incident', targetId: incidentId, after: data });
    await recordOutbox(t, 'participant.added', incidentId, { incidentId, ...data });
    return { participant: (await participantViews(tx, incidentId, user.id))[0]!, created: true };
  });
}
