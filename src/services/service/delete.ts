import { conflict } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { loadService } from './get.js';
import { viewService } from './view.js';

/**
 * Delete a service and its integrations. Refused while it has open incidents: their responders
 * would lose the context; resolve them first.
 */
export async function deleteService(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx.actor, 'service.manage');
  await inTransaction(ctx, async (t) => {
    const before = await loadService(t.tx, id);
    const open = await t.tx
      .selectFrom('incident')
      .select(['number', 'visibility'])
      .where('serviceId', '=', id)
      .where('status', 'in', ['triggered', 'acknowledged'])
      .orderBy('visibility')
      .executeTakeFirst();
    // Name an example only when it is public: a restricted incident must not leak through this message.
    if (open) {
      const example = open.visibility === 'public' ? ` (e.g. INC-${open.number})` : '';
      throw conflict(`service has open incidents${example}; resolve them before deleting the service`);
    }
    await t.tx.deleteFrom('service').where('id', '=', id).execute();
    await recordAudit(t, { action: 'service.deleted', targetType: 'service', targetId: id, before: viewService(before) });
  });
}
