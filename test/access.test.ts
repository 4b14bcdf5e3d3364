import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

const HOUR = 3600_000;
const PASSWORD = 'correct horse battery';

interface LoginResponse {
  status: number;
  body: any;
  cookie: string | null;
  setCookie: string;
  headers: Record<string, unknown>;
}

async function login(ts: TestServer, email: string, password: string, ip = '203.0.113.7'): Promise<LoginResponse> {
  const res = await ts.server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json', 'user-agent': 'test-browser/1.0' },
    payload: JSON.stringify({ email, password }),
  });
  const raw = res.headers['set-cookie'];
  const setCookie = (Array.isArray(raw) ? raw.join('\n') : raw) ?? '';
  const m = /hikeshi_session=([^;]*)/.exec(setCookie);
  return { status: res.statusCode, body: JSON.parse(res.body), cookie: m?.[1] || null, setCookie, headers: res.headers };
}

/** A browser: the session cookie, and the CSRF header when given. */
const browser = (ts: TestServer, cookie: string, csrf?: string): Api =>
  api(ts.server.app, undefined, { cookie: `hikeshi_session=${cookie}`, ...(csrf ? { 'x-csrf-token': csrf } : {}) });

const auditActions = async (ts: TestServer) =>
  (await ts.server.store.db.selectFrom('auditLog').select(['action', 'after', 'actorType', 'actorId']).orderBy('seq').execute());

describe(`login sessions and CSRF (${dialectName})`, () => {
  let ts: TestServer;
  let person: { id: string; email: string; token: string };

  before(async () => {
    ts = await startTestServer();
    person = await createUser(ts, { role: 'responder', email: 'Kenji.Sato@Example.com', password: PASSWORD });
  });
  after(() => ts.close());

  it('logs in with e-mail (any case) and password: a hardened cookie and a CSRF token', async () => {
    const r = await login(ts, 'KENJI.sato@example.com', PASSWORD);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.user.id, person.id);
    assert.equal(r.body.user.email, 'kenji.sato@example.com');
    assert.equal(typeof r.body.csrfToken, 'string');
    assert.ok(!JSON.stringify(r.body).includes('scrypt'), 'no password hash in the answer');
    assert.ok(r.cookie && r.cookie.length >= 40);
    assert.match(r.setCookie, /HttpOnly/);
    assert.match(r.setCookie, /SameSite=Lax/);
    assert.match(r.setCookie, /Path=\//);
    assert.match(r.setCookie, /Max-Age=604800/);
    assert.doesNotMatch(r.setCookie, /Secure/, 'plain-http public URL: no Secure flag');
    const stored = await ts.server.store.db.selectFrom('session').selectAll().where('userId', '=', person.id).execute();
    assert.ok(stored.some((s) => s.ip === '203.0.113.7' && s.userAgent === 'test-browser/1.0'));
    assert.ok(stored.every((s) => s.tokenHash !== r.cookie), 'only a hash of the cookie is stored');
    const audit = (await auditActions(ts)).filter((a) => a.action === 'auth.login');
    assert.equal(audit.at(-1)?.actorId, person.id);
  });

  it('session → a change with the CSRF header succeeds; without it or with a wrong one → 403', async () => {
    const r = await login(ts, person.email, PASSWORD);
    const s = await browser(ts, r.cookie!).get('/api/v1/auth/session');
    assert.equal(s.status, 200);
    assert.equal(s.body.user.id, person.id);
    assert.equal(s.body.csrfToken, r.body.csrfToken);
    assert.equal(s.body.expiresAt, r.body.expiresAt);
    const ok = await browser(ts, r.cookie!, s.body.csrfToken).post('/api/v1/incidents', { title: 'Checkout is slow' });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.createdBy.id, person.id);
    const none = await browser(ts, r.cookie!).post('/api/v1/incidents', { title: 'no csrf' });
    assert.equal(none.status, 403);
    assert.match(none.body.error.message, /x-csrf-token/);
    const other = await login(ts, person.email, PASSWORD);
    const wrong = await browser(ts, r.cookie!, other.body.csrfToken).post('/api/v1/incidents', { title: 'csrf of another session' });
    assert.equal(wrong.status, 403);
    assert.equal((await browser(ts, r.cookie!).get('/api/v1/incidents')).status, 200, 'reads need no CSRF token');
  });

  it('logout ends the session and clears the cookie; afterwards the cookie is refused', async () => {
    const r = await login(ts, person.email, PASSWORD);
    const b = browser(ts, r.cookie!, r.body.csrfToken);
    assert.equal((await browser(ts, r.cookie!).post('/api/v1/auth/logout')).status, 403, 'logout needs the CSRF token too');
    const out = await b.post('/api/v1/auth/logout');
    assert.equal(out.status, 204);
    assert.match(String(out.headers['set-cookie']), /hikeshi_session=;/);
    assert.equal((await b.get('/api/v1/auth/session')).status, 401);
    assert.equal((await b.post('/api/v1/incidents', { title: 'after logout' })).status, 401);
    assert.ok((await auditActions(ts)).some((a) => a.action === 'auth.logout' && a.actorId === person.id));
  });

  it('GET /auth/session without a cookie, or with a bearer token, is 401', async () => {
    assert.equal((await api(ts.server.app).get('/api/v1/auth/session')).status, 401);
    assert.equal((await api(ts.server.app, person.token).get('/api/v1/auth/session')).status, 401);
    assert.equal((await browser(ts, 'forged-cookie-value').get('/api/v1/auth/session')).status, 401);
  });

  it('a wrong password and an unknown address get the same 401', async () => {
    const wrong = await login(ts, person.email, 'not the password', '198.51.100.1');
    const unknown = await login(ts, 'nobody@example.com', PASSWORD, '198.51.100.1');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body.error.message, unknown.body.error.message);
    assert.equal(wrong.cookie, null);
    const rows = await ts.server.store.db.selectFrom('loginAttempt').selectAll().where('ip', '=', '198.51.100.1').execute();
    assert.deepEqual(rows.map((r) => [r.emailKey, r.success]).sort(), [['kenji.sato@example.com', 0], ['nobody@example.com', 0]]);
  });

  it('a person without a password cannot log in; a disabled person cannot either', async () => {
    const tokenOnly = await createUser(ts, { role: 'observer' });
    assert.equal((await login(ts, tokenOnly.email, PASSWORD, '198.51.100.2')).status, 401);
    const gone = await createUser(ts, { role: 'observer', password: PASSWORD });
    assert.equal((await api(ts.server.app, ts.token).patch(`/api/v1/users/${gone.id}`, { disabled: true })).status, 200);
    const r = await login(ts, gone.email, PASSWORD, '198.51.100.2');
    assert.equal(r.status, 401);
    assert.match(r.body.error.message, /disabled/);
  });

  it('disabling a person ends their sessions and stops their tokens', async () => {
    const u = await createUser(ts, { role: 'responder', password: PASSWORD });
    const r = await login(ts, u.email, PASSWORD);
    assert.equal((await browser(ts, r.cookie!).get('/api/v1/me')).status, 200);
    assert.equal((await api(ts.server.app, u.token).get('/api/v1/me')).status, 200);
    assert.equal((await api(ts.server.app, ts.token).patch(`/api/v1/users/${u.id}`, { disabled: true })).status, 200);
    assert.equal((await browser(ts, r.cookie!).get('/api/v1/me')).status, 401);
    assert.equal((await api(ts.server.app, u.token).get('/api/v1/me')).status, 401);
    const sessions = await ts.server.store.db.selectFrom('session').select('id').where('userId', '=', u.id).execute();
    assert.equal(sessions.length, 0);
  });

  it('a session ends after 24 hours unused, and slides while used', async () => {
    const r = await login(ts, person.email, PASSWORD);
    const b = browser(ts, r.cookie!);
    ts.clock.advance(23 * HOUR);
    assert.equal((await b.get('/api/v1/auth/session')).status, 200);
    ts.clock.advance(23 * HOUR);
    assert.equal((await b.get('/api/v1/auth/session')).status, 200, 'use slid the idle timeout');
    ts.clock.advance(24 * HOUR + 1000);
    assert.equal((await b.get('/api/v1/auth/session')).status, 401);
  });

  it('a session ends 7 days after login even when used every day', async () => {
    const r = await login(ts, person.email, PASSWORD);
    const b = browser(ts, r.cookie!);
    for (let day = 1; day < 7; day++) {
      ts.clock.advance(23 * HOUR);
      assert.equal((await b.get('/api/v1/auth/session')).status, 200, `day ${day}`);
    }
    ts.clock.set(new Date(Date.parse(r.body.expiresAt) + 1000));
    assert.equal((await b.get('/api/v1/auth/session')).status, 401);
  });
});

describe(`session cookie behind https (${dialectName})`, () => {
  let ts: TestServer;
  before(async () => {
    ts = await startTestServer({ env: { HIKESHI_PUBLIC_URL: 'https://hikeshi.example.com' } });
  });
  after(() => ts.close());

  it('is Secure when the public URL is https', async () => {
    const u = await createUser(ts, { role: 'observer', password: PASSWORD });
    const r = await login(ts, u.email, PASSWORD);
    assert.equal(r.status, 200);
    assert.match(r.setCookie, /; Secure/);
  });
});

describe(`login rate limiting (${dialectName})`, () => {
  let ts: TestServer;
  before(async () => {
    ts = await startTestServer();
  });
  after(() => ts.close());

  it('the 11th failure in 15 minutes from one address for one e-mail is 429 with Retry-After', async () => {
    const u = await createUser(ts, { role: 'responder', password: PASSWORD });
    for (let i = 1; i <= 10; i++) {
      assert.equal((await login(ts, u.email, `wrong password ${i}`, '192.0.2.10')).status, 401, `attempt ${i}`);
    }
    const limited = await login(ts, u.email, PASSWORD, '192.0.2.10');
    assert.equal(limited.status, 429, 'even the right password waits');
    assert.equal(limited.body.error.code, 'LIMIT_EXCEEDED');
    assert.equal(limited.cookie, null);
    const retry = Number(limited.headers['retry-after']);
    assert.ok(retry > 0 && retry <= 900, `retry-after ${retry}`);

    // No account-wide lock: the real person elsewhere still gets in.
    assert.equal((await login(ts, u.email, PASSWORD, '192.0.2.99')).status, 200);

    ts.clock.advance(16 * 60_000);
    assert.equal((await login(ts, u.email, PASSWORD, '192.0.2.10')).status, 200);
    const rows = await ts.server.store.db.selectFrom('loginAttempt').select('success').where('ip', '=', '192.0.2.10').execute();
    assert.deepEqual([rows.filter((r) => r.success === 0).length, rows.filter((r) => r.success === 1).length], [10, 1], 'the refused attempt is not counted');
  });

  it('one address failing for 50 different e-mails is limited for every e-mail; other addresses are not', async () => {
    const at = ts.clock.now().toISOString();
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `01JTEST${String(i).padStart(19, '0')}`, emailKey: `spray${i}@example.com`, ip: '192.0.2.50', at, success: 0 }));
    await ts.server.store.db.insertInto('loginAttempt').values(rows).execute();
    const limited = await login(ts, 'someone-new@example.com', PASSWORD, '192.0.2.50');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal((await login(ts, 'someone-new@example.com', PASSWORD, '192.0.2.51')).status, 401);
  });
});

describe(`roles, scopes and API tokens (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  before(async () => {
    ts = await startTestServer();
    owner = api(ts.server.app, ts.token);
  });
  after(() => ts.close());

  it('role matrix: observers read, responders declare, admins manage services and non-owners', async () => {
    const observer = api(ts.server.app, (await createUser(ts, { role: 'observer' })).token);
    const responder = api(ts.server.app, (await createUser(ts, { role: 'responder' })).token);
    const admin = api(ts.server.app, (await createUser(ts, { role: 'admin' })).token);
    assert.equal((await observer.get('/api/v1/incidents')).status, 200);
    const denied = await observer.post('/api/v1/incidents', { title: 'observer tries' });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, 'FORBIDDEN');
    assert.equal((await responder.post('/api/v1/incidents', { title: 'responder declares' })).status, 201);
    assert.equal((await responder.post('/api/v1/services', { name: 'by responder' })).status, 403);
    assert.equal((await admin.post('/api/v1/services', { name: 'by admin' })).status, 201);
    assert.equal((await responder.post('/api/v1/users', { name: 'X', email: 'x1@example.com', role: 'observer' })).status, 403);
    assert.equal((await admin.post('/api/v1/users', { name: 'Y', email: 'y1@example.com', role: 'responder' })).status, 201);
    const ownerByAdmin = await admin.post('/api/v1/users', { name: 'Z', email: 'z1@example.com', role: 'owner' });
    assert.equal(ownerByAdmin.status, 403);
    assert.match(ownerByAdmin.body.error.message, /owner/);
  });

  it('a token with only the read scope can read but not declare', async () => {
    const u = await createUser(ts, { role: 'responder', scopes: ['read'] });
    const ro = api(ts.server.app, u.token);
    assert.equal((await ro.get('/api/v1/incidents')).status, 200);
    const r = await ro.post('/api/v1/incidents', { title: 'read-only token' });
    assert.equal(r.status, 403);
    assert.match(r.body.error.message, /"write" scope/);
  });

  it('a revoked token stops authenticating; listings show prefixes and never values', async () => {
    const u = await createUser(ts, { role: 'responder' });
    const self = api(ts.server.app, u.token);
    const minted = await self.post(`/api/v1/users/${u.id}/tokens`, { name: 'ci' });
    assert.equal(minted.status, 201, JSON.stringify(minted.body));
    assert.deepEqual(minted.body.scopes, ['read', 'write']);
    assert.ok(minted.body.token.startsWith(minted.body.prefix));
    const ci = api(ts.server.app, minted.body.token);
    assert.equal((await ci.get('/api/v1/me')).body.id, u.id);
    const list = await self.get(`/api/v1/users/${u.id}/tokens`);
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 2);
    assert.ok(!JSON.stringify(list.body).includes(minted.body.token));
    assert.ok(list.body.items.every((t: any) => !('token' in t) && !('tokenHash' in t)));
    assert.equal((await self.delete(`/api/v1/users/${u.id}/tokens/${minted.body.id}`)).status, 204);
    const after = await ci.get('/api/v1/me');
    assert.equal(after.status, 401);
    assert.equal(after.body.error.code, 'UNAUTHENTICATED');
    const listed = (await self.get(`/api/v1/users/${u.id}/tokens`)).body.items.find((t: any) => t.id === minted.body.id);
    assert.equal(listed.revokedAt, ts.clock.now().toISOString());
    const audit = await auditActions(ts);
    assert.ok(audit.some((a) => a.action === 'token.created' && a.after?.includes(minted.body.id)));
    assert.ok(audit.some((a) => a.action === 'token.revoked'));
    assert.ok(audit.every((a) => !a.after?.includes(minted.body.token)), 'token values never reach the audit log');
  });

  it('an expired token stops authenticating', async () => {
    const u = await createUser(ts, { role: 'observer' });
    const expiresAt = new Date(ts.clock.now().getTime() + HOUR).toISOString();
    const minted = await owner.post(`/api/v1/users/${u.id}/tokens`, { name: 'short', expiresAt });
    assert.equal(minted.status, 201);
    assert.equal(minted.body.expiresAt, expiresAt);
    const t = api(ts.server.app, minted.body.token);
    assert.equal((await t.get('/api/v1/me')).status, 200);
    ts.clock.advance(2 * HOUR);
    assert.equal((await t.get('/api/v1/me')).status, 401);
    const past = await owner.post(`/api/v1/users/${u.id}/tokens`, { name: 'past', expiresAt });
    assert.equal(past.status, 400);
    assert.equal(past.body.error.details.fields[0].field, 'expiresAt');
  });

  it('scopes are bounded by the role and by the minting token', async () => {
    const responder = await createUser(ts, { role: 'responder' });
    const r = await owner.post(`/api/v1/users/${responder.id}/tokens`, { name: 'too much', scopes: ['read', 'admin'] });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.details.fields[0].field, 'scopes');
    const admin = await createUser(ts, { role: 'admin', scopes: ['read', 'write'] });
    const limited = api(ts.server.app, admin.token);
    assert.equal((await limited.post(`/api/v1/users/${admin.id}/tokens`, { name: 'escalate', scopes: ['admin'] })).status, 403);
    const dflt = await limited.post(`/api/v1/users/${admin.id}/tokens`, { name: 'default' });
    assert.deepEqual(dflt.body.scopes, ['read', 'write']);
    const ro = await createUser(ts, { role: 'responder', scopes: ['read'] });
    assert.equal((await api(ts.server.app, ro.token).post(`/api/v1/users/${ro.id}/tokens`, { name: 'x' })).status, 403);
  });

  it('tokens of others: only with user.manage, and only an owner for an owner', async () => {
    const ownerId = (await owner.get('/api/v1/me')).body.id;
    const admin = api(ts.server.app, (await createUser(ts, { role: 'admin' })).token);
    const responder = await createUser(ts, { role: 'responder' });
    const other = await createUser(ts, { role: 'responder' });
    assert.equal((await admin.post(`/api/v1/users/${ownerId}/tokens`, { name: 'takeover' })).status, 403);
    assert.equal((await admin.get(`/api/v1/users/${ownerId}/tokens`)).status, 403);
    assert.equal((await admin.post(`/api/v1/users/${responder.id}/tokens`, { name: 'for them' })).status, 201);
    assert.equal((await api(ts.server.app, other.token).post(`/api/v1/users/${responder.id}/tokens`, { name: 'x' })).status, 403);
    assert.equal((await api(ts.server.app, other.token).get(`/api/v1/users/${responder.id}/tokens`)).status, 403);
  });
});
