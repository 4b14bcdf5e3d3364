import { UpdateTaskBody } from '../../contracts/collaboration.js';
import { notFound } from '../../domain/errors.js';
import { addParticipant } from '../../store/queries/incident.js';
import type { IncidentTaskTable } from '../../store/schema.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireUser } from '../shared/exists.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { appendTimeline } from '../shared/timeline.js';
import { loadIncidentForCollaboration, touchIncident } from './collaboration.js';
import { type TaskView, taskViews } from './task-view.js';

type Change = { from: unknown; to: unknown };

/**
 * PATCH a task. A task becoming `done` writes `task.completed` (and sets completedAt); every other
 * change is one `task.updated` with `{ changes: { field: { from, to } } }`. Leaving `done` clears
 * completedAt. Sending the current values changes nothing and writes nothing.
 */
export async function updateTask(ctx: ServiceContext, incidentId: string, taskId: string, input: unknown): Promise<TaskView> {
  authorize(ctx.actor, 'incident.update');
  const body = parseInput(UpdateTaskBody, input);
  return inTransaction(ctx, async (t) => {
    const { tx } = t;
    await loadIncidentForCollaboration(t, incidentId);
    const task = await tx.selectFrom('incidentTask').selectAll().where('id', '=', taskId).where('incidentId', '=', incidentId).executeTakeFirst();
    if (!task) throw notFound('task', taskId);
    const owner = body.ownerId ? await requireUser(tx, 'ownerId', body.ownerId) : null;

    const set: Partial<IncidentTaskTable> = {};
    const changes: Record<string, Change> = {};
    const note = <K extends 'title' | 'status' | 'ownerId'>(field: K, to: IncidentTaskTable[K] | undefined) => {
      if (to === undefined || to === task[field]) return;
      set[field] = to;
      changes[field] = { from: task[field], to };
    };
    note('title', body.title);
    note('status', body.status);
    note('ownerId', body.ownerId);
    if (!Object.keys(changes).length) return (await taskViews(tx, incidentId, taskId))[0]!;

    const completed = set.status === 'done';
    if (completed) set.completedAt = t.now;
    else if (set.status !== undefined) set.completedAt = null;
    await tx.updateTable('incidentTask').set({ ...set, updatedAt: t.now }).where('id', '=', taskId).execute();
    if (owner) await addParticipant(tx, incidentId, owner.id, 'task', t.now);
    await touchIncident(t, incidentId);

    const title = set.title ?? task.title;
    const updated = { ...changes };
    if (completed) delete updated.status; // said by task.completed
    if (Object.keys(updated).length) {
      await appendTimeline(t, incidentId, 'task.updated', { taskId, title, changes: updated, ...(owner ? { ownerName: owner.name } : {}) });
    }
    if (completed) await appendTimeline(t, incidentId, 'task.completed', { taskId, title, from: task.status });
    await recordAudit(t, {
      action: 'task.updated',
      targetType: 'incident',
      targetId: incidentId,
      before: { taskId, ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.from])) },
      after: { taskId, ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])) },
    });
    await recordOutbox(t, completed ? 'task.completed' : 'task.updated', incidentId, { incidentId, taskId, fields: Object.keys(changes) });
    return (await taskViews(tx, incidentId, taskId))[0]!;
  });
}
