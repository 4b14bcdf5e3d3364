import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { ALERT_SEVERITIES, type AlertEvent, EVENT_ACTIONS, MAX_DEDUP_KEY, MAX_SUMMARY, type ParseResult } from '../event.js';
import { genericParser, parseGenericEvent } from './parse.js';
import { GenericEventBody } from './schema.js';

const ctx = { receivedAt: '2026-11-22T09:00:00.000Z' };
const parse = (body: unknown) => genericParser.parse(body, ctx);
const alert = (r: ParseResult): AlertEvent => {
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.events[0]!.kind, 'alert');
  return r.events[0] as AlertEvent;
};
const errors = (r: ParseResult) => (r.ok ? assert.fail('expected errors') : r.errors);
const fields = (r: ParseResult) => errors(r).map((e) => e.field);
const codePoints = (s: string) => [...s].length;
const full = () => ({
  action: 'trigger',
  dedupKey: 'db-1/disk',
  summary: 'Disk 99% full on db-1',
  source: 'db-1.example.com',
  severity: 'critical',
  component: 'postgres',
  group: 'prod',
  class: 'disk',
  labels: { team: 'storage' },
  details: { free: '1%', inodes: 12 },
  links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }, { href: 'http://localhost:3000/x' }],
  occurredAt: '2026-11-22T18:00:00+09:00',
  client: 'cron-check',
  clientUrl: 'https://ci.example/job/7',
});

describe('generic events: accepted bodies', () => {
  it('maps every field of a trigger', () => {
    assert.deepEqual(alert(parse(full())), {
      kind: 'alert', action: 'trigger', dedupKey: 'db-1/disk', summary: 'Disk 99% full on db-1',
      source: 'db-1.example.com', severity: 'critical', component: 'postgres', group: 'prod', class: 'disk',
      labels: { team: 'storage' }, details: { free: '1%', inodes: 12 },
      links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }, { href: 'http://localhost:3000/x' }],
      occurredAt: '2026-11-22T09:00:00.000Z', client: 'cron-check', clientUrl: 'https://ci.example/job/7',
    });
  });
  it('needs only a summary: trigger, warning, no key, received now', () => {
    const e = alert(parse({ summary: 'Backup job failed' }));
    assert.deepEqual([e.action, e.severity, e.dedupKey, e.occurredAt], ['trigger', 'warning', null, ctx.receivedAt]);
    assert.deepEqual([e.labels, e.details, e.links, e.source, e.client], [{}, {}, [], null, null]);
    assert.equal(alert(parse({ type: 'alert', summary: 'x' })).action, 'trigger');
  });
  it('acknowledge and resolve need only the key', () => {
    for (const action of ['acknowledge', 'resolve']) {
      const e = alert(parse({ action, dedupKey: 'db-1/disk' }));
      assert.deepEqual([e.action, e.dedupKey], [action, 'db-1/disk']);
    }
  });
  it('change events are { type: "change", … }', () => {
    const r = parse({ type: 'change', summary: 'Deployed api v2.3.1', source: 'ci', details: { sha: 'abc' }, links: [{ href: 'https://ci.example/1' }], occurredAt: '2026-11-22T08:59:00Z' });
    assert.deepEqual(r.ok && r.events, [{
      kind: 'change', summary: 'Deployed api v2.3.1', source: 'ci', details: { sha: 'abc' },
      links: [{ href: 'https://ci.example/1' }], occurredAt: '2026-11-22T08:59:00.000Z',
    }]);
  });
  it('truncates summaries to 1024 code points, Japanese included', () => {
    for (const unit of ['x', '障害', '🔥']) {
      const s = alert(parse({ summary: unit.repeat(3000) })).summary;
      assert.equal(codePoints(s), MAX_SUMMARY);
      assert.ok(s.endsWith('…'));
    }
  });
  it('documents itself as JSON Schema (for the OpenAPI)', () => {
    const schema = z.toJSONSchema(GenericEventBody, { io: 'input' }) as any;
    assert.equal(schema.$defs.GenericEvent.oneOf.length, 2);
    assert.equal(schema.$defs.GenericAlertEvent.additionalProperties, false);
    assert.equal(schema.$defs.GenericChangeEvent.additionalProperties, false);
  });
});

describe('generic events: rejected bodies name their fields', () => {
  it('reports each problem under its dotted path', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['summary', { summary: undefined }],
      ['summary', { summary: '  ' }],
      ['summary', { summary: 42 }],
      ['severity', { severity: 'high' }],
      ['action', { action: 'ack' }],
      ['dedupKey', { dedupKey: 'k'.repeat(MAX_DEDUP_KEY + 1) }],
      ['dedupKey', { dedupKey: '' }],
      ['labels.team', { labels: { team: 7 } }],
      ['details', { details: ['a'] }],
      ['links.0.href', { links: [{ href: 'javascript:alert(1)' }] }],
      ['links.0.colour', { links: [{ href: 'https://x.example', colour: 'red' }] }],
      ['occurredAt', { occurredAt: 'yesterday' }],
      ['clientUrl', { clientUrl: 'ftp://x.example' }],
      ['dedup_key', { dedup_key: 'misspelt' }],
      ['type', { type: 'deploy' }],
    ];
    for (const [field, change] of cases) assert.deepEqual(fields(parse({ ...full(), ...change })), [field], field);
    assert.deepEqual(fields(parse({ action: 'resolve' })), ['dedupKey']);
    assert.deepEqual(fields(parse({ type: 'change', summary: 'x', severity: 'info' })), ['severity']);
    assert.deepEqual(fields(parse({ type: 'change' })), ['summary']);
    for (const b of [null, 1, 'x', [], true]) assert.deepEqual(fields(parse(b)), ['body']);
    assert.deepEqual(fields(parse({ summary: 'x', '': 1, labels: { 'a.b': 2 } })), ['labels["a.b"]', '[""]']);
  });
  it('says what is wrong in words a person can act on', () => {
    const messages = errors(parse({ severity: 'high', foo: 1, action: 'resolve' })).map((e) => `${e.field}: ${e.message}`);
    assert.deepEqual(messages.sort(), [
      'dedupKey: is required to acknowledge or resolve',
      'foo: is not a known field: remove it',
      'severity: must be one of critical, error, warning, info',
    ]);
    assert.deepEqual(errors(parse({})), [{ field: 'summary', message: 'is required for a trigger' }]);
  });
  it('ISO instants only (our own format is strict, unlike PagerDuty)', () => {
    assert.deepEqual(fields(parse({ summary: 'x', occurredAt: '2015-07-17T08:42:58.315+0000' })), ['occurredAt']);
    assert.equal(alert(parse({ summary: 'x', occurredAt: '2015-07-17T08:42:58.315123Z' })).occurredAt, '2015-07-17T08:42:58.315Z');
  });
});

const isIso = (s: string) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s;
function assertWellFormed(r: ParseResult) {
  if (!r.ok) {
    assert.ok(r.errors.length > 0);
    for (const e of r.errors) assert.ok(e.field.length > 0 && e.message.length > 0, JSON.stringify(e));
    return;
  }
  const e = r.events[0]!;
  assert.ok(isIso(e.occurredAt) && codePoints(e.summary) <= MAX_SUMMARY);
  if (e.kind === 'alert') assert.ok(EVENT_ACTIONS.includes(e.action) && ALERT_SEVERITIES.includes(e.severity));
}
const keys = [...Object.keys(full()), 'type', 'labels.team', 'links.0', 'links.0.href', 'details.x'];

describe('generic events: never throw', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (body) => assertWellFormed(parseGenericEvent(body, ctx))), { numRuns: 1000 });
  });
  it('on random mutations of a valid event (drop a key, change a type)', () => {
    const edit = fc.record({ key: fc.constantFrom(...keys), value: fc.option(fc.jsonValue(), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const body: any = full();
        for (const { key, value } of edits) {
          const path = key.split('.');
          let at = body;
          for (const k of path.slice(0, -1)) at = at !== null && typeof at === 'object' ? at[k] : undefined;
          if (at === null || typeof at !== 'object') continue;
          if (value === undefined) delete at[path.at(-1)!];
          else at[path.at(-1)!] = value;
        }
        assertWellFormed(parseGenericEvent(body, ctx));
      }),
      { numRuns: 1000 },
    );
  });
});
