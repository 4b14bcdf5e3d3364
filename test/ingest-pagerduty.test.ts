import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FakeClock } from '../src/platform/clock.js';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

const trigger = (routing_key: string, dedup_key?: string, summary = 'CPU high on web-1', severity = 'critical') => ({
  routing_key,
  event_action: 'trigger',
  ...(dedup_key ? { dedup_key } : {}),
  payload: { summary, source: 'web-1', severity },
});
const act = (routing_key: string, event_action: 'acknowledge' | 'resolve', dedup_key: string) => ({ routing_key, event_action, dedup_key });

describe(`PagerDuty Events v2 /v2/enqueue (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let serviceId: string;
  let key: string;
  const clock = new FakeClock('2026-11-22T09:00:00Z');
  before(async () => {
    ts = await startTestServer({ clock });
    a = api(ts.server.app, ts.token);
    serviceId = (await a.post('/api/v1/services', { name: 'payments' })).body.id;
    key = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'pagerduty', name: 'Prometheus' })).body.key;
  });
  after(() => ts.close());
  const enqueue = (body: unknown) => api(ts.server.app).raw('POST', '/v2/enqueue', body);
  const alertsOf = async (dedupKey: string) => (await a.get(`/api/v1/alerts?serviceId=${serviceId}&limit=200`)).body.items.filter((x: { dedupKey: string }) => x.dedupKey === dedupKey);

  it('a trigger answers 202 with the dedup key, and the alert and its incident are readable at once', async () => {
    const r = await enqueue(trigger(key, 'disk/web-1', 'Disk full on web-1', 'error'));
    assert.equal(r.status, 202);
    assert.deepEqual(r.body, { status: 'success', message: 'Event processed', dedup_key: 'disk/web-1' });
    const [alert] = await alertsOf('disk/web-1');
    assert.equal(alert.status, 'triggered');
    assert.equal(alert.eventCount, 1);
    assert.equal(alert.severity, 'error');
    assert.ok(alert.incidentId);
    const inc = (await a.get(`/api/v1/incidents/${alert.incidentId}`)).body;
    assert.equal(inc.title, 'Disk full on web-1');
    assert.equal(inc.status, 'triggered');
    assert.equal(inc.severity, 'SEV3');
    assert.equal(inc.urgency, 2);
    assert.equal(inc.alertCount, 1);
    assert.equal(inc.serviceId, serviceId);
    const tl = (await a.get(`/api/v1/incidents/${alert.incidentId}/timeline`)).body.items;
    assert.equal(tl[0].action, 'incident.declared');
    assert.equal(tl[0].actor.type, 'integration');
    assert.equal(tl[0].actor.name, 'Prometheus');
  });

  it('a trigger without dedup_key gets a generated key, returned in the answer', async () => {
    const r = await enqueue(trigger(key));
    assert.equal(r.status, 202);
    assert.match(r.body.dedup_key, /^[0-9a-f-]{36}$/);
    assert.equal((await alertsOf(r.body.dedup_key)).length, 1);
  });

  it('repeated triggers dedup into the open alert; acknowledge and resolve follow PagerDuty; a later trigger starts a new alert and incident', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await enqueue(trigger(key, 'cpu/web-1'))).status, 202);
    let [alert] = await alertsOf('cpu/web-1');
    assert.equal(alert.eventCount, 3);
    const first = alert.incidentId;
    assert.equal((await enqueue(act(key, 'acknowledge', 'cpu/web-1'))).status, 202);
    [alert] = await alertsOf('cpu/web-1');
    assert.equal(alert.status, 'acknowledged');
    assert.equal((await a.get(`/api/v1/incidents/${first}`)).body.status, 'acknowledged');
    assert.equal((await enqueue(act(key, 'resolve', 'cpu/web-1'))).status, 202);
    [alert] = await alertsOf('cpu/web-1');
    assert.equal(alert.status, 'resolved');
    assert.equal((await a.get(`/api/v1/incidents/${first}`)).body.status, 'resolved');
    // After the alert resolved, the same key starts a new alert in a new incident.
    assert.equal((await enqueue(trigger(key, 'cpu/web-1'))).status, 202);
    const both = await alertsOf('cpu/web-1');
    assert.equal(both.length, 2);
    const fresh = both.find((x: { status: string }) => x.status === 'triggered');
    assert.notEqual(fresh.incidentId, first, 'a resolved incident never absorbs new alerts');
  });

  it("lists an alert's events as received, oldest first, with what each did", async () => {
    const [alert] = (await alertsOf('cpu/web-1')).filter((x: { status: string }) => x.status === 'resolved');
    const r = await a.get(`/api/v1/alerts/${alert.id}/events?limit=2`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.items.map((e: { outcome: string }) => e.outcome), ['created', 'appended']);
    assert.equal(r.body.items[0].event.summary, 'CPU high on web-1');
    const rest = await a.get(`/api/v1/alerts/${alert.id}/events?cursor=${r.body.nextCursor}`);
    assert.deepEqual(rest.body.items.map((e: { outcome: string }) => e.outcome), ['appended', 'acknowledged', 'resolved']);
    assert.equal(rest.body.nextCursor, null);
  });

  it('acknowledge or resolve of an unknown key is a silent 202 that changes nothing', async () => {
    const before = (await a.get('/api/v1/alerts?limit=200')).body.items.length;
    for (const action of ['acknowledge', 'resolve'] as const) {
      const r = await enqueue(act(key, action, 'never-seen'));
      assert.equal(r.status, 202);
      assert.equal(r.body.dedup_key, 'never-seen');
    }
    assert.equal((await a.get('/api/v1/alerts?limit=200')).body.items.length, before);
  });

  it('resolving an incident by hand resolves its alerts, so the next trigger opens a new incident', async () => {
    await enqueue(trigger(key, 'mem/web-2'));
    const [alert] = await alertsOf('mem/web-2');
    assert.equal((await a.post(`/api/v1/incidents/${alert.incidentId}/resolve`, {})).status, 200);
    const [after] = await alertsOf('mem/web-2');
    assert.equal(after.status, 'resolved');
    await enqueue(trigger(key, 'mem/web-2'));
    const open = (await alertsOf('mem/web-2')).find((x: { status: string }) => x.status === 'triggered');
    assert.notEqual(open.incidentId, alert.incidentId);
  });

  it('unknown keys and keys of another type are a 400 naming the key; bad events are 400 in PagerDuty shape', async () => {
    const other = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'opsgenie', name: 'og' })).body.key;
    let r = await enqueue(trigger('a'.repeat(32)));
    assert.equal(r.status, 400);
    assert.equal(r.body.status, 'invalid event');
    assert.match(r.body.errors.join(' '), /a{32}/);
    r = await enqueue(trigger(other));
    assert.equal(r.status, 400);
    assert.match(r.body.errors.join(' '), /opsgenie/);
    r = await enqueue({ routing_key: key, event_action: 'trigger', payload: { summary: 'x', source: 's', severity: 'fatal' } });
    assert.equal(r.status, 400);
    assert.match(r.body.errors.join(' '), /severity/);
    r = await api(ts.server.app).raw('POST', '/v2/enqueue', '{"routing_key":', { 'content-type': 'application/json' });
    assert.equal(r.status, 400);
    r = await enqueue({ ...trigger(key), payload: { summary: 'x', source: 's', severity: 'info', custom_details: { blob: 'x'.repeat(600_000) } } });
    assert.equal(r.status, 413);
  });

  it('an integration over its rate limit gets 429 with Retry-After, and nothing of the refused event is stored', async () => {
    const svc = (await a.post('/api/v1/services', { name: 'noisy' })).body.id;
    const created = await a.post(`/api/v1/services/${svc}/integrations`, { type: 'pagerduty', name: 'storm', rateLimitPerSecond: 20 });
    assert.equal(created.body.rateLimitPerSecond, 20);
    const k = created.body.key;
    // The first request learns the integration's own limit (the default, 2,000/s, applies until then).
    assert.equal((await enqueue(trigger(k, 'storm-first'))).status, 202);
    clock.advance(1000);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await enqueue(trigger(k, `storm-${i}`));
      statuses.push(r.status);
      if (r.status === 429) {
        assert.equal(r.headers['retry-after'], '1');
        assert.equal(r.body.status, 'throttle event');
      }
    }
    assert.equal(statuses.filter((s) => s === 202).length, 20, 'a second holds 20 events (the fake clock stands still)');
    assert.equal(statuses.filter((s) => s === 429).length, 5);
    const stored = (await a.get(`/api/v1/alerts?serviceId=${svc}&limit=200`)).body.items.length;
    assert.equal(stored, 21, 'refused events left nothing behind');
    clock.advance(1000);
    assert.equal((await enqueue(trigger(k, 'storm-0'))).status, 202);
  });
});
