import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { loadPageState } from './page-state.js';
import { loadPageRow, type StatusComponentView, viewComponent } from './view.js';

/** The page's components (groups are not listed: each component names its group), with statuses now. */
export async function listStatusComponents(ctx: ServiceContext, pageId: string): Promise<{ items: StatusComponentView[] }> {
  authorize(ctx.actor, 'service.read');
  const page = await loadPageRow(ctx.store.db, pageId);
  const state = await loadPageState(ctx.store.db, page, ctx.clock.now().toISOString());
  const names = new Map(state.components.filter((c) => c.isGroup).map((c) => [c.id, c.name]));
  return {
    items: state.components.filter((c) => !c.isGroup).map((c) => viewComponent(c, c.groupId ? (names.get(c.groupId) ?? null) : null, state.statusOf(c.id))),
  };
}
