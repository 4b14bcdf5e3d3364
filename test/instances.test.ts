import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { api } from './helpers/api.js';
import { newTestSchema, startTestServer, TEST_DATABASE_URL } from './helpers/server.js';

describe('several instances on one PostgreSQL database', { skip: !TEST_DATABASE_URL && 'SQLite runs one instance' }, () => {
  it('start together on an empty database: migrations apply once, one owner, one secret, one counter', async () => {
    const shared = { dataDir: mkdtempSync(path.join(tmpdir(), 'hikeshi-multi-')), schema: newTestSchema() };
    const results = await Promise.allSettled([1, 2, 3].map(() => startTestServer({ shared })));
    const servers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    try {
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'fulfilled', 'fulfilled'],
        JSON.stringify(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))),
      );
      const db = servers[0]!.server.store.db;
      assert.equal((await db.selectFrom('appUser').select('id').where('role', '=', 'owner').execute()).length, 1);
      assert.equal((await db.selectFrom('setting').select('key').where('key', '=', 'secret').execute()).length, 1);
      // Declarations through all three instances at once get distinct, gap-free numbers.
      const declared = await Promise.all(
        servers.flatMap((s) => Array.from({ length: 5 }, (_, i) => api(s.server.app, s.token).post('/api/v1/incidents', { title: `from ${i}` }))),
      );
      assert.ok(declared.every((r) => r.status === 201), JSON.stringify(declared.map((r) => r.status)));
      const numbers = declared.map((r) => r.body.number).sort((x, y) => x - y);
      assert.deepEqual(numbers, Array.from({ length: 15 }, (_, i) => i + 1));
      // One audit chain, whichever instance wrote.
      const verify = await api(servers[1]!.server.app, servers[1]!.token).get('/api/v1/audit/verify');
      assert.equal(verify.body.ok, true, JSON.stringify(verify.body));
    } finally {
      for (const s of servers) await s.server.close();
      rmSync(shared.dataDir, { recursive: true, force: true }); // the schema is dropped by the runner
    }
  });
});
