import { CreateStatusPageBody } from '../../contracts/status-page.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { requireFreeHostname, requireFreeSlug } from './unique.js';
import { type StatusPageView, viewStatusPage } from './view.js';

export async function createStatusPage(ctx: ServiceContext, input: unknown): Promise<StatusPageView> {
  authorize(ctx.actor, 'status_page.manage');
  const body = parseInput(CreateStatusPageBody, input);
  return inTransaction(ctx, async (t) => {
    await requireFreeSlug(t.tx, body.slug);
    if (body.hostname) await requireFreeHostname(t.tx, body.hostname, null);
    const row = {
      id: newId(),
      slug: body.slug,
      name: body.name,
      description: body.description ?? '',
      visibility: body.visibility,
      language: body.language ?? 'en',
      timeZone: body.timeZone ?? 'UTC',
      hostname: body.hostname ?? null,
      createdAt: t.now,
      updatedAt: t.now,
    };
    await t.tx.insertInto('statusPage').values(row).execute();
    const view = viewStatusPage(row, t.publicUrl);
    await recordAudit(t, { action: 'status_page.created', targetType: 'status_page', targetId: row.id, after: view });
    return view;
  });
}
