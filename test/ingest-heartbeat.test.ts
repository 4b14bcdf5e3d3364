import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FakeClock } from '../src/platform/clock.js';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

const MIN = 60_000;

describe(`heartbeats (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  const clock = new FakeClock('2026-11-22T09:00:00Z');
  let serviceId: string;
  before(async () => {
    ts = await startTestServer({ clock });
    a = api(ts.server.app, ts.token);
    serviceId = (await a.post('/api/v1/services', { name: 'nightly-backup' })).body.id;
  });
  after(() => ts.close());
  const ping = (key: string, method = 'POST') => api(ts.server.app).raw(method, `/api/v1/integrations/${key}/heartbeat`, method === 'POST' ? {} : undefined);
  const integration = async (id: string) => (await a.get(`/api/v1/services/${serviceId}/integrations`)).body.items.find((i: { id: string }) => i.id === id);
  const heartbeatAlerts = async () => (await a.get(`/api/v1/alerts?serviceId=${serviceId}&limit=200`)).body.items.filter((x: { dedupKey: string }) => x.dedupKey === 'hikeshi:heartbeat');

  it('a heartbeat that is not enabled never arms: pings are recorded, silence triggers nothing', async () => {
    const i = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'generic', name: 'cron' })).body;
    assert.equal((await ping(i.key, 'GET')).status, 202);
    clock.advance(24 * 60 * MIN);
    assert.equal(await ts.server.heartbeats.sweep(), 0);
    assert.equal((await integration(i.id)).heartbeat.state, 'off');
    assert.ok((await integration(i.id)).heartbeat.lastPingAt);
    assert.equal((await heartbeatAlerts()).length, 0);
  });

  it('an enabled heartbeat: a missed ping triggers one alert and incident; the next ping resolves them', async () => {
    const i = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'generic', name: 'backup job', heartbeat: { enabled: true, intervalMinutes: 60 } })).body;
    assert.equal(i.heartbeat.state, 'waiting');
    assert.equal(i.heartbeatUrl.endsWith(`/api/v1/integrations/${i.key}/heartbeat`), true);
    assert.equal((await ping(i.key)).status, 202);
    assert.equal((await integration(i.id)).heartbeat.state, 'up');
    clock.advance(59 * MIN);
    assert.equal(await ts.server.heartbeats.sweep(), 0, 'not due yet');
    clock.advance(2 * MIN);
    assert.equal(await ts.server.heartbeats.sweep(), 1);
    assert.equal(await ts.server.heartbeats.sweep(), 0, 'one alert per missed ping, however often the monitor looks');
    const [down] = await heartbeatAlerts();
    assert.equal(down.status, 'triggered');
    assert.match(down.summary, /Heartbeat missed: backup job/);
    assert.ok(down.incidentId);
    assert.equal((await integration(i.id)).heartbeat.state, 'down');
    assert.equal((await ping(i.key)).status, 202);
    const [up] = await heartbeatAlerts();
    assert.equal(up.status, 'resolved');
    assert.equal((await a.get(`/api/v1/incidents/${down.incidentId}`)).body.status, 'resolved');
    assert.equal((await integration(i.id)).heartbeat.state, 'up');
  });

  it('an unknown key is a 400', async () => {
    const r = await ping('q'.repeat(32));
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /q{32}/);
  });
});
