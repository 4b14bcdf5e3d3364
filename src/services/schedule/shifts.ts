import { finalShifts } from '../../domain/schedule/final.js';
import type { Shift } from '../../domain/schedule/types.js';
import type { Executor, ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { loadOverrides, loadSchedule, scheduleModel } from './model.js';
import { parseRange, type Range } from './range.js';
import { userNames } from './view.js';

export interface ShiftView extends Shift {
  userName: string | null;
}

export interface ShiftListView extends Range {
  scheduleId: string;
  timeZone: string;
  items: ShiftView[];
  nextCursor: null;
}

export async function withNames(ex: Executor, shifts: Shift[]): Promise<ShiftView[]> {
  const names = await userNames(
    ex,
    shifts.map((s) => s.userId),
  );
  return shifts.map((s) => ({ userId: s.userId, userName: names.get(s.userId) ?? null, start: s.start, end: s.end, ...(s.layerId ? { layerId: s.layerId } : {}), ...(s.overrideId ? { overrideId: s.overrideId } : {}) }));
}

/** The final shifts of a stored schedule over a range (layers, then the overrides that meet it). */
export async function finalShiftsOf(ex: Executor, scheduleId: string, range: Range): Promise<{ timeZone: string; name: string; shifts: Shift[] }> {
  const { row, layers } = await loadSchedule(ex, scheduleId);
  const overrides = await loadOverrides(ex, [scheduleId], range);
  return { timeZone: row.timeZone, name: row.name, shifts: finalShifts(scheduleModel(row.timeZone, layers, overrides), range.from, range.to) };
}

/**
 * `GET /schedules/{id}/shifts?from=&to=`: the final schedule (SPEC §3), sorted by start, clipped to
 * the range and split at every handoff; consecutive shifts of one person are not merged.
 */
export async function listShifts(ctx: ServiceContext, id: string, q: { from?: string; to?: string }): Promise<ShiftListView> {
  authorize(ctx.actor, 'oncall.read');
  const range = parseRange(q, ctx.clock.now().toISOString());
  const { timeZone, shifts } = await finalShiftsOf(ctx.store.db, id, range);
  return { scheduleId: id, timeZone, ...range, items: await withNames(ctx.store.db, shifts), nextCursor: null };
}
