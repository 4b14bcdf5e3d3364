import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { seedIncidents } from '../bench/seed.js';
import { type IncidentFilter, listIncidentQuery } from '../src/store/queries/incident.js';
import { startTestServer, type TestServer } from './helpers/server.js';

/**
 * The incident list's first page must come from an index, never from sorting the whole table: the
 * web app's first screen with 100,000 stored incidents depends on it (bench: npm run bench).
 */
describe('incident list: the query plan uses indexes', () => {
  let ts: TestServer;
  before(async () => {
    ts = await startTestServer();
    await seedIncidents(ts.server.store, 20_000);
    if (ts.server.store.dialect === 'postgres') await sql`analyze incident`.execute(ts.server.store.db);
    else await sql`analyze`.execute(ts.server.store.db);
  });
  after(() => ts?.close());

  const viewer = { userId: null, seesAllRestricted: false };
  const plan = async (f: Omit<IncidentFilter, 'viewer' | 'limit'>): Promise<string> => {
    const q = listIncidentQuery(ts.server.store.db, { ...f, viewer, limit: 51 }).compile();
    if (ts.server.store.dialect === 'postgres') {
      const r = await ts.server.store.db.executeQuery<{ 'QUERY PLAN': string }>({ ...q, sql: `explain ${q.sql}` } as typeof q);
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    }
    const r = await ts.server.store.db.executeQuery<{ detail: string }>({ ...q, sql: `explain query plan ${q.sql}` } as typeof q);
    return r.rows.map((x) => x.detail).join('\n');
  };

  const assertIndexed = (p: string, index: RegExp) => {
    assert.match(p, index, p);
    assert.doesNotMatch(p, /USE TEMP B-TREE FOR ORDER BY|Seq Scan on incident\b|^\s*Sort\b/m, p);
  };

  test('first page, newest first', async () => assertIndexed(await plan({}), /incident_created/));
  test('the next page (keyset cursor)', async () =>
    assertIndexed(await plan({ before: { createdAt: new Date().toISOString(), id: '01JZZZZZZZZZZZZZZZZZZZZZZZ' } }), /incident_created/));
  test('open incidents: read through an index (sorting only the open ones is fine)', async () => {
    const p = await plan({ statuses: ['triggered', 'acknowledged'] });
    assert.match(p, /incident_(created|status_created)/, p);
    assert.doesNotMatch(p, /^SCAN incident$|Seq Scan on incident\b/m, p);
  });
});
