import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../src/platform/ids.js';
import { type Api, api } from './helpers/api.js';
import { createUser, type TestRole } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/** A person with a token of their own, created through the users API. */
const makeUser = (ts: TestServer, name: string, role: TestRole = 'responder') => createUser(ts, { role, name });

describe(`settings over HTTP (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let responder: { id: string; token: string };

  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    responder = await makeUser(ts, 'Rin');
  });
  after(() => ts.close());

  const roles = (extra: { key: string; name: Record<string, string> }[] = []) => ({
    roles: [
      { key: 'commander', name: { en: 'Incident Commander', ja: 'インシデントコマンダー' } },
      { key: 'tech_lead', name: { en: 'Tech Lead', ja: 'テックリード' } },
      ...extra,
    ],
  });

  it('incident roles default to the four of SPEC §4.2, in English and Japanese', async () => {
    const r = await api(ts.server.app, responder.token).get('/api/v1/settings/incident-roles');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.roles.map((x: any) => x.key), ['commander', 'tech_lead', 'communications_lead', 'scribe']);
    assert.deepEqual(r.body.roles[3].name, { en: 'Scribe', ja: '記録係' });
    assert.equal(r.body.roles[0].name.ja, 'インシデントコマンダー');
  });

  it('validates the role list: key shape, uniqueness, size, the commander kept, settings.manage', async () => {
    const put = (body: unknown) => a.put('/api/v1/settings/incident-roles', body);
    const badKey = await put(roles([{ key: 'Legal-Team', name: { en: 'Legal' } }]));
    assert.equal(badKey.status, 400);
    assert.match(badKey.body.error.details.fields[0].field, /roles\.2\.key$/);
    const dup = await put(roles([{ key: 'tech_lead', name: { en: 'Second TL' } }]));
    assert.equal(dup.status, 400);
    assert.equal(dup.body.error.details.fields[0].field, 'roles.2.key');
    const many = Array.from({ length: 20 }, (_, i) => ({ key: `role_${i}`, name: { en: `Role ${i}` } }));
    assert.equal((await put(roles(many))).status, 400);
    assert.equal((await put({ roles: [] })).status, 400);
    const noCommander = await put({ roles: [{ key: 'scribe', name: { en: 'Scribe' } }] });
    assert.equal(noCommander.status, 400);
    assert.match(noCommander.body.error.message, /commander/);
    const forbidden = await api(ts.server.app, responder.token).put('/api/v1/settings/incident-roles', roles());
    assert.equal(forbidden.status, 403);
    // Nothing above changed the list.
    assert.equal((await a.get('/api/v1/settings/incident-roles')).body.roles.length, 4);
  });

  it('a new role can be assigned; a role held on an open incident cannot be removed (409)', async () => {
    const set = await a.put('/api/v1/settings/incident-roles', roles([{ key: 'csirt', name: { en: 'CSIRT liaison' } }]));
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body.roles[2], { key: 'csirt', name: { en: 'CSIRT liaison', ja: 'CSIRT liaison' } });
    assert.equal((await a.get('/api/v1/settings/incident-roles')).body.roles.length, 3);

    const inc = (await a.post('/api/v1/incidents', { title: 'Phishing wave' })).body;
    // scribe was removed above: it is unknown now.
    assert.equal((await a.put(`/api/v1/incidents/${inc.id}/roles/scribe`, { userId: responder.id })).status, 400);
    assert.equal((await a.put(`/api/v1/incidents/${inc.id}/roles/csirt`, { userId: responder.id })).status, 200);

    const removal = await a.put('/api/v1/settings/incident-roles', roles());
    assert.equal(removal.status, 409);
    assert.match(removal.body.error.message, new RegExp(`csirt.*INC-${inc.number}`));
    // Renaming keeps the key: always allowed.
    assert.equal((await a.put('/api/v1/settings/incident-roles', roles([{ key: 'csirt', name: { en: 'CSIRT', ja: 'CSIRT窓口' } }]))).status, 200);

    await a.post(`/api/v1/incidents/${inc.id}/resolve`);
    assert.equal((await a.put('/api/v1/settings/incident-roles', roles())).status, 200);
    // A role held on a resolved incident can still be unassigned after it left the list.
    const un = await a.delete(`/api/v1/incidents/${inc.id}/roles/csirt`);
    assert.equal(un.status, 200);
    assert.equal(un.body.roles.csirt, undefined);
  });

  it('priority matrix: bad shapes are 400 naming the field; a change applies when impact is next changed', async () => {
    const get = await a.get('/api/v1/settings/priority-matrix');
    assert.deepEqual(get.body.matrix, [['P1', 'P2', 'P3'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']]);
    const short = await a.put('/api/v1/settings/priority-matrix', { matrix: [['P1', 'P2'], ['P2', 'P3', 'P4'], ['P3', 'P4', 'P5']] });
    assert.equal(short.status, 400);
    assert.ok(short.body.error.details.fields.some((f: any) => f.field.startsWith('body.matrix.0')), JSON.stringify(short.body));
    const badValue = await a.put('/api/v1/settings/priority-matrix', { matrix: [['P1', 'P2', 'P3'], ['P2', 'P3', 'P9'], ['P3', 'P4', 'P5']] });
    assert.equal(badValue.status, 400);
    assert.equal(badValue.body.error.details.fields[0].field, 'body.matrix.1.2');
    assert.equal((await a.put('/api/v1/settings/priority-matrix', [['P1']])).status, 400);
    const forbidden = await api(ts.server.app, responder.token).put('/api/v1/settings/priority-matrix', { matrix: get.body.matrix });
    assert.equal(forbidden.status, 403);

    const inc = (await a.post('/api/v1/incidents', { title: 'Slow checkout', impact: 2, urgency: 2 })).body;
    assert.equal(inc.priority, 'P3');
    const matrix = [['P1', 'P1', 'P2'], ['P2', 'P2', 'P3'], ['P3', 'P3', 'P4']];
    const put = await a.put('/api/v1/settings/priority-matrix', { matrix });
    assert.equal(put.status, 200);
    assert.deepEqual((await a.get('/api/v1/settings/priority-matrix')).body.matrix, matrix);
    assert.equal((await a.get(`/api/v1/incidents/${inc.id}`)).body.priority, 'P3', 'existing incidents keep their priority');
    const patched = await a.patch(`/api/v1/incidents/${inc.id}`, { impact: 1 });
    assert.equal(patched.body.priority, 'P1');
    const fresh = await a.post('/api/v1/incidents', { title: 'new', impact: 3, urgency: 3 });
    assert.equal(fresh.body.priority, 'P4');
  });
});

describe(`alerts over HTTP (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let serviceA: string;
  let serviceB: string;
  let integrationA: string;
  let publicIncident: any;
  let secretIncident: any;
  const ids: Record<string, string> = {};

  const insertAlert = async (name: string, v: { serviceId: string; integrationId?: string | null; status?: string; lastSeenAt: string; incidentId?: string | null; reason?: unknown }) => {
    const id = newId();
    ids[name] = id;
    await ts.server.store.db
      .insertInto('alert')
      .values({
        id,
        serviceId: v.serviceId,
        integrationId: v.integrationId ?? null,
        dedupKey: `key-${name}`,
        status: v.status ?? 'triggered',
        summary: `alert ${name}`,
        severity: 'error',
        source: 'prometheus',
        eventCount: 3,
        incidentId: v.incidentId ?? null,
        reason: JSON.stringify(v.reason ?? { grouping: 'none' }),
        details: JSON.stringify({ labels: { instance: `${name}:9100` } }),
        firstSeenAt: '2026-11-22T08:00:00.000Z',
        lastSeenAt: v.lastSeenAt,
        resolvedAt: v.status === 'resolved' ? v.lastSeenAt : null,
      })
      .execute();
  };

  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    serviceA = (await a.post('/api/v1/services', { name: 'checkout' })).body.id;
    serviceB = (await a.post('/api/v1/services', { name: 'vpn' })).body.id;
    const integ = await a.post(`/api/v1/services/${serviceA}/integrations`, { type: 'alertmanager', name: 'prod' });
    assert.equal(integ.status, 201, JSON.stringify(integ.body));
    integrationA = integ.body.id;
    publicIncident = (await a.post('/api/v1/incidents', { title: 'checkout down', serviceId: serviceA })).body;
    secretIncident = (await a.post('/api/v1/incidents', { title: 'VPN brute force', type: 'security', serviceId: serviceB })).body;
    await insertAlert('a1', { serviceId: serviceA, integrationId: integrationA, lastSeenAt: '2026-11-22T08:10:00.000Z', incidentId: publicIncident.id });
    await insertAlert('a2', { serviceId: serviceA, integrationId: integrationA, lastSeenAt: '2026-11-22T08:20:00.000Z', status: 'resolved', incidentId: publicIncident.id });
    await insertAlert('a3', { serviceId: serviceA, lastSeenAt: '2026-11-22T08:20:00.000Z', status: 'suppressed', reason: { suppressed: { ruleId: 'r1' } } });
    await insertAlert('b1', { serviceId: serviceB, lastSeenAt: '2026-11-22T08:30:00.000Z', incidentId: secretIncident.id, status: 'acknowledged' });
    await insertAlert('b2', { serviceId: serviceB, lastSeenAt: '2026-11-22T08:05:00.000Z' });
  });
  after(() => ts.close());

  const names = (items: any[]) => items.map((x) => Object.keys(ids).find((k) => ids[k] === x.id));

  it('lists alerts newest lastSeenAt first (id breaks ties) and pages with a cursor', async () => {
    const all = await a.get('/api/v1/alerts');
    assert.equal(all.status, 200);
    assert.deepEqual(names(all.body.items), ['b1', 'a3', 'a2', 'a1', 'b2']);
    assert.equal(all.body.nextCursor, null);

    const seen: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await a.get(`/api/v1/alerts?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(page.status, 200);
      assert.ok(page.body.items.length <= 2);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(names(seen), ['b1', 'a3', 'a2', 'a1', 'b2']);
    const bad = await a.get('/api/v1/alerts?cursor=nonsense');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details.fields[0].field, 'cursor');
  });

  it('filters by service, integration and status', async () => {
    assert.deepEqual(names((await a.get(`/api/v1/alerts?serviceId=${serviceA}`)).body.items), ['a3', 'a2', 'a1']);
    assert.deepEqual(names((await a.get(`/api/v1/alerts?integrationId=${integrationA}`)).body.items), ['a2', 'a1']);
    assert.deepEqual(names((await a.get('/api/v1/alerts?status=suppressed')).body.items), ['a3']);
    assert.deepEqual(names((await a.get('/api/v1/alerts?status=open')).body.items), ['b1', 'a1', 'b2']);
    assert.deepEqual(names((await a.get(`/api/v1/alerts?serviceId=${serviceA}&status=resolved,triggered`)).body.items), ['a2', 'a1']);
    const bad = await a.get('/api/v1/alerts?status=firing');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details.fields[0].field, 'status');
    assert.equal((await a.get('/api/v1/alerts?serviceId=x')).status, 400);
  });

  it('an alert shows why it was grouped or suppressed, and its details', async () => {
    const r = await a.get(`/api/v1/alerts/${ids.a3}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.reason, { suppressed: { ruleId: 'r1' } });
    assert.deepEqual(r.body.details, { labels: { instance: 'a3:9100' } });
    assert.equal(r.body.status, 'suppressed');
    assert.equal(r.body.eventCount, 3);
    assert.equal(r.body.incidentId, null);
    assert.equal(r.body.firstSeenAt, '2026-11-22T08:00:00.000Z');
    assert.equal((await a.get(`/api/v1/alerts/${newId()}`)).status, 404);
    const inc = await a.get(`/api/v1/incidents/${publicIncident.id}/alerts`);
    assert.deepEqual(names(inc.body.items), ['a2', 'a1']);
    const paged = await a.get(`/api/v1/incidents/${publicIncident.id}/alerts?limit=1`);
    assert.deepEqual(names(paged.body.items), ['a2']);
    const rest = await a.get(`/api/v1/incidents/${publicIncident.id}/alerts?limit=1&cursor=${encodeURIComponent(paged.body.nextCursor)}`);
    assert.deepEqual(names(rest.body.items), ['a1']);
    assert.equal(rest.body.nextCursor, null);
  });

  it("a restricted incident's alerts do not exist for a non-participant, until they participate", async () => {
    const rin = await makeUser(ts, 'Rin');
    const asRin = api(ts.server.app, rin.token);
    assert.deepEqual(names((await asRin.get('/api/v1/alerts')).body.items), ['a3', 'a2', 'a1', 'b2']);
    assert.deepEqual(names((await asRin.get(`/api/v1/alerts?serviceId=${serviceB}`)).body.items), ['b2']);
    assert.equal((await asRin.get(`/api/v1/alerts/${ids.b1}`)).status, 404);
    assert.equal((await asRin.get(`/api/v1/incidents/${secretIncident.id}/alerts`)).status, 404);
    // An owner who does not participate sees it, and that owner-only read is audited.
    const owner = await makeUser(ts, 'Olga', 'owner');
    assert.equal((await api(ts.server.app, owner.token).get(`/api/v1/alerts/${ids.b1}`)).status, 200);
    const audited = await ts.server.store.db.selectFrom('auditLog').select('after').where('action', '=', 'incident.restricted_read').where('targetId', '=', secretIncident.id).execute();
    assert.ok(audited.some((r) => JSON.parse(r.after ?? '{}').what === 'alert'));

    assert.equal((await a.post(`/api/v1/incidents/${secretIncident.id}/responders`, { userId: rin.id })).status, 201);
    assert.deepEqual(names((await asRin.get('/api/v1/alerts')).body.items), ['b1', 'a3', 'a2', 'a1', 'b2']);
    assert.equal((await asRin.get(`/api/v1/alerts/${ids.b1}`)).status, 200);
    assert.deepEqual(names((await asRin.get(`/api/v1/incidents/${secretIncident.id}/alerts`)).body.items), ['b1']);
  });
});
