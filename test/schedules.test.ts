import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/** Schedules: create, read, change, delete; bad input; who may do what (SPEC §3, §4.3). */
describe(`schedules API (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  let carol: { id: string; token: string };
  const ghost = '01JD2Z3K4M5N6P7Q8R9S0TVWXY';

  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    alice = await createUser(ts, { role: 'responder', name: 'Alice' });
    bob = await createUser(ts, { role: 'responder', name: 'Bob' });
    carol = await createUser(ts, { role: 'responder', name: 'Carol' });
  });
  after(() => ts.close());

  /** The fields named, each once (an instant's format and range checks may both report it). */
  const fieldsOf = (r: { body: any }) => [...new Set<string>(r.body.error.details.fields.map((f: any) => f.field))];
  const daily = (members: string[], more: Record<string, unknown> = {}) => ({
    name: 'Primary',
    members,
    rotation: { unit: 'day', length: 1, handoffTime: '09:00', startDate: '2026-03-01' },
    ...more,
  });

  it('creates a schedule as SPEC §3 describes, lists, reads and audits it', async () => {
    const created = await a.post('/api/v1/schedules', { name: 'Platform', timeZone: 'america/chicago', layers: [daily([alice.id, bob.id])] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const s = created.body;
    assert.equal(s.timeZone, 'America/Chicago', 'the zone is stored in its canonical spelling');
    assert.equal(s.description, '');
    assert.equal(s.layers.length, 1);
    const layer = s.layers[0];
    assert.equal(layer.position, 1);
    assert.deepEqual(layer.rotation, { unit: 'day', length: 1, handoffTime: '09:00', startDate: '2026-03-01' });
    assert.deepEqual(layer.restrictions, []);
    assert.equal(layer.start, null);
    assert.equal(layer.end, null);
    assert.deepEqual(layer.members, [
      { id: alice.id, name: 'Alice' },
      { id: bob.id, name: 'Bob' },
    ]);
    // one member period, from the first handoff: 2026-03-01 09:00 CST = 15:00Z
    assert.deepEqual(layer.memberHistory, [{ from: '2026-03-01T15:00:00.000Z', effective: 'at', members: layer.members }]);

    assert.equal((await a.get(`/api/v1/schedules/${s.id}`)).body.name, 'Platform');
    const list = await a.get('/api/v1/schedules');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((x: any) => x.id === s.id));
    assert.equal(list.body.nextCursor, null);

    const audit = (await a.get('/api/v1/audit?targetType=schedule')).body.items.map((e: any) => `${e.action}:${e.targetId}`);
    assert.ok(audit.includes(`schedule.created:${s.id}`), JSON.stringify(audit));
    const outbox = await ts.server.store.db.selectFrom('outbox').selectAll().where('topic', '=', 'schedule.changed').execute();
    assert.ok(outbox.some((o) => JSON.parse(o.data).scheduleId === s.id && o.incidentId === null));
  });

  it('keeps layer ids stable on PATCH, adds and removes layers, and applies a changed member list from now', async () => {
    ts.clock.set('2026-03-10T12:00:00.000Z');
    const created = await a.post('/api/v1/schedules', {
      name: 'Edit me',
      timeZone: 'UTC',
      layers: [daily([alice.id, bob.id], { name: 'Base' }), daily([carol.id], { name: 'Old top' })],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const [base, top] = created.body.layers;
    const pastBefore = await a.get(`/api/v1/schedules/${created.body.id}/shifts?from=2026-03-01T00:00:00Z&to=2026-03-10T00:00:00Z`);

    const changed = await a.patch(`/api/v1/schedules/${created.body.id}`, {
      name: 'Edited',
      description: 'Checkout team',
      layers: [
        { id: base.id, name: 'Base', members: [alice.id, carol.id], rotation: base.rotation },
        { name: 'New top', members: [bob.id], rotation: { unit: 'week', length: 1, handoffTime: '10:00', startDate: '2026-03-16' } },
      ],
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.name, 'Edited');
    assert.equal(changed.body.description, 'Checkout team');
    assert.equal(changed.body.layers.length, 2);
    assert.equal(changed.body.layers[0].id, base.id, 'the kept layer keeps its id');
    assert.notEqual(changed.body.layers[1].id, top.id, 'the old top layer is gone, a new one added');
    assert.deepEqual(
      changed.body.layers.map((l: any) => [l.position, l.name]),
      [
        [1, 'Base'],
        [2, 'New top'],
      ],
    );
    const history = changed.body.layers[0].memberHistory;
    assert.equal(history.length, 2);
    assert.equal(history[1].from, '2026-03-10T12:00:00.000Z', 'the new list applies from now');
    assert.deepEqual(
      changed.body.layers[0].members.map((m: any) => m.name),
      ['Alice', 'Carol'],
    );
    // the base layer's past is what it was (the removed top layer is gone from the whole schedule)
    const baseBefore = await a.get(`/api/v1/schedules/${created.body.id}/layers/${base.id}/shifts?from=2026-03-01T00:00:00Z&to=2026-03-10T00:00:00Z`);
    assert.equal(baseBefore.status, 200);
    assert.ok(baseBefore.body.items.some((x: any) => x.userId === bob.id), 'Bob’s past turns stay in the history');
    assert.ok(pastBefore.body.items.length > 0);

    const sameMembers = await a.patch(`/api/v1/schedules/${created.body.id}`, {
      layers: changed.body.layers.map((l: any) => ({ id: l.id, name: l.name, members: l.members.map((m: any) => m.id), rotation: l.rotation })),
    });
    assert.equal(sameMembers.status, 200);
    assert.equal(sameMembers.body.layers[0].memberHistory.length, 2, 'resending the current members adds no period');

    const unknownLayer = await a.patch(`/api/v1/schedules/${created.body.id}`, { layers: [{ id: ghost, ...daily([alice.id]) }] });
    assert.equal(unknownLayer.status, 400);
    assert.deepEqual(fieldsOf(unknownLayer), ['layers.0.id']);

    const empty = await a.patch(`/api/v1/schedules/${created.body.id}`, {});
    assert.equal(empty.status, 400);
    const audit = (await a.get('/api/v1/audit?targetType=schedule')).body.items.filter((e: any) => e.targetId === created.body.id).map((e: any) => e.action);
    assert.ok(audit.includes('schedule.updated'), JSON.stringify(audit));
  });

  it('a new time zone keeps every handoff at the same wall-clock time', async () => {
    ts.clock.set('2026-03-10T12:00:00.000Z');
    const s = (await a.post('/api/v1/schedules', { name: 'Moves', timeZone: 'UTC', layers: [daily([alice.id, bob.id])] })).body;
    const moved = await a.patch(`/api/v1/schedules/${s.id}`, { timeZone: 'Asia/Tokyo' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.timeZone, 'Asia/Tokyo');
    // the first handoff is now 09:00 JST = 00:00Z, and the first members count from it
    assert.equal(moved.body.layers[0].memberHistory[0].from, '2026-03-01T00:00:00.000Z');
    const items = (await a.get(`/api/v1/schedules/${s.id}/shifts?from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z`)).body.items;
    assert.deepEqual(
      items.map((x: any) => [x.userId, x.start]),
      [
        [alice.id, '2026-03-01T00:00:00.000Z'],
        [bob.id, '2026-03-02T00:00:00.000Z'],
      ],
    );
    const bad = await a.patch(`/api/v1/schedules/${s.id}`, { timeZone: 'Europe/Atlantis' });
    assert.equal(bad.status, 400);
    assert.deepEqual(fieldsOf(bad), ['body.timeZone']);
  });

  it('refuses bad input with a 4xx naming the field and the fix', async () => {
    const post = (body: unknown) => a.post('/api/v1/schedules', body);
    const base = { name: 'Bad', timeZone: 'Asia/Tokyo', layers: [daily([alice.id])] };
    const withLayer = (more: Record<string, unknown>, rotation: Record<string, unknown> = {}) => ({
      ...base,
      layers: [{ ...daily([alice.id]), ...more, rotation: { ...daily([]).rotation, ...rotation } }],
    });

    const zone = await post({ ...base, timeZone: 'Mars/Olympus_Mons' });
    assert.equal(zone.status, 400);
    assert.deepEqual(fieldsOf(zone), ['body.timeZone']);
    assert.match(zone.body.error.message, /IANA time zone/);

    for (const t of ['24:00', '9:00', '09:60', 'noon']) {
      const r = await post(withLayer({}, { handoffTime: t }));
      assert.equal(r.status, 400, t);
      assert.deepEqual(fieldsOf(r), ['body.layers.0.rotation.handoffTime'], t);
      assert.match(r.body.error.message, /HH:MM/);
    }
    const badDate = await post(withLayer({}, { startDate: '2026-02-30' }));
    assert.equal(badDate.status, 400);
    assert.deepEqual(fieldsOf(badDate), ['body.layers.0.rotation.startDate']);
    const badUnit = await post(withLayer({}, { unit: 'month' }));
    assert.deepEqual(fieldsOf(badUnit), ['body.layers.0.rotation.unit']);
    const zeroLength = await post(withLayer({}, { length: 0 }));
    assert.deepEqual(fieldsOf(zeroLength), ['body.layers.0.rotation.length']);

    const backwards = await post(withLayer({ start: '2026-03-10T00:00:00Z', end: '2026-03-05T00:00:00Z' }));
    assert.equal(backwards.status, 400);
    assert.deepEqual(fieldsOf(backwards), ['layers.0.end']);
    assert.match(backwards.body.error.message, /cannot end before it starts/);
    const endsBeforeFirstHandoff = await post(withLayer({ end: '2026-02-01T00:00:00Z' }));
    assert.equal(endsBeforeFirstHandoff.status, 400);
    assert.deepEqual(fieldsOf(endsBeforeFirstHandoff), ['layers.0.end']);

    const noMembers = await post(withLayer({ members: [] }));
    assert.equal(noMembers.status, 400);
    assert.deepEqual(fieldsOf(noMembers), ['body.layers.0.members']);
    assert.match(noMembers.body.error.message, /at least one member/);

    const unknownUser = await post(withLayer({ members: [alice.id, ghost] }));
    assert.equal(unknownUser.status, 400);
    assert.deepEqual(fieldsOf(unknownUser), ['layers.0.members.1']);
    assert.match(unknownUser.body.error.message, /no user with id/);

    const noLayers = await post({ ...base, layers: [] });
    assert.deepEqual(fieldsOf(noLayers), ['body.layers']);

    const unknownKey = await post({ ...base, owner: 'me' });
    assert.equal(unknownKey.status, 400);
    assert.match(unknownKey.body.error.message, /unknown field\(s\) owner/);
    const unknownLayerKey = await post(withLayer({ color: 'red' }));
    assert.equal(unknownLayerKey.status, 400);
    assert.deepEqual(fieldsOf(unknownLayerKey), ['body.layers.0']);
    const layerIdOnCreate = await post(withLayer({ id: ghost }));
    assert.equal(layerIdOnCreate.status, 400, 'layer ids are chosen by the server on create');

    const badRestriction = await post(withLayer({ restrictions: [{ kind: 'daily', start: '09:00', end: '25:00' }] }));
    assert.equal(badRestriction.status, 400);
    assert.deepEqual(fieldsOf(badRestriction), ['body.layers.0.restrictions.0.end']);
    const emptyWindow = await post(withLayer({ restrictions: [{ kind: 'daily', start: '09:00', end: '09:00' }] }));
    assert.equal(emptyWindow.status, 400);
    assert.deepEqual(fieldsOf(emptyWindow), ['layers.0.restrictions.0.end']);

    const disabled = await createUser(ts, { role: 'responder', name: 'Gone' });
    assert.equal((await a.patch(`/api/v1/users/${disabled.id}`, { disabled: true })).status, 200);
    const disabledMember = await post(withLayer({ members: [disabled.id] }));
    assert.equal(disabledMember.status, 400);
    assert.deepEqual(fieldsOf(disabledMember), ['layers.0.members.0']);
    assert.match(disabledMember.body.error.message, /disabled/);

    const missing = await a.get(`/api/v1/schedules/${ghost}`);
    assert.equal(missing.status, 404);
    const badId = await a.get('/api/v1/schedules/not-an-id');
    assert.equal(badId.status, 400);
    assert.deepEqual(fieldsOf(badId), ['params.id']);
  });

  it('limits a range to 366 days and wants to after from', async () => {
    const s = (await a.post('/api/v1/schedules', { name: 'Ranges', timeZone: 'UTC', layers: [daily([alice.id])] })).body;
    const ok = await a.get(`/api/v1/schedules/${s.id}/shifts?from=2026-03-01T00:00:00Z&to=2027-03-02T00:00:00Z`);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.items.length, 366);
    const tooLong = await a.get(`/api/v1/schedules/${s.id}/shifts?from=2026-03-01T00:00:00Z&to=2027-03-03T00:00:00Z`);
    assert.equal(tooLong.status, 400);
    assert.deepEqual(fieldsOf(tooLong), ['to']);
    assert.match(tooLong.body.error.message, /at most 366 days/);
    for (const path of ['gaps', 'overrides', `layers/${s.layers[0].id}/shifts`]) {
      const r = await a.get(`/api/v1/schedules/${s.id}/${path}?from=2026-03-01T00:00:00Z&to=2028-03-01T00:00:00Z`);
      assert.equal(r.status, 400, path);
      assert.deepEqual(fieldsOf(r), ['to'], path);
    }
    const backwards = await a.get(`/api/v1/schedules/${s.id}/shifts?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z`);
    assert.equal(backwards.status, 400);
    assert.deepEqual(fieldsOf(backwards), ['to']);
    const notInstant = await a.get(`/api/v1/schedules/${s.id}/shifts?from=yesterday`);
    assert.equal(notInstant.status, 400);
    assert.deepEqual(fieldsOf(notInstant), ['query.from']);
    const badAt = await a.get(`/api/v1/schedules/${s.id}/oncall?at=2026-13-01T00:00:00Z`);
    assert.equal(badAt.status, 400);
    assert.deepEqual(fieldsOf(badAt), ['query.at']);
    const unknownParam = await a.get(`/api/v1/schedules/${s.id}/shifts?since=2026-03-01T00:00:00Z`);
    assert.equal(unknownParam.status, 400);
  });

  it('observers read, responders override, only admins manage schedules', async () => {
    const observer = api(ts.server.app, (await createUser(ts, { role: 'observer' })).token);
    const responder = api(ts.server.app, alice.token);
    const admin = api(ts.server.app, (await createUser(ts, { role: 'admin' })).token);
    const body = { name: 'Perms', timeZone: 'Europe/Paris', layers: [daily([alice.id, bob.id])] };

    assert.equal((await observer.post('/api/v1/schedules', body)).status, 403);
    assert.equal((await responder.post('/api/v1/schedules', body)).status, 403);
    const created = await admin.post('/api/v1/schedules', body);
    assert.equal(created.status, 201);
    const id = created.body.id;
    const layerId = created.body.layers[0].id;

    for (const path of ['', '/oncall', '/shifts', '/gaps', '/overrides', `/layers/${layerId}/shifts`, '/feed-url']) {
      assert.equal((await observer.get(`/api/v1/schedules/${id}${path}`)).status, 200, path);
    }
    assert.equal((await observer.get('/api/v1/schedules')).status, 200);
    assert.equal((await observer.get('/api/v1/oncall')).status, 200);

    const override = { start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z', userId: carol.id, replacesUserId: alice.id };
    assert.equal((await observer.post(`/api/v1/schedules/${id}/overrides`, override)).status, 403);
    const made = await responder.post(`/api/v1/schedules/${id}/overrides`, override);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal((await observer.delete(`/api/v1/schedules/${id}/overrides/${made.body.id}`)).status, 403);
    assert.equal((await responder.delete(`/api/v1/schedules/${id}/overrides/${made.body.id}`)).status, 204);
    assert.equal((await responder.delete(`/api/v1/schedules/${id}/overrides/${made.body.id}`)).status, 404);

    assert.equal((await responder.patch(`/api/v1/schedules/${id}`, { name: 'x' })).status, 403);
    assert.equal((await responder.put(`/api/v1/schedules/${id}/layers/${layerId}/members`, { members: [bob.id] })).status, 403);
    assert.equal((await responder.delete(`/api/v1/schedules/${id}`)).status, 403);
    assert.equal((await admin.put(`/api/v1/schedules/${id}/layers/${layerId}/members`, { members: [bob.id] })).status, 200);
    assert.equal((await api(ts.server.app).get(`/api/v1/schedules/${id}`)).status, 401);
  });

  it('refuses to delete a schedule an escalation policy pages (409), then deletes it with its layers and overrides', async () => {
    const s = (await a.post('/api/v1/schedules', { name: 'Paged', timeZone: 'UTC', layers: [daily([alice.id])] })).body;
    const other = (await a.post('/api/v1/schedules', { name: 'Other', timeZone: 'UTC', layers: [daily([bob.id])] })).body;
    assert.equal((await a.post(`/api/v1/schedules/${s.id}/overrides`, { start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z', userId: bob.id })).status, 201);
    const policy = await a.post('/api/v1/escalation-policies', { name: 'Pages it', levels: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: s.id }] }] });
    assert.equal(policy.status, 201, JSON.stringify(policy.body));
    // a policy that only mentions the id elsewhere (here: another schedule) does not block it
    await a.post('/api/v1/escalation-policies', { name: 'Pages other', levels: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: other.id }] }] });

    const refused = await a.delete(`/api/v1/schedules/${s.id}`);
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /Pages it/);
    assert.deepEqual(refused.body.error.details.escalationPolicyIds, [policy.body.id]);

    assert.equal((await a.delete(`/api/v1/escalation-policies/${policy.body.id}`)).status, 204);
    assert.equal((await a.delete(`/api/v1/schedules/${s.id}`)).status, 204);
    assert.equal((await a.get(`/api/v1/schedules/${s.id}`)).status, 404);
    const leftovers = await ts.server.store.db.selectFrom('scheduleOverride').select('id').where('scheduleId', '=', s.id).execute();
    assert.equal(leftovers.length, 0);
    assert.equal((await a.delete(`/api/v1/schedules/${s.id}`)).status, 404);
  });

  it('documents the schedule routes in the OpenAPI document', async () => {
    const doc = (await a.get('/api/v1/openapi.json')).body;
    const result = await new Validator().validate(doc);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
    for (const path of [
      '/api/v1/schedules',
      '/api/v1/schedules/{id}',
      '/api/v1/schedules/{id}/oncall',
      '/api/v1/schedules/{id}/shifts',
      '/api/v1/schedules/{id}/overrides',
      '/api/v1/schedules/{id}/layers/{layerId}/members',
      '/api/v1/schedules/{id}/feed.ics',
      '/api/v1/oncall',
    ]) {
      assert.ok(doc.paths[path], path);
    }
    assert.ok(doc.components.schemas.Schedule);
  });
});
