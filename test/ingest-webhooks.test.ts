import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

type Status = 'firing' | 'resolved';
const amAlert = (name: string, instance: string, status: Status) => ({
  status,
  labels: { alertname: name, instance, severity: 'critical' },
  annotations: { summary: `${name} on ${instance}` },
  startsAt: '2026-11-22T08:00:00Z',
  endsAt: status === 'resolved' ? '2026-11-22T09:00:00Z' : '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus:9090/graph',
  fingerprint: createHash('sha256').update(`${name}/${instance}`).digest('hex').slice(0, 16),
});
const notification = (groupKey: string, alerts: ReturnType<typeof amAlert>[], truncatedAlerts = 0) => ({
  version: '4',
  groupKey,
  truncatedAlerts,
  status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
  receiver: 'hikeshi',
  groupLabels: { alertname: alerts[0]?.labels.alertname ?? 'x' },
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  alerts,
});

describe(`Alertmanager, Grafana, generic and Opsgenie intake (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let serviceId: string;
  const keys: Record<string, string> = {};
  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    serviceId = (await a.post('/api/v1/services', { name: 'web' })).body.id;
    for (const type of ['alertmanager', 'grafana', 'generic', 'opsgenie']) {
      keys[type] = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type, name: type })).body.key;
    }
  });
  after(() => ts.close());
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => api(ts.server.app).raw('POST', path, body, headers);
  const alerts = async () => (await a.get(`/api/v1/alerts?serviceId=${serviceId}&limit=200`)).body.items;

  it('an Alertmanager group shares one incident; repeats change nothing; it resolves only when every member resolved', async () => {
    const url = `/api/v1/integrations/${keys.alertmanager}/alertmanager`;
    const gk = '{}:{alertname="HighLatency"}';
    const x = amAlert('HighLatency', 'web-1', 'firing');
    const y = amAlert('HighLatency', 'web-2', 'firing');
    let r = await post(url, notification(gk, [x, y]));
    assert.equal(r.status, 202, JSON.stringify(r.body));
    assert.deepEqual(r.body.events.map((e: { outcome: string }) => e.outcome), ['created', 'created']);
    const incidentId = r.body.events[0].incidentId;
    assert.equal(r.body.events[1].incidentId, incidentId);
    assert.equal((await a.get(`/api/v1/incidents/${incidentId}`)).body.alertCount, 2);
    const second = (await alerts()).find((al: { dedupKey: string }) => al.dedupKey === y.fingerprint);
    assert.equal(second.reason.grouping.rule, 'alertmanager_group');
    // The same notification again: nothing new.
    r = await post(url, notification(gk, [x, y]));
    assert.deepEqual(r.body.events.map((e: { outcome: string }) => e.outcome), ['unchanged', 'unchanged']);
    assert.equal((await alerts()).length, 2);
    // Partial resolve: one member resolves, the incident stays open.
    r = await post(url, notification(gk, [{ ...x, status: 'resolved' }, y]));
    assert.deepEqual(r.body.events.map((e: { outcome: string }) => e.outcome), ['resolved', 'unchanged']);
    assert.equal((await a.get(`/api/v1/incidents/${incidentId}`)).body.status, 'triggered');
    const tl = (await a.get(`/api/v1/incidents/${incidentId}/timeline`)).body.items.map((e: { action: string }) => e.action);
    assert.ok(tl.includes('alert.resolved'));
    // Last member resolves → the incident resolves.
    r = await post(url, notification(gk, [{ ...y, status: 'resolved' }]));
    assert.equal((await a.get(`/api/v1/incidents/${incidentId}`)).body.status, 'resolved');
    assert.ok((await alerts()).every((al: { status: string }) => al.status === 'resolved'));
  });

  it('with send_resolved: false, a member missing from a complete notification has resolved', async () => {
    const url = `/api/v1/integrations/${keys.alertmanager}/alertmanager`;
    const gk = '{}:{alertname="DiskFull"}';
    const x = amAlert('DiskFull', 'db-1', 'firing');
    const y = amAlert('DiskFull', 'db-2', 'firing');
    const first = await post(url, notification(gk, [x, y]));
    const r = await post(url, notification(gk, [y]));
    assert.deepEqual(r.body.events.map((e: { outcome: string }) => e.outcome), ['unchanged', 'resolved']);
    // A truncated notification leaves absent members alone.
    const z = amAlert('DiskFull', 'db-3', 'firing');
    const t = await post(url, notification(gk, [z], 1));
    assert.deepEqual(t.body.events.map((e: { outcome: string }) => e.outcome), ['created']);
    assert.equal(t.body.events[0].incidentId, first.body.events[0].incidentId);
  });

  it('Grafana notifications work the same way', async () => {
    const url = `/api/v1/integrations/${keys.grafana}/grafana`;
    const body = { ...notification('{}/{__grafana_autogenerated__="true"}:{alertname="CPU"}', [amAlert('CPU', 'api-1', 'firing')]), version: '1', title: '[FIRING:1] CPU', state: 'alerting', message: 'x', orgId: 1 };
    const r = await post(url, body);
    assert.equal(r.status, 202, JSON.stringify(r.body));
    assert.equal(r.body.events[0].outcome, 'created');
  });

  it('generic events: trigger with a generated key, resolve, and change events', async () => {
    const url = `/api/v1/integrations/${keys.generic}/events`;
    let r = await post(url, { summary: 'バッチ処理が失敗しました', severity: 'error' });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    const key = r.body.events[0].dedupKey;
    assert.ok(key);
    r = await post(url, { action: 'resolve', dedupKey: key });
    assert.equal(r.body.events[0].outcome, 'resolved');
    r = await post(url, { type: 'change', summary: 'deploy v1.2.3' });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    assert.equal((await a.get(`/api/v1/changes?serviceId=${serviceId}`)).body.items[0].summary, 'deploy v1.2.3');
    r = await post(url, { summary: 'x', dedup_key: 'typo' });
    assert.equal(r.status, 400);
    assert.match(JSON.stringify(r.body), /dedup_key/);
  });

  it('keys: an unknown key or a key of another type is a 400 naming the key', async () => {
    let r = await post(`/api/v1/integrations/${keys.grafana}/alertmanager`, notification('{}:{}', [amAlert('A', 'b', 'firing')]));
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /grafana integration/);
    r = await post(`/api/v1/integrations/${'z'.repeat(32)}/events`, { summary: 'x' });
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /z{32}/);
  });

  it('Opsgenie: create, acknowledge and close by alias with GenieKey; 202 {result, took, requestId}', async () => {
    const h = { authorization: `GenieKey ${keys.opsgenie}` };
    let r = await post('/v2/alerts', { message: 'Queue backlog', alias: 'queue-backlog', priority: 'P2' }, h);
    assert.equal(r.status, 202, JSON.stringify(r.body));
    assert.equal(r.body.result, 'Request will be processed');
    assert.equal(typeof r.body.took, 'number');
    assert.equal(r.body.requestId, r.headers['x-request-id']);
    const alert = (await alerts()).find((al: { dedupKey: string }) => al.dedupKey === 'queue-backlog');
    assert.equal(alert.severity, 'error');
    r = await post('/v2/alerts/queue-backlog/acknowledge?identifierType=alias', {}, h);
    assert.equal(r.status, 202);
    assert.equal((await a.get(`/api/v1/incidents/${alert.incidentId}`)).body.status, 'acknowledged');
    r = await post('/v2/alerts/queue-backlog/close?identifierType=alias', { note: 'fixed' }, h);
    assert.equal(r.status, 202);
    assert.equal((await a.get(`/api/v1/incidents/${alert.incidentId}`)).body.status, 'resolved');
    r = await post('/v2/alerts/unknown-alias/close?identifierType=alias', {}, h);
    assert.equal(r.status, 202);
    r = await post('/v2/alerts', { alias: 'x' }, h);
    assert.equal(r.status, 422);
    assert.ok(r.body.errors.message);
    r = await post('/v2/alerts', { message: 'x' }, { authorization: `GenieKey ${keys.generic}` });
    assert.equal(r.status, 400);
    r = await post('/v2/alerts', { message: 'x' });
    assert.equal(r.status, 401);
  });
});
