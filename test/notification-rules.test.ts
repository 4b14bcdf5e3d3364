import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

describe(`notification rules (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  before(async () => {
    ts = await startTestServer();
    owner = api(ts.server.app, ts.token);
    alice = await createUser(ts, { role: 'responder', name: 'Alice' });
    bob = await createUser(ts, { role: 'responder', name: 'Bob' });
  });
  after(() => ts.close());

  it('a person sets "email at once, SMS after 2 minutes" for high urgency and sees them in order', async () => {
    const me = api(ts.server.app, alice.token);
    const email = (await me.post(`/api/v1/users/${alice.id}/contact-methods`, { type: 'email', address: 'alice@example.com' })).body;
    const sms = (await me.post(`/api/v1/users/${alice.id}/contact-methods`, { type: 'sms', address: '+819012345678' })).body;
    const later = await me.post(`/api/v1/users/${alice.id}/notification-rules`, { urgency: 'high', contactMethodId: sms.id, delayMinutes: 2 });
    assert.equal(later.status, 201, JSON.stringify(later.body));
    assert.equal((await me.post(`/api/v1/users/${alice.id}/notification-rules`, { urgency: 'high', contactMethodId: email.id, delayMinutes: 0 })).status, 201);
    assert.equal((await me.post(`/api/v1/users/${alice.id}/notification-rules`, { urgency: 'low', contactMethodId: email.id, delayMinutes: 30 })).status, 201);
    const rules = (await me.get(`/api/v1/users/${alice.id}/notification-rules`)).body.items;
    assert.deepEqual(
      rules.map((r: any) => [r.urgency, r.contactMethod.type, r.delayMinutes]),
      [
        ['high', 'email', 0],
        ['high', 'sms', 2],
        ['low', 'email', 30],
      ],
    );
    const dup = await me.post(`/api/v1/users/${alice.id}/notification-rules`, { urgency: 'high', contactMethodId: sms.id, delayMinutes: 2 });
    assert.equal(dup.status, 409);
    assert.equal((await me.delete(`/api/v1/users/${alice.id}/notification-rules/${later.body.id}`)).status, 204);
    assert.equal((await me.get(`/api/v1/users/${alice.id}/notification-rules`)).body.items.length, 2);
  });

  it('a rule for a channel the person has no address on is a 400 that says how to fix it', async () => {
    const me = api(ts.server.app, bob.token);
    const aliceMethods = (await owner.get(`/api/v1/users/${alice.id}/contact-methods`)).body.items;
    const notMine = await me.post(`/api/v1/users/${bob.id}/notification-rules`, { urgency: 'high', contactMethodId: aliceMethods[0].id, delayMinutes: 0 });
    assert.equal(notMine.status, 400);
    assert.deepEqual(
      notMine.body.error.details.fields.map((f: any) => f.field),
      ['contactMethodId'],
    );
    assert.match(notMine.body.error.message, /add the address first/);
    const negative = await me.post(`/api/v1/users/${bob.id}/notification-rules`, { urgency: 'high', contactMethodId: aliceMethods[0].id, delayMinutes: -1 });
    assert.equal(negative.status, 400);
    const urgency = await me.post(`/api/v1/users/${bob.id}/notification-rules`, { urgency: 'critical', contactMethodId: aliceMethods[0].id, delayMinutes: 0 });
    assert.equal(urgency.status, 400);
  });

  it('nobody else changes a person’s rules without user.manage', async () => {
    const asBob = api(ts.server.app, bob.token);
    const method = (await owner.get(`/api/v1/users/${alice.id}/contact-methods`)).body.items[0];
    const denied = await asBob.post(`/api/v1/users/${alice.id}/notification-rules`, { urgency: 'low', contactMethodId: method.id, delayMinutes: 5 });
    assert.equal(denied.status, 403);
    assert.equal((await owner.post(`/api/v1/users/${alice.id}/notification-rules`, { urgency: 'low', contactMethodId: method.id, delayMinutes: 5 })).status, 201);
  });

  it('a webhook contact method shows its signing secret to its owner; other kinds have none', async () => {
    const me = api(ts.server.app, alice.token);
    const hook = await me.post(`/api/v1/users/${alice.id}/contact-methods`, { type: 'webhook', address: 'https://hooks.example.com/hikeshi' });
    assert.equal(hook.status, 201, JSON.stringify(hook.body));
    const secret = await me.get(`/api/v1/users/${alice.id}/contact-methods/${hook.body.id}/signing-secret`);
    assert.equal(secret.status, 200);
    assert.match(secret.body.secret, /^whsec_[A-Za-z0-9+/=]{20,}$/);
    assert.equal((await me.get(`/api/v1/users/${alice.id}/contact-methods/${hook.body.id}/signing-secret`)).body.secret, secret.body.secret, 'stable');
    const email = (await me.get(`/api/v1/users/${alice.id}/contact-methods`)).body.items.find((m: any) => m.type === 'email');
    assert.equal((await me.get(`/api/v1/users/${alice.id}/contact-methods/${email.id}/signing-secret`)).status, 400);
    assert.equal((await api(ts.server.app, bob.token).get(`/api/v1/users/${alice.id}/contact-methods/${hook.body.id}/signing-secret`)).status, 403);
  });
});
