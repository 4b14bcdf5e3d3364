import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { FakeClock } from '../src/platform/clock.js';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

const MIN = 60_000;

/**
 * What the pipeline does with a service's settings and rules, end to end through /v2/enqueue: grouping
 * (none, time window, content, threshold), flapping, suppression by rules and maintenance windows,
 * routing, urgency — and that every alert says why.
 */
describe(`ingest grouping, rules and maintenance (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  const clock = new FakeClock('2026-11-22T09:00:00Z');
  let serviceId: string;
  let key: string;
  before(async () => {
    ts = await startTestServer({ clock });
    a = api(ts.server.app, ts.token);
  });
  after(() => ts.close());
  beforeEach(async () => {
    serviceId = (await a.post('/api/v1/services', { name: `svc-${Math.random().toString(36).slice(2)}` })).body.id;
    key = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'pagerduty', name: 'prom' })).body.key;
  });

  const send = async (dedup_key: string, summary = dedup_key, severity = 'warning', custom_details: Record<string, unknown> = {}, event_action = 'trigger') => {
    const r = await api(ts.server.app).raw('POST', '/v2/enqueue', { routing_key: key, event_action, dedup_key, payload: { summary, source: 'host-1', severity, custom_details } });
    assert.equal(r.status, 202, JSON.stringify(r.body));
  };
  const alert = async (dedupKey: string, svc = serviceId) =>
    (await a.get(`/api/v1/alerts?serviceId=${svc}&limit=200`)).body.items.find((x: { dedupKey: string; status: string }) => x.dedupKey === dedupKey && x.status !== 'resolved');
  const settings = async (body: unknown) => {
    const r = await a.put(`/api/v1/services/${serviceId}/ingest-settings`, body);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };

  it('none (the default): one incident per alert, and the alert says so', async () => {
    assert.deepEqual((await a.get(`/api/v1/services/${serviceId}/ingest-settings`)).body.grouping, { mode: 'none' });
    await send('a');
    await send('b');
    const [x, y] = [await alert('a'), await alert('b')];
    assert.notEqual(x.incidentId, y.incidentId);
    assert.deepEqual(x.reason.grouping, { rule: 'none' });
  });

  it('time window: alerts join the open incident created within N minutes, then a new one', async () => {
    await settings({ grouping: { mode: 'time_window', windowMinutes: 10 } });
    await send('a');
    clock.advance(5 * MIN);
    await send('b');
    clock.advance(6 * MIN);
    await send('c');
    const [x, y, z] = [await alert('a'), await alert('b'), await alert('c')];
    assert.equal(y.incidentId, x.incidentId);
    assert.deepEqual(y.reason.grouping, { rule: 'time_window', windowMinutes: 10 });
    assert.notEqual(z.incidentId, x.incidentId, 'eleven minutes after the incident opened');
    assert.equal((await a.get(`/api/v1/incidents/${x.incidentId}`)).body.alertCount, 2);
    const tl = (await a.get(`/api/v1/incidents/${x.incidentId}/timeline`)).body.items.map((e: { action: string }) => e.action);
    assert.deepEqual(tl, ['incident.declared', 'escalation.none', 'alert.added']);
  });

  it('content: same values of the chosen fields share an incident; a resolved incident never absorbs', async () => {
    await settings({ grouping: { mode: 'content', fields: ['details.cluster'] } });
    await send('a', 'a', 'error', { cluster: 'tokyo' });
    await send('b', 'b', 'error', { cluster: 'osaka' });
    await send('c', 'c', 'error', { cluster: 'tokyo' });
    const [x, y, z] = [await alert('a'), await alert('b'), await alert('c')];
    assert.equal(z.incidentId, x.incidentId);
    assert.notEqual(y.incidentId, x.incidentId);
    assert.deepEqual(z.reason.grouping.values, { 'details.cluster': 'tokyo' });
    await a.post(`/api/v1/incidents/${x.incidentId}/resolve`, {});
    await send('d', 'd', 'error', { cluster: 'tokyo' });
    assert.notEqual((await alert('d')).incidentId, x.incidentId);
  });

  it('threshold: alerts are held until K arrive within N minutes, then one incident takes them all', async () => {
    await settings({ threshold: { count: 3, windowMinutes: 5 } });
    await send('a');
    await send('b');
    const held = await alert('b');
    assert.equal(held.incidentId, null);
    assert.deepEqual(held.reason.grouping, { rule: 'threshold', count: 2, needed: 3, windowMinutes: 5 });
    await send('c');
    const c = await alert('c');
    assert.ok(c.incidentId);
    assert.equal((await alert('a')).incidentId, c.incidentId);
    assert.equal((await a.get(`/api/v1/incidents/${c.incidentId}`)).body.alertCount, 3);
  });

  it('flapping: a trigger soon after its predecessor resolved reopens that incident, on the timeline', async () => {
    await settings({ flappingWindowMinutes: 15 });
    await send('f');
    const first = await alert('f');
    await send('f', 'f', 'warning', {}, 'resolve');
    assert.equal((await a.get(`/api/v1/incidents/${first.incidentId}`)).body.status, 'resolved');
    clock.advance(10 * MIN);
    await send('f');
    const again = await alert('f');
    assert.notEqual(again.id, first.id, 'a new alert (PagerDuty semantics)');
    assert.equal(again.incidentId, first.incidentId);
    assert.equal(again.reason.grouping.rule, 'flapping');
    const inc = (await a.get(`/api/v1/incidents/${first.incidentId}`)).body;
    assert.equal(inc.status, 'triggered');
    const tl = (await a.get(`/api/v1/incidents/${first.incidentId}/timeline`)).body.items.map((e: { action: string }) => e.action);
    assert.deepEqual(tl.slice(-2), ['incident.reopened', 'alert.added']);
    // Outside the window: a new incident.
    await send('f', 'f', 'warning', {}, 'resolve');
    clock.advance(16 * MIN);
    await send('f');
    assert.notEqual((await alert('f')).incidentId, first.incidentId);
  });

  it('severity sets urgency and severity through the service maps; a rule can set SEV1 and the priority', async () => {
    await settings({ urgencyMap: { warning: 2 }, severityMap: { warning: 'SEV3' } });
    await send('w', 'w', 'warning');
    let inc = (await a.get(`/api/v1/incidents/${(await alert('w')).incidentId}`)).body;
    assert.deepEqual([inc.urgency, inc.severity], [2, 'SEV3']);
    const rule = await a.post('/api/v1/event-rules', {
      name: 'payments down is SEV1',
      serviceId,
      conditions: [{ field: 'summary', operator: 'contains', value: '決済' }],
      actions: [{ type: 'set_incident_severity', severity: 'SEV1' }, { type: 'set_priority', priority: 'P1' }, { type: 'add_note', body: 'Runbook: **決済** restart' }],
    });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    await send('p', '決済APIが応答しません', 'critical');
    const p = await alert('p');
    inc = (await a.get(`/api/v1/incidents/${p.incidentId}`)).body;
    assert.deepEqual([inc.severity, inc.priority, inc.urgency], ['SEV1', 'P1', 1]);
    assert.equal(p.reason.rules.rules[0].id, rule.body.id);
    const tl = (await a.get(`/api/v1/incidents/${p.incidentId}/timeline`)).body.items;
    assert.equal(tl[1].action, 'note.added');
    assert.match(tl[1].data.html, /<strong>決済<\/strong>/);
  });

  it('rules: drop stores only the event; suppress keeps the alert and opens nothing; route moves it and its resolve follows', async () => {
    const other = (await a.post('/api/v1/services', { name: `db-${Math.random()}` })).body.id;
    const mk = (name: string, field: string, value: string, actions: unknown[]) =>
      a.post('/api/v1/event-rules', { name, serviceId, conditions: [{ field, operator: 'equals', value }], actions, stopOnMatch: true });
    await mk('drop noise', 'summary', 'noise', [{ type: 'drop' }]);
    await mk('suppress info', 'severity', 'info', [{ type: 'suppress' }]);
    await mk('route db', 'details.team', 'db', [{ type: 'route', serviceId: other }, { type: 'set_dedup_key', template: 'db:{{source}}' }]);
    await send('n', 'noise');
    assert.equal(await alert('n'), undefined);
    await send('i', 'informational', 'info');
    const sup = await alert('i');
    assert.equal(sup.status, 'suppressed');
    assert.equal(sup.incidentId, null);
    assert.ok(sup.reason.suppressedBy.rule);
    await send('r', 'replication lag', 'error', { team: 'db' });
    const routed = await alert('db:host-1', other);
    assert.ok(routed, 'routed to the other service with the key from the template');
    assert.equal(routed.reason.routedFrom, serviceId);
    // The sender resolves with its own key (no team detail): the routed alert still resolves.
    const r = await api(ts.server.app).raw('POST', '/v2/enqueue', { routing_key: key, event_action: 'resolve', dedup_key: 'r' });
    assert.equal(r.status, 202);
    assert.equal(await alert('db:host-1', other), undefined);
    await a.delete(`/api/v1/event-rules/${(await a.get(`/api/v1/event-rules?serviceId=${serviceId}&scope=service`)).body.items[0].id}`);
  });

  it('a maintenance window suppresses paging for its services while it runs', async () => {
    const w = await a.post('/api/v1/maintenance-windows', {
      name: 'DB upgrade',
      timeZone: 'Asia/Tokyo',
      serviceIds: [serviceId],
      startsAt: new Date(clock.now().getTime() - MIN).toISOString(),
      endsAt: new Date(clock.now().getTime() + 30 * MIN).toISOString(),
    });
    assert.equal(w.status, 201, JSON.stringify(w.body));
    await send('m');
    const m = await alert('m');
    assert.equal(m.status, 'suppressed');
    assert.equal(m.incidentId, null);
    assert.equal(m.reason.suppressedBy.maintenanceWindowId, w.body.id);
    clock.advance(31 * MIN);
    await send('m2');
    assert.ok((await alert('m2')).incidentId, 'after the window, alerts page again');
  });

  it('integration settings: rate limit and heartbeat are readable and changeable', async () => {
    const list = (await a.get(`/api/v1/services/${serviceId}/integrations`)).body.items;
    assert.equal(list[0].rateLimitPerSecond, 2000);
    assert.equal(list[0].heartbeat, null);
    const r = await a.patch(`/api/v1/services/${serviceId}/integrations/${list[0].id}`, { rateLimitPerSecond: 5, heartbeat: { enabled: true, intervalMinutes: 10 } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.rateLimitPerSecond, 5);
    assert.equal(r.body.heartbeat.state, 'waiting');
    assert.equal((await a.patch(`/api/v1/services/${serviceId}/integrations/${list[0].id}`, { rateLimitPerSecond: 0 })).status, 400);
    assert.equal((await a.put(`/api/v1/services/${serviceId}/ingest-settings`, { grouping: { mode: 'content', fields: ['nope'] } })).status, 400);
  });
});
