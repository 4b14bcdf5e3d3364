import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { api } from './helpers/api.js';
import { dialectName, startTestServer, TEST_DATABASE_URL } from './helpers/server.js';
import pg from 'pg';

describe(`database unavailable (${dialectName})`, () => {
  it('a read-only database answers 503 with Retry-After and loses nothing already stored', { skip: dialectName !== 'sqlite' && 'read-only mode is set per SQLite connection here' }, async () => {
    const ts = await startTestServer();
    try {
      const a = api(ts.server.app, ts.token);
      const before = (await a.post('/api/v1/incidents', { title: 'stored before' })).body;
      await sql`pragma query_only = 1`.execute(ts.server.store.db);
      const r = await a.post('/api/v1/incidents', { title: 'during the outage' });
      assert.equal(r.status, 503);
      assert.equal(r.body.error.code, 'UNAVAILABLE');
      assert.equal(r.headers['retry-after'], '5');
      assert.equal((await a.get(`/api/v1/incidents/${before.id}`)).status, 200, 'reads still work');
      await sql`pragma query_only = 0`.execute(ts.server.store.db);
      assert.equal((await a.post('/api/v1/incidents', { title: 'after' })).status, 201);
      const titles = ((await a.get('/api/v1/incidents')).body.items as any[]).map((i) => i.title);
      assert.deepEqual(titles, ['after', 'stored before']);
    } finally {
      await ts.close();
    }
  });

  it('a lost database connection answers 503, and /readyz says not ready', async () => {
    const ts = await startTestServer();
    const a = api(ts.server.app, ts.token);
    await ts.server.hub.stop();
    await ts.server.store.close();
    try {
      const r = await a.get('/api/v1/incidents');
      assert.equal(r.status, 503, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'UNAVAILABLE');
      const ready = await api(ts.server.app).get('/readyz');
      assert.equal(ready.status, 503);
      assert.equal((await api(ts.server.app).get('/healthz')).status, 200, 'the process itself is alive');
    } finally {
      await ts.server.app.close();
    }
  });

  it('survives PostgreSQL killing its connections: 503 at worst, then recovers', { skip: !TEST_DATABASE_URL && 'PostgreSQL only' }, async () => {
    const ts = await startTestServer();
    try {
      const a = api(ts.server.app, ts.token);
      assert.equal((await a.post('/api/v1/incidents', { title: 'before' })).status, 201);
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      const kill = () => admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [`hikeshi:${ts.schema}`]);
      // Kill every connection while requests are in flight, a few times: connections die idle in the
      // pool, checked out between queries, and mid-query. The process must survive all of it.
      for (let round = 0; round < 5; round++) {
        const inflight = Array.from({ length: 10 }, () => a.get('/api/v1/incidents'));
        const killed = await kill();
        assert.ok(killed.rowCount! >= 0);
        for (const r of await Promise.all(inflight)) assert.ok(r.status === 200 || r.status === 503, `status ${r.status}`);
      }
      await kill();
      await admin.end();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await a.get('/api/v1/incidents')).status);
      assert.ok(statuses.every((s) => s === 200 || s === 503), JSON.stringify(statuses));
      assert.equal(statuses.at(-1), 200, 'recovers once the pool reconnects');
      assert.equal((await a.post('/api/v1/incidents', { title: 'after' })).status, 201);
      // The live stream's LISTEN connection was killed too: it comes back and catches up.
      const seen: string[] = [];
      const unsubscribe = ts.server.hub.subscribe({ type: 'system', id: null, name: 't', userId: null, role: 'owner', scopes: null, inSecurityTeam: false }, (e) => {
        seen.push(String(e.incident?.title));
      });
      const late = (await a.post('/api/v1/incidents', { title: 'heard after reconnect' })).body;
      for (let i = 0; i < 100 && !seen.includes('heard after reconnect'); i++) await new Promise((r) => setTimeout(r, 50));
      unsubscribe();
      assert.ok(seen.includes('heard after reconnect'), `live stream recovered (saw ${seen.join(', ')}) for ${late.id}`);
    } finally {
      await ts.close();
    }
  });
});
