import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createTeam, createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/**
 * SPEC §4.2: a restricted incident is visible only to participants, security-team members and owners;
 * for everyone else it does not exist — absent from lists, search, counts, and 404 on every direct read.
 */
describe(`restricted incidents through every read path (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  let declarer: Api;
  let outsider: Api;
  let admin: Api;
  let observer: Api;
  let security: Api;
  let commander: Api;
  let incidentId: string;
  let publicId: string;

  before(async () => {
    ts = await startTestServer();
    owner = api(ts.server.app, ts.token);
    const as = async (role: 'admin' | 'responder' | 'observer') => {
      const u = await createUser(ts, { role });
      return { ...u, api: api(ts.server.app, u.token) };
    };
    const d = await as('responder');
    const o = await as('responder');
    const ad = await as('admin');
    const ob = await as('observer');
    const sec = await as('responder');
    const cmd = await as('responder');
    await createTeam(ts, { name: 'CSIRT', security: true, memberIds: [sec.id] });
    declarer = d.api;
    outsider = o.api;
    admin = ad.api;
    observer = ob.api;
    security = sec.api;
    commander = cmd.api;
    const r = await declarer.post('/api/v1/incidents', { title: '不正ログインの疑い secretword', type: 'security', commanderId: cmd.id });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.visibility, 'restricted');
    incidentId = r.body.id;
    publicId = (await declarer.post('/api/v1/incidents', { title: 'public outage' })).body.id;
  });
  after(() => ts.close());

  const listIds = async (who: Api, query = '') => ((await who.get(`/api/v1/incidents?limit=200${query}`)).body.items as any[]).map((i) => i.id);

  it('is invisible to a responder, an admin and an observer who do not take part', async () => {
    for (const who of [outsider, admin, observer]) {
      assert.ok(!(await listIds(who)).includes(incidentId), 'absent from the list');
      assert.ok((await listIds(who)).includes(publicId));
      assert.deepEqual(await listIds(who, `&q=${encodeURIComponent('secretword')}`), [], 'absent from search');
      assert.deepEqual(await listIds(who, '&type=security'), [], 'absent from filtered counts');
      for (const path of ['', '/timeline', '/alerts', '/tasks', '/participants']) {
        const r = await who.get(`/api/v1/incidents/${incidentId}${path}`);
        assert.equal(r.status, 404, `GET ${path}`);
        assert.equal(r.body.error.message, `incident ${incidentId} does not exist`, 'same answer as a missing incident');
      }
    }
  });

  it('cannot be changed, noted or merged into by outsiders (404, nothing leaks)', async () => {
    assert.equal((await outsider.post(`/api/v1/incidents/${incidentId}/acknowledge`)).status, 404);
    assert.equal((await outsider.post(`/api/v1/incidents/${incidentId}/notes`, { body: 'hi' })).status, 404);
    assert.equal((await outsider.patch(`/api/v1/incidents/${incidentId}`, { title: 'x' })).status, 404);
    const merge = await outsider.post(`/api/v1/incidents/${publicId}/merge`, { targetIncidentId: incidentId });
    assert.equal(merge.status, 400);
    assert.match(merge.body.error.message, /no incident with id/);
    const timeline = (await declarer.get(`/api/v1/incidents/${incidentId}/timeline`)).body.items;
    assert.deepEqual(timeline.map((e: any) => e.action), ['incident.declared', 'role.assigned']);
  });

  it('is visible to the declarer, the commander and security-team members without auditing', async () => {
    for (const who of [declarer, commander, security]) {
      assert.ok((await listIds(who)).includes(incidentId));
      assert.equal((await who.get(`/api/v1/incidents/${incidentId}`)).status, 200);
    }
    const audits = await ts.server.store.db.selectFrom('auditLog').selectAll().where('action', '=', 'incident.restricted_read').execute();
    assert.equal(audits.length, 0);
  });

  it('is visible to owners, and an owner reading it is audited', async () => {
    assert.ok((await listIds(owner)).includes(incidentId));
    assert.equal((await owner.get(`/api/v1/incidents/${incidentId}`)).status, 200);
    assert.equal((await owner.get(`/api/v1/incidents/${incidentId}/timeline`)).status, 200);
    const audits = await ts.server.store.db.selectFrom('auditLog').selectAll().where('action', '=', 'incident.restricted_read').execute();
    assert.equal(audits.length, 2);
    assert.equal(audits[0]!.targetId, incidentId);
    assert.equal(audits[0]!.actorType, 'token');
  });

  it('is absent from the audit log as an admin reads it, present for owners', async () => {
    const adminView = (await admin.get('/api/v1/audit?limit=200')).body.items as any[];
    assert.ok(adminView.length > 0);
    assert.ok(!adminView.some((e) => e.targetId === incidentId), 'no audit row reveals the restricted incident');
    assert.ok(adminView.some((e) => e.targetId === publicId));
    const ownerView = (await owner.get('/api/v1/audit?limit=200')).body.items as any[];
    assert.ok(ownerView.some((e) => e.targetId === incidentId && e.action === 'incident.declared'));
  });

  it('only owners and security-team members can make it public; then everyone sees it', async () => {
    const denied = await declarer.patch(`/api/v1/incidents/${incidentId}`, { visibility: 'public' });
    assert.equal(denied.status, 403);
    const ok = await security.patch(`/api/v1/incidents/${incidentId}`, { visibility: 'public' });
    assert.equal(ok.status, 200);
    assert.ok((await listIds(outsider)).includes(incidentId));
    assert.equal((await outsider.get(`/api/v1/incidents/${incidentId}`)).status, 200);
    const back = await declarer.patch(`/api/v1/incidents/${incidentId}`, { visibility: 'restricted' });
    assert.equal(back.status, 200, 'anyone who may update can restrict');
    assert.equal((await outsider.get(`/api/v1/incidents/${incidentId}`)).status, 404);
  });
});

describe(`escalating an inquiry into a security incident (${dialectName})`, () => {
  it('restricts it by default, keeping its participants', async () => {
    const ts = await startTestServer();
    try {
      const reporter = await createUser(ts, { role: 'responder' });
      const outsider = await createUser(ts, { role: 'responder' });
      const r = api(ts.server.app, reporter.token);
      const inquiry = (await r.post('/api/v1/incidents', { title: '不審なメールを開いてしまった', type: 'inquiry' })).body;
      assert.equal(inquiry.visibility, 'public');
      const escalated = await r.patch(`/api/v1/incidents/${inquiry.id}`, { type: 'security' });
      assert.equal(escalated.status, 200);
      assert.equal(escalated.body.visibility, 'restricted');
      assert.equal((await r.get(`/api/v1/incidents/${inquiry.id}`)).status, 200);
      assert.equal((await api(ts.server.app, outsider.token).get(`/api/v1/incidents/${inquiry.id}`)).status, 404);
      const actions = (await r.get(`/api/v1/incidents/${inquiry.id}/timeline`)).body.items.map((e: any) => e.action);
      assert.ok(actions.includes('incident.type_changed') && actions.includes('incident.visibility_changed'));
      const kept = await r.patch(`/api/v1/incidents/${(await r.post('/api/v1/incidents', { title: 'x', type: 'inquiry' })).body.id}`, { type: 'security', visibility: 'public' });
      assert.equal(kept.status, 200, 'an explicit visibility wins over the default');
      assert.equal(kept.body.visibility, 'public');
    } finally {
      await ts.close();
    }
  });
});
