import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { api, type Api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe(`hikeshi oncall / schedule render against a listening server (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  let url: string;
  let platform: { id: string };

  /** Run `hikeshi …` as its own process, as a user would. */
  const hikeshi = (args: string[], opts: { token?: string } = {}): Promise<Run> => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('HIKESHI_')) env[k] = v;
    env.HIKESHI_URL = url;
    // the viewer's own zone must not matter: times are shown in the schedule's zone or --tz
    env.TZ = 'Pacific/Auckland';
    env.HIKESHI_TOKEN = opts.token ?? ts.token;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end();
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  };

  before(async () => {
    ts = await startTestServer();
    ts.clock.set('2026-03-08T13:30:00.000Z');
    owner = api(ts.server.app, ts.token);
    const alice = await createUser(ts, { role: 'responder', name: 'Alice' });
    const bob = await createUser(ts, { role: 'responder', name: '山田 太郎' });
    const rotation = { unit: 'day', length: 1, handoffTime: '09:00', startDate: '2026-03-01' };
    const create = async (name: string, timeZone: string, members: string[]) => {
      const r = await owner.post('/api/v1/schedules', { name, timeZone, layers: [{ name: 'Primary', members, rotation }] });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    };
    platform = await create('Platform', 'America/Chicago', [alice.id, bob.id]);
    await create('Tokyo DB', 'Asia/Tokyo', [bob.id, alice.id]);
    await ts.server.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(ts.server.app.server.address() as AddressInfo).port}`;
  });
  after(() => ts.close());

  test('hikeshi oncall prints who is on call on every schedule, with until in the schedule’s zone', async () => {
    const r = await hikeshi(['oncall']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'on call at 2026-03-08T13:30:00.000Z');
    assert.match(lines[1]!, /^SCHEDULE\s+ZONE\s+ON CALL\s+UNTIL$/);
    // 08:30 CDT on the 8th: Alice's shift from the 7th runs to 09:00 CDT
    assert.match(lines[2]!, /^Platform\s+America\/Chicago\s+Alice\s+2026-03-08 09:00 CDT$/);
    // 22:30 JST on the 8th: turn 7 of the Tokyo list [Bob, Alice] is Alice's
    assert.match(lines[3]!, /^Tokyo DB\s+Asia\/Tokyo\s+Alice\s+2026-03-09 09:00 GMT\+9$/);

    const at = await hikeshi(['oncall', '--schedule', 'platform', '--at', '2026-03-08T14:00:00Z', '--json']);
    assert.equal(at.code, 0, at.stderr);
    const json = JSON.parse(at.stdout);
    assert.equal(json.scheduleId, platform.id);
    assert.deepEqual(
      json.users.map((u: { name: string }) => u.name),
      ['山田 太郎'],
    );
    const byId = await hikeshi(['oncall', '--schedule', platform.id]);
    assert.equal(byId.code, 0, byId.stderr);
    assert.match(byId.stdout, /Platform\s+America\/Chicago\s+Alice/);
    assert.doesNotMatch(byId.stdout, /Tokyo/);
  });

  test('hikeshi schedule render prints the final shifts with dates and the zone, across the DST change', async () => {
    const r = await hikeshi(['schedule', 'render', 'Platform', '--from', '2026-03-07', '--to', '2026-03-10']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'Platform: final schedule from 2026-03-07 00:00 CST to 2026-03-10 00:00 CDT, times in America/Chicago');
    assert.match(lines[1]!, /^START\s+END\s+LENGTH\s+ON CALL\s+FROM$/);
    const rows = lines.slice(2).map((l) => l.split(/ {2,}/));
    assert.deepEqual(rows, [
      ['2026-03-07 00:00 CST', '2026-03-07 09:00 CST', '9h', '山田 太郎', 'Primary'],
      ['2026-03-07 09:00 CST', '2026-03-08 09:00 CDT', '23h', 'Alice', 'Primary'],
      ['2026-03-08 09:00 CDT', '2026-03-09 09:00 CDT', '24h', '山田 太郎', 'Primary'],
      ['2026-03-09 09:00 CDT', '2026-03-10 00:00 CDT', '15h', 'Alice', 'Primary'],
    ]);

    const tokyo = await hikeshi(['schedule', 'render', platform.id, '--from', '2026-03-08T14:00:00Z', '--to', '2026-03-09T14:00:00Z', '--tz', 'Asia/Tokyo']);
    assert.equal(tokyo.code, 0, tokyo.stderr);
    assert.match(tokyo.stdout, /times in Asia\/Tokyo \(schedule zone America\/Chicago\)/);
    assert.match(tokyo.stdout, /2026-03-08 23:00 GMT\+9\s+2026-03-09 23:00 GMT\+9\s+24h\s+山田 太郎/);

    const json = await hikeshi(['schedule', 'render', 'Platform', '--from', '2026-03-08', '--to', '2026-03-09', '--json']);
    assert.equal(json.code, 0, json.stderr);
    const body = JSON.parse(json.stdout);
    assert.equal(body.from, '2026-03-08T06:00:00.000Z', 'midnight CST');
    assert.equal(body.to, '2026-03-09T05:00:00.000Z', 'midnight CDT');
    assert.equal(body.items.length, 2);
  });

  test('overrides show as their source', async () => {
    const users = (await owner.get('/api/v1/users?q=Alice')).body.items;
    const o = await owner.post(`/api/v1/schedules/${platform.id}/overrides`, { start: '2026-03-20T15:00:00Z', end: '2026-03-20T17:00:00Z', userId: users[0].id });
    assert.equal(o.status, 201, JSON.stringify(o.body));
    const r = await hikeshi(['schedule', 'render', 'Platform', '--from', '2026-03-20T15:00:00Z', '--to', '2026-03-20T16:00:00Z']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2026-03-20 10:00 CDT\s+2026-03-20 11:00 CDT\s+1h\s+Alice\s+override/);
  });

  test('mistakes exit with the code of their kind and say what to fix', async () => {
    const unknown = await hikeshi(['schedule', 'render', 'Nope', '--from', '2026-03-01', '--to', '2026-03-02']);
    assert.equal(unknown.code, 4);
    assert.match(unknown.stderr, /no schedule named "Nope"/);
    const missingId = await hikeshi(['oncall', '--schedule', '01JD2Z3K4M5N6P7Q8R9S0TVWXY']);
    assert.equal(missingId.code, 4);
    const zone = await hikeshi(['schedule', 'render', 'Platform', '--from', '2026-03-01', '--to', '2026-03-02', '--tz', 'Mars/Base']);
    assert.equal(zone.code, 2);
    assert.match(zone.stderr, /--tz "Mars\/Base" is not an IANA time zone/);
    const date = await hikeshi(['schedule', 'render', 'Platform', '--from', 'last week', '--to', '2026-03-02']);
    assert.equal(date.code, 2);
    assert.match(date.stderr, /--from must be a date YYYY-MM-DD/);
    const long = await hikeshi(['schedule', 'render', 'Platform', '--from', '2026-01-01', '--to', '2028-01-01']);
    assert.equal(long.code, 2);
    assert.match(long.stderr, /at most 366 days/);
    const noTo = await hikeshi(['schedule', 'render', 'Platform', '--from', '2026-01-01']);
    assert.equal(noTo.code, 2);
    const badAt = await hikeshi(['oncall', '--at', 'soon']);
    assert.equal(badAt.code, 2);
    assert.match(badAt.stderr, /query\.at/);
  });
});
