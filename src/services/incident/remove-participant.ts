import { conflict, notFound } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { recordOutbox } from '../shared/outbox.js';
import { appendTimeline } from '../shared/timeline.js';
import { loadIncidentForCollaboration, touchIncident } from './collaboration.js';
import { participantViews } from './participant-view.js';

/**
 * Remove a participant (`participant.removed`). Role holders are participants by definition (SPEC
 * §4.2), so a current role holder cannot be removed (409): unassign the role first. A removed person
 * no longer sees a restricted incident.
 */
export async function removeParticipant(ctx: ServiceContext, incidentId: string, userId: string): Promise<void> {
  authorize(ctx.actor, 'incident.update');
  await inTransaction(ctx, async (t) => {
    const { tx } = t;
    await loadIncidentForCollaboration(t, incidentId);
    const participant = (await participantViews(tx, incidentId, userId))[0];
    if (!participant) throw notFound('participant', userId);
    const roles = await tx.selectFrom('incidentRole').select('role').where('incidentId', '=', incidentId).where('userId', '=', userId).execute();
    if (roles.length) {
      const held = roles.map((r) => r.role).join(', ');
      throw conflict(`${participant.name} holds ${held} on this incident; unassign the role first`, { roles: roles.map((r) => r.role) });
    }
    await tx.deleteFrom('incidentParticipant').where('incidentId', '=', incidentId).where('userId', '=', userId).execute();
    await touchIncident(t, incidentId);
    const data = { userId, userName: participant.name };
    await appendTimeline(t, incidentId, 'participant.removed', data);
    await recordAudit(t, { action: 'participant.removed', targetType: 'incident', targetId: incidentId, before: { ...data, reason: participant.reason } });
    await recordOutbox(t, 'participant.removed', incidentId, { incidentId, ...data });
  });
}
