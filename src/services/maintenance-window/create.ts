import { CreateMaintenanceWindowBody } from '../../contracts/maintenance-window.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireServices } from '../shared/exists.js';
import { parseInput } from '../shared/parse.js';
import { scheduleMaintenanceNotices } from '../status-subscriber/maintenance-schedule-notices.js';
import { checkTiming, timingColumns } from './timing.js';
import { auditRecord, type MaintenanceWindowView, setWindowStatusPages, viewMaintenanceWindow } from './view.js';

/** Schedule maintenance for services: while it runs, their alerts page nobody. */
export async function createMaintenanceWindow(ctx: ServiceContext, input: unknown): Promise<MaintenanceWindowView> {
  authorize(ctx.actor, 'maintenance.manage');
  const body = parseInput(CreateMaintenanceWindowBody, input);
  const timing = checkTiming(body);
  const serviceIds = [...new Set(body.serviceIds)].sort();
  return inTransaction(ctx, async (t) => {
    await requireServices(t.tx, 'serviceIds', serviceIds);
    const row = {
      id: newId(),
      name: body.name,
      description: body.description ?? '',
      ...timingColumns(timing),
      createdById: t.actor.userId,
      createdAt: t.now,
      updatedAt: t.now,
    };
    await t.tx.insertInto('maintenanceWindow').values(row).execute();
    await t.tx.insertInto('maintenanceWindowService').values(serviceIds.map((serviceId) => ({ windowId: row.id, serviceId }))).execute();
    const statusPageIds = [...new Set(body.statusPageIds ?? [])].sort();
    await setWindowStatusPages(t.tx, row.id, statusPageIds);
    await scheduleMaintenanceNotices(t, row.id, []);
    const view = viewMaintenanceWindow(row, serviceIds, t.now, statusPageIds);
    await recordAudit(t, { action: 'maintenance_window.created', targetType: 'maintenance_window', targetId: row.id, after: auditRecord(view) });
    return view;
  });
}
