import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

describe(`service catalogue and integrations (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
  });
  after(() => ts.close());

  it('creates, reads, updates and lists services with owner team and tier', async () => {
    const team = (await a.post('/api/v1/teams', { name: 'SRE' })).body;
    const s = await a.post('/api/v1/services', { name: '決済API', description: 'payments', teamId: team.id, tier: 1 });
    assert.equal(s.status, 201);
    assert.equal(s.body.teamId, team.id);
    assert.equal(s.body.tier, 1);
    assert.equal((await a.get(`/api/v1/services/${s.body.id}`)).body.name, '決済API');
    const u = await a.patch(`/api/v1/services/${s.body.id}`, { tier: 2, description: '決済とポイント' });
    assert.equal(u.body.tier, 2);
    assert.equal(u.body.description, '決済とポイント');
    const dup = await a.post('/api/v1/services', { name: '決済API' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.details.field, 'name');
    assert.equal((await a.post('/api/v1/services', { name: 'x', tier: 9 })).status, 400);
    assert.equal((await a.post('/api/v1/services', { name: 'x', teamId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' })).body.error.details.fields[0].field, 'teamId');
    const audit = await ts.server.store.db.selectFrom('auditLog').select('action').where('targetId', '=', s.body.id).orderBy('seq').execute();
    assert.deepEqual(audit.map((r) => r.action), ['service.created', 'service.updated']);
  });

  it('gives each integration a 32-character [a-z0-9] key and the URL its sender posts to', async () => {
    const svc = (await a.post('/api/v1/services', { name: 'auth' })).body;
    const expected: Record<string, string> = {
      pagerduty: 'http://hikeshi.test/v2/enqueue',
      opsgenie: 'http://hikeshi.test/v2/alerts',
      alertmanager: 'http://hikeshi.test/api/v1/integrations/KEY/alertmanager',
      grafana: 'http://hikeshi.test/api/v1/integrations/KEY/grafana',
      generic: 'http://hikeshi.test/api/v1/integrations/KEY/events',
      email: 'mailto:KEY@hikeshi.test',
    };
    const keys = new Set<string>();
    for (const type of Object.keys(expected)) {
      const r = await a.post(`/api/v1/services/${svc.id}/integrations`, { type, name: `${type} source` });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.match(r.body.key, /^[a-z0-9]{32}$/);
      assert.equal(r.body.url, expected[type]!.replace('KEY', r.body.key));
      keys.add(r.body.key);
    }
    assert.equal(keys.size, 6);
    assert.equal((await a.get(`/api/v1/services/${svc.id}/integrations`)).body.items.length, 6);
    const bad = await a.post(`/api/v1/services/${svc.id}/integrations`, { type: 'nagios', name: 'x' });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body.error.details), /type/);
    const audit = await ts.server.store.db.selectFrom('auditLog').selectAll().where('action', '=', 'integration.created').execute();
    assert.ok(audit.every((r) => !String(r.after).includes([...keys][0]!)), 'keys never enter the audit log');
  });

  it('rotates a key (the old one is gone) and deletes integrations', async () => {
    const svc = (await a.post('/api/v1/services', { name: 'cdn' })).body;
    const i = (await a.post(`/api/v1/services/${svc.id}/integrations`, { type: 'generic', name: 'x' })).body;
    const rotated = await a.post(`/api/v1/services/${svc.id}/integrations/${i.id}/rotate-key`);
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.body.key, i.key);
    const old = await ts.server.store.db.selectFrom('integration').select('id').where('key', '=', i.key).executeTakeFirst();
    assert.equal(old, undefined);
    assert.equal((await a.delete(`/api/v1/services/${svc.id}/integrations/${i.id}`)).status, 204);
    assert.equal((await a.delete(`/api/v1/services/${svc.id}/integrations/${i.id}`)).status, 404);
  });

  it('refuses to delete a service with open incidents, naming only incidents the caller may see', async () => {
    const svc = (await a.post('/api/v1/services', { name: 'vpn' })).body;
    const admin = api(ts.server.app, (await createUser(ts, { role: 'admin' })).token);
    const secret = (await a.post('/api/v1/incidents', { title: 'secret', type: 'security', serviceId: svc.id })).body;
    const refused = await admin.delete(`/api/v1/services/${svc.id}`);
    assert.equal(refused.status, 409);
    assert.doesNotMatch(refused.body.error.message, new RegExp(`INC-${secret.number}\\b`));
    await a.post(`/api/v1/incidents/${secret.id}/resolve`);
    const pub = (await a.post('/api/v1/incidents', { title: 'public', serviceId: svc.id })).body;
    assert.match((await admin.delete(`/api/v1/services/${svc.id}`)).body.error.message, new RegExp(`INC-${pub.number}`));
    await a.post(`/api/v1/incidents/${pub.id}/resolve`);
    assert.equal((await admin.delete(`/api/v1/services/${svc.id}`)).status, 204);
    assert.equal((await a.get(`/api/v1/services/${svc.id}`)).status, 404);
    assert.equal((await a.get(`/api/v1/incidents/${pub.id}`)).body.serviceId, null, 'incidents outlive their service');
  });

  it('lets only admins and owners manage the catalogue; keys are not shown to responders', async () => {
    const responder = api(ts.server.app, (await createUser(ts, { role: 'responder' })).token);
    const svc = (await a.post('/api/v1/services', { name: 'dns' })).body;
    assert.equal((await responder.post('/api/v1/services', { name: 'mine' })).status, 403);
    assert.equal((await responder.get(`/api/v1/services/${svc.id}`)).status, 200);
    assert.equal((await responder.get(`/api/v1/services/${svc.id}/integrations`)).status, 403);
    assert.equal((await responder.delete(`/api/v1/services/${svc.id}`)).status, 403);
  });
});
