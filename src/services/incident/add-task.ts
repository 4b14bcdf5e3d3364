import { AddTaskBody } from '../../contracts/collaboration.js';
import { newId } from '../../platform/ids.js';
import { addParticipant } from '../../store/queries/incident.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireUser } from '../shared/exists.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { appendTimeline } from '../shared/timeline.js';
import { loadIncidentForCollaboration, touchIncident } from './collaboration.js';
import { type TaskView, taskViews } from './task-view.js';

/** A task during the response (`task.added`); its owner becomes a participant. Starts as `todo`. */
export async function addTask(ctx: ServiceContext, incidentId: string, input: unknown): Promise<TaskView> {
  authorize(ctx.actor, 'incident.update');
  const body = parseInput(AddTaskBody, input);
  return inTransaction(ctx, async (t) => {
    const { tx } = t;
    await loadIncidentForCollaboration(t, incidentId);
    const owner = body.ownerId ? await requireUser(tx, 'ownerId', body.ownerId) : null;
    const id = newId();
    await tx
      .insertInto('incidentTask')
      .values({ id, incidentId, title: body.title, status: 'todo', ownerId: owner?.id ?? null, createdAt: t.now, updatedAt: t.now, completedAt: null })
      .execute();
    if (owner) await addParticipant(tx, incidentId, owner.id, 'task', t.now);
    await touchIncident(t, incidentId);
    const data = { taskId: id, title: body.title, ownerId: owner?.id ?? null, ownerName: owner?.name ?? null };
    await appendTimeline(t, incidentId, 'task.added', data);
    await recordAudit(t, { action: 'task.added', targetType: 'incident', targetId: incidentId, after: data });
    await recordOutbox(t, 'task.added', incidentId, { incidentId, ...data });
    return (await taskViews(tx, incidentId, id))[0]!;
  });
}
