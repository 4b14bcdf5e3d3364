import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { loadAudience, viewAudience } from './audience-view.js';

/** Delete an audience; updates already sent to it stay on their incidents' timelines. */
export async function deleteAudience(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx.actor, 'settings.manage');
  await inTransaction(ctx, async (t) => {
    const before = viewAudience(await loadAudience(t.tx, id));
    await t.tx.deleteFrom('stakeholderAudience').where('id', '=', id).execute();
    await recordAudit(t, { action: 'stakeholder_audience.deleted', targetType: 'stakeholder_audience', targetId: id, before });
  });
}
