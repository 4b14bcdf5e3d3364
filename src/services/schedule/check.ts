import { DomainError, type FieldProblem } from '../../domain/errors.js';
import type { Schedule } from '../../domain/schedule/types.js';
import { validateSchedule } from '../../domain/schedule/validate.js';
import type { Executor } from '../context.js';

/** One 400 for a list of problems, each naming its field. */
export function problemsError(problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { fields: problems });
}

/**
 * The schedule's meaning (the contract checked its shape): a real zone, sound rotations, layers that
 * do not end before they start … A 400 naming every problem. In the API a layer's `members` is one
 * list, so problems of the stored member periods (`layers.0.members.2.from`) are reported on it.
 */
export function checkSchedule(schedule: Schedule): void {
  const problems = validateSchedule(schedule).map((p) => ({ ...p, field: p.field.replace(/^(layers\.\d+\.members)\..*$/, '$1') }));
  if (problems.length) throw problemsError(problems);
}

/**
 * Every member must be a user, and an active one unless `known` (already in the layer: a disabled
 * person still listed does not block an unrelated edit; they are skipped when paged). `field(i, j)`
 * names the offending entry.
 */
export async function checkMembers(ex: Executor, lists: { members: string[]; field: (j: number) => string; known?: Set<string> }[]): Promise<void> {
  const ids = [...new Set(lists.flatMap((l) => l.members))];
  if (!ids.length) return;
  const found = new Map((await ex.selectFrom('appUser').select(['id', 'disabledAt']).where('id', 'in', ids).execute()).map((u) => [u.id, u]));
  const problems: FieldProblem[] = [];
  for (const list of lists) {
    list.members.forEach((id, j) => {
      const u = found.get(id);
      if (!u) problems.push({ field: list.field(j), message: `no user with id ${id}` });
      else if (u.disabledAt && !list.known?.has(id)) problems.push({ field: list.field(j), message: `user ${id} is disabled; choose someone else` });
    });
  }
  if (problems.length) throw problemsError(problems);
}
