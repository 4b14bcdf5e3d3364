import { notFound } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { recordScheduleChanged } from './changed.js';
import { viewOverrides } from './view.js';

/** Delete an override (the layers' schedule shows through again). */
export async function deleteOverride(ctx: ServiceContext, scheduleId: string, overrideId: string): Promise<void> {
  authorize(ctx.actor, 'override.manage');
  await inTransaction(ctx, async (t) => {
    const row = await t.tx.selectFrom('scheduleOverride').selectAll().where('id', '=', overrideId).where('scheduleId', '=', scheduleId).executeTakeFirst();
    if (!row) throw notFound('override', overrideId);
    const [before] = await viewOverrides(t.tx, [row]);
    await t.tx.deleteFrom('scheduleOverride').where('id', '=', overrideId).execute();
    await recordAudit(t, { action: 'schedule.override_deleted', targetType: 'schedule', targetId: scheduleId, before });
    await recordScheduleChanged(t, scheduleId);
  });
}
