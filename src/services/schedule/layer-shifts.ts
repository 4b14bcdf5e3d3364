import { notFound } from '../../domain/errors.js';
import { layerShifts } from '../../domain/schedule/layer.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { loadSchedule, scheduleModel } from './model.js';
import { parseRange } from './range.js';
import { type ShiftListView, withNames } from './shifts.js';

/** `GET /schedules/{id}/layers/{layerId}/shifts`: one layer's own shifts, before higher layers and overrides. */
export async function listLayerShifts(ctx: ServiceContext, id: string, layerId: string, q: { from?: string; to?: string }): Promise<ShiftListView> {
  authorize(ctx.actor, 'oncall.read');
  const range = parseRange(q, ctx.clock.now().toISOString());
  const { row, layers } = await loadSchedule(ctx.store.db, id);
  const model = scheduleModel(row.timeZone, layers, []);
  const layer = model.layers.find((l) => l.id === layerId);
  if (!layer) throw notFound('schedule layer', layerId);
  const shifts = layerShifts(model, layer, range.from, range.to);
  return { scheduleId: id, timeZone: row.timeZone, ...range, items: await withNames(ctx.store.db, shifts), nextCursor: null };
}
