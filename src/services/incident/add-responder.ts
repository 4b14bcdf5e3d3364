import { AddResponderBody } from '../../contracts/collaboration.js';
import { addParticipant } from '../../store/queries/incident.js';
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
 * Ask a person to respond (SPEC §4.2 "responders can be added (pages them)"): they become a
 * participant (`responder.added`) and an outbox row `responder.requested` tells the paging runner to
 * page them. Paging is not done here (STYLE §7). Asking again pages again: someone already on the
 * incident may still need a nudge.
 */
export async function addResponder(ctx: ServiceContext, incidentId: string, input: unknown): Promise<ParticipantView> {
  authorize(ctx.actor, 'incident.update');
  const body = parseInput(AddResponderBody, input);
  return inTransaction(ctx, async (t) => {
    const { tx } = t;
    await loadIncidentForCollaboration(t, incidentId);
    const user = await requireUser(tx, 'userId', body.userId);
    await addParticipant(tx, incidentId, user.id, 'responder', t.now);
    await touchIncident(t, incidentId);
    const message = body.message || null;
    const data = { userId: user.id, userName: user.name, message };
    await appendTimeline(t, incidentId, 'responder.added', data);
    await recordAudit(t, { action: 'responder.added', targetType: 'incident', targetId: incidentId, after: data });
    await recordOutbox(t, 'responder.requested', incidentId, {
      incidentId,
      userId: user.id,
      message,
      requestedBy: { type: t.actor.type, id: t.actor.id, name: t.actor.name },
    });
    return (await participantViews(tx, incidentId, user.id))[0]!;
  });
}
