import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { loadOverrides, loadScheduleRow } from './model.js';
import { parseRange } from './range.js';
import { type OverrideView, viewOverrides } from './view.js';

/** Overrides that meet [from, to) (default: the next 90 days), in the order they apply. */
export async function listOverrides(ctx: ServiceContext, scheduleId: string, q: { from?: string; to?: string }): Promise<{ items: OverrideView[]; nextCursor: null }> {
  authorize(ctx.actor, 'oncall.read');
  const range = parseRange(q, ctx.clock.now().toISOString(), 90);
  await loadScheduleRow(ctx.store.db, scheduleId);
  return { items: await viewOverrides(ctx.store.db, await loadOverrides(ctx.store.db, [scheduleId], range)), nextCursor: null };
}
