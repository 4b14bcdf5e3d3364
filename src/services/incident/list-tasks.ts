import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { readVisibleIncident } from './access.js';
import { type TaskView, taskViews } from './task-view.js';

/** Every task of an incident, oldest first (an incident has tens of tasks, not thousands: no paging). */
export async function listTasks(ctx: ServiceContext, incidentId: string): Promise<{ items: TaskView[]; nextCursor: null }> {
  authorize(ctx.actor, 'incident.read');
  await readVisibleIncident(ctx, incidentId, 'tasks');
  return { items: await taskViews(ctx.store.db, incidentId), nextCursor: null };
}
