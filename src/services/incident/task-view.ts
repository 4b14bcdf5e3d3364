import type { z } from 'zod';
import type { Task } from '../../contracts/collaboration.js';
import type { Executor } from '../context.js';

export type TaskView = z.infer<typeof Task>;

/** The tasks of one incident (or one of them), oldest first, with their owners' names. */
export async function taskViews(ex: Executor, incidentId: string, taskId?: string): Promise<TaskView[]> {
  const rows = await ex
    .selectFrom('incidentTask')
    .leftJoin('appUser', 'appUser.id', 'incidentTask.ownerId')
    .selectAll('incidentTask')
    .select('appUser.name as ownerName')
    .where('incidentTask.incidentId', '=', incidentId)
    .$if(taskId !== undefined, (q) => q.where('incidentTask.id', '=', taskId!))
    .orderBy('incidentTask.createdAt')
    .orderBy('incidentTask.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    incidentId: r.incidentId,
    title: r.title,
    status: r.status as TaskView['status'],
    ownerId: r.ownerId,
    ownerName: r.ownerName ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    completedAt: r.completedAt,
  }));
}
