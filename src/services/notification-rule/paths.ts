import { nextStep, type PolicyShape } from '../../domain/escalation/policy.js';
import type { PathLevel } from '../../domain/escalation/readiness.js';
import { memberSpans } from '../../domain/schedule/members.js';
import { restrictionPlan, turnCounter } from '../../domain/schedule/restrictions.js';
import { rotationPlan } from '../../domain/schedule/rotation.js';
import type { Executor } from '../context.js';
import { layerModel, loadLayers, loadOverrides } from '../schedule/model.js';

const END_OF_TIME = '9999-12-31T23:59:59.999Z';

export interface ScheduleMembers {
  id: string;
  name: string;
  /** Who is, or will be, a member from `now` on: a member list in force now or later, or an override. */
  userIds: string[];
}

/**
 * The current and future members of schedules at `now`: everyone on a member list of a layer that
 * has not ended, from the list in force now on (a list that ended is history), and everyone an
 * override puts on call from now on. A person removed from the rotation is therefore not listed.
 */
export async function currentAndFutureMembers(ex: Executor, scheduleIds: string[], now: string): Promise<ScheduleMembers[]> {
  if (!scheduleIds.length) return [];
  const rows = await ex.selectFrom('schedule').select(['id', 'name', 'timeZone']).where('id', 'in', scheduleIds).orderBy('name').orderBy('id').execute();
  const layers = await loadLayers(ex, scheduleIds);
  const overrides = await loadOverrides(ex, scheduleIds, { from: now, to: END_OF_TIME });
  const t = Date.parse(now);
  return rows.map((s) => {
    const ids = new Set<string>();
    for (const row of layers.filter((l) => l.scheduleId === s.id && (l.endsAt === null || Date.parse(l.endsAt) > t))) {
      const layer = layerModel(row);
      const rotation = rotationPlan(s.timeZone, layer.rotation);
      for (const span of memberSpans(layer.members, rotation, turnCounter(rotation, restrictionPlan(layer.restrictions)))) {
        if (span.end > t) for (const id of span.members) ids.add(id);
      }
    }
    for (const o of overrides) if (o.scheduleId === s.id && o.userId) ids.add(o.userId);
    return { id: s.id, name: s.name, userIds: [...ids] };
  });
}

/**
 * Every escalation level that pages any of `userIds`: as a user target, or through a schedule target
 * they are a current or future member of. Per person, one entry per (policy, level, route).
 */
export async function escalationPaths(ex: Executor, userIds: string[], now: string): Promise<Map<string, PathLevel[]>> {
  const out = new Map<string, PathLevel[]>(userIds.map((id) => [id, []]));
  const policies = await ex.selectFrom('escalationPolicy').select(['id', 'name', 'repeat', 'levels']).orderBy('name').orderBy('id').execute();
  const shapes = policies.map((p) => ({ row: p, shape: { repeat: p.repeat, levels: JSON.parse(p.levels) } as PolicyShape }));
  const scheduleIds = [...new Set(shapes.flatMap((p) => p.shape.levels.flatMap((l) => l.targets.filter((x) => x.type === 'schedule').map((x) => x.id))))];
  const schedules = new Map((await currentAndFutureMembers(ex, scheduleIds, now)).map((s) => [s.id, s]));
  for (const { row, shape } of shapes) {
    shape.levels.forEach((level, i) => {
      const base = { policy: { id: row.id, name: row.name }, level: i + 1, delayMinutes: level.delayMinutes, handsOver: nextStep(shape, i, 0) !== null };
      for (const target of level.targets) {
        if (target.type === 'user') out.get(target.id)?.push({ ...base, via: { type: 'user' } });
        else {
          const s = schedules.get(target.id);
          for (const id of s?.userIds ?? []) out.get(id)?.push({ ...base, via: { type: 'schedule', id: s!.id, name: s!.name } });
        }
      }
    });
  }
  return out;
}
