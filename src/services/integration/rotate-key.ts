import { notFound } from '../../domain/errors.js';
import { newIntegrationKey } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { type IntegrationView, viewIntegration } from '../service/view.js';
import { findHeartbeat } from './heartbeat-row.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';

/** Replace a leaked key: the old key stops working at once. */
export async function rotateIntegrationKey(ctx: ServiceContext, serviceId: string, integrationId: string): Promise<IntegrationView> {
  authorize(ctx.actor, 'service.manage');
  return inTransaction(ctx, async (t) => {
    const row = await t.tx.selectFrom('integration').selectAll().where('id', '=', integrationId).where('serviceId', '=', serviceId).executeTakeFirst();
    if (!row) throw notFound('integration', integrationId);
    const next = { ...row, key: newIntegrationKey(), updatedAt: t.now };
    await t.tx.updateTable('integration').set({ key: next.key, updatedAt: t.now }).where('id', '=', integrationId).execute();
    await recordAudit(t, { action: 'integration.key_rotated', targetType: 'integration', targetId: integrationId });
    return viewIntegration(next, ctx.publicUrl, await findHeartbeat(t.tx, integrationId));
  });
}
