import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../src/platform/config.js';
import { api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer } from './helpers/server.js';

const failLogins = async (a: ReturnType<typeof api>, email: string, forwardedFor: string, n: number) => {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await a.post('/api/v1/auth/login', { email, password: 'wrong-password!' }, { 'x-forwarded-for': forwardedFor })).status);
  return statuses;
};

describe(`client address behind a reverse proxy (${dialectName})`, () => {
  it('parses HIKESHI_TRUST_PROXY', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ HIKESHI_TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ HIKESHI_TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ HIKESHI_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy, ['10.0.0.0/8', '127.0.0.1']);
    assert.throws(() => loadConfig({ HIKESHI_TRUST_PROXY: 'maybe' }), /HIKESHI_TRUST_PROXY must be true, false/);
  });

  it('with a trusted proxy, login throttling counts per forwarded client, so one attacker does not lock out others', async () => {
    const ts = await startTestServer({ env: { HIKESHI_TRUST_PROXY: '127.0.0.1' } });
    try {
      const user = await createUser(ts, { role: 'responder', password: 'correct horse battery' });
      const a = api(ts.server.app);
      const attacker = await failLogins(a, user.email, '203.0.113.5', 11);
      assert.equal(attacker.at(-1), 429);
      const ok = await a.post('/api/v1/auth/login', { email: user.email, password: 'correct horse battery' }, { 'x-forwarded-for': '198.51.100.7' });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
    } finally {
      await ts.close();
    }
  });

  it('without it, X-Forwarded-For is ignored (a client cannot pick its own address to dodge the limit)', async () => {
    const ts = await startTestServer();
    try {
      const user = await createUser(ts, { role: 'responder', password: 'correct horse battery' });
      const a = api(ts.server.app);
      const spoofed = [];
      for (let i = 0; i < 11; i++) spoofed.push(...(await failLogins(a, user.email, `203.0.113.${i}`, 1)));
      assert.equal(spoofed.at(-1), 429, 'all attempts count against the socket address');
    } finally {
      await ts.close();
    }
  });
});
