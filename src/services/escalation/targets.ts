import type { EscalationTarget } from '../../domain/escalation/policy.js';
import { onCallAt } from '../../domain/schedule/final.js';
import type { Schedule } from '../../domain/schedule/types.js';
import type { Executor } from '../context.js';
import { loadLayers, loadOverrides, scheduleModel } from '../schedule/model.js';

export interface PagedUser {
  id: string;
  name: string;
  /** How this person was reached: directly, or as who is on call on a schedule. */
  via: { type: 'user' } | { type: 'schedule'; scheduleId: string; scheduleName: string };
}

/**
 * The people a level pages at `at`: user targets (unless disabled) and whoever is on call on schedule
 * targets (final schedule: layers and overrides). A person reached twice is paged once.
 */
export async function resolveTargets(ex: Executor, targets: EscalationTarget[], at: string): Promise<PagedUser[]> {
  const found: PagedUser[] = [];
  const add = (id: string, via: PagedUser['via']) => {
    if (!found.some((p) => p.id === id)) found.push({ id, name: '', via });
  };
  for (const target of targets) {
    if (target.type === 'user') add(target.id, { type: 'user' });
    else {
      const schedule = await scheduleAt(ex, target.id, at);
      if (schedule) for (const id of onCallAt(schedule.model, at)) add(id, { type: 'schedule', scheduleId: target.id, scheduleName: schedule.name });
    }
  }
  if (found.length === 0) return [];
  const users = await ex
    .selectFrom('appUser')
    .select(['id', 'name', 'disabledAt'])
    .where(
      'id',
      'in',
      found.map((p) => p.id),
    )
    .execute();
  return found.flatMap((p) => {
    const u = users.find((x) => x.id === p.id);
    return u && !u.disabledAt ? [{ ...p, name: u.name }] : [];
  });
}

/** A stored schedule as the schedule maths takes it, with the overrides in force at `at`. */
async function scheduleAt(ex: Executor, id: string, at: string): Promise<{ name: string; model: Schedule } | null> {
  const s = await ex.selectFrom('schedule').select(['name', 'timeZone']).where('id', '=', id).executeTakeFirst();
  if (!s) return null;
  const atEnd = new Date(Date.parse(at) + 1).toISOString();
  const model = scheduleModel(s.timeZone, await loadLayers(ex, [id]), await loadOverrides(ex, [id], { from: at, to: atEnd }));
  return { name: s.name, model };
}
