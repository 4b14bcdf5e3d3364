import { memberSpans } from '../../domain/schedule/members.js';
import { restrictionPlan, turnCounter } from '../../domain/schedule/restrictions.js';
import { rotationPlan } from '../../domain/schedule/rotation.js';
import type { Layer, MemberPeriod, Restriction, Rotation } from '../../domain/schedule/types.js';
import type { Executor } from '../context.js';
import { layerModel, type LayerRow, type OverrideRow, type ScheduleRow } from './model.js';

export interface UserRef {
  id: string;
  name: string | null;
}

export interface ScheduleLayerView {
  id: string;
  name: string;
  position: number;
  rotation: Rotation;
  restrictions: Restriction[];
  start: string | null;
  end: string | null;
  members: UserRef[];
  memberHistory: { from: string; effective: 'at' | 'next_handoff'; members: UserRef[] }[];
}

export interface ScheduleView {
  id: string;
  name: string;
  description: string;
  timeZone: string;
  layers: ScheduleLayerView[];
  createdAt: string;
  updatedAt: string;
}

export interface OverrideView {
  id: string;
  scheduleId: string;
  kind: 'add' | 'replace' | 'remove';
  start: string;
  end: string;
  user: UserRef | null;
  replacesUser: UserRef | null;
  createdById: string | null;
  createdAt: string;
}

/** Names of users by id (one query); a missing user has no entry. */
export async function userNames(ex: Executor, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ex.selectFrom('appUser').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const sortedPeriods = (periods: MemberPeriod[]) => periods.map((p, i) => ({ p, i })).sort((a, b) => Date.parse(a.p.from) - Date.parse(b.p.from) || a.i - b.i).map(({ p }) => p);

/**
 * The member list in force at `now`: the span of the layer's member periods that covers it (a
 * 'next_handoff' change counts from its handoff), or the first list before any applies. A person
 * removed from the rotation is therefore not a current member, while their past shifts remain.
 */
export function currentMembers(zone: string, layer: Layer, now: string): string[] {
  const rotation = rotationPlan(zone, layer.rotation);
  const spans = memberSpans(layer.members, rotation, turnCounter(rotation, restrictionPlan(layer.restrictions)));
  const t = Date.parse(now);
  const span = spans.find((s) => s.start <= t && t < s.end) ?? (spans[0] && t < spans[0].start ? spans[0] : null);
  return span ? span.members : [];
}

/** Every user id a layer mentions, now or in its history. */
export const layerUserIds = (l: LayerRow) => (JSON.parse(l.memberPeriods) as MemberPeriod[]).flatMap((p) => p.members);

/** Schedule rows and their layers → views, with users' names (one query for all). */
export async function viewSchedules(ex: Executor, rows: ScheduleRow[], layers: LayerRow[], now: string): Promise<ScheduleView[]> {
  const names = await userNames(ex, layers.flatMap(layerUserIds));
  const ref = (id: string): UserRef => ({ id, name: names.get(id) ?? null });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    timeZone: r.timeZone,
    layers: layers
      .filter((l) => l.scheduleId === r.id)
      .sort((a, b) => a.position - b.position)
      .map((l) => {
        const layer = layerModel(l);
        return {
          id: l.id,
          name: l.name,
          position: l.position,
          rotation: layer.rotation,
          restrictions: layer.restrictions,
          start: l.startsAt,
          end: l.endsAt,
          members: currentMembers(r.timeZone, layer, now).map(ref),
          memberHistory: sortedPeriods(layer.members).map((p) => ({ from: p.from, effective: p.effective ?? 'at', members: p.members.map(ref) })),
        };
      }),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function viewSchedule(ex: Executor, row: ScheduleRow, layers: LayerRow[], now: string): Promise<ScheduleView> {
  return (await viewSchedules(ex, [row], layers, now))[0]!;
}

export const overrideKind = (o: Pick<OverrideRow, 'userId' | 'replacesUserId'>): OverrideView['kind'] =>
  o.userId && o.replacesUserId ? 'replace' : o.userId ? 'add' : 'remove';

export async function viewOverrides(ex: Executor, rows: OverrideRow[]): Promise<OverrideView[]> {
  const names = await userNames(
    ex,
    rows.flatMap((o) => [o.userId, o.replacesUserId].filter((x): x is string => x !== null)),
  );
  const ref = (id: string | null): UserRef | null => (id === null ? null : { id, name: names.get(id) ?? null });
  return rows.map((o) => ({
    id: o.id,
    scheduleId: o.scheduleId,
    kind: overrideKind(o),
    start: o.startsAt,
    end: o.endsAt,
    user: ref(o.userId),
    replacesUser: ref(o.replacesUserId),
    createdById: o.createdById,
    createdAt: o.createdAt,
  }));
}
