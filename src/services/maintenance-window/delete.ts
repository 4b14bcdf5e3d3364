import { cancelJobs } from '../../jobs/schedule.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { MAINTENANCE_NOTICE, noticeJobPrefix } from '../status-subscriber/maintenance-notice-kind.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { readMaintenanceWindow } from './get.js';
import { auditRecord } from './view.js';

/** Delete a window (ending one that runs: paging resumes for its services). */
export async function deleteMaintenanceWindow(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx.actor, 'maintenance.manage');
  await inTransaction(ctx, async (t) => {
    const before = await readMaintenanceWindow(t.tx, id, t.now);
    await t.tx.deleteFrom('maintenanceWindowService').where('windowId', '=', id).execute();
    await t.tx.deleteFrom('maintenanceWindow').where('id', '=', id).execute();
    // Its pending subscriber notices go with it (a running one finds the window gone and sends nothing).
    await cancelJobs(t.tx, { kind: MAINTENANCE_NOTICE, keyPrefix: noticeJobPrefix(id), now: t.now });
    await recordAudit(t, { action: 'maintenance_window.deleted', targetType: 'maintenance_window', targetId: id, before: auditRecord(before) });
  });
}
