import { notFound } from '../../domain/errors.js';
import type { Executor, ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { type MaintenanceWindowView, viewMaintenanceWindow, windowServiceIds, windowStatusPageIds } from './view.js';

export async function loadMaintenanceWindow(ex: Executor, id: string) {
  const row = await ex.selectFrom('maintenanceWindow').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('maintenance window', id);
  return row;
}

/** A window with its services, viewed at `now`. */
export async function readMaintenanceWindow(ex: Executor, id: string, now: string): Promise<MaintenanceWindowView> {
  const row = await loadMaintenanceWindow(ex, id);
  return viewMaintenanceWindow(row, (await windowServiceIds(ex, [id])).get(id) ?? [], now, (await windowStatusPageIds(ex, [id])).get(id) ?? []);
}

export async function getMaintenanceWindow(ctx: ServiceContext, id: string): Promise<MaintenanceWindowView> {
  authorize(ctx.actor, 'service.read');
  return readMaintenanceWindow(ctx.store.db, id, ctx.clock.now().toISOString());
}
