import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { loadPageRow, type StatusPageView, viewStatusPage } from './view.js';

export async function getStatusPage(ctx: ServiceContext, id: string): Promise<StatusPageView> {
  authorize(ctx.actor, 'service.read');
  return viewStatusPage(await loadPageRow(ctx.store.db, id), ctx.publicUrl);
}
