import type { IncidentType, Priority, Severity } from '../incident/types.js';
import { asNumber, asText, getterFor, MEMO_LIMIT, type RuleEvent, renderTemplate } from './rule-fields.js';
import { compilePattern, REGEX_SUBJECT_LIMIT } from './rule-regex.js';
import { type AlertSeverity, MAX_DEDUP_KEY } from './types.js';

export { asNumber, isKnownField, RULE_FIELDS, type RuleEvent, renderTemplate, templateFields } from './rule-fields.js';
export { MAX_REGEX_LENGTH, REGEX_SUBJECT_LIMIT, regexProblem } from './rule-regex.js';
export { type RuleDraft, validateRule } from './rule-validate.js';

/**
 * Event rules (SPEC §4.1): ordered condition → action rules applied to alert events, decided purely.
 *
 * - Scopes: global rules run first, then the rules of the event's service. A `route` in a global rule
 *   moves the event, and the *target* service's rules run instead. A `route` inside service rules
 *   moves the event too, but no other service's rules run (one hop through service rules at most,
 *   so two services cannot route an event back and forth); the reason records whether the target's
 *   rules ran.
 * - Within a scope rules run by position; `stopOnMatch` ends that scope after the rule matched (all
 *   true is "first match", all false is "all match").
 * - Conditions see the event as earlier rules left it (a rule may match a severity set before it).
 * - Later actions of one kind override earlier ones; `drop` wins over everything and ends evaluation
 *   (the event is only stored, nothing later could change that).
 *
 * Evaluation never throws: a pattern that does not compile (only possible for rules that bypassed
 * `validateRule`) simply does not match. It does not decide which events the outcome applies to: an
 * acknowledge/resolve may carry placeholder fields, and the pipeline chooses what to use for them.
 */

export const CONDITION_OPERATORS = ['equals', 'not_equals', 'contains', 'regex', 'exists', 'not_exists', 'gt', 'gte', 'lt', 'lte'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];
export const NUMERIC_OPERATORS: readonly ConditionOperator[] = ['gt', 'gte', 'lt', 'lte'];

export interface RuleCondition {
  /** `summary`, `source`, `severity`, `component`, `group`, `class`, `dedupKey`, `labels.<name>` or `details.<dot.path>`. */
  field: string;
  operator: ConditionOperator;
  /** Absent for exists / not_exists; a number (or numeric string) for gt/gte/lt/lte. */
  value?: string | number;
  /** Case-insensitive equals / not_equals / contains / regex. */
  ignoreCase?: boolean;
}

export type RuleAction =
  | { type: 'suppress' }
  | { type: 'drop' }
  | { type: 'set_severity'; severity: AlertSeverity }
  | { type: 'set_priority'; priority: Priority }
  | { type: 'set_incident_severity'; severity: Severity }
  | { type: 'set_incident_type'; incidentType: IncidentType }
  | { type: 'route'; serviceId: string }
  | { type: 'add_note'; body: string }
  | { type: 'set_dedup_key'; template: string };

export type RuleScope = 'global' | 'service';

export interface EventRule {
  id: string;
  name: string;
  /** null: a global rule. */
  serviceId: string | null;
  position: number;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleAction[];
  stopOnMatch: boolean;
}

export interface MatchedField {
  field: string;
  operator: ConditionOperator;
  /** The event's value (at most 200 characters), null when absent. */
  actual: string | null;
}

export interface MatchedRule {
  ruleId: string;
  name: string;
  scope: RuleScope;
  serviceId: string | null;
  actions: RuleAction[];
  /** The conditions that held (all of them for `match: all`). */
  matchedOn: MatchedField[];
}

export interface RouteHop {
  ruleId: string;
  scope: RuleScope;
  from: string;
  to: string;
  /** Whether the target service's rules ran afterwards (only for the last global route). */
  targetRulesEvaluated: boolean;
}

type Decided = 'drop' | 'suppress' | 'severity' | 'priority' | 'incidentSeverity' | 'incidentType' | 'dedupKey' | 'route';

/** JSON to store on the event/alert: why it was dropped, suppressed, routed or changed. */
export interface RuleReason {
  rules: { id: string; name: string; scope: RuleScope; matchedOn: MatchedField[] }[];
  /** Which rule decided each value that rules changed. */
  decidedBy: Partial<Record<Decided, string>>;
  routes: RouteHop[];
}

export interface RuleOutcome<E extends RuleEvent = RuleEvent> {
  /** The event after set_severity / set_dedup_key; the very input object when nothing changed. */
  event: E;
  /** The service after routing. */
  serviceId: string;
  disposition: 'drop' | 'suppress' | 'alert';
  matched: MatchedRule[];
  drop: { ruleId: string } | null;
  suppress: { ruleId: string } | null;
  priority: Priority | null;
  incidentSeverity: Severity | null;
  incidentType: IncidentType | null;
  notes: { ruleId: string; body: string }[];
  routedBy: string | null;
  reason: RuleReason;
}

// ---------------------------------------------------------------------------------------------
// Compiled rules

type Test = (e: RuleEvent) => MatchedField | null;

interface CompiledRule {
  rule: EventRule;
  tests: Test[];
}

const clip = (s: string | null) => (s === null || s.length <= 200 ? s : `${s.slice(0, 199)}…`);

function compileCondition(c: RuleCondition): Test {
  const get = getterFor(c.field);
  if (!get) return () => null;
  const hit = (v: unknown): MatchedField => ({ field: c.field, operator: c.operator, actual: clip(asText(v)) });
  const fold = (s: string) => (c.ignoreCase ? s.toLowerCase() : s);
  const wanted = fold(asText(c.value) ?? '');
  switch (c.operator) {
    case 'exists':
      return (e) => {
        const v = get(e);
        return v === undefined || v === null ? null : hit(v);
      };
    case 'not_exists':
      return (e) => {
        const v = get(e);
        return v === undefined || v === null ? hit(null) : null;
      };
    case 'equals':
    case 'not_equals': {
      const eq = c.operator === 'equals';
      return (e) => {
        const v = get(e);
        const t = asText(v);
        return (t !== null && fold(t) === wanted) === eq ? hit(v) : null;
      };
    }
    case 'contains':
      return (e) => {
        const v = get(e);
        const t = asText(v);
        return t !== null && fold(t).includes(wanted) ? hit(v) : null;
      };
    case 'regex': {
      const re = typeof c.value === 'string' ? compilePattern(c.value, c.ignoreCase === true) : null;
      return (e) => {
        const v = get(e);
        const t = asText(v);
        return re && t !== null && re.test(t.length > REGEX_SUBJECT_LIMIT ? t.slice(0, REGEX_SUBJECT_LIMIT) : t) ? hit(v) : null;
      };
    }
    default: {
      const bound = asNumber(c.value);
      const cmp = { gt: (a: number, b: number) => a > b, gte: (a: number, b: number) => a >= b, lt: (a: number, b: number) => a < b, lte: (a: number, b: number) => a <= b }[c.operator];
      return (e) => {
        const v = get(e);
        const n = asNumber(v);
        return bound !== null && n !== null && cmp(n, bound) ? hit(v) : null;
      };
    }
  }
}

/**
 * Compiled conditions by content, not by object: the pipeline may load fresh rule objects for every
 * event, and a per-object cache (a WeakMap) would then cost more in garbage collection than it saves.
 */
const tests = new Map<string, Test>();

function testFor(c: RuleCondition): Test {
  const key = `${c.field}\u0000${c.operator}\u0000${typeof c.value}\u0000${c.value}\u0000${c.ignoreCase === true}`;
  let t = tests.get(key);
  if (!t) {
    t = compileCondition(c);
    if (tests.size >= MEMO_LIMIT) tests.clear();
    tests.set(key, t);
  }
  return t;
}

function compileRule(rule: EventRule): CompiledRule {
  return { rule, tests: rule.conditions.map(testFor) };
}

/** The conditions that held, or null when the rule does not match. Empty conditions match every event. */
function matchRule(c: CompiledRule, e: RuleEvent): MatchedField[] | null {
  const found: MatchedField[] = [];
  for (const test of c.tests) {
    const m = test(e);
    if (m) found.push(m);
    else if (c.rule.match === 'all') return null;
  }
  return c.rule.match === 'any' && c.tests.length > 0 && found.length === 0 ? null : found;
}

interface RuleIndex {
  global: CompiledRule[];
  byService: Map<string, CompiledRule[]>;
}

const indexes = new WeakMap<readonly EventRule[], RuleIndex>();
const byPosition = (a: CompiledRule, b: CompiledRule) => a.rule.position - b.rule.position || (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0);

/** Enabled rules per scope in order, compiled; cached per array, so pass a list you do not mutate afterwards. */
function indexRules(rules: readonly EventRule[]): RuleIndex {
  let index = indexes.get(rules);
  if (index) return index;
  index = { global: [], byService: new Map() };
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const c = compileRule(rule);
    if (rule.serviceId === null) index.global.push(c);
    else {
      const list = index.byService.get(rule.serviceId) ?? [];
      list.push(c);
      index.byService.set(rule.serviceId, list);
    }
  }
  index.global.sort(byPosition);
  for (const list of index.byService.values()) list.sort(byPosition);
  indexes.set(rules, index);
  return index;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

function applyActions<E extends RuleEvent>(o: RuleOutcome<E>, c: CompiledRule, scope: RuleScope): void {
  const id = c.rule.id;
  for (const a of c.rule.actions) {
    switch (a.type) {
      case 'drop':
        o.drop = { ruleId: id };
        o.reason.decidedBy.drop = id;
        break;
      case 'suppress':
        o.suppress = { ruleId: id };
        o.reason.decidedBy.suppress = id;
        break;
      case 'set_severity':
        o.event = { ...o.event, severity: a.severity };
        o.reason.decidedBy.severity = id;
        break;
      case 'set_priority':
        o.priority = a.priority;
        o.reason.decidedBy.priority = id;
        break;
      case 'set_incident_severity':
        o.incidentSeverity = a.severity;
        o.reason.decidedBy.incidentSeverity = id;
        break;
      case 'set_incident_type':
        o.incidentType = a.incidentType;
        o.reason.decidedBy.incidentType = id;
        break;
      case 'route':
        o.reason.routes.push({ ruleId: id, scope, from: o.serviceId, to: a.serviceId, targetRulesEvaluated: false });
        o.serviceId = a.serviceId;
        o.routedBy = id;
        o.reason.decidedBy.route = id;
        break;
      case 'add_note':
        o.notes.push({ ruleId: id, body: a.body });
        break;
      case 'set_dedup_key': {
        const key = renderTemplate(a.template, o.event);
        if (key === null) break; // every field missing: keep the sender's key rather than one shared by all such events
        o.event = { ...o.event, dedupKey: [...key].slice(0, MAX_DEDUP_KEY).join('') };
        o.reason.decidedBy.dedupKey = id;
        break;
      }
    }
  }
}

function runScope<E extends RuleEvent>(o: RuleOutcome<E>, rules: readonly CompiledRule[], scope: RuleScope): void {
  for (const c of rules) {
    const matchedOn = matchRule(c, o.event);
    if (!matchedOn) continue;
    const { id, name, serviceId, actions } = c.rule;
    o.matched.push({ ruleId: id, name, scope, serviceId, actions, matchedOn });
    o.reason.rules.push({ id, name, scope, matchedOn });
    applyActions(o, c, scope);
    if (o.drop || c.rule.stopOnMatch) return;
  }
}

/**
 * Apply `rules` (every rule of every scope; disabled ones are skipped) to an event arriving on
 * `serviceId`. Pure and deterministic. Passing the same array again skips sorting and compiling;
 * regexes and conditions are compiled once per distinct content however the rules are reloaded.
 */
export function evaluateRules<E extends RuleEvent>(rules: readonly EventRule[], serviceId: string, event: E): RuleOutcome<E> {
  const index = indexRules(rules);
  const o: RuleOutcome<E> = {
    event,
    serviceId,
    disposition: 'alert',
    matched: [],
    drop: null,
    suppress: null,
    priority: null,
    incidentSeverity: null,
    incidentType: null,
    notes: [],
    routedBy: null,
    reason: { rules: [], decidedBy: {}, routes: [] },
  };
  runScope(o, index.global, 'global');
  if (!o.drop) {
    const lastGlobalRoute = o.reason.routes.at(-1);
    if (lastGlobalRoute) lastGlobalRoute.targetRulesEvaluated = true;
    runScope(o, index.byService.get(o.serviceId) ?? [], 'service');
  }
  o.disposition = o.drop ? 'drop' : o.suppress ? 'suppress' : 'alert';
  return o;
}
