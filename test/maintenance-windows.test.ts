import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { FakeClock } from '../src/platform/clock.js';
import { activeMaintenance } from '../src/services/maintenance-window/active-for.js';
import { type Api, api } from './helpers/api.js';
import { createService, createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

const URL = '/api/v1/maintenance-windows';

describe(`maintenance windows (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let svc: string;
  before(async () => {
    ts = await startTestServer({ clock: new FakeClock('2026-11-22T09:00:00.000Z') });
    a = api(ts.server.app, ts.token);
    svc = (await createService(ts)).id;
  });
  after(() => ts.close());

  // shape errors come from the HTTP schema (`body.x`, `query.x`), meaning errors from the use case (`x`)
  const fieldOf = (r: { body: any }) => r.body?.error?.details?.fields?.[0]?.field?.replace(/^(body|query)\./, '');
  const oneOff = (over: Record<string, unknown> = {}) => ({
    name: 'DB upgrade',
    timeZone: 'Asia/Tokyo',
    serviceIds: [svc],
    startsAt: '2026-11-22T10:00:00Z',
    endsAt: '2026-11-22T11:00:00Z',
    ...over,
  });

  it('creates, reads, changes, lists and deletes a window, auditing each change', async () => {
    const c = await a.post(URL, oneOff({ description: '計画メンテナンス' }));
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const w = c.body;
    assert.deepEqual(
      { serviceIds: w.serviceIds, startsAt: w.startsAt, endsAt: w.endsAt, recurrence: w.recurrence, state: w.state, active: w.active, current: w.currentOccurrence },
      { serviceIds: [svc], startsAt: '2026-11-22T10:00:00.000Z', endsAt: '2026-11-22T11:00:00.000Z', recurrence: null, state: 'upcoming', active: false, current: null },
    );
    assert.deepEqual(w.nextOccurrence, { start: '2026-11-22T10:00:00.000Z', end: '2026-11-22T11:00:00.000Z' });
    assert.equal((await a.get(`${URL}/${w.id}`)).body.description, '計画メンテナンス');

    const other = (await createService(ts)).id;
    const u = await a.patch(`${URL}/${w.id}`, { name: 'DB upgrade v2', serviceIds: [other, svc], endsAt: '2026-11-22T12:00:00Z' });
    assert.equal(u.status, 200, JSON.stringify(u.body));
    assert.equal(u.body.name, 'DB upgrade v2');
    assert.deepEqual(u.body.serviceIds, [other, svc].sort());
    assert.equal(u.body.endsAt, '2026-11-22T12:00:00.000Z');
    assert.deepEqual((await a.get(`${URL}?serviceId=${other}`)).body.items.map((x: any) => x.id), [w.id]);

    const d = await a.delete(`${URL}/${w.id}`);
    assert.equal(d.status, 204);
    assert.equal((await a.get(`${URL}/${w.id}`)).status, 404);
    assert.equal((await a.delete(`${URL}/${w.id}`)).status, 404);
    const audit = await ts.server.store.db.selectFrom('auditLog').select(['action', 'before', 'after']).where('targetId', '=', w.id).orderBy('seq').execute();
    assert.deepEqual(audit.map((r) => r.action), ['maintenance_window.created', 'maintenance_window.updated', 'maintenance_window.deleted']);
    assert.equal(JSON.parse(audit[1]!.after!).name, 'DB upgrade v2');
  });

  it('refuses impossible windows with a 400 naming the field', async () => {
    const daily = (r: Record<string, unknown>) => oneOff({ endsAt: undefined, recurrence: { frequency: 'daily', startTime: '02:00', durationMinutes: 60, ...r } });
    const cases: [unknown, string][] = [
      [oneOff({ timeZone: 'Asia/Tokio' }), 'timeZone'],
      [oneOff({ serviceIds: ['01JZZZZZZZZZZZZZZZZZZZZZZZ'] }), 'serviceIds'],
      [oneOff({ serviceIds: [] }), 'serviceIds'],
      [oneOff({ endsAt: '2026-11-22T09:59:00Z' }), 'endsAt'],
      [oneOff({ endsAt: undefined }), 'endsAt'],
      [oneOff({ endsAt: '2027-01-22T09:59:00Z' }), 'endsAt'],
      [{ ...daily({}), endsAt: '2026-11-23T00:00:00Z' }, 'endsAt'],
      [daily({ durationMinutes: 0 }), 'recurrence.durationMinutes'],
      [daily({ durationMinutes: 1441 }), 'recurrence.durationMinutes'],
      [daily({ frequency: 'weekly', daysOfWeek: ['mon', 'someday'] }), 'recurrence.daysOfWeek.1'],
      [daily({ daysOfWeek: ['mon'] }), 'recurrence.daysOfWeek'],
      [daily({ until: '2026-11-01' }), 'recurrence.until'],
      [daily({ startTime: '25:00' }), 'recurrence.startTime'],
      [{ ...oneOff(), color: 'red' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const r = await a.post(URL, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.status}`);
      assert.equal(fieldOf(r), field, JSON.stringify(r.body));
    }
    const w = (await a.post(URL, daily({}))).body;
    assert.equal(fieldOf(await a.patch(`${URL}/${w.id}`, { recurrence: null })), 'endsAt', 'one-off again needs an end');
    assert.equal(fieldOf(await a.patch(`${URL}/${w.id}`, { endsAt: '2026-11-23T00:00:00Z' })), 'endsAt');
    const back = await a.patch(`${URL}/${w.id}`, { recurrence: null, endsAt: '2026-11-23T00:00:00Z' });
    assert.equal(back.status, 200);
    assert.equal(back.body.recurrence, null);
    const again = await a.patch(`${URL}/${w.id}`, { recurrence: { frequency: 'weekly', daysOfWeek: ['sat'], startTime: '22:00', durationMinutes: 120, until: '2026-12-31' } });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.endsAt, '2026-12-26T15:00:00.000Z', 'the end of the last Saturday slot, 00:00 JST');
    await a.delete(`${URL}/${w.id}`);
  });

  it('lets observers read but not schedule maintenance; responders schedule it', async () => {
    const observer = api(ts.server.app, (await createUser(ts, { role: 'observer' })).token);
    assert.equal((await observer.post(URL, oneOff())).status, 403);
    assert.equal((await observer.get(URL)).status, 200);
    const responder = api(ts.server.app, (await createUser(ts, { role: 'responder' })).token);
    const w = await responder.post(URL, oneOff());
    assert.equal(w.status, 201);
    assert.equal((await observer.get(`${URL}/${w.body.id}`)).status, 200);
    assert.equal((await observer.delete(`${URL}/${w.body.id}`)).status, 403);
    assert.equal((await responder.delete(`${URL}/${w.body.id}`)).status, 204);
  });

  it('is active while the clock is inside an occurrence, and lists by state', async () => {
    const s = (await createService(ts)).id;
    const once = (await a.post(URL, oneOff({ serviceIds: [s] }))).body;
    // 02:00–03:00 in Tokyo is 17:00–18:00 UTC the day before
    const nightly = (await a.post(URL, oneOff({ serviceIds: [s], name: 'nightly', endsAt: undefined, recurrence: { frequency: 'daily', startTime: '02:00', durationMinutes: 60 } }))).body;
    assert.equal(nightly.endsAt, null);
    assert.deepEqual(nightly.nextOccurrence, { start: '2026-11-22T17:00:00.000Z', end: '2026-11-22T18:00:00.000Z' });
    const states = async () => {
      const list = (await a.get(`${URL}?serviceId=${s}`)).body.items;
      return Object.fromEntries(list.map((x: any) => [x.name, `${x.state}/${x.active}`]));
    };
    const byState = async (state: string) => (await a.get(`${URL}?serviceId=${s}&state=${state}`)).body.items.map((x: any) => x.name);

    assert.deepEqual(await states(), { 'DB upgrade': 'upcoming/false', nightly: 'upcoming/false' });
    ts.clock.set('2026-11-22T10:30:00Z');
    const running = (await a.get(`${URL}/${once.id}`)).body;
    assert.equal(running.active, true);
    assert.deepEqual(running.currentOccurrence, { start: '2026-11-22T10:00:00.000Z', end: '2026-11-22T11:00:00.000Z' });
    assert.equal(running.nextOccurrence, null);
    assert.deepEqual(await byState('active'), ['DB upgrade']);
    ts.clock.set('2026-11-22T11:00:00Z');
    assert.deepEqual(await states(), { 'DB upgrade': 'past/false', nightly: 'upcoming/false' });
    assert.deepEqual(await byState('past'), ['DB upgrade']);
    ts.clock.set('2026-11-23T17:59:00Z');
    const n = (await a.get(`${URL}/${nightly.id}`)).body;
    assert.equal(n.active, true);
    assert.deepEqual(n.nextOccurrence, { start: '2026-11-24T17:00:00.000Z', end: '2026-11-24T18:00:00.000Z' });
    assert.deepEqual(await byState('active'), ['nightly']);
    assert.deepEqual(await byState('upcoming'), []);
    ts.clock.set('2026-11-22T09:00:00Z');
  });

  it('keeps local time across DST: a daily 02:30 slot in Berlin on fall-back day starts at the first 02:30', async () => {
    ts.clock.set('2026-10-25T01:45:00Z'); // 02:45 CET, the second pass
    const w = await a.post(URL, oneOff({ timeZone: 'Europe/Berlin', startsAt: '2026-10-01T00:00:00Z', endsAt: undefined, recurrence: { frequency: 'daily', startTime: '02:30', durationMinutes: 60 } }));
    assert.equal(w.status, 201, JSON.stringify(w.body));
    assert.deepEqual(w.body.currentOccurrence, { start: '2026-10-25T00:30:00.000Z', end: '2026-10-25T02:30:00.000Z' });
    assert.deepEqual(w.body.nextOccurrence, { start: '2026-10-26T01:30:00.000Z', end: '2026-10-26T02:30:00.000Z' });
    await a.delete(`${URL}/${w.body.id}`);
    ts.clock.set('2026-11-22T09:00:00Z');
  });

  it('pages with a cursor', async () => {
    const s = (await createService(ts)).id;
    for (const h of [1, 2, 3]) await a.post(URL, oneOff({ serviceIds: [s], name: `w${h}`, startsAt: `2026-12-0${h}T00:00:00Z`, endsAt: `2026-12-0${h}T01:00:00Z` }));
    const p1 = await a.get(`${URL}?serviceId=${s}&limit=2`);
    assert.deepEqual(p1.body.items.map((x: any) => x.name), ['w3', 'w2']);
    const p2 = await a.get(`${URL}?serviceId=${s}&limit=2&cursor=${p1.body.nextCursor}`);
    assert.deepEqual(p2.body.items.map((x: any) => x.name), ['w1']);
    assert.equal(p2.body.nextCursor, null);
    assert.equal(fieldOf(await a.get(`${URL}?state=sometimes`)), 'state');
  });

  it('activeMaintenance gives ingestion the running window per service, the one ending last', async () => {
    const [s1, s2, s3] = [(await createService(ts)).id, (await createService(ts)).id, (await createService(ts)).id];
    const short = (await a.post(URL, oneOff({ name: 'short', serviceIds: [s1], startsAt: '2026-12-10T00:00:00Z', endsAt: '2026-12-10T01:00:00Z' }))).body;
    // weekly on Thursdays 08:30–10:30 Tokyo (23:30–01:30 UTC, crossing midnight UTC)
    const weekly = (
      await a.post(URL, oneOff({ name: 'weekly', serviceIds: [s1, s2], startsAt: '2026-12-01T00:00:00Z', endsAt: undefined, recurrence: { frequency: 'weekly', daysOfWeek: ['thu'], startTime: '08:30', durationMinutes: 120 } }))
    ).body;
    await a.post(URL, oneOff({ name: 'later', serviceIds: [s3], startsAt: '2026-12-11T00:00:00Z', endsAt: '2026-12-11T01:00:00Z' }));
    const db = ts.server.store.db;

    const at = await activeMaintenance(db, [s1, s2, s3], '2026-12-10T00:30:00.000Z');
    assert.deepEqual(Object.fromEntries(at), {
      [s1]: { id: weekly.id, name: 'weekly', endsAt: '2026-12-10T01:30:00.000Z' },
      [s2]: { id: weekly.id, name: 'weekly', endsAt: '2026-12-10T01:30:00.000Z' },
    });
    const late = await activeMaintenance(db, [s1], '2026-12-10T01:15:00.000Z');
    assert.equal(late.get(s1)?.name, 'weekly');
    await a.patch(`${URL}/${short.id}`, { endsAt: '2026-12-10T03:00:00Z' });
    assert.deepEqual(await activeMaintenance(db, [s1], '2026-12-10T01:15:00.000Z'), new Map([[s1, { id: short.id, name: 'short', endsAt: '2026-12-10T03:00:00.000Z' }]]));
    assert.equal((await activeMaintenance(db, [s2], '2026-12-09T23:29:59.000Z')).size, 0, 'before the slot');
    assert.equal((await activeMaintenance(db, [s2], '2026-12-17T00:00:00.000Z')).get(s2)?.endsAt, '2026-12-17T01:30:00.000Z', 'next week');
    assert.equal((await activeMaintenance(db, [], '2026-12-10T00:30:00.000Z')).size, 0);
    assert.equal((await activeMaintenance(db, [s2], '2026-12-10T00:30:00.000Z')).has(s1), false, 'only the services asked for');
  });

  it('documents the endpoints in a valid OpenAPI document', async () => {
    const doc = (await api(ts.server.app).get('/api/v1/openapi.json')).body;
    const result = await new Validator().validate(doc);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
    assert.ok(doc.paths['/api/v1/maintenance-windows'].post);
    assert.ok(doc.paths['/api/v1/maintenance-windows/{id}'].patch);
    const body = doc.paths['/api/v1/maintenance-windows'].post.requestBody.content['application/json'].schema;
    const schema = body.$ref ? doc.components.schemas[body.$ref.split('/').pop()] : body;
    assert.equal(schema.additionalProperties, false);
    assert.ok(schema.properties.recurrence);
  });
});
