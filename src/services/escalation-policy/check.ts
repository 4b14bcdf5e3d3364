import type { EscalationLevel } from '../../domain/escalation/policy.js';
import { validation } from '../../domain/errors.js';
import type { Executor } from '../context.js';

/** Every target must exist (and a user must be active): a 400 naming the target's field. */
export async function checkTargets(ex: Executor, levels: EscalationLevel[]): Promise<void> {
  const users = new Set<string>();
  const schedules = new Set<string>();
  for (const l of levels) {
    for (const t of l.targets) {
      if (t.type === 'user') users.add(t.id);
      else schedules.add(t.id);
    }
  }
  const foundUsers = users.size ? await ex.selectFrom('appUser').select(['id', 'disabledAt']).where('id', 'in', [...users]).execute() : [];
  const foundSchedules = schedules.size ? await ex.selectFrom('schedule').select('id').where('id', 'in', [...schedules]).execute() : [];
  for (const [i, l] of levels.entries()) {
    for (const [j, t] of l.targets.entries()) {
      const field = `levels.${i}.targets.${j}.id`;
      if (t.type === 'schedule') {
        if (!foundSchedules.some((s) => s.id === t.id)) throw validation(field, `no schedule with id ${t.id}`);
        continue;
      }
      const u = foundUsers.find((f) => f.id === t.id);
      if (!u) throw validation(field, `no user with id ${t.id}`);
      if (u.disabledAt) throw validation(field, `user ${t.id} is disabled; page someone else`);
    }
  }
}
