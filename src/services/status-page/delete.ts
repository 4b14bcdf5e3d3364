import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { loadPageRow, viewStatusPage } from './view.js';

/** Delete a page with its components, posted updates and subscribers (incidents themselves stay). */
export async function deleteStatusPage(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx.actor, 'status_page.manage');
  await inTransaction(ctx, async (t) => {
    const before = await loadPageRow(t.tx, id);
    // Components point at their group; drop the links first so the cascade has no order to respect.
    await t.tx.updateTable('statusComponent').set({ groupId: null }).where('pageId', '=', id).execute();
    await t.tx.deleteFrom('statusPage').where('id', '=', id).execute();
    await recordAudit(t, { action: 'status_page.deleted', targetType: 'status_page', targetId: id, before: viewStatusPage(before, t.publicUrl) });
  });
}
