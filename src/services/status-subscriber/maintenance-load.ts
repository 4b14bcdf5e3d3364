import { timingOf } from '../maintenance-window/timing.js';
import type { Executor } from '../context.js';
import type { WindowTiming } from '../../domain/status/maintenance-schedule.js';
import type { NoticeWindow } from './maintenance-webhook-body.js';

/** What maintenance notices need of a window: its words, times, services and the pages showing it now. */
export interface MaintenanceNoticeWindow extends NoticeWindow {
  timing: WindowTiming;
  serviceIds: string[];
  /** Status pages it is shown on, sorted. */
  pageIds: string[];
}

/** The window as stored now, or null when it was deleted. */
export async function loadNoticeWindow(ex: Executor, windowId: string): Promise<MaintenanceNoticeWindow | null> {
  const row = await ex.selectFrom('maintenanceWindow').selectAll().where('id', '=', windowId).executeTakeFirst();
  if (!row) return null;
  const services = await ex.selectFrom('maintenanceWindowService').select('serviceId').where('windowId', '=', windowId).orderBy('serviceId').execute();
  const pages = await ex.selectFrom('maintenanceWindowStatusPage').select('pageId').where('windowId', '=', windowId).orderBy('pageId').execute();
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    timing: timingOf(row),
    serviceIds: services.map((s) => s.serviceId),
    pageIds: pages.map((p) => p.pageId),
  };
}
