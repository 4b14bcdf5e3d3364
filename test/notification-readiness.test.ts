import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { readinessWarnings } from '../src/domain/escalation/readiness.js';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

describe('readiness rules (pure)', () => {
  const email = { id: 'cm-email', type: 'email' };
  const sms = { id: 'cm-sms', type: 'sms' };
  const level = (delayMinutes: number, handsOver: boolean) => ({ policy: { id: 'p1', name: 'Primary' }, level: 1, delayMinutes, handsOver, via: { type: 'user' as const } });

  it('a rule at or after the level’s hand-over is unreachable; one before it is fine', () => {
    const rules = [
      { id: 'r0', urgency: 'high', contactMethodId: email.id, delayMinutes: 0 },
      { id: 'r3', urgency: 'high', contactMethodId: sms.id, delayMinutes: 3 },
      { id: 'r2', urgency: 'high', contactMethodId: sms.id, delayMinutes: 2 },
    ];
    const w = readinessWarnings({ contactMethods: [email, sms], rules, paths: [level(3, true)] });
    assert.deepEqual(
      w.map((x) => [x.code, x.rule?.id]),
      [['rule_unreachable', 'r3']],
    );
    assert.equal(readinessWarnings({ contactMethods: [email, sms], rules, paths: [level(3, false)] }).length, 0, 'no next level: no bound');
  });

  it('no rules is informational; on a path without a high-urgency rule is a warning', () => {
    assert.deepEqual(
      readinessWarnings({ contactMethods: [email], rules: [], paths: [] }).map((x) => [x.code, x.severity]),
      [['default_rules', 'info']],
    );
    assert.deepEqual(
      readinessWarnings({ contactMethods: [email], rules: [], paths: [level(5, true)] }).map((x) => x.code),
      ['default_rules', 'on_escalation_path_without_high_rule'],
    );
    assert.deepEqual(
      readinessWarnings({ contactMethods: [], rules: [], paths: [] }).map((x) => x.code),
      ['no_contact_method'],
    );
  });
});

/**
 * Readiness lint through the API (edge cases 18 and 56): a person's report and a schedule's report,
 * with escalation policies that page people directly and through schedules.
 */
describe(`notification readiness (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  const people: Record<string, { id: string; token: string }> = {};
  let primary: { id: string; name: string };
  let schedule: { id: string };

  before(async () => {
    ts = await startTestServer();
    owner = api(ts.server.app, ts.token);
    for (const name of ['Nora', 'Ivan', 'Lena', 'Paul', 'Sam', 'Fay', 'Olga', 'Quinn']) people[name] = await createUser(ts, { role: 'responder', name });
    const method = async (who: string, type: string, address: string) => {
      const r = await owner.post(`/api/v1/users/${people[who]!.id}/contact-methods`, { type, address });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id as string;
    };
    const rule = async (who: string, urgency: string, contactMethodId: string, delayMinutes: number) => {
      const r = await owner.post(`/api/v1/users/${people[who]!.id}/notification-rules`, { urgency, contactMethodId, delayMinutes });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    };
    await method('Ivan', 'email', 'ivan@example.com');
    const lenaMail = await method('Lena', 'email', 'lena@example.com');
    await rule('Lena', 'low', lenaMail, 0);
    // Edge case 18: "push at once, wait 5, call" while level 1 hands over after 3 minutes.
    const paulMail = await method('Paul', 'email', 'paul@example.com');
    const paulVoice = await method('Paul', 'voice', '+819012349999');
    await rule('Paul', 'high', paulMail, 0);
    await rule('Paul', 'high', paulVoice, 5);
    const samMail = await method('Sam', 'email', 'sam@example.com');
    await rule('Sam', 'low', samMail, 0);
    const olgaMail = await method('Olga', 'email', 'olga@example.com');
    await rule('Olga', 'high', olgaMail, 0);
    await method('Quinn', 'email', 'quinn@example.com');

    // Sam and Olga are on the schedule now; Fay joins next month; Quinn left today.
    const rotation = { unit: 'week', length: 1, handoffTime: '09:00', startDate: '2026-11-02' };
    const s = await owner.post('/api/v1/schedules', { name: 'database', timeZone: 'Europe/Paris', layers: [{ name: 'weekly', members: [people.Quinn!.id, people.Sam!.id], rotation }] });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    schedule = s.body;
    const layerId = s.body.layers[0].id;
    const now = await owner.put(`/api/v1/schedules/${schedule.id}/layers/${layerId}/members`, { members: [people.Sam!.id, people.Olga!.id] });
    assert.equal(now.status, 200, JSON.stringify(now.body));
    const later = await owner.put(`/api/v1/schedules/${schedule.id}/layers/${layerId}/members`, {
      members: [people.Sam!.id, people.Olga!.id, people.Fay!.id],
      effectiveFrom: '2026-12-01T00:00:00Z',
    });
    assert.equal(later.status, 200, JSON.stringify(later.body));

    const p = await owner.post('/api/v1/escalation-policies', {
      name: 'Primary',
      levels: [
        { delayMinutes: 3, targets: [{ type: 'user', id: people.Paul!.id }] },
        { delayMinutes: 10, targets: [{ type: 'schedule', id: schedule.id }] },
        { delayMinutes: 10, targets: [{ type: 'user', id: people.Nora!.id }] },
      ],
    });
    assert.equal(p.status, 201, JSON.stringify(p.body));
    primary = p.body;
    // Paul is also the only level of a policy that does not repeat: no next level, no bound.
    const solo = await owner.post('/api/v1/escalation-policies', { name: 'Solo', levels: [{ delayMinutes: 1, targets: [{ type: 'user', id: people.Paul!.id }] }] });
    assert.equal(solo.status, 201, JSON.stringify(solo.body));
  });
  after(() => ts.close());

  const report = async (who: string, as: Api = owner) => {
    const r = await as.get(`/api/v1/users/${people[who]!.id}/notification-readiness`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.warnings as any[];
  };
  const codes = (w: any[]) => w.map((x) => x.code);

  it('no contact method, default rules, no high-urgency rule', async () => {
    const nora = await report('Nora');
    assert.deepEqual(codes(nora), ['no_contact_method', 'on_escalation_path_without_high_rule']);
    assert.match(nora[0].message, /paging reaches nobody, yet escalation policies page this person: "Primary" \(level 3\)/);
    assert.match(nora[1].message, /reach nobody/);
    assert.deepEqual(
      (await report('Ivan')).map((x) => [x.code, x.severity]),
      [['default_rules', 'info']],
      'no rules at all: every contact method at once, only informational',
    );
    assert.deepEqual(codes(await report('Lena')), ['no_high_urgency_rule'], 'Lena is on no escalation path');
  });

  it('a personal rule that comes after the level hands over is named with its policy and level (edge case 18)', async () => {
    const paul = await report('Paul');
    assert.deepEqual(codes(paul), ['rule_unreachable'], 'the e-mail at 0 min is fine; Solo has no next level');
    const [w] = paul;
    assert.deepEqual(w.policy, { id: primary.id, name: 'Primary' });
    assert.equal(w.level, 1);
    assert.equal(w.levelDelayMinutes, 3);
    assert.deepEqual([w.rule.urgency, w.rule.channel, w.rule.delayMinutes], ['high', 'voice', 5]);
    assert.match(w.message, /"voice after 5 min" comes too late for "Primary" level 1/);
    // Make the level long enough: the warning goes away.
    const longer = await owner.patch(`/api/v1/escalation-policies/${primary.id}`, {
      levels: [
        { delayMinutes: 6, targets: [{ type: 'user', id: people.Paul!.id }] },
        { delayMinutes: 10, targets: [{ type: 'schedule', id: schedule.id }] },
        { delayMinutes: 10, targets: [{ type: 'user', id: people.Nora!.id }] },
      ],
    });
    assert.ok(longer.status === 200, JSON.stringify(longer.body));
    assert.deepEqual(codes(await report('Paul')), []);
  });

  it('a schedule member on an escalation path without a high-urgency rule is warned (edge case 56)', async () => {
    const sam = await report('Sam');
    assert.deepEqual(codes(sam), ['no_high_urgency_rule', 'on_escalation_path_without_high_rule']);
    assert.deepEqual(sam[1].policies, [{ id: primary.id, name: 'Primary', levels: [2] }]);
    assert.deepEqual(codes(await report('Olga')), [], 'Olga has a high-urgency rule');
    assert.deepEqual(codes(await report('Quinn')), ['default_rules'], 'Quinn left the schedule: no longer on the path');
  });

  it('the schedule report lists current and future members who cannot be paged', async () => {
    const r = await owner.get(`/api/v1/schedules/${schedule.id}/readiness`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(
      r.body.members.map((m: any) => [m.name, m.contactMethods, m.highUrgencyRules]),
      [
        ['Fay', 0, 0],
        ['Olga', 1, 1],
        ['Sam', 1, 0],
      ],
      'Quinn, removed today, is not a member any more; Fay, from next month, is',
    );
    assert.deepEqual(
      r.body.warnings.map((w: any) => [w.user.name, w.code]),
      [
        ['Fay', 'no_contact_method'],
        ['Fay', 'on_escalation_path_without_high_rule'],
        ['Sam', 'on_escalation_path_without_high_rule'],
      ],
    );
    assert.match(r.body.warnings[0].message, /^Fay: no contact method/);
    assert.equal((await owner.get('/api/v1/schedules/01JD2Z3K4M5N6P7Q8R9S0TVWXY/readiness')).status, 404);
  });

  it('a person reads their own report; others need user.read', async () => {
    const writeOnly = await createUser(ts, { role: 'responder', name: 'Wanda', scopes: ['write'] });
    const asWanda = api(ts.server.app, writeOnly.token);
    assert.equal((await asWanda.get(`/api/v1/users/${writeOnly.id}/notification-readiness`)).status, 200, 'one’s own');
    const other = await asWanda.get(`/api/v1/users/${people.Paul!.id}/notification-readiness`);
    assert.equal(other.status, 403);
    assert.match(other.body.error.message, /"read" scope/);
    assert.equal((await asWanda.get(`/api/v1/schedules/${schedule.id}/readiness`)).status, 403);
    const observer = await createUser(ts, { role: 'observer', name: 'Otto' });
    assert.equal((await api(ts.server.app, observer.token).get(`/api/v1/users/${people.Paul!.id}/notification-readiness`)).status, 200);
    assert.equal((await owner.get('/api/v1/users/01JD2Z3K4M5N6P7Q8R9S0TVWXY/notification-readiness')).status, 404);
    assert.equal((await owner.get('/api/v1/users/not-an-id/notification-readiness')).status, 400);
  });

  it('documents the routes in a valid OpenAPI document', async () => {
    const doc = (await api(ts.server.app).get('/api/v1/openapi.json')).body;
    const result = await new Validator().validate(doc);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
    for (const p of ['/api/v1/users/{id}/notification-readiness', '/api/v1/schedules/{id}/readiness']) assert.ok(doc.paths[p]?.get, `missing ${p}`);
    assert.ok(doc.components.schemas.ReadinessWarning);
    assert.ok(doc.components.schemas.User.properties.quietHours, 'User shows quietHours');
    assert.ok(doc.components.schemas.Notification.properties.deferral, 'Notification shows deferral');
  });
});
