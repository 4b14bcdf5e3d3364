import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scheduleJob } from '../src/jobs/index.js';
import type { Store } from '../src/store/db.js';
import { effectKind, openTestStore, type StoreLocation, TEST_PG_URL, testRows } from './jobs-runner-child.js';

/**
 * Runners as separate processes (test/jobs-runner-child.ts) on one database: killed with SIGKILL and
 * started again, or three at once on PostgreSQL.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const T0 = new Date('2026-11-22T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const iso = (ms: number) => at(ms).toISOString();
const MIN = 60_000;

interface Message {
  op: string;
  [k: string]: unknown;
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

class RunnerProcess {
  private readonly messages: Message[] = [];
  private waiters: (() => void)[] = [];
  private output = '';
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly proc: ChildProcess,
  ) {
    readline.createInterface({ input: proc.stdout! }).on('line', (line) => {
      this.output += `${line}\n`;
      try {
        this.messages.push(JSON.parse(line) as Message);
      } catch {
        return;
      }
      for (const w of this.waiters.splice(0)) w();
    });
    proc.stderr!.on('data', (d) => {
      this.output += String(d);
    });
    this.exited = new Promise((resolve) =>
      proc.on('exit', () => {
        children.delete(proc);
        for (const w of this.waiters.splice(0)) w();
        resolve();
      }),
    );
  }

  static async start(location: StoreLocation, name: string, opts: { leaseMs?: number; concurrency?: number } = {}): Promise<RunnerProcess> {
    const env: NodeJS.ProcessEnv = { ...process.env, JOBS_RUNNER_CHILD: JSON.stringify({ ...location, name, leaseMs: opts.leaseMs ?? MIN, concurrency: opts.concurrency ?? 10 }) };
    delete env.NODE_TEST_CONTEXT; // the child is a plain process, not a test file
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/jobs-runner-child.ts')], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(proc);
    const child = new RunnerProcess(name, proc);
    await child.next('ready', 30_000);
    return child;
  }

  /** The first message of kind `op` not taken yet (and matching `match`), waiting for it if needed. */
  async next(op: string, timeoutMs = 15_000, match: (m: Message) => boolean = () => true): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.messages.findIndex((m) => m.op === op && match(m));
      if (i >= 0) return this.messages.splice(i, 1)[0]!;
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) throw new Error(`${this.name} exited while waiting for ${op}:\n${this.output}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${this.name}: no ${op} within ${timeoutMs} ms:\n${this.output}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  send(cmd: object): void {
    this.proc.stdin!.write(`${JSON.stringify(cmd)}\n`);
  }

  /** Tick at `now` and return how many jobs the tick claimed. */
  async tick(now: Date): Promise<number> {
    this.send({ op: 'tick', now: now.toISOString() });
    return (await this.next('ticked', 15_000, (m) => m.now === now.toISOString())).claimed as number;
  }

  events(): Message[] {
    return this.messages.filter((m) => m.op === 'event');
  }

  async kill(): Promise<void> {
    this.proc.kill('SIGKILL');
    await this.exited;
  }

  async exit(): Promise<void> {
    this.send({ op: 'exit' });
    await this.exited;
  }
}

describe('job runner processes', () => {
  let store: Store;
  let location: StoreLocation;

  before(async () => {
    ({ store, location } = await openTestStore());
  });
  after(async () => {
    for (const c of children) c.kill('SIGKILL');
    await store.close();
    rmSync(location.dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await store.db.deleteFrom('job').execute();
    await (store.db as any).deleteFrom('job_test_effect').execute();
    await (store.db as any).deleteFrom('job_test_start').execute();
  });

  const job = (key: string) => store.db.selectFrom('job').selectAll().where('key', '=', key).executeTakeFirstOrThrow();

  test('restart: a runner killed between two steps; the next one fires step 2 once, on time, and never step 1 again', async () => {
    await scheduleJob(store.db, { kind: effectKind, key: 'chain:1', payload: {}, dueAt: T0, now: T0 });
    await scheduleJob(store.db, { kind: effectKind, key: 'chain:2', payload: {}, dueAt: at(5 * MIN), now: T0 });

    const a = await RunnerProcess.start(location, 'A');
    assert.equal(await a.tick(at(-1)), 0);
    assert.equal(await a.tick(T0), 1);
    assert.equal(await a.tick(at(4 * MIN)), 0);
    await a.kill();

    const b = await RunnerProcess.start(location, 'B');
    assert.equal(await b.tick(at(4 * MIN + 1)), 0, 'step 1 is not repeated');
    assert.equal(await b.tick(at(5 * MIN - 1)), 0, 'step 2 not before its time');
    assert.equal(await b.tick(at(5 * MIN)), 1);
    assert.equal(await b.tick(at(6 * MIN)), 0);
    await b.exit();

    assert.deepEqual(await testRows(store, 'job_test_effect'), [
      { jobKey: 'chain:1', runner: 'A', attempt: 1, ranAt: iso(0) },
      { jobKey: 'chain:2', runner: 'B', attempt: 1, ranAt: iso(5 * MIN) },
    ]);
    assert.equal((await testRows(store, 'job_test_start')).length, 2, 'each handler ran once');
    for (const key of ['chain:1', 'chain:2']) assert.equal((await job(key)).status, 'done');
  });

  test('a runner killed while its handler runs: another runner retries the job once the lease expires, effect once', async () => {
    await scheduleJob(store.db, { kind: effectKind, key: 'notify:1', payload: { holdOnAttempt: 1 }, dueAt: T0, now: T0 });
    const a = await RunnerProcess.start(location, 'A', { leaseMs: MIN });
    a.send({ op: 'tick', now: T0.toISOString() });
    await a.next('started');
    await a.kill(); // mid-handler: the job is running, leased to A until T0 + 1 min

    let row = await job('notify:1');
    assert.deepEqual([row.status, row.leaseOwner, row.leaseUntil, row.attempts], ['running', 'A', iso(MIN), 1]);
    const b = await RunnerProcess.start(location, 'B', { leaseMs: MIN });
    assert.equal(await b.tick(at(MIN)), 0, "A's lease has not expired yet");
    assert.equal(await b.tick(at(MIN + 1)), 1, 'the expired lease is taken over');
    assert.equal(await b.tick(at(MIN + 2)), 0);
    await b.exit();

    assert.deepEqual(await testRows(store, 'job_test_effect'), [{ jobKey: 'notify:1', runner: 'B', attempt: 2, ranAt: iso(MIN + 1) }]);
    assert.deepEqual(
      (await testRows(store, 'job_test_start')).map((r) => [r.runner, r.attempt]),
      [
        ['A', 1],
        ['B', 2],
      ],
    );
    row = await job('notify:1');
    assert.deepEqual([row.status, row.attempts, row.leaseOwner], ['done', 2, 'B']);
  });

  test('a runner that stalls past its lease: the runner that took over completes; the stalled one is fenced out', async () => {
    await scheduleJob(store.db, { kind: effectKind, key: 'step:stall', payload: { holdOnAttempt: 1 }, dueAt: T0, now: T0 });
    const [a, b] = await Promise.all([RunnerProcess.start(location, 'A', { leaseMs: MIN }), RunnerProcess.start(location, 'B', { leaseMs: MIN })]);
    a.send({ op: 'tick', now: T0.toISOString() });
    await a.next('started');
    assert.equal(await b.tick(at(MIN + 1)), 1);
    a.send({ op: 'release', key: 'step:stall' }); // A wakes up and tries to complete
    assert.equal((await a.next('ticked')).claimed, 1);
    assert.deepEqual(
      a.events().map((e) => e.type),
      ['lost'],
    );
    await Promise.all([a.exit(), b.exit()]);
    assert.deepEqual(await testRows(store, 'job_test_effect'), [{ jobKey: 'step:stall', runner: 'B', attempt: 2, ranAt: iso(MIN + 1) }]);
    assert.equal((await job('step:stall')).status, 'done');
  });

  test('three runner processes on one PostgreSQL database run 1,000 jobs, each exactly once', { skip: !TEST_PG_URL && 'needs PostgreSQL (DATABASE_URL=postgres://…): SQLite has one runner process per database' }, async (t) => {
    const N = 1000;
    const keys = Array.from({ length: N }, (_, i) => `bulk:${String(i).padStart(4, '0')}`);
    for (let i = 0; i < N; i += 250) {
      await store.db.transaction().execute(async (tx) => {
        for (const key of keys.slice(i, i + 250)) await scheduleJob(tx, { kind: effectKind, key, payload: { delayMs: 1 }, dueAt: at(-(i % 7) * 1000), now: at(-MIN) });
      });
    }
    const runners = await Promise.all(['A', 'B', 'C'].map((name) => RunnerProcess.start(location, name, { concurrency: 8 })));
    const started = Date.now();
    for (const r of runners) r.send({ op: 'drain', now: T0.toISOString() });
    const ran = await Promise.all(runners.map(async (r) => (await r.next('drained', 20_000)).ran as number));
    const drainMs = Date.now() - started;
    t.diagnostic(`drained ${N} jobs in ${drainMs} ms; claims per runner: ${ran.join(', ')}`);
    await Promise.all(runners.map((r) => r.exit()));

    assert.equal(
      ran.reduce((x, y) => x + y, 0),
      N,
      `claims per runner: ${ran.join(', ')}`,
    );
    for (const [i, n] of ran.entries()) assert.ok(n > 0, `runner ${runners[i]!.name} ran nothing (${ran.join(', ')}): the runners did not overlap`);
    const effects = await testRows(store, 'job_test_effect');
    const starts = await testRows(store, 'job_test_start');
    assert.equal(effects.length, N, 'one fenced effect per job');
    assert.deepEqual([...new Set(effects.map((e) => e.jobKey))].sort(), keys);
    assert.equal(starts.length, N, 'no handler started twice: no job ran on two runners');
    const byStatus = await store.db.selectFrom('job').select(['status', 'attempts']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy(['status', 'attempts']).execute();
    assert.deepEqual(
      byStatus.map((r) => [r.status, r.attempts, Number(r.n)]),
      [['done', 1, N]],
    );
    assert.ok(drainMs < 20_000, `draining took ${drainMs} ms`);
  });
});
