import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';

const HOUR = 3_600_000;

/** Pre-shift reminders (SPEC §4.3, edge case 17): one e-mail an hour before each on-call period, once. */
describe(`pre-shift reminders (${dialectName})`, () => {
  let ts: TestServer;
  let smtp: SmtpSink;
  let a: Api;
  let alice: { id: string };
  let bob: { id: string };
  let carol: { id: string };

  before(async () => {
    smtp = await startSmtpSink();
    // 2026-11-22 09:00Z is 18:00 in Tokyo; the daily handoff at 09:00 Tokyo is 00:00Z.
    ts = await startTestServer({ env: { HIKESHI_SMTP_URL: smtp.url, HIKESHI_SMTP_FROM: 'hikeshi@example.com' } });
    a = api(ts.server.app, ts.token);
    alice = await createUser(ts, { role: 'responder', name: 'Alice' });
    bob = await createUser(ts, { role: 'responder', name: 'Bob' });
    carol = await createUser(ts, { role: 'responder', name: 'Carol' });
    assert.equal((await a.patch(`/api/v1/users/${bob.id}`, { timeZone: 'Asia/Tokyo' })).status, 200, 'Bob reads times in Tokyo time');
    for (const [u, address] of [
      [alice, 'alice@example.com'],
      [bob, 'bob@example.com'],
      [carol, 'carol@example.com'],
    ] as const) {
      assert.equal((await a.post(`/api/v1/users/${u.id}/contact-methods`, { type: 'email', address })).status, 201);
    }
  });
  after(async () => {
    await ts.close();
    await smtp.close();
  });

  const drain = async () => {
    for (let i = 0; i < 10 && (await ts.server.jobs.tick(ts.clock.now())) > 0; i++);
  };
  const remindersTo = (address: string) => smtp.messages.filter((m) => m.envelope.to.includes(address) && /On call from/.test(m.parsed.subject ?? ''));

  it('the next person is reminded once, an hour before the handoff; the person already on call is not', async () => {
    const created = await a.post('/api/v1/schedules', {
      name: 'Tokyo SRE',
      timeZone: 'Asia/Tokyo',
      layers: [{ name: 'daily', members: [alice.id, bob.id], rotation: { unit: 'day', length: 1, handoffTime: '09:00', startDate: '2026-11-22' } }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await drain();
    assert.equal(smtp.messages.length, 0, 'nobody starts within the hour');

    ts.clock.set('2026-11-22T22:58:00.000Z');
    await drain();
    assert.equal(remindersTo('bob@example.com').length, 0, 'not before the hour');
    ts.clock.set('2026-11-22T23:00:00.000Z');
    await drain();
    for (let m = 0; m < 6; m++) {
      ts.clock.advance(5 * 60_000);
      await drain();
    }
    await smtp.waitFor(1);
    const [mail] = remindersTo('bob@example.com');
    assert.ok(mail, 'Bob is reminded');
    assert.equal(remindersTo('bob@example.com').length, 1, 'once, however often the look-ahead runs');
    assert.match(mail.parsed.subject ?? '', /Tokyo SRE/);
    assert.match(mail.parsed.text ?? '', /from 2026-11-23 \(Mon\) 09:00 Asia\/Tokyo/, "in the recipient's time zone");
    assert.match(mail.parsed.text ?? '', /until 2026-11-24 \(Tue\) 09:00 Asia\/Tokyo/, 'until the next handoff');
    assert.equal(remindersTo('alice@example.com').length, 0, 'Alice was on call already');
  });

  it('a shift made by an override is reminded too, once', async () => {
    const schedule = (await a.get('/api/v1/schedules')).body.items.find((s: any) => s.name === 'Tokyo SRE');
    const o = await a.post(`/api/v1/schedules/${schedule.id}/overrides`, { start: '2026-11-23T05:00:00.000Z', end: '2026-11-23T07:00:00.000Z', userId: carol.id, replacesUserId: bob.id });
    assert.equal(o.status, 201, JSON.stringify(o.body));
    const before = smtp.messages.length;
    ts.clock.set('2026-11-23T04:00:00.000Z');
    await drain();
    ts.clock.advance(HOUR / 2);
    await drain();
    await smtp.waitFor(before + 1);
    assert.equal(remindersTo('carol@example.com').length, 1);
    assert.match(remindersTo('carol@example.com')[0]!.parsed.text ?? '', /from 2026-11-23 \(Mon\) 05:00 UTC .* until 2026-11-23 \(Mon\) 07:00 UTC/);
  });
});
