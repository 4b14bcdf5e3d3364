import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

describe(`incidents over HTTP (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let serviceId: string;

  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    serviceId = (await a.post('/api/v1/services', { name: 'checkout', description: '決済' })).body.id;
  });
  after(() => ts.close());

  const declare = async (body: Record<string, unknown> = {}) => {
    const r = await a.post('/api/v1/incidents', { title: '決済APIの遅延', serviceId, ...body });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  const timeline = async (id: string) => (await a.get(`/api/v1/incidents/${id}/timeline`)).body.items as any[];

  it('declares with defaults: outage, P3/SEV3 from impact 2 × urgency 2, public, INC numbers increase', async () => {
    const i1 = await declare();
    const i2 = await declare({ title: 'second' });
    assert.equal(i1.type, 'outage');
    assert.equal(i1.status, 'triggered');
    assert.equal(i1.priority, 'P3');
    assert.equal(i1.severity, 'SEV3');
    assert.equal(i1.visibility, 'public');
    assert.deepEqual(i1.impactedServiceIds, [serviceId]);
    assert.equal(i2.number, i1.number + 1);
    assert.equal(i2.reference, `INC-${i2.number}`);
    assert.equal(i1.createdBy.type, 'token');
  });

  it('a security incident is restricted by default; impact follows the assessment', async () => {
    const s = await declare({ type: 'security', title: '不審なログイン', assessment: { customersAffected: 'all', scope: 'external' }, urgency: 1 });
    assert.equal(s.visibility, 'restricted');
    assert.equal(s.impact, 1);
    assert.equal(s.priority, 'P1');
    assert.equal(s.severity, 'SEV1');
    assert.equal(s.assessment.scope, 'external');
  });

  it('startedAt may precede the declaration but not lie in the future', async () => {
    const past = await declare({ startedAt: '2026-11-22T07:30:00+09:00' });
    assert.equal(past.startedAt, '2026-11-21T22:30:00.000Z');
    assert.equal(past.createdAt, ts.clock.now().toISOString());
    const future = await a.post('/api/v1/incidents', { title: 'x', startedAt: '2030-01-01T00:00:00Z' });
    assert.equal(future.status, 400);
    assert.equal(future.body.error.details.fields[0].field, 'startedAt');
  });

  it('walks the lifecycle with one timeline entry per change, each with its actor and time', async () => {
    const inc = await declare();
    ts.clock.advance(60_000);
    const ack = await a.post(`/api/v1/incidents/${inc.id}/acknowledge`);
    assert.equal(ack.status, 200);
    assert.equal(ack.body.status, 'acknowledged');
    assert.equal(ack.body.acknowledgedAt, ts.clock.now().toISOString());
    ts.clock.advance(60_000);
    const res = await a.post(`/api/v1/incidents/${inc.id}/resolve`, { message: 'rolled back' });
    assert.equal(res.body.status, 'resolved');
    const reopened = await a.post(`/api/v1/incidents/${inc.id}/reopen`);
    assert.equal(reopened.body.status, 'triggered');
    assert.equal(reopened.body.resolvedAt, null);
    await a.post(`/api/v1/incidents/${inc.id}/resolve`);
    const closed = await a.post(`/api/v1/incidents/${inc.id}/close`);
    assert.equal(closed.body.status, 'closed');
    const actions = (await timeline(inc.id)).map((e) => e.action);
    assert.deepEqual(actions, ['incident.declared', 'escalation.none', 'incident.acknowledged', 'incident.resolved', 'incident.reopened', 'incident.resolved', 'incident.closed']);
    const entries = await timeline(inc.id);
    assert.equal(entries.find((e) => e.action === 'incident.resolved').data.message, 'rolled back');
    assert.ok(entries.every((e) => e.actor.type === 'token' && e.actor.name.includes('bootstrap')));
    assert.ok(entries[2].at < entries[3].at);
  });

  it('refuses illegal transitions with 409 CONFLICT and treats repeats as no-ops', async () => {
    const inc = await declare();
    const close = await a.post(`/api/v1/incidents/${inc.id}/close`);
    assert.equal(close.status, 409);
    assert.equal(close.body.error.code, 'CONFLICT');
    assert.match(close.body.error.message, /resolve it first/);
    await a.post(`/api/v1/incidents/${inc.id}/acknowledge`);
    const again = await a.post(`/api/v1/incidents/${inc.id}/acknowledge`);
    assert.equal(again.status, 200);
    await a.post(`/api/v1/incidents/${inc.id}/resolve`);
    const ackAfterResolve = await a.post(`/api/v1/incidents/${inc.id}/acknowledge`);
    assert.equal(ackAfterResolve.status, 200, 'an ack racing a resolve is a no-op');
    assert.equal(ackAfterResolve.body.status, 'resolved');
    await a.post(`/api/v1/incidents/${inc.id}/close`);
    assert.equal((await a.post(`/api/v1/incidents/${inc.id}/reopen`)).status, 409);
    assert.equal((await a.post(`/api/v1/incidents/${inc.id}/decline`)).status, 409);
    assert.deepEqual((await timeline(inc.id)).map((e) => e.action), ['incident.declared', 'escalation.none', 'incident.acknowledged', 'incident.resolved', 'incident.closed']);
  });

  it('concurrent acknowledges and resolves make exactly one transition each (R10)', async () => {
    const inc = await declare();
    const calls = [];
    for (let i = 0; i < 10; i++) {
      calls.push(a.post(`/api/v1/incidents/${inc.id}/acknowledge`));
      calls.push(a.post(`/api/v1/incidents/${inc.id}/resolve`));
    }
    const results = await Promise.all(calls);
    assert.ok(results.every((r) => r.status === 200), JSON.stringify(results.map((r) => r.status)));
    const actions = (await timeline(inc.id)).map((e) => e.action);
    assert.equal(actions.filter((x) => x === 'incident.resolved').length, 1);
    assert.ok(actions.filter((x) => x === 'incident.acknowledged').length <= 1);
    assert.equal((await a.get(`/api/v1/incidents/${inc.id}`)).body.status, 'resolved');
  });

  it('declines, escalates and merges', async () => {
    const d = await declare({ type: 'inquiry' });
    assert.equal((await a.post(`/api/v1/incidents/${d.id}/decline`)).body.status, 'declined');
    const e = await declare();
    await a.post(`/api/v1/incidents/${e.id}/acknowledge`);
    const esc = await a.post(`/api/v1/incidents/${e.id}/escalate`, { level: 2 });
    assert.equal(esc.body.status, 'triggered');
    assert.equal(esc.body.acknowledgedAt, null);
    const escEntry = (await timeline(e.id)).at(-1);
    assert.equal(escEntry.action, 'incident.escalated');
    assert.equal(escEntry.data.level, 2);

    const source = await declare({ title: 'duplicate report' });
    const target = await declare({ title: 'the real one' });
    const now = ts.clock.now().toISOString();
    await ts.server.store.db
      .insertInto('alert')
      .values({ id: '01JZZZZZZZZZZZZZZZZZZZZZZ1', serviceId, integrationId: null, dedupKey: 'k1', status: 'triggered', summary: 's', severity: 'critical', source: null, eventCount: 1, incidentId: source.id, reason: '{}', details: '{}', firstSeenAt: now, lastSeenAt: now, resolvedAt: null })
      .execute();
    await ts.server.store.db.updateTable('incident').set({ alertCount: 1 }).where('id', '=', source.id).execute();
    const merged = await a.post(`/api/v1/incidents/${source.id}/merge`, { targetIncidentId: target.id });
    assert.equal(merged.status, 200);
    assert.equal(merged.body.id, target.id);
    assert.equal(merged.body.alertCount, 1);
    const src = (await a.get(`/api/v1/incidents/${source.id}`)).body;
    assert.equal(src.status, 'merged');
    assert.equal(src.mergedIntoId, target.id);
    assert.equal((await timeline(target.id)).at(-1).action, 'incident.merged_in');
    assert.equal((await a.post(`/api/v1/incidents/${source.id}/acknowledge`)).status, 409);
    assert.equal((await a.post(`/api/v1/incidents/${target.id}/merge`, { targetIncidentId: target.id })).status, 400);
  });

  it('PATCH recomputes priority from impact × urgency and records each change', async () => {
    const inc = await declare();
    const r = await a.patch(`/api/v1/incidents/${inc.id}`, { impact: 1, urgency: 1, severity: 'SEV1', coordinationUrl: 'https://example.slack.com/archives/C123' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.priority, 'P1');
    assert.equal(r.body.severity, 'SEV1');
    const actions = (await timeline(inc.id)).map((e) => e.action);
    assert.ok(actions.includes('incident.priority_changed'));
    assert.ok(actions.includes('incident.severity_changed'));
    assert.ok(actions.includes('incident.coordination_link_changed'));
    const sev = (await timeline(inc.id)).find((e) => e.action === 'incident.severity_changed');
    assert.deepEqual(sev.data, { from: 'SEV3', to: 'SEV1' });
    const same = await a.patch(`/api/v1/incidents/${inc.id}`, { severity: 'SEV1' });
    assert.equal(same.status, 200);
    assert.equal((await timeline(inc.id)).length, actions.length, 'no-op PATCH writes nothing');
  });

  it('rejects bad input with a 4xx naming the field', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/v1/incidents', { title: '' }, 400, 'title'],
      ['POST', '/api/v1/incidents', { title: 'x', severity: 'SEV9' }, 400, 'severity'],
      ['POST', '/api/v1/incidents', { title: 'x', impact: 7 }, 400, 'impact'],
      ['POST', '/api/v1/incidents', { title: 'x', colour: 'red' }, 400, 'colour'],
      ['POST', '/api/v1/incidents', { title: 'x', serviceId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }, 400, 'serviceId'],
      ['POST', '/api/v1/incidents', { title: 'x', coordinationUrl: 'javascript:alert(1)' }, 400, 'coordinationUrl'],
      ['POST', '/api/v1/incidents', [1, 2], 400, 'body'],
      ['PATCH', '/api/v1/incidents/not-an-id', { title: 'x' }, 400, 'id'],
      ['GET', '/api/v1/incidents?limit=500', undefined, 400, 'limit'],
      ['GET', '/api/v1/incidents?status=bogus', undefined, 400, 'status'],
      ['GET', '/api/v1/incidents?cursor=garbage', undefined, 400, 'cursor'],
      ['GET', '/api/v1/incidents?sort=asc', undefined, 400, 'sort'],
    ];
    for (const [method, url, body, status, field] of cases) {
      const r = await a.raw(method, url, body);
      assert.equal(r.status, status, `${method} ${url} ${JSON.stringify(body)} → ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'VALIDATION');
      assert.ok(typeof r.body.error.requestId === 'string');
      assert.ok(JSON.stringify(r.body.error.details ?? r.body.error.message).includes(field), `${url}: ${JSON.stringify(r.body)} should name ${field}`);
    }
    const malformed = await a.raw('POST', '/api/v1/incidents', '{"title": "x",', { 'content-type': 'application/json' });
    assert.equal(malformed.status, 400);
    assert.match(malformed.body.error.message, /malformed JSON/);
    const huge = await a.raw('POST', '/api/v1/incidents', JSON.stringify({ title: 'x', description: 'y'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' });
    assert.equal(huge.status, 413);
    const missing = await a.get('/api/v1/incidents/01JZZZZZZZZZZZZZZZZZZZZZZZ');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'NOT_FOUND');
  });

  it('accepts action requests without a body, with or without a JSON content type', async () => {
    const inc = await declare();
    const noBody = await a.raw('POST', `/api/v1/incidents/${inc.id}/acknowledge`, undefined);
    assert.equal(noBody.status, 200, JSON.stringify(noBody.body));
    const emptyJson = await a.raw('POST', `/api/v1/incidents/${inc.id}/resolve`, '', { 'content-type': 'application/json' });
    assert.equal(emptyJson.status, 200, JSON.stringify(emptyJson.body));
    assert.equal(emptyJson.body.status, 'resolved');
    const declareWithoutBody = await a.raw('POST', '/api/v1/incidents', '', { 'content-type': 'application/json' });
    assert.equal(declareWithoutBody.status, 400, 'a required body is still required');
    const poisoned = await a.raw('POST', '/api/v1/incidents', '{"title":"x","__proto__":{"admin":true}}', { 'content-type': 'application/json' });
    assert.equal(poisoned.status, 400);
  });

  it('requires authentication', async () => {
    const anon = api(ts.server.app);
    assert.equal((await anon.get('/api/v1/incidents')).status, 401);
    const bad = api(ts.server.app, 'hks_nope');
    const r = await bad.get('/api/v1/incidents');
    assert.equal(r.status, 401);
    assert.equal(r.body.error.code, 'UNAUTHENTICATED');
    const malformed = await anon.get('/api/v1/incidents', { authorization: 'Basic abc' });
    assert.equal(malformed.status, 401);
  });

  it('every change is in the audit log with its actor and before/after', async () => {
    const inc = await declare({ title: 'audited' });
    await a.post(`/api/v1/incidents/${inc.id}/acknowledge`);
    const rows = await ts.server.store.db.selectFrom('auditLog').selectAll().where('targetId', '=', inc.id).orderBy('seq').execute();
    assert.deepEqual(rows.map((r) => r.action), ['incident.declared', 'incident.acknowledged']);
    assert.equal(rows[1]!.actorType, 'token');
    assert.deepEqual(JSON.parse(rows[1]!.before!), { status: 'triggered' });
    assert.equal(JSON.parse(rows[1]!.after!).status, 'acknowledged');
  });
});
