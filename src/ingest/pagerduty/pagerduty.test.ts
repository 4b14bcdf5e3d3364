import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { AlertEvent, ParseResult } from '../event.js';
import { pagerDutyChangeParser, pagerDutyErrorBody, pagerDutyParser, parsePagerDutyChange, parsePagerDutyEvent, routingKeyOf } from './parse.js';

// interop.md §8, copied verbatim into ./vectors/.
const raw = (name: string) => readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8');
const vector = (name: string): any => JSON.parse(raw(name));
const ctx = { receivedAt: '2026-11-22T09:00:00.000Z' };
const alert = (r: ParseResult): AlertEvent => {
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0]!.kind, 'alert');
  return r.events[0] as AlertEvent;
};
const fields = (r: ParseResult) => (r.ok ? [] : r.errors.map((e) => e.field));
const codePoints = (s: string) => [...s].length;

describe('PagerDuty Events API v2: test vectors', () => {
  it('TV-1 official trigger example → one alert event with every field', () => {
    assert.deepEqual(alert(parsePagerDutyEvent(vector('tv1-trigger.json'), ctx)), {
      kind: 'alert',
      action: 'trigger',
      dedupKey: 'samplekeyhere',
      summary: 'Example alert on host1.example.com',
      source: 'monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003',
      severity: 'info',
      component: 'postgres',
      group: 'prod-datapipe',
      class: 'deploy',
      labels: {},
      details: { 'ping time': '1500ms', 'load avg': 0.75 },
      links: [{ href: 'https://example.com/', text: 'Link text' }],
      occurredAt: '2015-07-17T08:42:58.315Z',
      client: 'Sample Monitoring Service',
      clientUrl: 'https://monitoring.example.com',
    });
  });
  it('TV-2 acknowledge and resolve carry only the key', () => {
    for (const [file, action] of [['tv2-acknowledge.json', 'acknowledge'], ['tv2-resolve.json', 'resolve']] as const) {
      const e = alert(parsePagerDutyEvent(vector(file), ctx));
      assert.equal(e.action, action);
      assert.equal(e.dedupKey, 'dedupkeyhere');
      assert.equal(e.occurredAt, ctx.receivedAt);
    }
  });
  it('TV-3 OpenAPI example: critical, custom details kept, images left out', () => {
    const e = alert(parsePagerDutyEvent(vector('tv3-openapi-trigger.json'), ctx));
    assert.equal(e.dedupKey, 'srv01/mysql');
    assert.equal(e.severity, 'critical');
    assert.deepEqual(e.details, { 'free space': '1%', 'ping time': '1500ms', 'load avg': 0.75 });
    assert.deepEqual(e.links, [{ href: 'http://pagerduty.example.com', text: 'An example link.' }]);
    assert.equal(e.occurredAt, '2015-07-17T08:42:58.315Z');
    assert.ok(!JSON.stringify(e).includes('chart.googleapis.com'));
  });
  it('TV-4 the 400 body, byte for byte, and our own errors in the same phrasing', () => {
    const body = pagerDutyErrorBody([{ field: 'routing_key', message: "Length of 'routing_key' is incorrect (should be 32 characters)" }]);
    assert.equal(JSON.stringify(body), raw('tv4-error-body.json').trim());
    const bad = vector('tv1-trigger.json');
    bad.payload.severity = 'CRITICAL';
    const r = parsePagerDutyEvent(bad, ctx);
    assert.ok(!r.ok);
    assert.deepEqual(pagerDutyErrorBody(r.errors), {
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: ["'payload.severity' is invalid (must be one of critical, error, warning, info)"],
    });
  });
  it('TV-5 change events: the docs example and the bytes go-pagerduty sends', () => {
    const docs = parsePagerDutyChange(vector('tv5-change-docs.json'), ctx);
    assert.deepEqual(docs.ok && docs.events, [{
      kind: 'change',
      summary: 'Build Success: Increase snapshot create timeout to 30 seconds',
      source: 'acme-build-pipeline-tool-default-i-9999',
      details: { build_state: 'passed', build_number: '2', run_time: '1236s' },
      links: [{ href: 'https://acme.pagerduty.dev/build/2', text: 'View more details in Acme!' }],
      occurredAt: '2020-07-17T08:42:58.315Z',
    }]);
    const go = parsePagerDutyChange(vector('tv5-change-go-pagerduty.json'), ctx);
    assert.ok(go.ok);
    assert.equal(go.events[0]!.occurredAt, '2020-10-19T03:06:16.318Z');
    assert.equal(go.events[0]!.links.length, 2);
  });
  it('TV-6 Alertmanager 0.25: trigger, then the resolve with its (ignored) payload', () => {
    const body = raw('tv6-alertmanager-trigger.json');
    assert.ok(body.endsWith('}\n'));
    const e = alert(parsePagerDutyEvent(JSON.parse(body), ctx));
    assert.equal(e.dedupKey, 'd4061866bc333de2350285b0452a21f78349e3d63b4f06b6c956f64f95d7be36');
    assert.equal(e.summary, '[FIRING:2] HighLatency (checkout critical)');
    assert.deepEqual([e.source, e.severity, e.client], ['Alertmanager', 'error', 'Alertmanager']);
    assert.equal(e.clientUrl, 'http://alertmanager.example:9093/#/alerts?receiver=hikeshi-pd');
    assert.deepEqual(Object.keys(e.details).sort(), ['firing', 'num_firing', 'num_resolved', 'resolved']);
    assert.equal(e.occurredAt, ctx.receivedAt, 'Alertmanager never sends a timestamp');
    const resolved = JSON.parse(body);
    resolved.event_action = 'resolve';
    resolved.payload.summary = '[RESOLVED] HighLatency (checkout critical)';
    const r = alert(parsePagerDutyEvent(resolved, ctx));
    assert.deepEqual([r.action, r.dedupKey], ['resolve', e.dedupKey]);
  });
  it('routingKeyOf finds the key without a full parse', () => {
    assert.equal(routingKeyOf(vector('tv1-trigger.json')), 'samplekeyhere');
    assert.equal(routingKeyOf({ routing_key: 'k', event_action: 'nonsense' }), 'k');
    for (const b of [null, [], 'k', {}, { routing_key: 7 }, { routing_key: '' }]) assert.equal(routingKeyOf(b), null);
    assert.deepEqual([pagerDutyParser.format, pagerDutyChangeParser.format], ['pagerduty', 'pagerduty-change']);
  });
});

describe('PagerDuty Events API v2: validation', () => {
  const trigger = () => vector('tv1-trigger.json');
  it('names every missing or wrong required field', () => {
    const cases: [string, (b: any) => void][] = [
      ['routing_key', (b) => delete b.routing_key],
      ['routing_key', (b) => { b.routing_key = 42; }],
      ['event_action', (b) => delete b.event_action],
      ['event_action', (b) => { b.event_action = 'create'; }],
      ['payload', (b) => delete b.payload],
      ['payload', (b) => { b.payload = 'text'; }],
      ['payload.summary', (b) => delete b.payload.summary],
      ['payload.summary', (b) => { b.payload.summary = '   '; }],
      ['payload.source', (b) => delete b.payload.source],
      ['payload.severity', (b) => delete b.payload.severity],
      ['payload.severity', (b) => { b.payload.severity = 'high'; }],
      ['dedup_key', (b) => { b.dedup_key = 'k'.repeat(256); }],
      ['dedup_key', (b) => { b.dedup_key = 12; }],
    ];
    for (const [field, mutate] of cases) {
      const b = trigger();
      mutate(b);
      assert.deepEqual(fields(parsePagerDutyEvent(b, ctx)), [field], `${field} after ${mutate}`);
    }
    const all = fields(parsePagerDutyEvent({ payload: {} }, ctx));
    assert.deepEqual(all, ['routing_key', 'event_action']);
    for (const b of [null, 42, 'x', [], true]) assert.deepEqual(fields(parsePagerDutyEvent(b, ctx)), ['body']);
    assert.deepEqual(fields(parsePagerDutyChange({ routing_key: 'k', payload: { source: 's' } }, ctx)), ['payload.summary']);
    assert.deepEqual(fields(parsePagerDutyChange({ payload: { summary: 's' } }, ctx)), ['routing_key']);
  });
  it('dedup_key: optional on trigger, ≤ 255 code points, required to acknowledge or resolve', () => {
    const b = trigger();
    delete b.dedup_key;
    assert.equal(alert(parsePagerDutyEvent(b, ctx)).dedupKey, null);
    b.dedup_key = '決'.repeat(255);
    assert.equal(alert(parsePagerDutyEvent(b, ctx)).dedupKey, b.dedup_key);
    for (const action of ['acknowledge', 'resolve']) {
      const r = parsePagerDutyEvent({ routing_key: 'k', event_action: action, payload: { summary: 'x' } }, ctx);
      assert.deepEqual(fields(r), ['dedup_key']);
    }
    const resolve = { routing_key: 'k', event_action: 'resolve', dedup_key: 'a', payload: 'anything', links: 5 };
    assert.equal(alert(parsePagerDutyEvent(resolve, ctx)).action, 'resolve', 'a payload on resolve is ignored');
  });
  it('reads payload.timestamp leniently and falls back to the receive time', () => {
    const at = (timestamp: unknown) => {
      const b = trigger();
      b.payload.timestamp = timestamp;
      return alert(parsePagerDutyEvent(b, ctx)).occurredAt;
    };
    assert.equal(at('2015-07-17T08:42:58.315+0000'), '2015-07-17T08:42:58.315Z');
    assert.equal(at('2024-05-01T21:00:00+09:00'), '2024-05-01T12:00:00.000Z');
    assert.equal(at('2024-05-01T12:00:00.123456789Z'), '2024-05-01T12:00:00.123Z');
    for (const bad of ['yesterday', 1700000000, null, '0001-01-01T00:00:00Z', undefined]) assert.equal(at(bad), ctx.receivedAt);
  });
  it('truncates summaries to 1024 code points with "…", Japanese and emoji included', () => {
    for (const unit of ['x', '決', '🔥']) {
      const b = trigger();
      b.payload.summary = unit.repeat(5000);
      const s = alert(parsePagerDutyEvent(b, ctx)).summary;
      assert.equal(codePoints(s), 1024);
      assert.ok(s.endsWith(`${unit}…`));
      b.payload.summary = unit.repeat(1024);
      assert.equal(alert(parsePagerDutyEvent(b, ctx)).summary, b.payload.summary);
    }
  });
  it('keeps any custom_details, drops malformed links and non-http client_url', () => {
    const details = (v: unknown) => {
      const b = trigger();
      b.payload.custom_details = v;
      return alert(parsePagerDutyEvent(b, ctx)).details;
    };
    assert.deepEqual(details('disk full'), { details: 'disk full' });
    assert.deepEqual(details([1, 2]), { details: [1, 2] });
    assert.deepEqual(details(null), {});
    const b = trigger();
    b.links = [{ href: 'javascript:alert(1)' }, 'x', { text: 'no href' }, { href: 'https://ok.example/', text: '' }, null];
    b.client_url = 'javascript:alert(1)';
    const e = alert(parsePagerDutyEvent(b, ctx));
    assert.deepEqual(e.links, [{ href: 'https://ok.example/' }]);
    assert.equal(e.clientUrl, null);
  });
});
