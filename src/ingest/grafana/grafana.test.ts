import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { labelsFingerprint } from '../alertmanager/fingerprint.js';
import { parseAlertmanagerWebhook } from '../alertmanager/parse.js';
import { parserProperties } from '../alertmanager/parser-properties.test.js';
import type { AlertEvent, ParseResult } from '../event.js';
import { derivedGroupKey, grafanaParser, parseGrafanaWebhook } from './parse.js';

const ctx = { receivedAt: '2024-05-01T12:05:00.000Z' };
const read = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
/** interop.md TV-8: grafana/alerting's webhook unit-test expectation, copied verbatim. */
const UNIT_TEST = read('unit-test.json');
/** interop.md §3.3 (TV-8): the example from Grafana's docs, copied verbatim. */
const DOCS_EXAMPLE = read('docs-example.json');
const unitTest = (): any => JSON.parse(UNIT_TEST);
const docsExample = (): any => JSON.parse(DOCS_EXAMPLE);
const SILENCE = 'http://localhost/alerting/silence/new?alertmanager=grafana&matcher=alertname%3Dalert1&matcher=lbl1%3Dval1&orgId=1';

function events(r: ParseResult): AlertEvent[] {
  assert.ok(r.ok && r.events.every((e) => e.kind === 'alert'), JSON.stringify(r));
  return r.events as AlertEvent[];
}
function fields(r: ParseResult): string[] {
  assert.ok(!r.ok, 'expected errors');
  return r.errors.map((e) => e.field);
}

describe('Grafana Alerting webhook', () => {
  it("maps grafana/alerting's unit-test payload (TV-8), values null and an empty group label included", () => {
    const r = parseGrafanaWebhook(unitTest(), ctx);
    assert.deepEqual(events(r), [
      {
        kind: 'alert',
        action: 'trigger',
        dedupKey: 'fac0861a85de433a',
        summary: 'alert1',
        source: null,
        severity: 'warning',
        component: null,
        group: null,
        class: 'alert1',
        labels: { alertname: 'alert1', lbl1: 'val1' },
        details: {
          annotations: { ann1: 'annv1' },
          generatorURL: 'http://localhost/test?orgId=1',
          startsAt: '0001-01-01T00:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          groupLabels: { alertname: '' },
          externalURL: 'http://localhost',
          valueString: '',
          values: null,
          dashboardURL: '',
          panelURL: '',
          silenceURL: SILENCE,
          imageURL: null,
          ruleUID: null,
        },
        links: [
          { href: 'http://localhost/test?orgId=1', text: 'Source' },
          { href: SILENCE, text: 'Silence' },
          { href: 'http://localhost', text: 'Grafana' },
        ],
        occurredAt: ctx.receivedAt,
        client: 'Grafana',
        clientUrl: 'http://localhost',
      },
    ]);
    assert.ok(r.ok);
    assert.deepEqual(r.group, { key: 'alertname', members: ['fac0861a85de433a'], status: 'firing', truncated: 0 });
    assert.equal(labelsFingerprint(unitTest().alerts[0].labels), 'fac0861a85de433a');
    assert.equal(grafanaParser.format, 'grafana');
  });

  it("maps the docs example (§3.3), keeping the sender's fingerprints", () => {
    const r = parseGrafanaWebhook(docsExample(), ctx);
    const [memory, cpu] = events(r);
    // The docs' fingerprints are not those of the labels shown (the example was edited by hand):
    // the sender's fingerprint is the identity, so it is used as sent.
    assert.deepEqual([memory?.dedupKey, cpu?.dedupKey], ['c6eadffa33fcdf37', 'bc97ff14869b13e3']);
    assert.deepEqual([memory?.summary, cpu?.summary], ['This alert was triggered for zone us-1', 'This alert was triggered for zone eu-1']);
    assert.deepEqual([memory?.occurredAt, cpu?.occurredAt], ['2021-10-12T07:51:03.157Z', '2021-10-12T07:56:03.157Z']);
    assert.deepEqual(memory?.details.values, { B: 44.23943737541908, C: 1 });
    assert.deepEqual(memory?.links.map((l) => l.text), ['Source', 'Silence', 'Runbook', 'Grafana'], 'empty dashboard and panel URLs are no links');
    assert.equal(memory?.links[2]?.href, 'https://myrunbook.com/runbook/1234');
    assert.ok(r.ok);
    assert.deepEqual(r.group, { key: '{}:{}', members: ['c6eadffa33fcdf37', 'bc97ff14869b13e3'], status: 'firing', truncated: 0 });
  });

  it('links the dashboard and panel, and groups by folder', () => {
    const body = unitTest();
    Object.assign(body.alerts[0], { dashboardURL: 'http://localhost/d/abc', panelURL: 'http://localhost/d/abc?viewPanel=2' });
    body.alerts[0].labels.grafana_folder = 'Databases';
    const [e] = events(parseGrafanaWebhook(body, ctx));
    assert.deepEqual(e?.links.map((l) => l.text), ['Source', 'Dashboard', 'Panel', 'Silence', 'Grafana']);
    assert.equal(e?.group, 'Databases');
  });

  it('takes the summary from the summary annotation, then the alert name, then the title', () => {
    const body = docsExample();
    delete body.alerts[0].annotations.summary;
    body.alerts[1].labels = { team: 'blue' };
    body.alerts[1].annotations = { description: 'not a summary' };
    const summaries = events(parseGrafanaWebhook(body, ctx)).map((e) => e.summary);
    assert.deepEqual(summaries, ['High memory usage', '[FIRING:2]  (blue)']);
    body.title = '';
    assert.equal(events(parseGrafanaWebhook(body, ctx))[1]?.summary, 'Grafana alert bc97ff14869b13e3');
  });

  it('resolves the group its firing notification opened (edge-cases.md #34)', () => {
    const resolved = unitTest();
    Object.assign(resolved, { status: 'resolved', state: 'ok' });
    Object.assign(resolved.alerts[0], { status: 'resolved', endsAt: '2024-05-01T12:04:00Z' });
    const r = parseGrafanaWebhook(resolved, ctx);
    assert.deepEqual(events(r).map((e) => [e.action, e.dedupKey, e.occurredAt]), [['resolve', 'fac0861a85de433a', '2024-05-01T12:04:00.000Z']]);
    const firing = parseGrafanaWebhook(unitTest(), ctx);
    assert.ok(r.ok && firing.ok);
    assert.deepEqual(r.group, { ...firing.group, status: 'resolved' });
  });

  it('derives a stable group key from the group labels when Grafana sends none', () => {
    const firing = docsExample();
    delete firing.groupKey;
    firing.groupLabels = { team: 'blue', alertname: 'High memory usage' };
    const resolved = structuredClone(firing);
    resolved.status = 'resolved';
    resolved.groupLabels = { alertname: 'High memory usage', team: 'blue' };
    for (const a of resolved.alerts) Object.assign(a, { status: 'resolved', endsAt: '2021-10-12T10:00:00Z' });
    const [f, r] = [parseGrafanaWebhook(firing, ctx), parseGrafanaWebhook({ ...resolved, groupKey: '' }, ctx)];
    assert.ok(f.ok && r.ok);
    assert.equal(f.group?.key, 'grafana:[["alertname","High memory usage"],["team","blue"]]');
    assert.deepEqual([r.group?.key, r.group?.status], [f.group?.key, 'resolved']);
    assert.equal(derivedGroupKey({}), 'grafana:[]');
  });

  it('names the fields that are wrong, and tells an Alertmanager payload apart', () => {
    const am = parseGrafanaWebhook({ ...docsExample(), version: '4' }, ctx);
    assert.deepEqual(fields(am), ['version']);
    assert.ok(!am.ok && am.errors[0]?.message.includes('alertmanager integration'));
    const grafanaToAm = parseAlertmanagerWebhook(docsExample(), ctx);
    assert.ok(!grafanaToAm.ok && grafanaToAm.errors[0]?.message.includes('grafana integration'));
    assert.deepEqual(fields(parseGrafanaWebhook('{}', ctx)), ['body']);
    const body = docsExample();
    body.groupKey = 7;
    body.alerts[1].status = 'alerting';
    assert.deepEqual(fields(parseGrafanaWebhook(body, ctx)), ['groupKey', 'alerts.1.status']);
  });

  describe('properties', () => parserProperties(parseGrafanaWebhook, docsExample));
});
