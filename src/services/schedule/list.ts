import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { loadLayers } from './model.js';
import { type ScheduleView, viewSchedules } from './view.js';

/** Every schedule by name (an installation has tens, not thousands). */
export async function listSchedules(ctx: ServiceContext): Promise<{ items: ScheduleView[]; nextCursor: null }> {
  authorize(ctx.actor, 'oncall.read');
  const db = ctx.store.db;
  const rows = await db.selectFrom('schedule').selectAll().orderBy('name').orderBy('id').execute();
  const layers = await loadLayers(
    db,
    rows.map((r) => r.id),
  );
  return { items: await viewSchedules(db, rows, layers, ctx.clock.now().toISOString()), nextCursor: null };
}
