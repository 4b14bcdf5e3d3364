import { notFound } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';

export async function deleteIntegration(ctx: ServiceContext, serviceId: string, integrationId: string): Promise<void> {
  authorize(ctx.actor, 'service.manage');
  await inTransaction(ctx, async (t) => {
    const row = await t.tx.selectFrom('integration').selectAll().where('id', '=', integrationId).where('serviceId', '=', serviceId).executeTakeFirst();
    if (!row) throw notFound('integration', integrationId);
    await t.tx.deleteFrom('integration').where('id', '=', integrationId).execute();
    await recordAudit(t, { action: 'integration.deleted', targetType: 'integration', targetId: integrationId, before: { serviceId, type: row.type, name: row.name } });
  });
}
