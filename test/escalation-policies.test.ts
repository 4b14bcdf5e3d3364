import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createService, createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

describe(`escalation policies (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    alice = await createUser(ts, { role: 'responder', name: 'Alice' });
    bob = await createUser(ts, { role: 'responder', name: 'Bob' });
  });
  after(() => ts.close());

  const fieldsOf = (r: { body: any }) => r.body.error.details.fields.map((f: any) => f.field);

  it('creates a two-level policy with names resolved, lists, reads, changes it, and records each change in the audit log', async () => {
    const created = await a.post('/api/v1/escalation-policies', {
      name: 'Checkout on-call',
      repeat: 1,
      levels: [
        { delayMinutes: 10, targets: [{ type: 'user', id: alice.id }] },
        { delayMinutes: 15, targets: [{ type: 'user', id: bob.id }] },
      ],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.repeat, 1);
    assert.deepEqual(
      created.body.levels.map((l: any) => [l.delayMinutes, l.targets[0].name]),
      [
        [10, 'Alice'],
        [15, 'Bob'],
      ],
    );
    assert.deepEqual(created.body.serviceIds, []);
    const id = created.body.id;
    assert.equal((await a.get(`/api/v1/escalation-policies/${id}`)).body.name, 'Checkout on-call');
    assert.ok((await a.get('/api/v1/escalation-policies')).body.items.some((p: any) => p.id === id));

    const changed = await a.patch(`/api/v1/escalation-policies/${id}`, { repeat: 0, levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: bob.id }] }] });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.repeat, 0);
    assert.deepEqual(changed.body.levels[0].targets, [{ type: 'user', id: bob.id, name: 'Bob' }]);
    const audit = (await a.get('/api/v1/audit?targetType=escalation_policy')).body.items.map((e: any) => e.action);
    assert.ok(audit.includes('escalation_policy.created') && audit.includes('escalation_policy.updated'), JSON.stringify(audit));
  });

  it('refuses a policy that cannot page anyone, naming the field and the fix', async () => {
    const noLevels = await a.post('/api/v1/escalation-policies', { name: 'empty', levels: [] });
    assert.equal(noLevels.status, 400);
    assert.deepEqual(fieldsOf(noLevels), ['body.levels']);
    assert.match(noLevels.body.error.message, /at least one level/);

    const noTargets = await a.post('/api/v1/escalation-policies', { name: 'x', levels: [{ delayMinutes: 5, targets: [] }] });
    assert.equal(noTargets.status, 400);
    assert.deepEqual(fieldsOf(noTargets), ['body.levels.0.targets']);

    const zeroDelay = await a.post('/api/v1/escalation-policies', { name: 'x', levels: [{ delayMinutes: 0, targets: [{ type: 'user', id: alice.id }] }] });
    assert.equal(zeroDelay.status, 400);
    assert.match(JSON.stringify(zeroDelay.body), /delayMinutes must be at least 1/);

    const ghost = '01JD2Z3K4M5N6P7Q8R9S0TVWXY';
    const unknownUser = await a.post('/api/v1/escalation-policies', { name: 'x', levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: alice.id }, { type: 'user', id: ghost }] }] });
    assert.equal(unknownUser.status, 400);
    assert.deepEqual(fieldsOf(unknownUser), ['levels.0.targets.1.id']);

    const unknownSchedule = await a.post('/api/v1/escalation-policies', { name: 'x', levels: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: ghost }] }] });
    assert.equal(unknownSchedule.status, 400);
    assert.match(unknownSchedule.body.error.message, /no schedule/);

    const unknownKey = await a.post('/api/v1/escalation-policies', { name: 'x', levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] }], loops: 2 });
    assert.equal(unknownKey.status, 400);
  });

  it('services point at a policy that exists; a policy in use cannot be deleted', async () => {
    const policy = (await a.post('/api/v1/escalation-policies', { name: 'payments', levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] }] })).body;
    const bad = await a.post('/api/v1/services', { name: 'payments-bad', escalationPolicyId: '01JD2Z3K4M5N6P7Q8R9S0TVWXY' });
    assert.equal(bad.status, 400);
    assert.deepEqual(fieldsOf(bad), ['escalationPolicyId']);
    const svc = await a.post('/api/v1/services', { name: 'payments', escalationPolicyId: policy.id });
    assert.equal(svc.status, 201, JSON.stringify(svc.body));
    assert.deepEqual((await a.get(`/api/v1/escalation-policies/${policy.id}`)).body.serviceIds, [svc.body.id]);

    const refused = await a.delete(`/api/v1/escalation-policies/${policy.id}`);
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /give them another policy first/);
    assert.equal((await a.patch(`/api/v1/services/${svc.body.id}`, { escalationPolicyId: null })).status, 200);
    assert.equal((await a.delete(`/api/v1/escalation-policies/${policy.id}`)).status, 204);
    assert.equal((await a.get(`/api/v1/escalation-policies/${policy.id}`)).status, 404);
  });

  it('only admins manage policies; responders and observers read them', async () => {
    const other = await createService(ts, { name: 'other' });
    assert.ok(other.id);
    const responder = api(ts.server.app, alice.token);
    const denied = await responder.post('/api/v1/escalation-policies', { name: 'mine', levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: alice.id }] }] });
    assert.equal(denied.status, 403);
    assert.equal((await responder.get('/api/v1/escalation-policies')).status, 200);
  });
});
