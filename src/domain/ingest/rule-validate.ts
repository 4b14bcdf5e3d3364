import type { FieldProblem } from '../errors.js';
import { asNumber, isKnownField, RULE_FIELDS, templateFields } from './rule-fields.js';
import { regexProblem } from './rule-regex.js';
import { type EventRule, NUMERIC_OPERATORS, type RuleCondition } from './rules.js';
import { ALERT_SEVERITIES } from './types.js';

/** A rule as written by a person, before it is stored. */
export type RuleDraft = Pick<EventRule, 'serviceId' | 'conditions' | 'actions' | 'stopOnMatch'>;

const fieldHelp = `use ${RULE_FIELDS.join(', ')}, labels.<name> or details.<path>`;

function conditionProblems(c: RuleCondition, at: string): FieldProblem[] {
  if (!isKnownField(c.field)) return [{ field: `${at}.field`, message: `unknown field "${c.field}"; ${fieldHelp}` }];
  const value = `${at}.value`;
  if (c.operator === 'exists' || c.operator === 'not_exists') {
    return c.value === undefined ? [] : [{ field: value, message: `${c.operator} takes no value; remove it` }];
  }
  if (c.value === undefined) return [{ field: value, message: `${c.operator} needs a value` }];
  if (NUMERIC_OPERATORS.includes(c.operator)) {
    if (c.field === 'severity') return [{ field: `${at}.operator`, message: `severity is not a number; use equals or not_equals with ${ALERT_SEVERITIES.join(', ')}` }];
    return asNumber(c.value) === null ? [{ field: value, message: `${c.operator} compares numbers; "${c.value}" is not a number` }] : [];
  }
  if (c.operator === 'regex') {
    if (typeof c.value !== 'string') return [{ field: value, message: 'a regex must be a string' }];
    const problem = regexProblem(c.value);
    return problem ? [{ field: value, message: problem }] : [];
  }
  if (c.field === 'severity' && (c.operator === 'equals' || c.operator === 'not_equals')) {
    const v = String(c.value);
    const known = ALERT_SEVERITIES.some((s) => (c.ignoreCase ? s === v.toLowerCase() : s === v));
    if (!known) return [{ field: value, message: `severity is one of ${ALERT_SEVERITIES.join(', ')}` }];
  }
  return [];
}

function actionProblems(rule: RuleDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { actions } = rule;
  if (actions.length === 0 && !rule.stopOnMatch) {
    problems.push({ field: 'actions', message: 'add at least one action (a rule without actions only makes sense with stopOnMatch, to shield events from later rules)' });
  }
  if (actions.some((a) => a.type === 'drop') && actions.length > 1) {
    problems.push({ field: 'actions', message: 'drop stores the event only; it cannot be combined with other actions' });
  }
  actions.forEach((a, i) => {
    const at = `actions.${i}`;
    if (a.type !== 'add_note' && actions.findIndex((b) => b.type === a.type) < i) {
      problems.push({ field: `${at}.type`, message: `${a.type} appears more than once in this rule; keep one` });
    }
    if (a.type === 'route' && rule.serviceId !== null && a.serviceId === rule.serviceId) {
      problems.push({ field: `${at}.serviceId`, message: "routes to the rule's own service; choose another service" });
    }
    if (a.type === 'set_dedup_key') {
      const fields = templateFields(a.template);
      const unknown = fields.filter((f) => !isKnownField(f));
      if (unknown.length) problems.push({ field: `${at}.template`, message: `unknown field(s) ${unknown.map((f) => `{{${f}}}`).join(', ')}; ${fieldHelp}` });
      else if (fields.length === 0) problems.push({ field: `${at}.template`, message: 'refers to no field such as {{source}}, so every event would get the same key' });
    }
  });
  return problems;
}

/**
 * Problems that would make a rule never apply, or apply in a way nobody meant, each naming its
 * field (`conditions.0.value`, `actions.1.template`). Shape (types, enums) is checked by the
 * contract; this checks meaning. Route targets existing is the caller's check (it needs the store).
 */
export function validateRule(rule: RuleDraft): FieldProblem[] {
  return [...rule.conditions.flatMap((c, i) => conditionProblems(c, `conditions.${i}`)), ...actionProblems(rule)];
}
