import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/** The final schedule through the API: who is on call, shifts, overrides, member changes, gaps (SPEC §3, §4.3). */
describe(`schedules: on call, shifts, overrides (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  const users: Record<string, string> = {};
  const name = (id: string) => Object.entries(users).find(([, v]) => v === id)?.[0] ?? id;

  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    for (const n of ['alice', 'bob', 'carol', 'dave']) users[n] = (await createUser(ts, { role: 'responder', name: n[0]!.toUpperCase() + n.slice(1) })).id;
  });
  after(() => ts.close());

  const fieldsOf = (r: { body: any }) => [...new Set<string>(r.body.error.details.fields.map((f: any) => f.field))];
  /** Shifts as "who start end" with the .000Z noise removed, as a person reads them. */
  const lines = (items: any[]) => items.map((s) => `${name(s.userId)} ${s.start.replace(':00.000Z', 'Z')} ${s.end.replace(':00.000Z', 'Z')}`);

  async function schedule(timeZone: string, layers: { members: string[]; rotation?: Record<string, unknown>; [k: string]: unknown }[], scheduleName = `S ${timeZone}`) {
    const r = await a.post('/api/v1/schedules', {
      name: scheduleName,
      timeZone,
      layers: layers.map((l, i) => ({
        name: `L${i + 1}`,
        ...l,
        members: l.members.map((m) => users[m]!),
        rotation: { unit: 'day', length: 1, handoffTime: '09:00', startDate: '2026-03-01', ...l.rotation },
      })),
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body as { id: string; layers: { id: string }[] };
  }
  const shifts = async (id: string, from: string, to: string) => {
    const r = await a.get(`/api/v1/schedules/${id}/shifts?from=${from}&to=${to}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.items as any[];
  };
  const oncall = async (id: string, at: string) => {
    const r = await a.get(`/api/v1/schedules/${id}/oncall?at=${encodeURIComponent(at)}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return (r.body.users as { id: string; name: string }[]).map((u) => name(u.id)).sort();
  };

  it('Asia/Tokyo and America/Chicago over the March 2026 change: a daily 09:00 handoff stays at 09:00 local', async () => {
    const chicago = await schedule('America/Chicago', [{ members: ['alice', 'bob'] }]);
    const tokyo = await schedule('Asia/Tokyo', [{ members: ['alice', 'bob'] }]);
    // 09:00 CST = 15:00Z before 2026-03-08, 09:00 CDT = 14:00Z from then on: the shift across the change lasts 23 hours
    assert.deepEqual(lines(await shifts(chicago.id, '2026-03-06T00:00:00Z', '2026-03-11T00:00:00Z')), [
      'alice 2026-03-06T00:00Z 2026-03-06T15:00Z',
      'bob 2026-03-06T15:00Z 2026-03-07T15:00Z',
      'alice 2026-03-07T15:00Z 2026-03-08T14:00Z',
      'bob 2026-03-08T14:00Z 2026-03-09T14:00Z',
      'alice 2026-03-09T14:00Z 2026-03-10T14:00Z',
      'bob 2026-03-10T14:00Z 2026-03-11T00:00Z',
    ]);
    // Japan has no DST: 09:00 JST is 00:00Z every day
    assert.deepEqual(lines(await shifts(tokyo.id, '2026-03-06T00:00:00Z', '2026-03-11T00:00:00Z')), [
      'bob 2026-03-06T00:00Z 2026-03-07T00:00Z',
      'alice 2026-03-07T00:00Z 2026-03-08T00:00Z',
      'bob 2026-03-08T00:00Z 2026-03-09T00:00Z',
      'alice 2026-03-09T00:00Z 2026-03-10T00:00Z',
      'bob 2026-03-10T00:00Z 2026-03-11T00:00Z',
    ]);
    // 08:30 CDT on the 8th: still Alice's shift from the 7th; 09:00 CDT: Bob
    assert.deepEqual(await oncall(chicago.id, '2026-03-08T13:30:00Z'), ['alice']);
    assert.deepEqual(await oncall(chicago.id, '2026-03-08T14:00:00Z'), ['bob']);
    assert.deepEqual(await oncall(chicago.id, '2026-03-07T14:59:59Z'), ['bob']);
    assert.deepEqual(await oncall(tokyo.id, '2026-03-08T13:30:00Z'), ['bob']);
    // an offset instant means the same moment
    assert.deepEqual(await oncall(chicago.id, '2026-03-08T08:30:00-05:00'), ['alice']);
    const r = await a.get(`/api/v1/schedules/${chicago.id}/oncall?at=2026-03-08T08:30:00-05:00`);
    assert.equal(r.body.at, '2026-03-08T13:30:00.000Z');
    assert.equal(r.body.users[0].name, 'Alice');
    assert.equal(r.body.users[0].until, '2026-03-08T14:00:00.000Z', 'until: the next handoff');
  });

  it('answers before the first handoff with nobody, and defaults at to now', async () => {
    const s = await schedule('UTC', [{ members: ['carol'], rotation: { startDate: '2027-01-01' } }]);
    ts.clock.set('2026-12-31T12:00:00.000Z');
    const now = await a.get(`/api/v1/schedules/${s.id}/oncall`);
    assert.equal(now.body.at, '2026-12-31T12:00:00.000Z');
    assert.deepEqual(now.body.users, []);
    assert.deepEqual(await oncall(s.id, '2027-01-01T09:00:00Z'), ['carol']);
    // before the layer starts, its members are those of the first list
    const view = (await a.get(`/api/v1/schedules/${s.id}`)).body;
    assert.deepEqual(
      view.layers[0].members.map((m: any) => m.name),
      ['Carol'],
    );
  });

  it('shifts are sorted, clipped to the range and split at every handoff (a one-person rotation is not merged)', async () => {
    const s = await schedule('Europe/Paris', [{ members: ['dave'], rotation: { unit: 'hour', length: 8, handoffTime: '00:00' } }]);
    assert.deepEqual(lines(await shifts(s.id, '2026-03-02T05:00:00Z', '2026-03-02T16:00:00Z')), [
      // Paris is UTC+1 in March before the 29th: handoffs at 23:00Z, 07:00Z, 15:00Z
      'dave 2026-03-02T05:00Z 2026-03-02T07:00Z',
      'dave 2026-03-02T07:00Z 2026-03-02T15:00Z',
      'dave 2026-03-02T15:00Z 2026-03-02T16:00Z',
    ]);
    const items = await shifts(s.id, '2026-03-02T05:00:00Z', '2026-03-02T08:00:00Z');
    assert.equal(items[0].layerId, s.layers[0]!.id);
    assert.equal(items[0].userName, 'Dave');
  });

  it('the higher layer wins where it has someone', async () => {
    const s = await schedule('UTC', [
      { members: ['alice', 'bob'], rotation: { handoffTime: '00:00' } },
      { members: ['carol'], rotation: { handoffTime: '00:00' }, restrictions: [{ kind: 'daily', start: '09:00', end: '17:00' }] },
    ]);
    assert.deepEqual(lines(await shifts(s.id, '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')), [
      'bob 2026-03-02T00:00Z 2026-03-02T09:00Z',
      'carol 2026-03-02T09:00Z 2026-03-02T17:00Z',
      'bob 2026-03-02T17:00Z 2026-03-03T00:00Z',
    ]);
    const layer = await a.get(`/api/v1/schedules/${s.id}/layers/${s.layers[0]!.id}/shifts?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z`);
    assert.deepEqual(lines(layer.body.items), ['bob 2026-03-02T00:00Z 2026-03-03T00:00Z'], 'a layer’s own shifts ignore higher layers');
    assert.equal((await a.get(`/api/v1/schedules/${s.id}/layers/01JD2Z3K4M5N6P7Q8R9S0TVWXY/shifts`)).status, 404);
  });

  it('overrides add, replace and remove a person, as seen by oncall and shifts', async () => {
    ts.clock.set('2026-03-01T00:00:00.000Z');
    // UTC, daily handoff at 00:00: alice on the 1st, 3rd, 5th; bob on the 2nd, 4th
    const s = await schedule('UTC', [{ members: ['alice', 'bob'], rotation: { handoffTime: '00:00' } }]);
    const override = (body: Record<string, unknown>) => a.post(`/api/v1/schedules/${s.id}/overrides`, body);

    const add = await override({ start: '2026-03-02T06:00:00Z', end: '2026-03-02T12:00:00Z', userId: users.carol });
    assert.equal(add.status, 201, JSON.stringify(add.body));
    assert.equal(add.body.kind, 'add');
    assert.equal(add.body.user.name, 'Carol');
    assert.equal(add.body.replacesUser, null);
    const replace = await override({ start: '2026-03-03T00:00:00Z', end: '2026-03-03T06:00:00Z', userId: users.dave, replacesUserId: users.alice });
    assert.equal(replace.status, 201);
    assert.equal(replace.body.kind, 'replace');
    const remove = await override({ start: '2026-03-04T10:00:00Z', end: '2026-03-04T12:00:00Z', replacesUserId: users.bob });
    assert.equal(remove.status, 201);
    assert.equal(remove.body.kind, 'remove');
    assert.equal(remove.body.user, null);

    assert.deepEqual(await oncall(s.id, '2026-03-02T08:00:00Z'), ['bob', 'carol']);
    assert.deepEqual(await oncall(s.id, '2026-03-03T03:00:00Z'), ['dave']);
    assert.deepEqual(await oncall(s.id, '2026-03-03T07:00:00Z'), ['alice']);
    assert.deepEqual(await oncall(s.id, '2026-03-04T11:00:00Z'), []);

    const items = await shifts(s.id, '2026-03-02T00:00:00Z', '2026-03-05T00:00:00Z');
    assert.deepEqual(lines(items), [
      'bob 2026-03-02T00:00Z 2026-03-03T00:00Z',
      'carol 2026-03-02T06:00Z 2026-03-02T12:00Z',
      'dave 2026-03-03T00:00Z 2026-03-03T06:00Z',
      'alice 2026-03-03T06:00Z 2026-03-04T00:00Z',
      'bob 2026-03-04T00:00Z 2026-03-04T10:00Z',
      'bob 2026-03-04T12:00Z 2026-03-05T00:00Z',
    ]);
    assert.equal(items.find((x) => name(x.userId) === 'carol').overrideId, add.body.id);
    assert.equal(items.find((x) => name(x.userId) === 'dave').overrideId, replace.body.id);

    const listed = await a.get(`/api/v1/schedules/${s.id}/overrides?from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z`);
    assert.deepEqual(
      listed.body.items.map((o: any) => o.kind),
      ['add', 'replace', 'remove'],
    );
    const later = await a.get(`/api/v1/schedules/${s.id}/overrides?from=2026-03-04T00:00:00Z&to=2026-03-31T00:00:00Z`);
    assert.deepEqual(
      later.body.items.map((o: any) => o.id),
      [remove.body.id],
    );

    assert.equal((await a.delete(`/api/v1/schedules/${s.id}/overrides/${replace.body.id}`)).status, 204);
    assert.deepEqual(await oncall(s.id, '2026-03-03T03:00:00Z'), ['alice']);
    const audit = (await a.get('/api/v1/audit?targetType=schedule')).body.items.filter((e: any) => e.targetId === s.id).map((e: any) => e.action);
    assert.ok(audit.includes('schedule.override_created') && audit.includes('schedule.override_deleted'), JSON.stringify(audit));
    const outbox = await ts.server.store.db.selectFrom('outbox').selectAll().where('topic', '=', 'schedule.changed').execute();
    assert.ok(outbox.filter((o) => JSON.parse(o.data).scheduleId === s.id).length >= 5);
  });

  it('refuses an override that makes no sense, naming the field', async () => {
    const s = await schedule('UTC', [{ members: ['alice', 'bob'] }]);
    const post = (body: Record<string, unknown>) => a.post(`/api/v1/schedules/${s.id}/overrides`, body);
    const span = { start: '2026-04-01T00:00:00Z', end: '2026-04-02T00:00:00Z' };

    const backwards = await post({ start: '2026-04-02T00:00:00Z', end: '2026-04-01T00:00:00Z', userId: users.carol });
    assert.equal(backwards.status, 400);
    assert.deepEqual(fieldsOf(backwards), ['end']);
    const zero = await post({ start: '2026-04-02T00:00:00Z', end: '2026-04-02T00:00:00Z', userId: users.carol });
    assert.deepEqual(fieldsOf(zero), ['end']);
    const nobody = await post(span);
    assert.equal(nobody.status, 400);
    assert.deepEqual(fieldsOf(nobody), ['userId']);
    assert.match(nobody.body.error.message, /replacesUserId/);
    const self = await post({ ...span, userId: users.alice, replacesUserId: users.alice });
    assert.equal(self.status, 400);
    assert.deepEqual(fieldsOf(self), ['replacesUserId']);
    const unknown = await post({ ...span, userId: '01JD2Z3K4M5N6P7Q8R9S0TVWXY' });
    assert.equal(unknown.status, 400);
    assert.deepEqual(fieldsOf(unknown), ['userId']);
    const unknownReplaced = await post({ ...span, userId: users.carol, replacesUserId: '01JD2Z3K4M5N6P7Q8R9S0TVWXY' });
    assert.deepEqual(fieldsOf(unknownReplaced), ['replacesUserId']);
    const gone = await createUser(ts, { role: 'responder', name: 'Gone' });
    await a.patch(`/api/v1/users/${gone.id}`, { disabled: true });
    const disabled = await post({ ...span, userId: gone.id });
    assert.equal(disabled.status, 400);
    assert.deepEqual(fieldsOf(disabled), ['userId']);
    assert.match(disabled.body.error.message, /disabled/);
    const extra = await post({ ...span, userId: users.carol, note: 'x' });
    assert.equal(extra.status, 400);
    assert.match(extra.body.error.message, /unknown field\(s\) note/);
    const notInstant = await post({ start: 'tomorrow', end: '2026-04-02T00:00:00Z', userId: users.carol });
    assert.deepEqual(fieldsOf(notInstant), ['body.start']);

    // overlapping overrides for the same person (two adds) are refused; touching ones and other people are fine
    assert.equal((await post({ ...span, userId: users.carol })).status, 201);
    const overlap = await post({ start: '2026-04-01T12:00:00Z', end: '2026-04-03T00:00:00Z', userId: users.carol });
    assert.equal(overlap.status, 400);
    assert.deepEqual(fieldsOf(overlap), ['start']);
    assert.match(overlap.body.error.message, /overlaps override/);
    assert.equal((await post({ start: '2026-04-02T00:00:00Z', end: '2026-04-03T00:00:00Z', userId: users.carol })).status, 201);
    assert.equal((await post({ ...span, userId: users.dave })).status, 201);
    assert.equal((await post({ ...span, userId: users.carol, replacesUserId: users.alice })).status, 201);
    assert.equal((await a.post('/api/v1/schedules/01JD2Z3K4M5N6P7Q8R9S0TVWXY/overrides', { ...span, userId: users.carol })).status, 404);
  });

  it('overlapping add overrides sent at the same moment: exactly one is accepted', async () => {
    const s = await schedule('UTC', [{ members: ['alice'] }]);
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => a.post(`/api/v1/schedules/${s.id}/overrides`, { start: `2026-05-01T0${i}:00:00Z`, end: '2026-05-01T12:00:00Z', userId: users.dave })),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 400, 400, 400, 400]);
    const stored = await a.get(`/api/v1/schedules/${s.id}/overrides?from=2026-05-01T00:00:00Z&to=2026-05-02T00:00:00Z`);
    assert.equal(stored.body.items.length, 1);
  });

  it('an override sent with an offset keeps the wall-clock time it was chosen at (edge case 4)', async () => {
    const s = await schedule('Europe/Paris', [{ members: ['alice', 'bob'] }]);
    // chosen as "00:00" on a calendar shown in America/Chicago, for a schedule in Paris, on a UTC server
    const r = await a.post(`/api/v1/schedules/${s.id}/overrides`, { start: '2026-04-01T00:00:00-05:00', end: '2026-04-02T00:00:00-05:00', userId: users.carol });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.start, '2026-04-01T05:00:00.000Z');
    assert.equal(r.body.end, '2026-04-02T05:00:00.000Z');
    assert.ok((await oncall(s.id, '2026-04-01T05:00:00Z')).includes('carol'));
    assert.ok(!(await oncall(s.id, '2026-04-01T04:59:59Z')).includes('carol'));
  });

  it('a member change from an instant leaves earlier shifts alone; a removed user is not a current member (edge case 12)', async () => {
    ts.clock.set('2026-05-20T00:00:00.000Z');
    const s = await schedule('UTC', [{ members: ['alice', 'bob', 'carol'], rotation: { startDate: '2026-05-01' } }]);
    const layerId = s.layers[0]!.id;
    const before = await shifts(s.id, '2026-05-25T00:00:00Z', '2026-06-05T00:00:00Z');

    const changed = await a.put(`/api/v1/schedules/${s.id}/layers/${layerId}/members`, { members: [users.alice, users.carol], effectiveFrom: '2026-06-01T00:00:00Z' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    // scheduled, not yet in force: Bob is still a member now
    assert.deepEqual(
      changed.body.layers[0].members.map((m: any) => m.name),
      ['Alice', 'Bob', 'Carol'],
    );
    const afterChange = await shifts(s.id, '2026-05-25T00:00:00Z', '2026-06-05T00:00:00Z');
    const cut = Date.parse('2026-06-01T00:00:00Z');
    assert.deepEqual(
      lines(afterChange.filter((x) => Date.parse(x.end) <= cut)),
      lines(before.filter((x) => Date.parse(x.end) <= cut)),
      'shifts before the change are as they were',
    );
    assert.deepEqual(lines(afterChange.filter((x) => Date.parse(x.end) > cut)), [
      'alice 2026-05-31T09:00Z 2026-06-01T09:00Z',
      'carol 2026-06-01T09:00Z 2026-06-02T09:00Z',
      'alice 2026-06-02T09:00Z 2026-06-03T09:00Z',
      'carol 2026-06-03T09:00Z 2026-06-04T09:00Z',
      'alice 2026-06-04T09:00Z 2026-06-05T00:00Z',
    ]);

    ts.clock.set('2026-06-02T00:00:00.000Z');
    const view = (await a.get(`/api/v1/schedules/${s.id}`)).body;
    assert.deepEqual(
      view.layers[0].members.map((m: any) => m.name),
      ['Alice', 'Carol'],
    );
    assert.deepEqual(
      view.layers[0].memberHistory.map((p: any) => [p.from, p.members.map((m: any) => m.name).join(',')]),
      [
        ['2026-05-01T09:00:00.000Z', 'Alice,Bob,Carol'],
        ['2026-06-01T00:00:00.000Z', 'Alice,Carol'],
      ],
    );
    const past = await shifts(s.id, '2026-05-01T00:00:00Z', '2026-05-10T00:00:00Z');
    assert.ok(past.some((x) => name(x.userId) === 'bob'), 'history still shows Bob’s past shifts');

    const inPast = await a.put(`/api/v1/schedules/${s.id}/layers/${layerId}/members`, { members: [users.alice], effectiveFrom: '2026-06-01T12:00:00Z' });
    assert.equal(inPast.status, 400);
    assert.deepEqual(fieldsOf(inPast), ['effectiveFrom']);
    assert.match(inPast.body.error.message, /never rewrites the past/);
    const unknown = await a.put(`/api/v1/schedules/${s.id}/layers/${layerId}/members`, { members: [users.alice, '01JD2Z3K4M5N6P7Q8R9S0TVWXY'] });
    assert.deepEqual(fieldsOf(unknown), ['members.1']);
    const empty = await a.put(`/api/v1/schedules/${s.id}/layers/${layerId}/members`, { members: [] });
    assert.deepEqual(fieldsOf(empty), ['body.members']);
    assert.equal((await a.put(`/api/v1/schedules/${s.id}/layers/01JD2Z3K4M5N6P7Q8R9S0TVWXY/members`, { members: [users.alice] })).status, 404);
  });

  it('adding a member at the next handoff changes neither who is on call now nor the others’ order (edge case 11)', async () => {
    ts.clock.set('2026-05-20T12:00:00.000Z');
    const s = await schedule('UTC', [{ members: ['alice', 'bob', 'carol'], rotation: { startDate: '2026-05-01' } }]);
    const nowBefore = await oncall(s.id, '2026-05-20T12:00:00Z');
    const r = await a.put(`/api/v1/schedules/${s.id}/layers/${s.layers[0]!.id}/members`, {
      members: [users.alice, users.bob, users.carol, users.dave],
      effective: 'next_handoff',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(await oncall(s.id, '2026-05-20T12:00:00Z'), nowBefore);
    assert.deepEqual(nowBefore, ['bob']);
    const next = await shifts(s.id, '2026-05-20T12:00:00Z', '2026-05-26T00:00:00Z');
    assert.deepEqual(
      next.map((x) => name(x.userId)),
      ['bob', 'carol', 'dave', 'alice', 'bob', 'carol'],
      'carol still follows bob; dave joins after carol; then alice, bob as before',
    );
    assert.equal(r.body.layers[0].memberHistory[1].effective, 'next_handoff');
  });

  it('reports coverage gaps only from now on (edge case 8)', async () => {
    ts.clock.set('2026-03-10T12:00:00.000Z');
    const s = await schedule('UTC', [{ members: ['alice'], rotation: { handoffTime: '00:00' }, restrictions: [{ kind: 'daily', start: '09:00', end: '17:00' }] }]);
    const gaps = await a.get(`/api/v1/schedules/${s.id}/gaps?from=2026-03-09T00:00:00Z&to=2026-03-12T00:00:00Z`);
    assert.equal(gaps.status, 200, JSON.stringify(gaps.body));
    assert.deepEqual(gaps.body.items, [
      { start: '2026-03-10T17:00:00.000Z', end: '2026-03-11T09:00:00.000Z' },
      { start: '2026-03-11T17:00:00.000Z', end: '2026-03-12T00:00:00.000Z' },
    ]);
    const past = await a.get(`/api/v1/schedules/${s.id}/gaps?from=2026-03-01T00:00:00Z&to=2026-03-10T00:00:00Z`);
    assert.deepEqual(past.body.items, [], 'an elapsed hole is not reported');
    // an override filling tonight's hole removes that gap
    assert.equal((await a.post(`/api/v1/schedules/${s.id}/overrides`, { start: '2026-03-10T17:00:00Z', end: '2026-03-11T09:00:00Z', userId: users.bob })).status, 201);
    const filled = await a.get(`/api/v1/schedules/${s.id}/gaps?from=2026-03-09T00:00:00Z&to=2026-03-12T00:00:00Z`);
    assert.deepEqual(filled.body.items, [{ start: '2026-03-11T17:00:00.000Z', end: '2026-03-12T00:00:00.000Z' }]);
    // default range: from now, two weeks
    const byDefault = await a.get(`/api/v1/schedules/${s.id}/gaps`);
    assert.equal(byDefault.body.from, '2026-03-10T12:00:00.000Z');
    assert.equal(byDefault.body.to, '2026-03-24T12:00:00.000Z');
  });

  it('GET /oncall lists every schedule with who is on call', async () => {
    const s = await schedule('UTC', [{ members: ['carol'], rotation: { handoffTime: '00:00' } }], 'AAA first by name');
    const r = await a.get('/api/v1/oncall?at=2026-03-15T10:00:00Z');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.at, '2026-03-15T10:00:00.000Z');
    assert.equal(r.body.items[0].scheduleId, s.id);
    assert.equal(r.body.items[0].scheduleName, 'AAA first by name');
    assert.deepEqual(
      r.body.items[0].users.map((u: any) => [u.name, u.until]),
      [['Carol', '2026-03-16T00:00:00.000Z']],
    );
    assert.ok(r.body.items.length > 5);
  });
});
