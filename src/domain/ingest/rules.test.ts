import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PRIORITIES } from '../incident/types.js';
import {
  type EventRule,
  evaluateRules,
  type RuleAction,
  type RuleCondition,
  type RuleDraft,
  type RuleEvent,
  regexProblem,
  renderTemplate,
  validateRule,
} from './rules.js';
import { ALERT_SEVERITIES } from './types.js';

const SVC = 'svc-a';
const OTHER = 'svc-b';
const THIRD = 'svc-c';

const event = (over: Partial<RuleEvent> = {}): RuleEvent => ({
  dedupKey: 'fp-1',
  summary: 'Disk full on db-1',
  source: 'db-1.example',
  severity: 'warning',
  component: 'postgres',
  group: 'node',
  class: 'DiskFull',
  labels: { job: 'node', env: 'prod' },
  details: { usage: { percent: '97.5' }, count: 3, tags: ['db', 'disk'] },
  ...over,
});

let seq = 0;
const rule = (over: Partial<EventRule> & { actions: RuleAction[] }): EventRule => ({
  id: `r${++seq}`,
  name: `rule ${seq}`,
  serviceId: null,
  position: seq,
  enabled: true,
  match: 'all',
  conditions: [],
  stopOnMatch: false,
  ...over,
});
const cond = (field: string, operator: RuleCondition['operator'], value?: string | number, ignoreCase?: boolean): RuleCondition => ({
  field,
  operator,
  ...(value !== undefined ? { value } : {}),
  ...(ignoreCase ? { ignoreCase } : {}),
});
const matches = (c: RuleCondition, e = event()) => evaluateRules([rule({ conditions: [c], actions: [{ type: 'suppress' }] })], SVC, e).matched.length === 1;

describe('event rule conditions', () => {
  it('compares strings case-sensitively unless ignoreCase', () => {
    assert.ok(matches(cond('summary', 'contains', 'Disk full')));
    assert.ok(!matches(cond('summary', 'contains', 'disk FULL')));
    assert.ok(matches(cond('summary', 'contains', 'disk FULL', true)));
    assert.ok(matches(cond('class', 'equals', 'DiskFull')));
    assert.ok(!matches(cond('class', 'equals', 'diskfull')));
    assert.ok(matches(cond('class', 'equals', 'diskfull', true)));
    assert.ok(matches(cond('class', 'not_equals', 'Other')));
    assert.ok(matches(cond('summary', 'regex', '^disk .* db-\\d$', true)));
    assert.ok(!matches(cond('summary', 'regex', '^disk')));
  });

  it('reads labels and details by dot path; absent values only satisfy not_exists and not_equals', () => {
    assert.ok(matches(cond('labels.env', 'equals', 'prod')));
    assert.ok(matches(cond('details.usage.percent', 'gte', 95)));
    assert.ok(matches(cond('details.count', 'equals', '3')));
    assert.ok(matches(cond('details.tags', 'contains', '"disk"')), 'arrays compare as JSON');
    assert.ok(matches(cond('labels.team', 'not_exists')));
    assert.ok(!matches(cond('labels.team', 'exists')));
    assert.ok(matches(cond('labels.team', 'not_equals', 'x')));
    assert.ok(!matches(cond('labels.team', 'equals', '')));
    assert.ok(!matches(cond('details.usage.percent.more', 'exists')));
    assert.ok(!matches(cond('labels.constructor', 'exists')), 'no prototype properties');
    assert.ok(!matches(cond('source', 'exists'), event({ source: null })));
  });

  it('compares numbers numerically; a non-numeric value never matches', () => {
    assert.ok(matches(cond('details.count', 'gt', 2)));
    assert.ok(!matches(cond('details.count', 'gt', 3)));
    assert.ok(matches(cond('details.count', 'lte', '3')));
    assert.ok(matches(cond('details.usage.percent', 'lt', 100)), '"97.5" is a number');
    assert.ok(!matches(cond('summary', 'gt', 0)));
    assert.ok(!matches(cond('details.count', 'lt', 10), event({ details: { count: 'many' } })));
  });

  it('match any needs one condition, match all every one; no conditions match every event', () => {
    const conditions = [cond('labels.env', 'equals', 'prod'), cond('source', 'equals', 'nope')];
    const run = (match: 'all' | 'any', cs = conditions) => evaluateRules([rule({ match, conditions: cs, actions: [{ type: 'suppress' }] })], SVC, event()).matched;
    assert.equal(run('all').length, 0);
    assert.deepEqual(run('any')[0]?.matchedOn, [{ field: 'labels.env', operator: 'equals', actual: 'prod' }]);
    assert.equal(run('all', []).length, 1);
    assert.equal(run('any', []).length, 1);
  });
});

describe('event rule evaluation', () => {
  it('no rules: the event is returned unchanged, on its service, as an alert', () => {
    const e = event();
    const o = evaluateRules([], SVC, e);
    assert.equal(o.event, e);
    assert.equal(o.serviceId, SVC);
    assert.equal(o.disposition, 'alert');
    assert.deepEqual(o.reason, { rules: [], decidedBy: {}, routes: [] });
  });

  it('applies actions and says which rule decided what', () => {
    const r = rule({
      conditions: [cond('labels.env', 'equals', 'prod')],
      actions: [
        { type: 'set_severity', severity: 'critical' },
        { type: 'set_priority', priority: 'P1' },
        { type: 'set_incident_severity', severity: 'SEV1' },
        { type: 'set_incident_type', incidentType: 'security' },
        { type: 'add_note', body: 'See **runbook**' },
        { type: 'set_dedup_key', template: '{{labels.job}}:{{ source }}:{{severity}}' },
      ],
    });
    const e = event();
    const o = evaluateRules([r], SVC, e);
    assert.equal(o.event.severity, 'critical');
    assert.equal(o.event.dedupKey, 'node:db-1.example:critical', 'the template sees the severity set before it');
    assert.equal(e.severity, 'warning', 'the input is not mutated');
    assert.deepEqual([o.priority, o.incidentSeverity, o.incidentType], ['P1', 'SEV1', 'security']);
    assert.deepEqual(o.notes, [{ ruleId: r.id, body: 'See **runbook**' }]);
    assert.deepEqual(o.reason.decidedBy, { severity: r.id, priority: r.id, incidentSeverity: r.id, incidentType: r.id, dedupKey: r.id });
  });

  it('stopOnMatch ends the scope: all true is first match, all false is all match; later actions override', () => {
    const mk = (stop: boolean) => [
      rule({ stopOnMatch: stop, actions: [{ type: 'set_priority', priority: 'P3' }] }),
      rule({ stopOnMatch: stop, actions: [{ type: 'set_priority', priority: 'P1' }] }),
    ];
    assert.equal(evaluateRules(mk(true), SVC, event()).priority, 'P3');
    assert.equal(evaluateRules(mk(false), SVC, event()).priority, 'P1');
    assert.equal(evaluateRules(mk(false), SVC, event()).matched.length, 2);
  });

  it('orders by position, not by the order of the list; skips disabled rules', () => {
    const late = rule({ position: 9, stopOnMatch: true, actions: [{ type: 'set_priority', priority: 'P5' }] });
    const early = rule({ position: 1, stopOnMatch: true, actions: [{ type: 'set_priority', priority: 'P2' }] });
    const off = rule({ position: 0, enabled: false, stopOnMatch: true, actions: [{ type: 'drop' }] });
    assert.equal(evaluateRules([late, early, off], SVC, event()).priority, 'P2');
  });

  it('drop wins over suppress and ends evaluation', () => {
    const o = evaluateRules(
      [rule({ actions: [{ type: 'suppress' }] }), rule({ actions: [{ type: 'drop' }] }), rule({ actions: [{ type: 'set_priority', priority: 'P1' }] })],
      SVC,
      event(),
    );
    assert.equal(o.disposition, 'drop');
    assert.equal(o.matched.length, 2);
    assert.equal(o.priority, null);
  });

  it('runs global rules, then the service rules; a global route runs the target service rules instead', () => {
    const route = rule({ conditions: [cond('labels.env', 'equals', 'prod')], actions: [{ type: 'route', serviceId: OTHER }] });
    const mine = rule({ serviceId: SVC, actions: [{ type: 'set_priority', priority: 'P4' }] });
    const theirs = rule({ serviceId: OTHER, actions: [{ type: 'set_priority', priority: 'P2' }] });
    const o = evaluateRules([mine, theirs, route], SVC, event());
    assert.equal(o.serviceId, OTHER);
    assert.equal(o.routedBy, route.id);
    assert.equal(o.priority, 'P2');
    assert.deepEqual(o.matched.map((m) => [m.ruleId, m.scope]), [[route.id, 'global'], [theirs.id, 'service']]);
    assert.deepEqual(o.reason.routes, [{ ruleId: route.id, scope: 'global', from: SVC, to: OTHER, targetRulesEvaluated: true }]);
    const unrouted = evaluateRules([mine, theirs, route], SVC, event({ labels: {} }));
    assert.equal(unrouted.priority, 'P4');
  });

  it('a route inside service rules moves the event but runs no other service rules (one hop)', () => {
    const hop = rule({ serviceId: SVC, actions: [{ type: 'route', serviceId: OTHER }] });
    const back = rule({ serviceId: OTHER, actions: [{ type: 'route', serviceId: SVC }] });
    const o = evaluateRules([hop, back], SVC, event());
    assert.equal(o.serviceId, OTHER);
    assert.deepEqual(o.reason.routes, [{ ruleId: hop.id, scope: 'service', from: SVC, to: OTHER, targetRulesEvaluated: false }]);
    const twice = evaluateRules(
      [rule({ actions: [{ type: 'route', serviceId: OTHER }] }), rule({ actions: [{ type: 'route', serviceId: THIRD }] }), rule({ serviceId: OTHER, actions: [{ type: 'drop' }] })],
      SVC,
      event(),
    );
    assert.equal(twice.serviceId, THIRD, 'the last global route wins');
    assert.deepEqual(twice.reason.routes.map((r) => r.targetRulesEvaluated), [false, true]);
    assert.equal(twice.disposition, 'alert', "the overridden target's rules did not run");
  });

  it('set_dedup_key: missing fields render empty; all missing keeps the sender key; long keys are cut to 255', () => {
    assert.equal(renderTemplate('{{labels.job}}/{{labels.nope}}', event()), 'node/');
    assert.equal(renderTemplate('{{labels.nope}}', event()), null);
    const keep = evaluateRules([rule({ actions: [{ type: 'set_dedup_key', template: 'k:{{labels.nope}}' }] })], SVC, event());
    assert.equal(keep.event.dedupKey, 'fp-1');
    const long = evaluateRules([rule({ actions: [{ type: 'set_dedup_key', template: '{{summary}}' }] })], SVC, event({ summary: '火'.repeat(300) }));
    assert.equal([...(long.event.dedupKey ?? '')].length, 255);
  });
});

describe('event rule validation', () => {
  const draft = (over: Partial<RuleDraft> = {}): RuleDraft => ({ serviceId: SVC, conditions: [], actions: [{ type: 'suppress' }], stopOnMatch: true, ...over });
  const fields = (d: RuleDraft) => validateRule(d).map((p) => p.field);

  it('accepts a sensible rule', () => {
    assert.deepEqual(
      validateRule(draft({ conditions: [cond('labels.env', 'equals', 'prod'), cond('details.a.b', 'gt', '1.5'), cond('summary', 'regex', '^(db|api)-\\d+'), cond('source', 'exists')] })),
      [],
    );
  });

  it('names the field of every condition that cannot apply', () => {
    assert.deepEqual(fields(draft({ conditions: [cond('hostname', 'equals', 'x')] })), ['conditions.0.field']);
    assert.deepEqual(fields(draft({ conditions: [cond('labels.', 'exists'), cond('details.a..b', 'exists')] })), ['conditions.0.field', 'conditions.1.field']);
    assert.deepEqual(fields(draft({ conditions: [cond('summary', 'regex', '(')] })), ['conditions.0.value']);
    assert.deepEqual(fields(draft({ conditions: [cond('summary', 'regex', 'a'.repeat(501))] })), ['conditions.0.value']);
    assert.deepEqual(fields(draft({ conditions: [cond('summary', 'regex', '(a+)+$')] })), ['conditions.0.value']);
    assert.deepEqual(fields(draft({ conditions: [cond('details.n', 'gt', 'ten')] })), ['conditions.0.value']);
    assert.deepEqual(fields(draft({ conditions: [cond('source', 'exists', 'x')] })), ['conditions.0.value']);
    assert.deepEqual(fields(draft({ conditions: [cond('source', 'equals')] })), ['conditions.0.value']);
    assert.deepEqual(fields(draft({ conditions: [cond('severity', 'equals', 'high')] })), ['conditions.0.value']);
    assert.deepEqual(fields(draft({ conditions: [cond('severity', 'gt', 1)] })), ['conditions.0.operator']);
  });

  it('rejects action combinations that make no sense', () => {
    assert.deepEqual(fields(draft({ actions: [{ type: 'drop' }, { type: 'add_note', body: 'x' }] })), ['actions']);
    assert.deepEqual(fields(draft({ actions: [{ type: 'set_priority', priority: 'P1' }, { type: 'set_priority', priority: 'P2' }] })), ['actions.1.type']);
    assert.deepEqual(fields(draft({ actions: [{ type: 'add_note', body: 'a' }, { type: 'add_note', body: 'b' }] })), [], 'notes may repeat');
    assert.deepEqual(fields(draft({ actions: [{ type: 'route', serviceId: SVC }] })), ['actions.0.serviceId']);
    assert.deepEqual(fields(draft({ serviceId: null, actions: [{ type: 'route', serviceId: SVC }] })), []);
    assert.deepEqual(fields(draft({ actions: [{ type: 'set_dedup_key', template: 'constant' }] })), ['actions.0.template']);
    assert.deepEqual(fields(draft({ actions: [{ type: 'set_dedup_key', template: '{{host}}-{{source}}' }] })), ['actions.0.template']);
    assert.deepEqual(fields(draft({ actions: [], stopOnMatch: false })), ['actions']);
    assert.deepEqual(fields(draft({ actions: [], stopOnMatch: true })), [], 'a shield rule');
  });

  it('refuses nested quantifiers but not ordinary patterns', () => {
    for (const bad of ['(a+)+', '(\\w*)*x', '((ab)+)+', '(x+){2,}', '(?:a|b+)*', '([a-z]+)*$']) assert.ok(regexProblem(bad), bad);
    for (const ok of ['(ab)+', '(a+)?', '[(a+)+]', '\\(a+\\)+', '^db-\\d{1,3}$', '(a{2})+', 'x{', '(error|fail(ed|ure))']) assert.equal(regexProblem(ok), null, ok);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const text = fc.string({ maxLength: 12 });
/** Plain JSON objects, as the store and parsers give (fast-check builds null-prototype ones). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const arbEvent: fc.Arbitrary<RuleEvent> = fc.record({
  dedupKey: fc.option(text, { nil: null }),
  summary: text,
  source: fc.option(text, { nil: null }),
  severity: fc.constantFrom(...ALERT_SEVERITIES),
  component: fc.option(text, { nil: null }),
  group: fc.option(text, { nil: null }),
  class: fc.option(text, { nil: null }),
  labels: fc.dictionary(fc.constantFrom('job', 'env', 'team'), text),
  details: fc.dictionary(fc.constantFrom('n', 's'), fc.oneof(fc.integer({ min: -5, max: 5 }), text)),
}).map(plain);
const arbCondition: fc.Arbitrary<RuleCondition> = fc.oneof(
  fc.record({ field: fc.constantFrom('summary', 'source', 'labels.env', 'labels.job', 'details.s'), operator: fc.constantFrom('equals', 'not_equals', 'contains' as const), value: text, ignoreCase: fc.boolean() }),
  fc.record({ field: fc.constantFrom('labels.team', 'source', 'details.n'), operator: fc.constantFrom('exists', 'not_exists' as const) }),
  fc.record({ field: fc.constantFrom('details.n', 'details.s'), operator: fc.constantFrom('gt', 'gte', 'lt', 'lte' as const), value: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ field: fc.constantFrom('summary', 'labels.env'), operator: fc.constant('regex' as const), value: fc.constantFrom('^a', 'b$', '[0-9]', '.') }),
);
const arbAction: fc.Arbitrary<RuleAction> = fc.oneof(
  fc.constant({ type: 'suppress' as const }),
  fc.constant({ type: 'drop' as const }),
  fc.record({ type: fc.constant('set_severity' as const), severity: fc.constantFrom(...ALERT_SEVERITIES) }),
  fc.record({ type: fc.constant('set_priority' as const), priority: fc.constantFrom(...PRIORITIES) }),
  fc.record({ type: fc.constant('route' as const), serviceId: fc.constantFrom(SVC, OTHER, THIRD) }),
  fc.record({ type: fc.constant('add_note' as const), body: text }),
  fc.record({ type: fc.constant('set_dedup_key' as const), template: fc.constantFrom('{{labels.job}}:{{source}}', '{{summary}}') }),
);
const arbRules: fc.Arbitrary<EventRule[]> = fc
  .array(
    fc.record({
      serviceId: fc.constantFrom(null, SVC, OTHER, THIRD),
      position: fc.integer({ min: 1, max: 10 }),
      enabled: fc.boolean(),
      match: fc.constantFrom('all', 'any' as const),
      conditions: fc.array(arbCondition, { maxLength: 3 }),
      actions: fc.array(arbAction, { maxLength: 3 }),
      stopOnMatch: fc.boolean(),
    }),
    { maxLength: 8 },
  )
  .map((rs) => plain(rs.map((r, i) => ({ ...r, id: `p${i}`, name: `p${i}` }))));

describe('event rule properties', () => {
  it('evaluation is deterministic and does not depend on the order of the list', () => {
    fc.assert(
      fc.property(arbRules, arbEvent, (rules, e) => {
        const a = evaluateRules(rules, SVC, e);
        const b = evaluateRules([...rules].reverse(), SVC, structuredClone(e));
        assert.deepEqual(b, a);
      }),
    );
  });

  it('never mutates its inputs, and disabled rules have no effect', () => {
    fc.assert(
      fc.property(arbRules, arbEvent, (rules, e) => {
        const before = structuredClone({ rules, e });
        const o = evaluateRules(rules, SVC, e);
        assert.deepEqual({ rules, e }, before);
        const enabledOnly = evaluateRules(rules.filter((r) => r.enabled).map((r) => ({ ...r })), SVC, e);
        assert.deepEqual(enabledOnly, o);
      }),
    );
  });

  it('matched rules are in scope order; a drop is the last match and wins; no match leaves the event as it was', () => {
    fc.assert(
      fc.property(arbRules, arbEvent, (rules, e) => {
        const o = evaluateRules(rules, SVC, e);
        const scopes = o.matched.map((m) => m.scope);
        assert.deepEqual(scopes, [...scopes].sort(), 'global before service');
        if (o.drop) {
          assert.equal(o.disposition, 'drop');
          assert.equal(o.matched.at(-1)?.ruleId, o.drop.ruleId);
        } else assert.equal(o.disposition, o.suppress ? 'suppress' : 'alert');
        if (o.matched.length === 0) {
          assert.equal(o.event, e);
          assert.equal(o.serviceId, SVC);
        }
        for (const m of o.matched) assert.ok(m.scope === 'global' ? m.serviceId === null : m.serviceId !== null);
      }),
    );
  });

  it('with stopOnMatch on every rule, at most one rule per scope matches', () => {
    fc.assert(
      fc.property(arbRules, arbEvent, (rules, e) => {
        const o = evaluateRules(rules.map((r) => ({ ...r, stopOnMatch: true })), SVC, e);
        assert.ok(o.matched.filter((m) => m.scope === 'global').length <= 1);
        assert.ok(o.matched.filter((m) => m.scope === 'service').length <= 1);
      }),
    );
  });

  it('a rule with no conditions and stopOnMatch shields its scope from every later rule', () => {
    fc.assert(
      fc.property(arbRules, arbEvent, (rules, e) => {
        const shield: EventRule = { id: 'shield', name: 'shield', serviceId: null, position: 0, enabled: true, match: 'all', conditions: [], actions: [], stopOnMatch: true };
        const o = evaluateRules([...rules, shield], SVC, e);
        assert.equal(o.matched[0]?.ruleId, 'shield');
        assert.ok(o.matched.slice(1).every((m) => m.scope === 'service'));
      }),
    );
  });
});
