import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createTeam, createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

const PASSWORD = 'correct horse battery';
const fieldsOf = (r: { body: any }) => (r.body.error?.details?.fields ?? []).map((f: { field: string }) => f.field);
const audits = (ts: TestServer, action: string) =>
  ts.server.store.db.selectFrom('auditLog').select(['action', 'targetId', 'before', 'after', 'actorId']).where('action', '=', action).orderBy('seq').execute();

describe(`users (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  before(async () => {
    ts = await startTestServer();
    owner = api(ts.server.app, ts.token);
  });
  after(() => ts.close());

  it('creates a person: e-mail lower-cased, defaults applied, no password hash anywhere, audited', async () => {
    const r = await owner.post('/api/v1/users', { name: '佐藤 健二', email: ' Kenji@Example.COM ', role: 'responder', password: PASSWORD, timeZone: 'asia/tokyo', locale: 'ja' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.match(r.body.id, /^[0-9A-Z]{26}$/);
    assert.equal(r.body.email, 'kenji@example.com');
    assert.equal(r.body.timeZone, 'Asia/Tokyo');
    assert.equal(r.body.locale, 'ja');
    assert.equal(r.body.hasPassword, true);
    assert.equal(r.body.disabled, false);
    assert.ok(!('passwordHash' in r.body));
    const d = await owner.post('/api/v1/users', { name: 'Defaults', email: 'defaults@example.com', role: 'observer' });
    assert.deepEqual([d.body.timeZone, d.body.locale, d.body.hasPassword], ['UTC', 'en', false]);
    const [row] = await audits(ts, 'user.created');
    assert.equal(row?.targetId, r.body.id);
    assert.ok(!row?.after?.includes('scrypt'), 'no hash in the audit row');
    assert.equal((await owner.get(`/api/v1/users/${r.body.id}`)).body.email, 'kenji@example.com');
  });

  it('a duplicate e-mail (in any case) is 409 naming the field', async () => {
    await owner.post('/api/v1/users', { name: 'A', email: 'dup@example.com', role: 'observer' });
    const r = await owner.post('/api/v1/users', { name: 'B', email: 'DUP@example.com', role: 'observer' });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.details.field, 'email');
  });

  it('bad input is a 400 naming the field', async () => {
    const base = { name: 'N', email: 'n@example.com', role: 'observer' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, nickname: 'x' }, 'nickname'],
      [{ ...base, email: 'not-an-email' }, 'email'],
      [{ ...base, timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ ...base, timeZone: '+09:00' }, 'timeZone'],
      [{ ...base, role: 'superuser' }, 'role'],
      [{ ...base, locale: 'fr' }, 'locale'],
      [{ ...base, password: 'short' }, 'password'],
      [{ ...base, password: 'Password' }, 'password'],
      [{ ...base, password: 'x'.repeat(129) }, 'password'],
      [{ email: 'n@example.com', role: 'observer' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const r = await owner.post('/api/v1/users', body);
      assert.equal(r.status, 400, `${field}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'VALIDATION');
      // Unknown keys are reported on `body`, naming them in the message; others at their own path.
      const named = (r.body.error.details.fields as { field: string; message: string }[]).some((f) =>
        field === 'nickname' ? f.field === 'body' && f.message.includes('nickname') : f.field === `body.${field}`,
      );
      assert.ok(named, `${field} named in ${JSON.stringify(r.body.error.details.fields)}`);
    }
    assert.equal((await owner.get('/api/v1/users?q=n%40example.com')).body.items.length, 0, 'nothing was created');
  });

  it('lists people by name with search and cursor pages', async () => {
    for (const n of ['Yamada Aiko', 'Yamada Bunta', 'Yamada Chie']) await owner.post('/api/v1/users', { name: n, email: `${n.split(' ')[1]!.toLowerCase()}@yamada.example`, role: 'observer' });
    const p1 = await owner.get('/api/v1/users?q=yamada&limit=2');
    assert.deepEqual(p1.body.items.map((u: any) => u.name), ['Yamada Aiko', 'Yamada Bunta']);
    const p2 = await owner.get(`/api/v1/users?q=yamada&limit=2&cursor=${p1.body.nextCursor}`);
    assert.deepEqual(p2.body.items.map((u: any) => u.name), ['Yamada Chie']);
    assert.equal(p2.body.nextCursor, null);
    assert.equal((await owner.get('/api/v1/users?q=BUNTA@yamada')).body.items.length, 1, 'searches e-mail too');
    assert.equal((await owner.get('/api/v1/users?cursor=garbage')).status, 400);
  });

  it('GET /me answers the person behind the token', async () => {
    const u = await createUser(ts, { role: 'observer' });
    const me = await api(ts.server.app, u.token).get('/api/v1/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.id, u.id);
    assert.equal((await api(ts.server.app).get('/api/v1/me')).status, 401);
  });

  it('people change their own profile; role and disabling need user.manage', async () => {
    const u = await createUser(ts, { role: 'responder' });
    const self = api(ts.server.app, u.token);
    const r = await self.patch(`/api/v1/users/${u.id}`, { name: 'New Name', timeZone: 'Europe/Berlin', locale: 'ja' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.name, r.body.timeZone, r.body.locale], ['New Name', 'Europe/Berlin', 'ja']);
    assert.equal((await self.patch(`/api/v1/users/${u.id}`, { role: 'admin' })).status, 403);
    const other = await createUser(ts, { role: 'observer' });
    assert.equal((await self.patch(`/api/v1/users/${other.id}`, { name: 'Hijacked' })).status, 403);
    assert.equal((await self.patch(`/api/v1/users/${u.id}`, {})).status, 400);
    const readOnly = await createUser(ts, { role: 'observer' });
    assert.equal((await api(ts.server.app, readOnly.token).patch(`/api/v1/users/${readOnly.id}`, { name: 'x' })).status, 403, 'a read-only token changes nothing');
    const [row] = (await audits(ts, 'user.updated')).filter((a) => a.targetId === u.id);
    assert.match(row?.before ?? '', /"name"/);
    assert.match(row?.after ?? '', /New Name/);
  });

  it('only an owner may touch an owner; the last owner cannot be demoted', async () => {
    const ownerId = (await owner.get('/api/v1/me')).body.id;
    const admin = await createUser(ts, { role: 'admin' });
    const asAdmin = api(ts.server.app, admin.token);
    assert.equal((await asAdmin.patch(`/api/v1/users/${ownerId}`, { name: 'Renamed' })).status, 403);
    assert.equal((await asAdmin.patch(`/api/v1/users/${ownerId}`, { disabled: true })).status, 403);
    assert.equal((await asAdmin.patch(`/api/v1/users/${admin.id}`, { role: 'owner' })).status, 403);
    const responder = await createUser(ts, { role: 'responder' });
    assert.equal((await asAdmin.patch(`/api/v1/users/${responder.id}`, { role: 'admin' })).body.role, 'admin');
    const last = await owner.patch(`/api/v1/users/${ownerId}`, { role: 'admin' });
    assert.equal(last.status, 409);
    assert.match(last.body.error.message, /last enabled owner/);
    assert.equal((await owner.patch(`/api/v1/users/${ownerId}`, { disabled: true })).status, 403, 'nobody disables themselves');
    const second = await createUser(ts, { role: 'owner' });
    assert.equal((await owner.patch(`/api/v1/users/${second.id}`, { role: 'admin' })).status, 200);
  });

  it('changing your own password in a session needs the current one; an admin reset ends sessions', async () => {
    const u = await createUser(ts, { role: 'responder', password: PASSWORD });
    const login = async (password: string) => ts.server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password } });
    const res = await login(PASSWORD);
    const cookie = /hikeshi_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1]!;
    const browser = api(ts.server.app, undefined, { cookie: `hikeshi_session=${cookie}`, 'x-csrf-token': res.json().csrfToken });
    const missing = await browser.patch(`/api/v1/users/${u.id}`, { password: 'another good phrase' });
    assert.equal(missing.status, 400);
    assert.deepEqual(fieldsOf(missing), ['currentPassword']);
    const ok = await browser.patch(`/api/v1/users/${u.id}`, { password: 'another good phrase', currentPassword: PASSWORD });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((await login(PASSWORD)).statusCode, 401);
    assert.equal((await login('another good phrase')).statusCode, 200);
    assert.equal((await owner.patch(`/api/v1/users/${u.id}`, { password: 'reset by the owner' })).status, 200);
    assert.equal((await browser.get('/api/v1/me')).status, 401, 'the reset ended the session');
    const rows = (await audits(ts, 'user.updated')).filter((a) => a.targetId === u.id);
    assert.ok(rows.some((a) => a.after?.includes('"passwordChanged":true')));
    assert.ok(rows.every((a) => !a.after?.includes('scrypt') && !a.after?.includes('another good phrase')));
  });
});

describe(`contact methods (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  before(async () => {
    ts = await startTestServer();
    owner = api(ts.server.app, ts.token);
  });
  after(() => ts.close());

  it('accepts a valid address for each channel and lists them', async () => {
    const u = await createUser(ts, { role: 'responder' });
    const self = api(ts.server.app, u.token);
    const valid: [string, string][] = [
      ['email', 'kenji@example.com'],
      ['webhook', 'https://hooks.example.com/page'],
      ['slack', 'https://hooks.slack.com/services/T0/B0/xyz'],
      ['teams', 'https://example.webhook.office.com/webhookb2/abc'],
      ['mattermost', 'http://chat.internal/hooks/abc'],
      ['sms', '+819012345678'],
      ['voice', '+14155550100'],
    ];
    for (const [type, address] of valid) {
      const r = await self.post(`/api/v1/users/${u.id}/contact-methods`, { type, address, label: `my ${type}` });
      assert.equal(r.status, 201, `${type}: ${JSON.stringify(r.body)}`);
      assert.deepEqual([r.body.type, r.body.address, r.body.userId], [type, address, u.id]);
    }
    const list = await self.get(`/api/v1/users/${u.id}/contact-methods`);
    assert.deepEqual(list.body.items.map((c: any) => c.type), valid.map(([t]) => t));
    assert.equal((await audits(ts, 'contact_method.created')).filter((a) => a.actorId !== null).length, valid.length);
  });

  it('rejects an address that does not fit its channel, naming the field', async () => {
    const u = await createUser(ts, { role: 'responder' });
    const bad: [Record<string, unknown>, string][] = [
      [{ type: 'email', address: 'not-an-address' }, 'body.address'],
      [{ type: 'webhook', address: 'ftp://example.com/x' }, 'body.address'],
      [{ type: 'slack', address: 'hooks.slack.com/services/x' }, 'body.address'],
      [{ type: 'sms', address: '090-1234-5678' }, 'body.address'],
      [{ type: 'pager', address: 'x' }, 'body.type'],
      [{ type: 'email', address: 'a@example.com', priority: 1 }, 'body'],
    ];
    for (const [body, field] of bad) {
      const r = await owner.post(`/api/v1/users/${u.id}/contact-methods`, body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.ok(fieldsOf(r).includes(field), `${field} in ${JSON.stringify(r.body.error.details)}`);
    }
    await owner.post(`/api/v1/users/${u.id}/contact-methods`, { type: 'email', address: 'a@example.com' });
    assert.equal((await owner.post(`/api/v1/users/${u.id}/contact-methods`, { type: 'email', address: 'a@example.com' })).status, 409);
  });

  it('only the person or user.manage may see or change them; deleting is audited', async () => {
    const u = await createUser(ts, { role: 'responder' });
    const other = api(ts.server.app, (await createUser(ts, { role: 'responder' })).token);
    const admin = api(ts.server.app, (await createUser(ts, { role: 'admin' })).token);
    assert.equal((await other.post(`/api/v1/users/${u.id}/contact-methods`, { type: 'sms', address: '+819000000000' })).status, 403);
    assert.equal((await other.get(`/api/v1/users/${u.id}/contact-methods`)).status, 403);
    const cm = await admin.post(`/api/v1/users/${u.id}/contact-methods`, { type: 'sms', address: '+819000000000' });
    assert.equal(cm.status, 201);
    assert.equal((await other.delete(`/api/v1/users/${u.id}/contact-methods/${cm.body.id}`)).status, 403);
    assert.equal((await api(ts.server.app, u.token).delete(`/api/v1/users/${u.id}/contact-methods/${cm.body.id}`)).status, 204);
    assert.equal((await api(ts.server.app, u.token).delete(`/api/v1/users/${u.id}/contact-methods/${cm.body.id}`)).status, 404);
    const [row] = await audits(ts, 'contact_method.deleted');
    assert.equal(row?.targetId, cm.body.id);
    assert.match(row?.before ?? '', /\+819000000000/);
  });
});

describe(`teams (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  let admin: Api;
  before(async () => {
    ts = await startTestServer();
    owner = api(ts.server.app, ts.token);
    admin = api(ts.server.app, (await createUser(ts, { role: 'admin' })).token);
  });
  after(() => ts.close());

  it('admins create, rename, fill and delete ordinary teams; names are unique', async () => {
    const a = await createUser(ts, { role: 'responder', name: 'Aoki' });
    const b = await createUser(ts, { role: 'observer', name: 'Baba' });
    const t = await admin.post('/api/v1/teams', { name: 'Payments SRE', description: 'payments' });
    assert.equal(t.status, 201, JSON.stringify(t.body));
    assert.deepEqual([t.body.security, t.body.members], [false, []]);
    assert.equal((await admin.post('/api/v1/teams', { name: 'Payments SRE' })).status, 409);
    assert.equal((await admin.put(`/api/v1/teams/${t.body.id}/members/${b.id}`)).status, 200);
    const added = await admin.put(`/api/v1/teams/${t.body.id}/members/${a.id}`);
    assert.deepEqual(added.body.members.map((m: any) => m.name), ['Aoki', 'Baba']);
    assert.equal((await admin.put(`/api/v1/teams/${t.body.id}/members/${a.id}`)).body.memberCount, 2, 'adding twice changes nothing');
    assert.equal((await admin.patch(`/api/v1/teams/${t.body.id}`, { name: 'Payments' })).body.name, 'Payments');
    const listed = (await admin.get('/api/v1/teams')).body.items.find((x: any) => x.id === t.body.id);
    assert.equal(listed.memberCount, 2);
    assert.equal((await admin.delete(`/api/v1/teams/${t.body.id}/members/${b.id}`)).status, 204);
    assert.equal((await admin.delete(`/api/v1/teams/${t.body.id}/members/${b.id}`)).status, 404);
    assert.equal((await admin.delete(`/api/v1/teams/${t.body.id}`)).status, 204);
    assert.equal((await admin.get(`/api/v1/teams/${t.body.id}`)).status, 404);
    const actions = (await ts.server.store.db.selectFrom('auditLog').select(['action', 'targetId']).where('targetId', '=', t.body.id).orderBy('seq').execute()).map((r) => r.action);
    assert.deepEqual(actions, ['team.created', 'team.member_added', 'team.member_added', 'team.updated', 'team.member_removed', 'team.deleted']);
  });

  it('responders cannot manage teams; bad input is a 400 naming the field', async () => {
    const responder = api(ts.server.app, (await createUser(ts, { role: 'responder' })).token);
    assert.equal((await responder.post('/api/v1/teams', { name: 'Rogue' })).status, 403);
    assert.equal((await responder.get('/api/v1/teams')).status, 200);
    const r = await admin.post('/api/v1/teams', { name: '', security: 'yes' });
    assert.equal(r.status, 400);
    assert.ok(fieldsOf(r).includes('body.name') && fieldsOf(r).includes('body.security'), JSON.stringify(fieldsOf(r)));
    const t = await createTeam(ts);
    assert.equal((await admin.put(`/api/v1/teams/${t.id}/members/01JD2Z3K4M5N6P7Q8R9S0TVWXY`)).status, 404);
  });

  it('security teams are an owner matter: creating, flagging, adding members, deleting', async () => {
    const r = await createUser(ts, { role: 'responder' });
    assert.equal((await admin.post('/api/v1/teams', { name: 'CSIRT', security: true })).status, 403);
    const plain = await createTeam(ts, { name: 'Helpdesk' });
    assert.equal((await admin.patch(`/api/v1/teams/${plain.id}`, { security: true })).status, 403);
    const csirt = await owner.post('/api/v1/teams', { name: 'CSIRT', security: true });
    assert.equal(csirt.status, 201);
    assert.equal((await admin.put(`/api/v1/teams/${csirt.body.id}/members/${r.id}`)).status, 403);
    assert.equal((await admin.delete(`/api/v1/teams/${csirt.body.id}`)).status, 403);
    assert.equal((await owner.put(`/api/v1/teams/${csirt.body.id}/members/${r.id}`)).status, 200);
    assert.equal((await admin.patch(`/api/v1/teams/${csirt.body.id}`, { description: 'incident response' })).status, 200, 'other fields are fine');
    assert.equal((await admin.delete(`/api/v1/teams/${csirt.body.id}/members/${r.id}`)).status, 204, 'taking access away never waits for an owner');
  });

  it('membership of a security team reveals restricted incidents', async () => {
    const analyst = await createUser(ts, { role: 'responder' });
    const asAnalyst = api(ts.server.app, analyst.token);
    const inc = await owner.post('/api/v1/incidents', { title: 'Suspicious logins', type: 'security' });
    assert.equal(inc.body.visibility, 'restricted');
    assert.equal((await asAnalyst.get(`/api/v1/incidents/${inc.body.id}`)).status, 404);
    const soc = await createTeam(ts, { name: 'SOC', security: true, memberIds: [analyst.id] });
    assert.equal((await asAnalyst.get(`/api/v1/incidents/${inc.body.id}`)).status, 200);
    await owner.delete(`/api/v1/teams/${soc.id}/members/${analyst.id}`);
    assert.equal((await asAnalyst.get(`/api/v1/incidents/${inc.body.id}`)).status, 404);
  });
});
