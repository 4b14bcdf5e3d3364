import type { z } from 'zod';
import { UpdateMaintenanceWindowBody } from '../../contracts/maintenance-window.js';
import type { WindowInput } from '../../domain/ingest/maintenance.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireServices } from '../shared/exists.js';
import { parseInput } from '../shared/parse.js';
import { scheduleMaintenanceNotices } from '../status-subscriber/maintenance-schedule-notices.js';
import { readMaintenanceWindow } from './get.js';
import { checkTiming, timingColumns } from './timing.js';
import { auditRecord, type MaintenanceWindowView, setWindowStatusPages } from './view.js';

/**
 * The window's times after a change. A recurring window's stored endsAt is derived (the end of its
 * last occurrence), so it never carries over: making a window one-off again needs an explicit endsAt.
 */
function mergedTiming(before: MaintenanceWindowView, body: z.output<typeof UpdateMaintenanceWindowBody>): WindowInput {
  const recurrence = body.recurrence !== undefined ? body.recurrence : before.recurrence;
  const keptEnd = before.recurrence || body.recurrence ? null : before.endsAt;
  return {
    timeZone: body.timeZone ?? before.timeZone,
    startsAt: body.startsAt ?? before.startsAt,
    endsAt: body.endsAt !== undefined ? body.endsAt : keptEnd,
    recurrence,
  };
}

export async function updateMaintenanceWindow(ctx: ServiceContext, id: string, input: unknown): Promise<MaintenanceWindowView> {
  authorize(ctx.actor, 'maintenance.manage');
  const body = parseInput(UpdateMaintenanceWindowBody, input);
  return inTransaction(ctx, async (t) => {
    const before = await readMaintenanceWindow(t.tx, id, t.now);
    const timing = checkTiming(mergedTiming(before, body));
    if (body.serviceIds) {
      const serviceIds = [...new Set(body.serviceIds)];
      await requireServices(t.tx, 'serviceIds', serviceIds);
      await t.tx.deleteFrom('maintenanceWindowService').where('windowId', '=', id).execute();
      await t.tx.insertInto('maintenanceWindowService').values(serviceIds.map((serviceId) => ({ windowId: id, serviceId }))).execute();
    }
    if (body.statusPageIds) await setWindowStatusPages(t.tx, id, body.statusPageIds);
    await t.tx
      .updateTable('maintenanceWindow')
      .set({ name: body.name ?? before.name, description: body.description ?? before.description, ...timingColumns(timing), updatedAt: t.now })
      .where('id', '=', id)
      .execute();
    await scheduleMaintenanceNotices(t, id, before.statusPageIds);
    const after = await readMaintenanceWindow(t.tx, id, t.now);
    await recordAudit(t, { action: 'maintenance_window.updated', targetType: 'maintenance_window', targetId: id, before: auditRecord(before), after: auditRecord(after) });
    return after;
  });
}
