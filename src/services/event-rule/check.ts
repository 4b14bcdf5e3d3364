import { DomainError, type FieldProblem } from '../../domain/errors.js';
import { type RuleDraft, validateRule } from '../../domain/ingest/rules.js';
import type { Executor } from '../context.js';

function invalid(fields: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
}

/**
 * A rule must be able to apply (domain/ingest/rules.ts validateRule) and its route targets must exist.
 * `prefix` names where the rule sits in the request (`rules.2.` in a dry run).
 */
export async function checkRule(ex: Executor, rule: RuleDraft, prefix = ''): Promise<void> {
  const problems = validateRule(rule).map((p) => ({ field: `${prefix}${p.field}`, message: p.message }));
  if (problems.length) throw invalid(problems);
  const routes = rule.actions.flatMap((a, i) => (a.type === 'route' ? [{ i, serviceId: a.serviceId }] : []));
  if (!routes.length) return;
  const found = await ex
    .selectFrom('service')
    .select('id')
    .where('id', 'in', routes.map((r) => r.serviceId))
    .execute();
  const missing = routes.filter((r) => !found.some((f) => f.id === r.serviceId));
  if (missing.length) throw invalid(missing.map((r) => ({ field: `${prefix}actions.${r.i}.serviceId`, message: `no service with id ${r.serviceId}` })));
}
