import { coverageGaps } from '../../domain/schedule/final.js';
import type { Interval } from '../../domain/schedule/types.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { loadOverrides, loadSchedule, scheduleModel } from './model.js';
import { parseRange, type Range } from './range.js';

/**
 * `GET /schedules/{id}/gaps`: intervals with nobody on call, future only (an elapsed hole is no
 * longer actionable, edge case 8). The range defaults to the next 14 days.
 */
export async function listCoverageGaps(ctx: ServiceContext, id: string, q: { from?: string; to?: string }): Promise<Range & { scheduleId: string; items: Interval[]; nextCursor: null }> {
  authorize(ctx.actor, 'oncall.read');
  const now = ctx.clock.now().toISOString();
  const range = parseRange(q, now);
  const { row, layers } = await loadSchedule(ctx.store.db, id);
  const overrides = await loadOverrides(ctx.store.db, [id], range);
  const items = coverageGaps(scheduleModel(row.timeZone, layers, overrides), range.from, range.to, now);
  return { scheduleId: id, ...range, items, nextCursor: null };
}
