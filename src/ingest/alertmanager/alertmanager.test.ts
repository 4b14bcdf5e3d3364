import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { AlertEvent, ParseResult } from '../event.js';
import { labelsFingerprint } from './fingerprint.js';
import { alertmanagerParser, parseAlertmanagerWebhook } from './parse.js';
import { parserProperties } from './parser-properties.test.js';

const ctx = { receivedAt: '2024-05-01T12:05:00.000Z' };

/** interop.md §2.4 (TV-7), copied verbatim into testdata/. */
const EXAMPLE = readFileSync(new URL('./testdata/example-v4.json', import.meta.url), 'utf8');
const example = (): any => JSON.parse(EXAMPLE);
const GENERATOR = 'http://prometheus:9090/graph?g0.expr=histogram_quantile%280.99%2C...%29+%3E+2&g0.tab=1';

function events(r: ParseResult): AlertEvent[] {
  assert.ok(r.ok && r.events.every((e) => e.kind === 'alert'), JSON.stringify(r));
  return r.events as AlertEvent[];
}
function fields(r: ParseResult): string[] {
  assert.ok(!r.ok, 'expected errors');
  return r.errors.map((e) => e.field);
}
/** Mark one alert resolved at `endsAt`, as Alertmanager sends it. */
function resolve(alert: Record<string, unknown>, endsAt: string) {
  Object.assign(alert, { status: 'resolved', endsAt });
}

describe('Alertmanager webhook v4', () => {
  it('maps the interop.md §2.4 example to two triggers and a firing group', () => {
    const r = parseAlertmanagerWebhook(example(), ctx);
    const [first, second] = events(r);
    assert.deepEqual(first, {
      kind: 'alert',
      action: 'trigger',
      dedupKey: '04d9116c18976b10',
      summary: 'p99 latency above 2s',
      source: 'api-1:8080',
      severity: 'critical',
      component: 'checkout',
      group: null,
      class: 'HighLatency',
      labels: { alertname: 'HighLatency', instance: 'api-1:8080', service: 'checkout', severity: 'critical' },
      details: {
        annotations: { summary: 'p99 latency above 2s' },
        generatorURL: GENERATOR,
        startsAt: '2024-05-01T12:00:00.123456789Z',
        endsAt: '0001-01-01T00:00:00Z',
        groupLabels: { alertname: 'HighLatency' },
        externalURL: 'http://alertmanager.example:9093',
      },
      links: [{ href: GENERATOR, text: 'Source' }, { href: 'http://alertmanager.example:9093', text: 'Alertmanager' }],
      occurredAt: '2024-05-01T12:00:00.123Z',
      client: 'Alertmanager',
      clientUrl: 'http://alertmanager.example:9093',
    });
    assert.equal(second?.dedupKey, 'f48fac529eaee5d3');
    assert.equal(second?.occurredAt, '2024-05-01T12:00:30.000Z');
    assert.ok(r.ok);
    assert.deepEqual(r.group, { key: '{}:{alertname="HighLatency"}', members: ['04d9116c18976b10', 'f48fac529eaee5d3'], status: 'firing', truncated: 0 });
    assert.equal(alertmanagerParser.format, 'alertmanager');
    assert.deepEqual(alertmanagerParser.parse(example(), ctx), r, 'the same on repeat: a notification is a snapshot');
  });

  it('resolves one alert of two: one trigger, one resolve, the group still fires', () => {
    const body = example();
    resolve(body.alerts[0], '2024-05-01T12:10:00Z');
    const r = parseAlertmanagerWebhook(body, ctx);
    assert.deepEqual(events(r).map((e) => [e.action, e.dedupKey, e.occurredAt]), [
      ['resolve', '04d9116c18976b10', '2024-05-01T12:10:00.000Z'],
      ['trigger', 'f48fac529eaee5d3', '2024-05-01T12:00:30.000Z'],
    ]);
    assert.ok(r.ok);
    assert.equal(r.group?.status, 'firing');
    assert.deepEqual(r.group?.members, ['04d9116c18976b10', 'f48fac529eaee5d3']);
  });

  it('resolves the group when every alert resolved', () => {
    const body = example();
    body.status = 'resolved';
    for (const a of body.alerts) resolve(a, '2024-05-01T12:10:00Z');
    const r = parseAlertmanagerWebhook(body, ctx);
    assert.deepEqual(events(r).map((e) => e.action), ['resolve', 'resolve']);
    assert.ok(r.ok);
    assert.equal(r.group?.status, 'resolved');
  });

  it('keeps a group firing when alerts were dropped (max_alerts) and the sender says it fires', () => {
    const body = example();
    for (const a of body.alerts) resolve(a, '2024-05-01T12:10:00Z');
    body.truncatedAlerts = 3;
    const firing = parseAlertmanagerWebhook(body, ctx);
    assert.ok(firing.ok);
    assert.deepEqual([firing.group?.status, firing.group?.truncated], ['firing', 3]);
    body.status = 'resolved';
    const resolved = parseAlertmanagerWebhook(body, ctx);
    assert.ok(resolved.ok);
    assert.equal(resolved.group?.status, 'resolved');
  });

  it("reads Alertmanager's own unit-test payload (TV-7) and computes a missing fingerprint", () => {
    const alert = { status: 'resolved', labels: { alertname: 'TestAlert' }, annotations: { summary: 'Test summary' } };
    const times = { startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-01-01T01:00:00Z', generatorURL: 'http://generator.url' };
    const envelope = { receiver: 'test_receiver', status: 'resolved', groupLabels: {}, commonLabels: {}, commonAnnotations: {} };
    const body = { ...envelope, alerts: [{ ...alert, ...times }], externalURL: '', version: '4', groupKey: '{}:{alertname="test1"}' };
    const [e] = events(parseAlertmanagerWebhook(body, ctx));
    assert.equal(e?.dedupKey, 'dab43189276e5f48');
    assert.equal(e?.action, 'resolve');
    assert.equal(e?.occurredAt, '2020-01-01T01:00:00.000Z');
    assert.deepEqual(e?.links, [{ href: 'http://generator.url', text: 'Source' }]);
    assert.equal(e?.clientUrl, null, 'an empty externalURL is no link');
  });

  it('computes the fingerprint when the one sent is malformed', () => {
    const body = example();
    body.alerts[0].fingerprint = 'NOT-A-FINGERPRINT';
    body.alerts[1].fingerprint = 1234;
    assert.deepEqual(events(parseAlertmanagerWebhook(body, ctx)).map((e) => e.dedupKey), ['04d9116c18976b10', 'f48fac529eaee5d3']);
  });

  it('falls back from summary to description to alertname and instance', () => {
    const body = example();
    const [a, b] = body.alerts;
    a.annotations = { description: 'latency is high', summary: '  ' };
    b.annotations = {};
    const third = { status: 'firing', labels: { alertname: 'Down', job: 'node' } };
    const fourth = { status: 'firing', labels: { team: 'db' } };
    const fifth = { status: 'firing', labels: { alertname: 'Long' }, annotations: { summary: '決'.repeat(3000) } };
    body.alerts.push(third, fourth, fifth);
    const summaries = events(parseAlertmanagerWebhook(body, ctx)).map((e) => e.summary);
    assert.deepEqual(summaries.slice(0, 4), ['latency is high', 'HighLatency on api-2:8080', 'Down', `alert ${labelsFingerprint({ team: 'db' })}`]);
    assert.equal([...(summaries[4] ?? '')].length, 1024);
    assert.ok(summaries[4]?.endsWith('…'));
  });

  it('maps severity, source, group and component from labels, and unset times to the receive time', () => {
    const body = example();
    body.alerts = [
      { status: 'firing', labels: { alertname: 'Down', job: 'node', severity: 'page', component: 'disk' }, startsAt: '0001-01-01T00:00:00Z' },
      { status: 'resolved', labels: { alertname: 'Up', severity: 'banana' }, endsAt: '0001-01-01T00:00:00Z' },
    ];
    const [down, up] = events(parseAlertmanagerWebhook(body, ctx));
    assert.deepEqual([down?.severity, down?.source, down?.group, down?.component, down?.class], ['critical', 'node', 'node', 'disk', 'Down']);
    assert.deepEqual([up?.severity, up?.source, up?.group, up?.component], ['warning', null, null, null]);
    assert.equal(down?.occurredAt, ctx.receivedAt);
    assert.equal(up?.occurredAt, ctx.receivedAt);
  });

  it('links only http(s) URLs, and a runbook annotation', () => {
    const body = example();
    body.externalURL = 'javascript:alert(1)';
    body.alerts[0].generatorURL = 'ftp://prometheus/graph';
    body.alerts[0].annotations.runbook_url = 'https://runbooks.example/latency';
    const [e] = events(parseAlertmanagerWebhook(body, ctx));
    assert.deepEqual(e?.links, [{ href: 'https://runbooks.example/latency', text: 'Runbook' }]);
    assert.equal(e?.clientUrl, null);
  });

  it('keeps the last of two alerts with the same fingerprint', () => {
    const body = example();
    const again = structuredClone(body.alerts[0]);
    resolve(again, '2024-05-01T12:10:00Z');
    body.alerts.push(again);
    const r = parseAlertmanagerWebhook(body, ctx);
    const actions = [['f48fac529eaee5d3', 'trigger'], ['04d9116c18976b10', 'resolve']];
    assert.deepEqual(events(r).map((e) => [e.dedupKey, e.action]), actions);
    assert.ok(r.ok);
    assert.deepEqual(r.group?.members, ['f48fac529eaee5d3', '04d9116c18976b10']);
  });

  it('accepts an empty alert list and unknown keys', () => {
    const r = parseAlertmanagerWebhook({ ...example(), alerts: [], newerField: { x: 1 } }, ctx);
    assert.ok(r.ok);
    assert.deepEqual(r.events, []);
    assert.deepEqual(r.group, { key: '{}:{alertname="HighLatency"}', members: [], status: 'resolved', truncated: 0 });
  });

  it('names the fields that are wrong', () => {
    assert.deepEqual(fields(parseAlertmanagerWebhook(null, ctx)), ['body']);
    assert.deepEqual(fields(parseAlertmanagerWebhook([example()], ctx)), ['body']);
    assert.deepEqual(fields(parseAlertmanagerWebhook({ ...example(), version: '1' }, ctx)), ['version']);
    assert.deepEqual(fields(parseAlertmanagerWebhook({ ...example(), groupKey: undefined }, ctx)), ['groupKey']);
    assert.deepEqual(fields(parseAlertmanagerWebhook({ ...example(), groupKey: '' }, ctx)), ['groupKey']);
    assert.deepEqual(fields(parseAlertmanagerWebhook({ ...example(), alerts: {} }, ctx)), ['alerts']);
    const body = example();
    body.version = 4;
    body.alerts.push('oops', { status: 'pending', labels: [] });
    body.alerts[1].labels = null;
    assert.deepEqual(fields(parseAlertmanagerWebhook(body, ctx)), ['version', 'alerts.1.labels', 'alerts.2', 'alerts.3.status', 'alerts.3.labels']);
  });

  it('lists at most 20 errors for a large bad payload', () => {
    const r = parseAlertmanagerWebhook({ ...example(), alerts: Array.from({ length: 1000 }, () => ({})) }, ctx);
    assert.equal(fields(r).length, 20);
    assert.deepEqual(fields(r).slice(0, 2), ['alerts.0.status', 'alerts.0.labels']);
  });

  describe('properties', () => parserProperties(parseAlertmanagerWebhook, example));
});
