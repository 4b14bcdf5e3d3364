import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { displayWidth } from '../src/cli/output.js';
import { api, type Api } from './helpers/api.js';
import { startTestServer, type TestServer } from './helpers/server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('hikeshi CLI (client commands against a listening server)', () => {
  let ts: TestServer;
  let owner: Api;
  let url: string;

  /** Run `hikeshi …` as its own process, as a user would. */
  const hikeshi = (args: string[], opts: { token?: string | null; stdin?: string } = {}): Promise<Run> => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('HIKESHI_')) env[k] = v;
    env.HIKESHI_URL = url;
    if (opts.token !== null) env.HIKESHI_TOKEN = opts.token ?? ts.token;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(opts.stdin ?? '');
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  };

  before(async () => {
    ts = await startTestServer();
    owner = api(ts.server.app, ts.token);
    await ts.server.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(ts.server.app.server.address() as AddressInfo).port}`;
  });
  after(() => ts.close());

  test('declare, list, ack, note and resolve', async () => {
    const declared = await hikeshi(['incident', 'declare', '--title', '決済APIの遅延', '--severity', 'SEV2']);
    assert.equal(declared.code, 0, declared.stderr);
    assert.match(declared.stdout, /^INC-1 {2}triggered {2}SEV2 {2}P\d {2}決済APIの遅延\n$/);

    const second = await hikeshi(['incident', 'declare', '--title', 'DB down', '--severity', 'SEV1', '--impact', '1', '--urgency', '1', '--type', 'outage', '--json']);
    assert.equal(second.code, 0, second.stderr);
    const json = JSON.parse(second.stdout);
    assert.equal(json.number, 2);
    assert.equal(json.priority, 'P1');

    const list = await hikeshi(['incident', 'list']);
    assert.equal(list.code, 0, list.stderr);
    const lines = list.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^INCIDENT\s+STATUS\s+SEV\s+PRI\s+TITLE$/);
    assert.match(lines[1]!, /^INC-2 .*DB down$/);
    assert.match(lines[2]!, /^INC-1 .*決済APIの遅延$/);
    // Every column starts at the same terminal column on every line.
    const starts = (line: string) => [...line.matchAll(/ {2,}(?=\S)/g)].map((m) => displayWidth(line.slice(0, m.index! + m[0].length)));
    assert.deepEqual(starts(lines[1]!), starts(lines[0]!));
    assert.deepEqual(starts(lines[2]!), starts(lines[0]!));

    const ack = await hikeshi(['incident', 'ack', 'INC-1']);
    assert.equal(ack.code, 0, ack.stderr);
    assert.match(ack.stdout, /^INC-1 {2}acknowledged {2}SEV2/);

    const note = await hikeshi(['incident', 'note', '1', '-'], { stdin: '原因は **DB** の接続枯渇\n' });
    assert.equal(note.code, 0, note.stderr);
    assert.match(note.stdout, /note added to INC-1/);

    const resolved = await hikeshi(['incident', 'resolve', 'inc-1', '--message', 'pool size raised', '--json']);
    assert.equal(resolved.code, 0, resolved.stderr);
    assert.equal(JSON.parse(resolved.stdout).status, 'resolved');

    const timeline = await owner.get(`/api/v1/incidents/${JSON.parse(resolved.stdout).id}/timeline`);
    const actions = timeline.body.items.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('incident.acknowledged') && actions.includes('incident.resolved'), actions.join());
    const noteEntry = timeline.body.items.find((e: { data: { body?: string } }) => e.data?.body?.includes('接続枯渇'));
    assert.ok(noteEntry, 'the note read from stdin is on the timeline');
  });

  test('filters are passed to the API; --json prints the raw list', async () => {
    const r = await hikeshi(['incident', 'list', '--status', 'resolved', '-q', '決済', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const body = JSON.parse(r.stdout);
    assert.deepEqual(body.items.map((i: { reference: string }) => i.reference), ['INC-1']);
    assert.equal(body.nextCursor, null);
  });

  test('errors map to exit codes through one table', async () => {
    const noToken = await hikeshi(['incident', 'list'], { token: null });
    assert.equal(noToken.code, 3);
    assert.match(noToken.stderr, /--token.*HIKESHI_TOKEN/);

    const wrongToken = await hikeshi(['incident', 'list'], { token: 'not-a-real-token-0000' });
    assert.equal(wrongToken.code, 3);
    assert.match(wrongToken.stderr, /^error: .+ \(UNAUTHENTICATED, request \S+\)\n$/);

    const unknown = await hikeshi(['incident', 'ack', 'INC-99']);
    assert.equal(unknown.code, 4, unknown.stderr);
    assert.match(unknown.stderr, /INC-99 does not exist \(NOT_FOUND\)/);

    const badSeverity = await hikeshi(['incident', 'declare', '--title', 'x', '--severity', 'SEV9']);
    assert.equal(badSeverity.code, 2);
    assert.match(badSeverity.stderr, /^error: .*severity.* \(VALIDATION, request \S+\)\n$/);

    // INC-1 is resolved: close it, and acknowledging is now illegal (409 CONFLICT → 5).
    const inc1 = (await owner.get('/api/v1/incidents?q=INC-1')).body.items.find((i: { number: number }) => i.number === 1);
    assert.equal((await owner.post(`/api/v1/incidents/${inc1.id}/close`)).status, 200);
    const illegal = await hikeshi(['incident', 'ack', '1']);
    assert.equal(illegal.code, 5, illegal.stderr);
    assert.match(illegal.stderr, /\(CONFLICT, request \S+\)/);
  });
});
