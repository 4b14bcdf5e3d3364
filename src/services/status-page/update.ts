import { UpdateStatusPageBody } from '../../contracts/status-page.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { requireFreeHostname } from './unique.js';
import { loadPageRow, type StatusPageView, viewStatusPage } from './view.js';

/** Change a page's settings (its slug is its address and stays). */
export async function updateStatusPage(ctx: ServiceContext, id: string, input: unknown): Promise<StatusPageView> {
  authorize(ctx.actor, 'status_page.manage');
  const body = parseInput(UpdateStatusPageBody, input);
  return inTransaction(ctx, async (t) => {
    const before = await loadPageRow(t.tx, id);
    if (body.hostname) await requireFreeHostname(t.tx, body.hostname, id);
    const after = {
      ...before,
      name: body.name ?? before.name,
      description: body.description ?? before.description,
      visibility: body.visibility ?? before.visibility,
      language: body.language ?? before.language,
      timeZone: body.timeZone ?? before.timeZone,
      hostname: body.hostname !== undefined ? body.hostname : before.hostname,
      updatedAt: t.now,
    };
    const { id: _id, slug: _slug, createdAt: _c, ...changes } = after;
    await t.tx.updateTable('statusPage').set(changes).where('id', '=', id).execute();
    const view = viewStatusPage(after, t.publicUrl);
    await recordAudit(t, { action: 'status_page.updated', targetType: 'status_page', targetId: id, before: viewStatusPage(before, t.publicUrl), after: view });
    return view;
  });
}
