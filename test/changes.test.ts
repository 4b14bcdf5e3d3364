import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/** TV-5 of interop.md (PagerDuty's docs example), with our integration key as routing key. */
const tv5 = (routingKey: string) => ({
  routing_key: routingKey,
  payload: {
    summary: 'Build Success: Increase snapshot create timeout to 30 seconds',
    timestamp: '2026-11-22T08:30:00.000+0000',
    source: 'prod-build-agent-i-0b148d1040d565540',
    custom_details: { build_state: 'passed', build_number: '2', run_time: '1236s' },
  },
  links: [{ href: 'https://dev.acme.com/commits/123', text: 'View Commit' }],
});

describe(`change events (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let serviceId: string;
  let key: string;
  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    serviceId = (await a.post('/api/v1/services', { name: '決済API' })).body.id;
    key = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'pagerduty', name: 'CI' })).body.key;
  });
  after(() => ts.close());

  const enqueue = (body: unknown, headers: Record<string, string> = {}) => api(ts.server.app).raw('POST', '/v2/change/enqueue', body, headers);

  it('accepts a PagerDuty change event with 202 and stores it for the service before answering', async () => {
    const r = await enqueue(tv5(key));
    assert.equal(r.status, 202);
    assert.deepEqual(r.body, { status: 'success', message: 'Change event processed' });
    const list = await a.get(`/api/v1/changes?serviceId=${serviceId}`);
    assert.equal(list.body.items.length, 1);
    const c = list.body.items[0];
    assert.equal(c.summary, 'Build Success: Increase snapshot create timeout to 30 seconds');
    assert.equal(c.occurredAt, '2026-11-22T08:30:00.000Z');
    assert.equal(c.source, 'prod-build-agent-i-0b148d1040d565540');
    assert.deepEqual(c.details, { build_state: 'passed', build_number: '2', run_time: '1236s' });
    assert.deepEqual(c.links, [{ href: 'https://dev.acme.com/commits/123', text: 'View Commit' }]);
    const audit = await ts.server.store.db.selectFrom('auditLog').select('action').where('action', '=', 'change.recorded').execute();
    assert.equal(audit.length, 0, 'ingested events keep their own log, not the audit chain');
  });

  it('answers bad events in PagerDuty shapes: unknown key, key of another type, invalid, malformed, oversize', async () => {
    const unknown = await enqueue(tv5('0'.repeat(32)));
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.status, 'invalid event');
    assert.match(unknown.body.errors[0], /routing_key.*0{32}/);
    const amKey = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'alertmanager', name: 'am' })).body.key;
    const wrongType = await enqueue(tv5(amKey));
    assert.equal(wrongType.status, 400);
    assert.match(wrongType.body.errors[0], /alertmanager integration/);
    const noSummary = await enqueue({ routing_key: key, payload: {} });
    assert.equal(noSummary.status, 400);
    assert.ok(noSummary.body.errors.some((e: string) => e.includes('payload.summary')));
    const malformed = await enqueue('{"routing_key":', { 'content-type': 'application/json' });
    assert.equal(malformed.status, 400);
    assert.deepEqual(malformed.body, { status: 'Unrecognized object', message: 'Event object format is unrecognized', errors: ['JSON parse error'] });
    const huge = await enqueue(JSON.stringify({ ...tv5(key), payload: { ...tv5(key).payload, custom_details: { blob: 'x'.repeat(600 * 1024) } } }), { 'content-type': 'application/json' });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.message, 'Event object is too large');
    assert.equal((await a.get(`/api/v1/changes?serviceId=${serviceId}`)).body.items.length, 1, 'nothing stored from bad events');
  });

  it('records changes through the API too, audited, and validates them', async () => {
    const r = await a.post('/api/v1/changes', { serviceId, summary: 'DB パラメータ変更', occurredAt: '2026-11-22T08:45:00Z', links: [{ href: 'https://git.example/pr/9' }] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.integrationId, null);
    const audit = await ts.server.store.db.selectFrom('auditLog').select('targetId').where('action', '=', 'change.recorded').execute();
    assert.deepEqual(audit.map((x) => x.targetId), [r.body.id]);
    assert.equal((await a.post('/api/v1/changes', { serviceId, summary: 'x', occurredAt: '2030-01-01T00:00:00Z' })).body.error.details.fields[0].field, 'occurredAt');
    assert.equal((await a.post('/api/v1/changes', { serviceId, summary: 'x', links: [{ href: 'javascript:alert(1)' }] })).status, 400);
    const observer = api(ts.server.app, (await createUser(ts, { role: 'observer' })).token);
    assert.equal((await observer.post('/api/v1/changes', { serviceId, summary: 'x' })).status, 403);
    assert.equal((await observer.get('/api/v1/changes')).status, 200);
  });

  it('shows an incident the changes on its services shortly before its impact started', async () => {
    const other = (await a.post('/api/v1/services', { name: 'other' })).body.id;
    await a.post('/api/v1/changes', { serviceId: other, summary: 'unrelated deploy', occurredAt: '2026-11-22T08:50:00Z' });
    await a.post('/api/v1/changes', { serviceId, summary: 'two days ago', occurredAt: '2026-11-20T08:50:00Z' });
    const inc = (await a.post('/api/v1/incidents', { title: '決済APIの遅延', serviceId, startedAt: '2026-11-22T08:55:00Z' })).body;
    const r = await a.get(`/api/v1/incidents/${inc.id}/changes`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.items.map((c: any) => c.summary), ['DB パラメータ変更', 'Build Success: Increase snapshot create timeout to 30 seconds']);
    const wide = await a.get(`/api/v1/incidents/${inc.id}/changes?hours=72`);
    assert.equal(wide.body.items.length, 3);
    assert.equal((await a.get(`/api/v1/incidents/${inc.id}/changes?hours=999`)).status, 400);
    const secret = (await a.post('/api/v1/incidents', { title: 's', type: 'security', serviceId })).body;
    const outsider = api(ts.server.app, (await createUser(ts, { role: 'responder' })).token);
    assert.equal((await outsider.get(`/api/v1/incidents/${secret.id}/changes`)).status, 404);
  });
});
