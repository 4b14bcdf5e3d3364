import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { loadSchedule } from './model.js';
import { type ScheduleView, viewSchedule } from './view.js';

export async function getSchedule(ctx: ServiceContext, id: string): Promise<ScheduleView> {
  authorize(ctx.actor, 'oncall.read');
  const { row, layers } = await loadSchedule(ctx.store.db, id);
  return viewSchedule(ctx.store.db, row, layers, ctx.clock.now().toISOString());
}
