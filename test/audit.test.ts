import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { verifyAuditLog } from '../src/services/audit/verify.js';
import { api, type Api } from './helpers/api.js';
import { startTestServer, TEST_DATABASE_URL, type TestServer } from './helpers/server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `hikeshi audit verify` as a separate process against the test server's database. */
async function cliVerify(ts: TestServer): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, HIKESHI_DATA_DIR: ts.config.dataDir, DATABASE_URL: undefined };
  if (TEST_DATABASE_URL) {
    // The test server lives in its own schema; the CLI reaches it the libpq way, through the URL.
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(ts.server.store.db);
    const options = encodeURIComponent(`-c search_path=${rows[0]!.s}`);
    env.DATABASE_URL = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${options}`;
  }
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'audit', 'verify'], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

describe('audit log', () => {
  let ts: TestServer;
  let owner: Api;
  let serviceId: string;
  let incidentId: string;
  const verify = async () => (await owner.get('/api/v1/audit/verify')).body;
  const row = (seq: number) => ts.server.store.db.selectFrom('auditLog').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();

  before(async () => {
    ts = await startTestServer();
    owner = api(ts.server.app, ts.token);
    const svc = await owner.post('/api/v1/services', { name: '決済API' });
    assert.equal(svc.status, 201);
    serviceId = svc.body.id;
    const inc = await owner.post('/api/v1/incidents', { title: '決済APIの遅延', serviceId, severity: 'SEV2' });
    assert.equal(inc.status, 201);
    incidentId = inc.body.id;
    assert.equal((await owner.post(`/api/v1/incidents/${incidentId}/acknowledge`)).status, 200);
  });
  after(() => ts.close());

  test('lists every change newest first with actor and parsed before/after', async () => {
    const res = await owner.get('/api/v1/audit');
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.items.map((e: any) => [e.seq, e.action, e.targetId]),
      [
        [3, 'incident.acknowledged', incidentId],
        [2, 'incident.declared', incidentId],
        [1, 'service.created', serviceId],
      ],
    );
    const ack = res.body.items[0];
    assert.equal(ack.actor.type, 'token');
    assert.equal(typeof ack.actor.id, 'string');
    assert.ok(ack.actor.name.length > 0);
    assert.deepEqual(ack.before, { status: 'triggered' });
    assert.equal(ack.after.status, 'acknowledged');
    assert.equal(res.body.items[2].after.name, '決済API');
    assert.equal(res.body.items[2].before, null);
    assert.match(ack.hash, /^[0-9a-f]{64}$/);
    assert.equal(res.body.nextCursor, null);
  });

  test('filters by action, target and actor, and pages with a cursor', async () => {
    const byTarget = await owner.get(`/api/v1/audit?targetType=incident&targetId=${incidentId}`);
    assert.deepEqual(byTarget.body.items.map((e: any) => e.seq), [3, 2]);
    assert.deepEqual((await owner.get('/api/v1/audit?action=service.created')).body.items.map((e: any) => e.seq), [1]);
    assert.deepEqual((await owner.get('/api/v1/audit?action=incident.*')).body.items.map((e: any) => e.seq), [3, 2]);
    const actorId = byTarget.body.items[0].actor.id;
    assert.equal((await owner.get(`/api/v1/audit?actorId=${actorId}`)).body.items.length, 3);
    assert.equal((await owner.get('/api/v1/audit?actorId=nobody')).body.items.length, 0);
    const first = await owner.get('/api/v1/audit?limit=2');
    assert.deepEqual(first.body.items.map((e: any) => e.seq), [3, 2]);
    const second = await owner.get(`/api/v1/audit?limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(second.body.items.map((e: any) => e.seq), [1]);
    assert.equal(second.body.nextCursor, null);
    const bad = await owner.get('/api/v1/audit?cursor=garbage');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'VALIDATION');
    assert.equal((await api(ts.server.app).get('/api/v1/audit/verify')).status, 401);
  });

  test('an intact chain verifies, through the API and the CLI', async () => {
    assert.deepEqual(await verify(), { ok: true, entries: 3, headSeq: 3 });
    // Page boundaries carry the link over (pages of 1 and 2 rows).
    for (const pageSize of [1, 2]) assert.deepEqual(await verifyAuditLog(ts.server.store, { pageSize }), { ok: true, entries: 3, headSeq: 3 });
    const cli = await cliVerify(ts);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /audit log OK: 3 entries/);
  });

  test('an edited row is reported at its seq (API and CLI exit 5)', async () => {
    const original = await row(2);
    await ts.server.store.db.updateTable('auditLog').set({ actorName: 'mallory' }).where('seq', '=', 2).execute();
    const res = await verify();
    assert.equal(res.ok, false);
    assert.equal(res.entries, 1);
    assert.equal(res.problem.kind, 'hash_mismatch');
    assert.equal(res.problem.seq, 2);
    assert.match(res.problem.message, /row 2 was edited/);
    const cli = await cliVerify(ts);
    assert.equal(cli.code, 5, cli.stderr);
    assert.match(cli.stdout, /row 2 was edited \(hash mismatch\)/);
    await ts.server.store.db.updateTable('auditLog').set({ actorName: original.actorName }).where('seq', '=', 2).execute();
    assert.equal((await verify()).ok, true);
  });

  test('a deleted middle row is a gap', async () => {
    const saved = await row(2);
    await ts.server.store.db.deleteFrom('auditLog').where('seq', '=', 2).execute();
    const res = await verify();
    assert.equal(res.ok, false);
    assert.equal(res.problem.kind, 'gap');
    assert.equal(res.problem.seq, 2);
    assert.match(res.problem.message, /row 2 is missing/);
    assert.equal((await verifyAuditLog(ts.server.store, { pageSize: 1 })).ok, false);
    await ts.server.store.db.insertInto('auditLog').values(saved).execute();
    assert.equal((await verify()).ok, true);
  });

  test('deleting the newest row is caught by the head', async () => {
    await ts.server.store.db.deleteFrom('auditLog').where('seq', '=', 3).execute();
    const res = await verify();
    assert.equal(res.ok, false);
    assert.equal(res.problem.kind, 'head_mismatch');
    assert.equal(res.problem.seq, 3);
    assert.equal(res.problem.headSeq, 3);
    assert.equal(res.problem.lastSeq, 2);
    assert.match(res.problem.message, /newest rows were deleted/);
    const cli = await cliVerify(ts);
    assert.equal(cli.code, 5, cli.stderr);
  });
});
