import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DESTINATION_LIMITS, throttleDecision } from '../src/notify/delivery/throttle.js';
import { FakeClock } from '../src/platform/clock.js';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { type HttpSink, startHttpSink } from './helpers/http-sink.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-06-01T00:00:00.000Z');

describe('per-destination limits (pure)', () => {
  const at = (...minutes: number[]) => minutes.map((m) => T0 + m * MINUTE);

  it('one SMS a minute: the next has room a minute after the last', () => {
    assert.equal(throttleDecision(DESTINATION_LIMITS.sms, [], T0), null);
    const d = throttleDecision(DESTINATION_LIMITS.sms, at(0), T0 + 30_000);
    assert.equal(d?.until, T0 + MINUTE);
    assert.deepEqual(d?.full, [{ max: 1, windowMs: MINUTE, count: 1 }]);
    assert.equal(throttleDecision(DESTINATION_LIMITS.sms, at(0), T0 + MINUTE), null, 'the window is (now − 1 min, now]');
  });

  it('the longest wait of the full windows wins', () => {
    // 10 SMS in the last hour, 5 of them in the last 15 minutes: room when the oldest leaves the hour.
    const sent = at(0, 1, 2, 3, 4, 15, 16, 17, 18, 19);
    const d = throttleDecision(DESTINATION_LIMITS.sms, sent, T0 + 20 * MINUTE);
    assert.equal(d?.until, T0 + 60 * MINUTE);
    assert.deepEqual(
      d?.full.map((f) => f.windowMs / MINUTE),
      [15, 60],
    );
    // Voice: 3 calls in 15 minutes.
    assert.equal(throttleDecision(DESTINATION_LIMITS.voice, at(0, 2, 4), T0 + 6 * MINUTE)?.until, T0 + 15 * MINUTE);
  });
});

/**
 * Carrier-aware throttling end to end (edge case 26): a Twilio-compatible provider mocked at the HTTP
 * boundary (a real HTTP server on 127.0.0.1 via HIKESHI_SMS_URL), pages from the escalation engine,
 * the job runner ticked by hand minute by minute. Each test uses its own phone number.
 */
describe(`SMS and voice throttling per number (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  let provider: HttpSink;
  let hooks: HttpSink;
  let seq = 0;

  before(async () => {
    provider = await startHttpSink({ status: 201, body: JSON.stringify({ sid: 'SM0123456789abcdef', status: 'queued' }), headers: { 'content-type': 'application/json' } });
    hooks = await startHttpSink();
    ts = await startTestServer({
      clock: new FakeClock('2026-06-01T00:00:00.000Z'),
      env: {
        HIKESHI_SMS_URL: `${provider.url}/twilio/`,
        HIKESHI_SMS_ACCOUNT_SID: 'AC0123456789',
        HIKESHI_SMS_AUTH_TOKEN: 'secret-token',
        HIKESHI_SMS_FROM: '+15005550006',
        HIKESHI_OUTBOUND_ALLOW: '127.0.0.1',
      },
    });
    owner = api(ts.server.app, ts.token);
  });
  after(async () => {
    await ts?.close();
    await provider?.close();
    await hooks?.close();
  });

  const drain = async () => {
    for (let i = 0; i < 50 && (await ts.server.jobs.tick(ts.clock.now())) > 0; i++);
  };
  /** People with one contact method each (the same address allowed), paged by one level of a new service's policy. */
  async function service(methods: { type: string; address: string }[]) {
    const people: string[] = [];
    for (const m of methods) {
      const u = await createUser(ts, { role: 'responder', name: `Pager ${++seq}` });
      const cm = await owner.post(`/api/v1/users/${u.id}/contact-methods`, m);
      assert.equal(cm.status, 201, JSON.stringify(cm.body));
      people.push(u.id);
    }
    const policy = await owner.post('/api/v1/escalation-policies', {
      name: `throttle ${seq}`,
      levels: [{ delayMinutes: 600, targets: people.map((id) => ({ type: 'user', id })) }],
    });
    assert.equal(policy.status, 201, JSON.stringify(policy.body));
    const svc = await owner.post('/api/v1/services', { name: `svc ${seq}`, escalationPolicyId: policy.body.id });
    return { serviceId: svc.body.id as string, people };
  }
  async function declare(serviceId: string, title: string): Promise<{ id: string; number: number }> {
    const r = await owner.post('/api/v1/incidents', { title, serviceId, severity: 'SEV1', urgency: 1 });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  }
  const notifications = async (incidentId: string) => (await owner.get(`/api/v1/incidents/${incidentId}/notifications`)).body.items as any[];
  /** Minutes after `from` at which attempts to `number` were made (the attempts' own start times). */
  const attemptMinutes = async (number: string, from: number) =>
    (await ts.server.store.db.selectFrom('deliveryAttempt').select('startedAt').where('destination', '=', number).orderBy('startedAt').execute()).map(
      (r) => (Date.parse(r.startedAt) - from) / MINUTE,
    );
  const sentTo = (number: string, kind: 'Messages' | 'Calls') =>
    provider.requests.filter((r) => r.url.endsWith(`/${kind}.json`) && new URLSearchParams(r.body).get('To') === number);
  /** Step the clock a minute at a time, running what is due at each. */
  const runMinutes = async (n: number) => {
    await drain();
    for (let i = 0; i < n; i++) {
      ts.clock.advance(MINUTE);
      await drain();
    }
  };

  it('one number, two people, two incidents: the second SMS waits a minute; the record and timeline say throttled', async () => {
    const number = '+819012340001';
    const { serviceId } = await service([
      { type: 'sms', address: number },
      { type: 'sms', address: number },
    ]);
    const start = ts.clock.now().getTime();
    const first = await declare(serviceId, 'db primary down');
    await drain();
    assert.equal(sentTo(number, 'Messages').length, 1, 'one SMS at once, though two people share the number');
    const held = (await notifications(first.id)).find((n) => n.status === 'pending');
    assert.ok(held, 'the other page is held, not dropped');
    const until = new Date(start + MINUTE).toISOString();
    assert.deepEqual(held.deferral, { reason: 'throttled', until });
    assert.equal(held.nextAttemptAt, until);
    assert.equal(held.attempts.length, 0, 'nothing was sent for it');
    const job = await ts.server.store.db.selectFrom('job').select(['status', 'dueAt']).where('key', '=', `incident:${first.id}:deliver:${held.id}`).executeTakeFirstOrThrow();
    assert.deepEqual(job, { status: 'pending', dueAt: until }, 'rescheduled durably, as a job row');
    const entry = ((await owner.get(`/api/v1/incidents/${first.id}/timeline`)).body.items as any[]).find((e) => e.action === 'notification.throttled');
    assert.ok(entry, 'the timeline says so');
    assert.equal(entry.data.until, until);
    assert.match(entry.data.message, /1 sent in the last 1 min \(limit 1\)/);

    ts.clock.advance(30_000);
    const second = await declare(serviceId, 'db replica lag');
    await drain();
    assert.equal(sentTo(number, 'Messages').length, 1, 'another incident, same number: held too');
    ts.clock.advance(30_000);
    await drain();
    assert.equal(sentTo(number, 'Messages').length, 2, 'a minute after the first: the next one');
    await runMinutes(3);
    assert.equal(sentTo(number, 'Messages').length, 4);
    assert.deepEqual(await attemptMinutes(number, start), [0, 1, 2, 3]);
    const all = [...(await notifications(first.id)), ...(await notifications(second.id))];
    assert.deepEqual(
      all.map((n) => n.status),
      ['delivered', 'delivered', 'delivered', 'delivered'],
      'every page went out in the end',
    );
    assert.ok(
      all.filter((n) => n.deferral?.reason === 'throttled').length >= 2,
      'the record still says which were throttled',
    );
  });

  it('twelve SMS pages at once go out within ≤1/min, ≤5/15 min, ≤10/h', async () => {
    ts.clock.set('2026-06-02T00:00:00.000Z');
    const number = '+819012340002';
    const { serviceId } = await service([{ type: 'sms', address: number }]);
    const start = ts.clock.now().getTime();
    const incidents = [];
    for (let i = 0; i < 12; i++) incidents.push(await declare(serviceId, `alert group ${i}`));
    await runMinutes(62);
    assert.deepEqual(await attemptMinutes(number, start), [0, 1, 2, 3, 4, 15, 16, 17, 18, 19, 60, 61]);
    assert.equal(sentTo(number, 'Messages').length, 12, 'at least one page per alert group: none dropped');
    for (const inc of incidents) assert.equal((await notifications(inc.id))[0].status, 'delivered');
  });

  it('voice calls: ≤1/2 min, ≤3/15 min, ≤5/h', async () => {
    ts.clock.set('2026-06-03T00:00:00.000Z');
    const number = '+819012340003';
    const { serviceId } = await service([{ type: 'voice', address: number }]);
    const start = ts.clock.now().getTime();
    for (let i = 0; i < 7; i++) await declare(serviceId, `call ${i}`);
    await runMinutes(63);
    assert.deepEqual(await attemptMinutes(number, start), [0, 2, 4, 15, 17, 60, 62]);
    assert.equal(sentTo(number, 'Calls').length, 7);
  });

  it('a held page of an incident acknowledged meanwhile is cancelled, never sent', async () => {
    ts.clock.set('2026-06-04T00:00:00.000Z');
    const number = '+819012340004';
    const { serviceId } = await service([{ type: 'sms', address: number }]);
    const pair = [await declare(serviceId, 'first'), await declare(serviceId, 'second')];
    await drain();
    assert.equal(sentTo(number, 'Messages').length, 1);
    // Which of the two went first is the job runner's choice (runners work in parallel).
    const [sent, held] = (await notifications(pair[0]!.id))[0].status === 'delivered' ? pair : [pair[1]!, pair[0]!];
    assert.equal((await notifications(sent!.id))[0].status, 'delivered');
    assert.equal((await notifications(held!.id))[0].deferral?.reason, 'throttled');
    assert.equal((await owner.post(`/api/v1/incidents/${held!.id}/acknowledge`)).status, 200);
    await runMinutes(5);
    assert.equal(sentTo(number, 'Messages').length, 1, 'the acknowledged incident’s page never went out');
    assert.equal((await notifications(held!.id))[0].status, 'cancelled');
  });

  it('a refused attempt does not count; e-mail and webhooks are never throttled', async () => {
    ts.clock.set('2026-06-05T00:00:00.000Z');
    const number = '+819012340005';
    const sms = await service([{ type: 'sms', address: number }]);
    provider.script({ status: 500, body: JSON.stringify({ code: 20500, message: 'Internal Server Error' }) });
    await declare(sms.serviceId, 'refused first');
    await drain();
    await declare(sms.serviceId, 'right after');
    await drain();
    assert.equal(sentTo(number, 'Messages').length, 2, 'the provider refused the first (5xx), so the second had room');
    const outcomes = (await ts.server.store.db.selectFrom('deliveryAttempt').select('outcome').where('destination', '=', number).orderBy('startedAt').execute()).map(
      (r) => r.outcome,
    );
    assert.deepEqual(outcomes, ['transient', 'delivered']);

    const path = `/hook-${seq}`;
    const hook = await service([{ type: 'webhook', address: `${hooks.url}${path}` }]);
    for (let i = 0; i < 5; i++) await declare(hook.serviceId, `hook ${i}`);
    await drain();
    assert.equal(hooks.requests.filter((r) => r.url === path).length, 5, 'five webhooks at once');
    const destinations = await ts.server.store.db
      .selectFrom('deliveryAttempt as a')
      .innerJoin('notification as n', 'n.id', 'a.notificationId')
      .select('a.destination')
      .where('n.channel', '=', 'webhook')
      .execute();
    assert.ok(
      destinations.every((d) => d.destination === null),
      'webhook URLs (secrets for Slack) are not recorded as destinations',
    );
  });
});
