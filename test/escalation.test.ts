import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';

const MINUTE = 60_000;

/**
 * Paging end to end (issue acceptance): a two-level policy on a service; an alert opens an incident;
 * the level-1 person gets one e-mail at once; the level-2 person one e-mail after the delay, unless
 * level 1 acknowledged first. Real SMTP server process, fake clock, job runner ticked by hand.
 */
describe(`escalation and paging (${dialectName})`, () => {
  let ts: TestServer;
  let smtp: SmtpSink;
  let a: Api;
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  let key: string;

  before(async () => {
    smtp = await startSmtpSink();
    ts = await startTestServer({ env: { HIKESHI_SMTP_URL: smtp.url, HIKESHI_SMTP_FROM: 'hikeshi@example.com' } });
    a = api(ts.server.app, ts.token);
    alice = await createUser(ts, { role: 'responder', name: 'Alice' });
    bob = await createUser(ts, { role: 'responder', name: 'Bob' });
    await a.post(`/api/v1/users/${alice.id}/contact-methods`, { type: 'email', address: 'alice@example.com' });
    await a.post(`/api/v1/users/${bob.id}/contact-methods`, { type: 'email', address: 'bob@example.com' });
    const policy = await a.post('/api/v1/escalation-policies', {
      name: 'two levels',
      levels: [
        { delayMinutes: 10, targets: [{ type: 'user', id: alice.id }] },
        { delayMinutes: 10, targets: [{ type: 'user', id: bob.id }] },
      ],
    });
    assert.equal(policy.status, 201, JSON.stringify(policy.body));
    const svc = await a.post('/api/v1/services', { name: 'checkout', escalationPolicyId: policy.body.id });
    key = (await a.post(`/api/v1/services/${svc.body.id}/integrations`, { type: 'pagerduty', name: 'pd' })).body.key;
  });
  after(async () => {
    await ts.close();
    await smtp.close();
  });

  /** Run every due job (and what those make due at the same instant). */
  const drain = async () => {
    for (let i = 0; i < 10 && (await ts.server.jobs.tick(ts.clock.now())) > 0; i++);
  };
  const trigger = async (dedupKey: string) => {
    const r = await a.post('/v2/enqueue', { routing_key: key, event_action: 'trigger', dedup_key: dedupKey, payload: { summary: `disk full ${dedupKey}`, source: 'db1', severity: 'critical' } });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    const alerts = (await a.get(`/api/v1/alerts?integrationId=`)).body;
    assert.ok(alerts);
    const incident = (await a.get('/api/v1/incidents?status=triggered')).body.items.find((i: any) => i.title === `disk full ${dedupKey}`);
    assert.ok(incident, 'the alert opened an incident');
    return incident;
  };
  const mailsTo = (address: string, subjectPart: string) => smtp.messages.filter((m) => m.envelope.to.includes(address) && (m.parsed.subject ?? '').includes(subjectPart));
  const actions = async (incidentId: string) => (await a.get(`/api/v1/incidents/${incidentId}/timeline`)).body.items.map((e: any) => e.action);

  it('level 1 is e-mailed at once, level 2 after the delay, each exactly once', async () => {
    const incident = await trigger('one');
    await drain();
    await smtp.waitFor(1);
    assert.equal(mailsTo('alice@example.com', `INC-${incident.number}`).length, 1);
    assert.equal(mailsTo('bob@example.com', `INC-${incident.number}`).length, 0);

    ts.clock.advance(9 * MINUTE);
    await drain();
    assert.equal(mailsTo('bob@example.com', `INC-${incident.number}`).length, 0, 'not before the delay');

    ts.clock.advance(1 * MINUTE);
    await drain();
    await smtp.waitFor(2);
    assert.equal(mailsTo('bob@example.com', `INC-${incident.number}`).length, 1);

    ts.clock.advance(60 * MINUTE);
    await drain();
    assert.equal(mailsTo('alice@example.com', `INC-${incident.number}`).length, 1, 'no repeat: the policy runs once');
    assert.equal(mailsTo('bob@example.com', `INC-${incident.number}`).length, 1);
    const timeline = await actions(incident.id);
    assert.equal(timeline.filter((x: string) => x === 'escalation.level_paged').length, 2);
    const sent = (await a.get(`/api/v1/incidents/${incident.id}/notifications`)).body.items;
    assert.deepEqual(
      sent.map((n: any) => [n.user.name, n.channel, n.status, n.attempts.map((x: any) => x.outcome)]),
      [
        ['Alice', 'email', 'delivered', ['delivered']],
        ['Bob', 'email', 'delivered', ['delivered']],
      ],
    );
    assert.equal(timeline.filter((x: string) => x === 'notification.sent').length, 2);
  });

  it('an acknowledgement before the delay stops level 2', async () => {
    const incident = await trigger('two');
    await drain();
    const before = smtp.messages.length;
    await smtp.waitFor(before);
    ts.clock.advance(3 * MINUTE);
    assert.equal((await api(ts.server.app, alice.token).post(`/api/v1/incidents/${incident.id}/acknowledge`)).status, 200);
    ts.clock.advance(30 * MINUTE);
    await drain();
    assert.equal(mailsTo('alice@example.com', `INC-${incident.number}`).length, 1);
    assert.equal(mailsTo('bob@example.com', `INC-${incident.number}`).length, 0, 'acknowledged: level 2 is never paged');
    assert.equal((await actions(incident.id)).filter((x: string) => x === 'escalation.level_paged').length, 1);
  });

  it('the acknowledge link in the e-mail opens a confirmation page (GET changes nothing) and the button acknowledges', async () => {
    const incident = await trigger('four');
    await drain();
    const [mail] = await smtp.waitFor(smtp.messages.length).then(() => mailsTo('alice@example.com', `INC-${incident.number}`));
    assert.ok(mail, 'level 1 was e-mailed');
    const link = /http:\/\/hikeshi\.test(\/respond\/[A-Za-z0-9._-]+)/.exec(mail.parsed.text ?? '');
    assert.ok(link, `an acknowledge link in: ${mail.parsed.text}`);
    const page = await ts.server.app.inject({ method: 'GET', url: link[1]! });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /<form method="post"/);
    assert.equal((await a.get(`/api/v1/incidents/${incident.id}`)).body.status, 'triggered', 'opening the link does not act');
    const done = await ts.server.app.inject({ method: 'POST', url: link[1]!, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal((await a.get(`/api/v1/incidents/${incident.id}`)).body.status, 'acknowledged');
    const ack = (await a.get(`/api/v1/incidents/${incident.id}/timeline`)).body.items.find((e: any) => e.action === 'incident.acknowledged');
    assert.equal(ack.actor.id, alice.id, 'acknowledged as the recipient');
    const again = await ts.server.app.inject({ method: 'POST', url: link[1]!, payload: '' });
    assert.equal(again.statusCode, 409, 'a second press says it is already acknowledged');
    const forged = await ts.server.app.inject({ method: 'GET', url: `${link[1]!}x` });
    assert.equal(forged.statusCode, 404);
    ts.clock.advance(30 * MINUTE);
    await drain();
    assert.equal(mailsTo('bob@example.com', `INC-${incident.number}`).length, 0);
  });

  it('manual escalation pages the next level at once; resolve stops everything', async () => {
    const incident = await trigger('three');
    await drain();
    const r = await a.post(`/api/v1/incidents/${incident.id}/escalate`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    await drain();
    await smtp.waitFor(smtp.messages.length);
    assert.equal(mailsTo('bob@example.com', `INC-${incident.number}`).length, 1);
    assert.equal((await a.post(`/api/v1/incidents/${incident.id}/resolve`)).status, 200);
    ts.clock.advance(120 * MINUTE);
    await drain();
    assert.equal(mailsTo('alice@example.com', `INC-${incident.number}`).length, 1);
    assert.equal(mailsTo('bob@example.com', `INC-${incident.number}`).length, 1);
  });

  it('a schedule target pages whoever is on call; a level with nobody on call is skipped at once and recorded', async () => {
    const rotation = (startDate: string) => ({ unit: 'day', length: 1, handoffTime: '09:00', startDate });
    const empty = await a.post('/api/v1/schedules', { name: 'starts next year', timeZone: 'Asia/Tokyo', layers: [{ name: 'l', members: [bob.id], rotation: rotation('2027-06-01') }] });
    assert.equal(empty.status, 201, JSON.stringify(empty.body));
    const tokyo = await a.post('/api/v1/schedules', { name: 'tokyo', timeZone: 'Asia/Tokyo', layers: [{ name: 'l', members: [alice.id], rotation: rotation('2026-11-01') }] });
    assert.equal(tokyo.status, 201, JSON.stringify(tokyo.body));
    const policy = await a.post('/api/v1/escalation-policies', {
      name: 'schedules',
      levels: [
        { delayMinutes: 5, targets: [{ type: 'schedule', id: empty.body.id }] },
        { delayMinutes: 5, targets: [{ type: 'schedule', id: tokyo.body.id }] },
      ],
    });
    const svc = await a.post('/api/v1/services', { name: 'search', escalationPolicyId: policy.body.id });
    const key2 = (await a.post(`/api/v1/services/${svc.body.id}/integrations`, { type: 'pagerduty', name: 'pd' })).body.key;
    await a.post('/v2/enqueue', { routing_key: key2, event_action: 'trigger', dedup_key: 'sched', payload: { summary: 'search down', source: 's1', severity: 'error' } });
    const incident = (await a.get('/api/v1/incidents?status=triggered')).body.items.find((i: any) => i.title === 'search down');
    const sent = smtp.messages.length;
    await drain();
    await smtp.waitFor(sent + 1);
    assert.equal(mailsTo('alice@example.com', `INC-${incident.number}`).length, 1, 'the on-call person of the second level, at once');
    const entries = (await a.get(`/api/v1/incidents/${incident.id}/timeline`)).body.items;
    const skipped = entries.find((e: any) => e.action === 'escalation.level_skipped');
    assert.equal(skipped.data.level, 1);
    const paged = entries.find((e: any) => e.action === 'escalation.level_paged');
    assert.equal(paged.data.level, 2);
    assert.deepEqual(paged.data.users.map((u: any) => [u.name, u.via.type, u.via.scheduleName]), [['Alice', 'schedule', 'tokyo']]);
  });

  it('an acknowledgement that times out triggers the incident again and re-pages its level once', async () => {
    const policy = await a.post('/api/v1/escalation-policies', {
      name: 'with ack timeout',
      ackTimeoutMinutes: 60,
      levels: [{ delayMinutes: 10, targets: [{ type: 'user', id: alice.id }] }],
    });
    assert.equal(policy.status, 201, JSON.stringify(policy.body));
    assert.equal(policy.body.ackTimeoutMinutes, 60);
    const svc = await a.post('/api/v1/services', { name: 'billing', escalationPolicyId: policy.body.id });
    const key3 = (await a.post(`/api/v1/services/${svc.body.id}/integrations`, { type: 'pagerduty', name: 'pd' })).body.key;
    await a.post('/v2/enqueue', { routing_key: key3, event_action: 'trigger', dedup_key: 'ack', payload: { summary: 'billing slow', source: 'b1', severity: 'critical' } });
    const incident = (await a.get('/api/v1/incidents?status=triggered')).body.items.find((i: any) => i.title === 'billing slow');
    await drain();
    await smtp.waitFor(smtp.messages.length);
    assert.equal(mailsTo('alice@example.com', `INC-${incident.number}`).length, 1);
    assert.equal((await api(ts.server.app, alice.token).post(`/api/v1/incidents/${incident.id}/acknowledge`)).status, 200);

    ts.clock.advance(59 * MINUTE);
    await drain();
    assert.equal((await a.get(`/api/v1/incidents/${incident.id}`)).body.status, 'acknowledged');
    ts.clock.advance(1 * MINUTE);
    await drain();
    const sent = smtp.messages.length;
    await smtp.waitFor(sent);
    assert.equal((await a.get(`/api/v1/incidents/${incident.id}`)).body.status, 'triggered', 'the acknowledgement timed out');
    for (let i = 0; i < 20 && mailsTo('alice@example.com', `INC-${incident.number}`).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(mailsTo('alice@example.com', `INC-${incident.number}`).length, 2, 're-paged once');
    const escalated = (await a.get(`/api/v1/incidents/${incident.id}/timeline`)).body.items.find((e: any) => e.action === 'incident.escalated');
    assert.equal(escalated.data.reason, 'the acknowledgement timed out');

    // Resolved before another timeout: nothing more.
    assert.equal((await a.post(`/api/v1/incidents/${incident.id}/resolve`)).status, 200);
    ts.clock.advance(180 * MINUTE);
    await drain();
    assert.equal(mailsTo('alice@example.com', `INC-${incident.number}`).length, 2);
  });
});
