import { z } from 'zod';
import { STATUS_PAGE_VISIBILITIES } from '../../contracts/status-page.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { type StatusPageView, viewStatusPage } from './view.js';

export const ListStatusPagesQuery = z.strictObject({ visibility: z.enum(STATUS_PAGE_VISIBILITIES).optional() });

/** Every page, by name (an installation has a handful; no paging needed). */
export async function listStatusPages(ctx: ServiceContext, input: unknown): Promise<{ items: StatusPageView[]; nextCursor: null }> {
  authorize(ctx.actor, 'service.read');
  const q = parseInput(ListStatusPagesQuery, input ?? {}, 'query');
  let query = ctx.store.db.selectFrom('statusPage').selectAll();
  if (q.visibility) query = query.where('visibility', '=', q.visibility);
  const rows = await query.orderBy('name').orderBy('id').execute();
  return { items: rows.map((r) => viewStatusPage(r, ctx.publicUrl)), nextCursor: null };
}
