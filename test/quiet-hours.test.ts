import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FakeClock } from '../src/platform/clock.js';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';

const MINUTE = 60_000;
const fieldsOf = (r: { body: any }) => (r.body.error?.details?.fields ?? []).map((f: { field: string }) => f.field);

/**
 * Quiet hours (edge case 6): Alice in Asia/Tokyo and Bob in America/Denver are on call all week on
 * their own schedules, both on level 1 of one policy, both quiet 22:00–07:00 in their own zone. A
 * low-urgency page at 03:00 one person's local time waits for 07:00 there (DST-correct); the other is
 * paged at once; a high-urgency page is never held. Real SMTP server, fake clock, jobs ticked by hand.
 */
describe(`quiet hours (${dialectName})`, () => {
  let ts: TestServer;
  let smtp: SmtpSink;
  let owner: Api;
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  let serviceId: string;

  before(async () => {
    smtp = await startSmtpSink();
    // 2026-03-07T18:00Z: 03:00 on Sunday in Tokyo, 11:00 on Saturday in Denver.
    ts = await startTestServer({ clock: new FakeClock('2026-03-07T18:00:00.000Z'), env: { HIKESHI_SMTP_URL: smtp.url, HIKESHI_SMTP_FROM: 'hikeshi@example.com' } });
    owner = api(ts.server.app, ts.token);
    alice = await createUser(ts, { role: 'responder', name: 'Alice' });
    bob = await createUser(ts, { role: 'responder', name: 'Bob' });
    for (const [who, zone, address] of [
      [alice, 'Asia/Tokyo', 'alice@example.com'],
      [bob, 'America/Denver', 'bob@example.com'],
    ] as const) {
      const me = api(ts.server.app, who.token);
      const set = await me.patch(`/api/v1/users/${who.id}`, { timeZone: zone, quietHours: { start: '22:00', end: '07:00' } });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      assert.equal((await me.post(`/api/v1/users/${who.id}/contact-methods`, { type: 'email', address })).status, 201);
    }
    const week = (name: string, timeZone: string, member: string) =>
      owner.post('/api/v1/schedules', { name, timeZone, layers: [{ name: 'all week', members: [member], rotation: { unit: 'week', length: 1, handoffTime: '09:00', startDate: '2026-03-02' } }] });
    const tokyo = await week('tokyo', 'Asia/Tokyo', alice.id);
    const denver = await week('denver', 'America/Denver', bob.id);
    assert.equal(tokyo.status, 201, JSON.stringify(tokyo.body));
    assert.equal(denver.status, 201, JSON.stringify(denver.body));
    const policy = await owner.post('/api/v1/escalation-policies', {
      name: 'follow the sun',
      levels: [
        {
          delayMinutes: 30,
          targets: [
            { type: 'schedule', id: tokyo.body.id },
            { type: 'schedule', id: denver.body.id },
          ],
        },
      ],
    });
    assert.equal(policy.status, 201, JSON.stringify(policy.body));
    const svc = await owner.post('/api/v1/services', { name: 'batch', escalationPolicyId: policy.body.id });
    serviceId = svc.body.id;
  });
  after(async () => {
    await ts?.close();
    await smtp?.close();
  });

  const drain = async () => {
    for (let i = 0; i < 10 && (await ts.server.jobs.tick(ts.clock.now())) > 0; i++);
  };
  const declare = async (title: string, urgency: number) => {
    const r = await owner.post('/api/v1/incidents', { title, serviceId, severity: 'SEV3', urgency });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body as { id: string; number: number };
  };
  const notifications = async (incidentId: string) =>
    ((await owner.get(`/api/v1/incidents/${incidentId}/notifications`)).body.items as any[]).map((n) => ({
      user: n.user.name,
      status: n.status,
      nextAttemptAt: n.nextAttemptAt,
      deferral: n.deferral,
    }));
  const of = (list: { user: string }[], name: string) => list.find((n) => n.user === name) as any;
  const mailsTo = (address: string, incident: { number: number }) =>
    smtp.messages.filter((m) => m.envelope.to.includes(address) && (m.parsed.subject ?? '').includes(`INC-${incident.number}`));
  /** Mail arrives at the sink over IPC a little after delivery is recorded. */
  const settle = async (expected: number) => {
    await smtp.waitFor(expected);
    await new Promise((r) => setTimeout(r, 50));
  };

  it('quiet hours are a person’s own setting, checked when saved', async () => {
    const me = api(ts.server.app, alice.token);
    const view = await me.get(`/api/v1/users/${alice.id}`);
    assert.deepEqual(view.body.quietHours, { start: '22:00', end: '07:00' });
    const same = await me.patch(`/api/v1/users/${alice.id}`, { quietHours: { start: '07:00', end: '07:00' } });
    assert.equal(same.status, 400);
    assert.deepEqual(fieldsOf(same), ['body.quietHours']);
    assert.match(same.body.error.message, /start and end must differ/);
    const malformed = await me.patch(`/api/v1/users/${alice.id}`, { quietHours: { start: '7:00', end: '25:00' } });
    assert.equal(malformed.status, 400);
    assert.deepEqual(fieldsOf(malformed).sort(), ['body.quietHours.end', 'body.quietHours.start']);
    const extra = await me.patch(`/api/v1/users/${alice.id}`, { quietHours: { start: '22:00', end: '07:00', days: 'weekdays' } });
    assert.equal(extra.status, 400);
    // Someone else needs user.manage to change them.
    assert.equal((await api(ts.server.app, bob.token).patch(`/api/v1/users/${alice.id}`, { quietHours: null })).status, 403);
    // null removes them; setting them again restores the scenario.
    assert.equal((await me.patch(`/api/v1/users/${alice.id}`, { quietHours: null })).body.quietHours, null);
    assert.deepEqual((await me.patch(`/api/v1/users/${alice.id}`, { quietHours: { start: '22:00', end: '07:00' } })).body.quietHours, { start: '22:00', end: '07:00' });
  });

  it('a low-urgency page at 03:00 in Tokyo waits for 07:00 there; Denver (11:00) is paged at once', async () => {
    assert.equal(ts.clock.now().toISOString(), '2026-03-07T18:00:00.000Z');
    const sent = smtp.messages.length;
    const incident = await declare('nightly report late', 3);
    await drain();
    await settle(sent + 1);
    assert.equal(mailsTo('bob@example.com', incident).length, 1, 'Bob, at 11:00 in Denver, at once');
    assert.equal(mailsTo('alice@example.com', incident).length, 0, 'Alice, at 03:00 in Tokyo, not yet');
    const list = await notifications(incident.id);
    assert.deepEqual(of(list, 'Alice'), {
      user: 'Alice',
      status: 'pending',
      nextAttemptAt: '2026-03-07T22:00:00.000Z',
      deferral: { reason: 'quiet_hours', until: '2026-03-07T22:00:00.000Z' },
    });
    assert.equal(of(list, 'Bob').deferral, null);
    const entry = ((await owner.get(`/api/v1/incidents/${incident.id}/timeline`)).body.items as any[]).find((e) => e.action === 'notification.deferred');
    assert.ok(entry, 'the timeline says the page waits');
    assert.deepEqual([entry.data.userName, entry.data.reason, entry.data.until, entry.data.timeZone], ['Alice', 'quiet_hours', '2026-03-07T22:00:00.000Z', 'Asia/Tokyo']);

    ts.clock.set('2026-03-07T21:59:00.000Z');
    await drain();
    assert.equal(of(await notifications(incident.id), 'Alice').status, 'pending', '06:59 in Tokyo: still quiet');
    ts.clock.set('2026-03-07T22:00:00.000Z');
    await drain();
    await settle(sent + 2);
    assert.equal(mailsTo('alice@example.com', incident).length, 1, '07:00 in Tokyo: sent');
    const done = of(await notifications(incident.id), 'Alice');
    assert.equal(done.status, 'delivered');
    assert.deepEqual(done.deferral, { reason: 'quiet_hours', until: '2026-03-07T22:00:00.000Z' }, 'the record still shows it waited');
    assert.equal((await owner.post(`/api/v1/incidents/${incident.id}/resolve`)).status, 200);
  });

  it('in Denver on the spring-forward night, the wait ends at 07:00 MDT (13:00Z), not 07:00 MST', async () => {
    // 2026-03-08T09:30Z is 03:30 MDT in Denver (clocks went 02:00 → 03:00 at 09:00Z) and 18:30 in Tokyo.
    ts.clock.set('2026-03-08T09:30:00.000Z');
    const sent = smtp.messages.length;
    const incident = await declare('queue backlog', 3);
    await drain();
    await settle(sent + 1);
    assert.equal(mailsTo('alice@example.com', incident).length, 1, 'Alice, at 18:30 in Tokyo, at once');
    assert.equal(mailsTo('bob@example.com', incident).length, 0);
    assert.deepEqual(of(await notifications(incident.id), 'Bob').deferral, { reason: 'quiet_hours', until: '2026-03-08T13:00:00.000Z' });
    ts.clock.set('2026-03-08T13:00:00.000Z');
    await drain();
    await settle(sent + 2);
    assert.equal(mailsTo('bob@example.com', incident).length, 1);
    assert.equal((await owner.post(`/api/v1/incidents/${incident.id}/resolve`)).status, 200);
  });

  it('a high-urgency page is never held, quiet hours or not', async () => {
    // 2026-03-09T05:00Z: 23:00 MDT in Denver, 14:00 in Tokyo.
    ts.clock.set('2026-03-09T05:00:00.000Z');
    const sent = smtp.messages.length;
    const incident = await declare('checkout down', 1);
    await drain();
    await settle(sent + 2);
    assert.equal(mailsTo('bob@example.com', incident).length, 1, 'Bob is paged at 23:00 his time');
    const list = await notifications(incident.id);
    assert.deepEqual(
      list.map((n) => [n.user, n.status, n.deferral]).sort(),
      [
        ['Alice', 'delivered', null],
        ['Bob', 'delivered', null],
      ],
    );
    assert.equal((await owner.post(`/api/v1/incidents/${incident.id}/resolve`)).status, 200);
  });

  it('acknowledged before the quiet hours end: the held page is cancelled and never sent', async () => {
    // 2026-03-10T06:00Z: 00:00 MDT in Denver, 15:00 in Tokyo.
    ts.clock.set('2026-03-10T06:00:00.000Z');
    const sent = smtp.messages.length;
    const incident = await declare('disk 80%', 3);
    await drain();
    await settle(sent + 1);
    assert.deepEqual(of(await notifications(incident.id), 'Bob').deferral, { reason: 'quiet_hours', until: '2026-03-10T13:00:00.000Z' });
    ts.clock.advance(60 * MINUTE);
    assert.equal((await api(ts.server.app, alice.token).post(`/api/v1/incidents/${incident.id}/acknowledge`)).status, 200);
    ts.clock.set('2026-03-10T14:00:00.000Z');
    await drain();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(mailsTo('bob@example.com', incident).length, 0, 'nothing after the acknowledgement');
    const bobs = of(await notifications(incident.id), 'Bob');
    assert.equal(bobs.status, 'cancelled');
    assert.equal(bobs.nextAttemptAt, null);
    const jobs = await ts.server.store.db.selectFrom('job').select(['status']).where('key', 'like', `incident:${incident.id}:deliver:%`).execute();
    assert.ok(jobs.length >= 1);
    assert.ok(
      jobs.every((j) => j.status !== 'pending'),
      'no delivery job left pending',
    );
  });
});
