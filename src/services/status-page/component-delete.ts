import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { dropEmptyGroups } from './groups.js';
import { loadComponentRow } from './view.js';

export async function deleteStatusComponent(ctx: ServiceContext, pageId: string, id: string): Promise<void> {
  authorize(ctx.actor, 'status_page.manage');
  await inTransaction(ctx, async (t) => {
    const before = await loadComponentRow(t.tx, pageId, id);
    await t.tx.deleteFrom('statusComponent').where('id', '=', id).execute();
    await dropEmptyGroups(t.tx, pageId);
    await t.tx.updateTable('statusPage').set({ updatedAt: t.now }).where('id', '=', pageId).execute();
    await recordAudit(t, { action: 'status_component.deleted', targetType: 'status_component', targetId: id, before });
  });
}
