import { DeclareIncidentBody } from '../../contracts/incident.js';
import { validation } from '../../domain/errors.js';
import { incidentSearchText } from '../../domain/text/search.js';
import { defaultSeverity, impactFromAssessment, priorityOf } from '../../domain/incident/priority.js';
import { defaultVisibility, type Level } from '../../domain/incident/types.js';
import { newId } from '../../platform/ids.js';
import { addParticipant, findIncidentRow, nextIncidentNumber, setImpactedServices } from '../../store/queries/incident.js';
import type { z } from 'zod';
import { inTransaction, type ServiceContext, type TxContext } from '../context.js';
import { getPriorityMatrix } from '../settings/priority-matrix.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireServices, requireUser } from '../shared/exists.js';
import { startEscalation } from '../escalation/start.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { appendTimeline } from '../shared/timeline.js';
import { type IncidentView, viewIncident } from './view.js';

export type DeclareBody = z.output<typeof DeclareIncidentBody>;

/** Declare an incident by hand (API, CLI, web). Alert-created incidents come from [ingest]. */
export async function declareIncident(ctx: ServiceContext, input: unknown): Promise<IncidentView> {
  authorize(ctx.actor, 'incident.declare');
  const body = parseInput(DeclareIncidentBody, input);
  return inTransaction(ctx, (t) => declareIncidentIn(t, body));
}

/**
 * The declaration inside the caller's transaction (an intake report and the inquiry it becomes
 * commit together). The caller has authorized the actor and parsed the body.
 */
export async function declareIncidentIn(t: TxContext, body: DeclareBody): Promise<IncidentView> {
    const { tx } = t;
    if (body.serviceId) await requireServices(tx, 'serviceId', [body.serviceId]);
    if (body.impactedServiceIds) await requireServices(tx, 'impactedServiceIds', body.impactedServiceIds);
    const commander = body.commanderId ? await requireUser(tx, 'commanderId', body.commanderId) : undefined;
    const startedAt = body.startedAt ? new Date(body.startedAt).toISOString() : t.now;
    if (startedAt > t.now) throw validation('startedAt', 'the impact cannot start in the future');
    const matrix = await getPriorityMatrix(tx);
    const impact: Level = body.impact ?? impactFromAssessment(body.assessment?.customersAffected);
    const urgency: Level = body.urgency ?? 2;
    const priority = priorityOf(matrix, impact, urgency);
    const severity = body.severity ?? defaultSeverity(priority);
    const visibility = body.visibility ?? defaultVisibility(body.type);
    const id = newId();
    const number = await nextIncidentNumber(tx);
    await tx
      .insertInto('incident')
      .values({
        id,
        number,
        title: body.title,
        description: body.description ?? '',
        searchText: incidentSearchText(body.title, body.description ?? ''),
        status: 'triggered',
        type: body.type,
        severity,
        impact,
        urgency,
        priority,
        serviceId: body.serviceId ?? null,
        visibility,
        assessment: JSON.stringify(body.assessment ?? {}),
        coordinationUrl: body.coordinationUrl ?? null,
        alertCount: 0,
        mergedIntoId: null,
        createdByType: t.actor.type,
        createdById: t.actor.id,
        startedAt,
        createdAt: t.now,
        updatedAt: t.now,
        acknowledgedAt: null,
        resolvedAt: null,
        closedAt: null,
      })
      .execute();
    const impacted = [...(body.serviceId ? [body.serviceId] : []), ...(body.impactedServiceIds ?? [])];
    await setImpactedServices(tx, id, impacted);
    if (t.actor.userId) await addParticipant(tx, id, t.actor.userId, 'declared', t.now);
    await appendTimeline(t, id, 'incident.declared', { title: body.title, type: body.type, severity, priority, impact, urgency, visibility, startedAt });
    if (commander) {
      await tx.insertInto('incidentRole').values({ incidentId: id, role: 'commander', userId: commander.id, assignedAt: t.now }).execute();
      await addParticipant(tx, id, commander.id, 'role', t.now);
      await appendTimeline(t, id, 'role.assigned', { role: 'commander', userId: commander.id, userName: commander.name });
    }
    const view = await viewIncident(tx, (await findIncidentRow(tx, id))!);
    await recordAudit(t, { action: 'incident.declared', targetType: 'incident', targetId: id, after: view });
    await recordOutbox(t, 'incident.declared', id, { incidentId: id });
    await startEscalation(t, id, body.serviceId ?? null);
    return view;
}
