import type { Selectable } from 'kysely';
import { notFound } from '../../domain/errors.js';
import { handoffAt, rotationPlan } from '../../domain/schedule/rotation.js';
import type { Layer, MemberPeriod, Override, Restriction, Rotation, Schedule } from '../../domain/schedule/types.js';
import type { ScheduleLayerTable, ScheduleOverrideTable, ScheduleTable } from '../../store/schema-oncall.js';
import type { Executor } from '../context.js';

/**
 * Stored rows ↔ the schedule maths (domain/schedule/types.ts). A layer's rotation, member periods and
 * restrictions are JSON text read and written whole; instants are ISO UTC text.
 */
export type ScheduleRow = Selectable<ScheduleTable>;
export type LayerRow = Selectable<ScheduleLayerTable>;
export type OverrideRow = Selectable<ScheduleOverrideTable>;

export interface StoredSchedule {
  row: ScheduleRow;
  layers: LayerRow[];
}

/** An instant in the one stored spelling (`toISOString`), so text comparisons in SQLite order it. */
export const canonicalInstant = (s: string) => new Date(s).toISOString();

export async function loadScheduleRow(ex: Executor, id: string): Promise<ScheduleRow> {
  const row = await ex.selectFrom('schedule').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('schedule', id);
  return row;
}

/**
 * Take the schedule's row lock for the rest of the transaction (a no-op update: PostgreSQL locks the
 * row, SQLite transactions are serialised already), so read-modify-write of its layers and the
 * overlap check of overrides see every change committed before them. NOT_FOUND when it is missing.
 */
export async function lockSchedule(ex: Executor, id: string): Promise<void> {
  const r = await ex
    .updateTable('schedule')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('schedule', id);
}

export async function loadLayers(ex: Executor, scheduleIds: string[]): Promise<LayerRow[]> {
  if (!scheduleIds.length) return [];
  return ex.selectFrom('scheduleLayer').selectAll().where('scheduleId', 'in', scheduleIds).orderBy('scheduleId').orderBy('position').execute();
}

export async function loadSchedule(ex: Executor, id: string): Promise<StoredSchedule> {
  const row = await loadScheduleRow(ex, id);
  return { row, layers: await loadLayers(ex, [id]) };
}

/**
 * Overrides that meet [from, to) (all of them without a range), in the order they apply: a later
 * override sees what earlier ones did, so creation order decides.
 */
export async function loadOverrides(ex: Executor, scheduleIds: string[], range?: { from: string; to: string }): Promise<OverrideRow[]> {
  if (!scheduleIds.length) return [];
  return ex
    .selectFrom('scheduleOverride')
    .selectAll()
    .where('scheduleId', 'in', scheduleIds)
    .$if(range !== undefined, (q) => q.where('endsAt', '>', range!.from).where('startsAt', '<', range!.to))
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export function layerModel(l: LayerRow): Layer {
  return {
    id: l.id,
    name: l.name,
    rotation: JSON.parse(l.rotation) as Rotation,
    members: JSON.parse(l.memberPeriods) as MemberPeriod[],
    restrictions: JSON.parse(l.restrictions) as Restriction[],
    ...(l.startsAt ? { start: l.startsAt } : {}),
    end: l.endsAt,
  };
}

export const overrideModel = (o: OverrideRow): Override => ({ id: o.id, start: o.startsAt, end: o.endsAt, userId: o.userId, replacesUserId: o.replacesUserId });

export function scheduleModel(timeZone: string, layers: LayerRow[], overrides: OverrideRow[]): Schedule {
  return { timeZone, layers: layers.map(layerModel), overrides: overrides.map(overrideModel) };
}

/** The instant of a rotation's first handoff in a zone (the rotation must be valid). */
export function firstHandoff(zone: string, rotation: Rotation): string {
  return new Date(handoffAt(rotationPlan(zone, rotation), 0)).toISOString();
}

/** Columns of a layer as the domain describes it. */
export function layerColumns(layer: Layer) {
  return {
    name: layer.name,
    rotation: JSON.stringify(layer.rotation),
    memberPeriods: JSON.stringify(layer.members),
    restrictions: JSON.stringify(layer.restrictions),
    startsAt: layer.start ?? null,
    endsAt: layer.end ?? null,
  };
}
