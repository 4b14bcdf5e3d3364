import { notFound } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { pageById, subscriberOf } from './load.js';
import { auditRecord, viewSubscriber } from './view.js';

/** Remove a subscriber for good, with its queued messages (the store cascades; delivery finds nothing to send). */
export async function deleteStatusSubscriber(ctx: ServiceContext, pageId: string, subscriberId: string): Promise<void> {
  authorize(ctx.actor, 'status_page.manage');
  await inTransaction(ctx, async (t) => {
    const page = await pageById(t.tx, pageId);
    const sub = await subscriberOf(t.tx, page.id, subscriberId);
    if (!sub) throw notFound('subscriber', subscriberId);
    await t.tx.deleteFrom('statusSubscriber').where('id', '=', sub.id).execute();
    await recordAudit(t, { action: 'status_subscriber.deleted', targetType: 'status_subscriber', targetId: sub.id, before: auditRecord(viewSubscriber(sub, t.secret)) });
  });
}
