import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  cancelJobs,
  defineHandler,
  type JobEvent,
  type JobHandler,
  JobRunner,
  type JobRunnerOptions,
  jobKind,
  LeaseLostError,
  rescheduleJob,
  scheduleJob,
} from '../src/jobs/index.js';
import { settleJob } from '../src/jobs/settle.js';
import { FakeClock } from '../src/platform/clock.js';
import type { Store } from '../src/store/db.js';
import { effectHandler, effectKind, openTestStore, type StoreLocation, testRows } from './jobs-runner-child.js';

const T0 = new Date('2026-11-22T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const iso = (ms: number) => at(ms).toISOString();

const gates: (() => void)[] = [];
/** A promise and the function that settles it (every gate is opened after each test, pass or fail). */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  gates.push(open);
  return { promise, open };
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('job runner', () => {
  let store: Store;
  let location: StoreLocation;
  let clock: FakeClock;
  const runners: JobRunner[] = [];

  before(async () => {
    ({ store, location } = await openTestStore());
  });
  after(async () => {
    for (const open of gates.splice(0)) open();
    for (const r of runners.splice(0)) await r.stop();
    await store.close();
    rmSync(location.dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    for (const open of gates.splice(0)) open(); // a failed test must not leave a handler waiting
    for (const r of runners.splice(0)) await r.stop();
    await store.db.deleteFrom('job').execute();
    await (store.db as any).deleteFrom('job_test_effect').execute();
    await (store.db as any).deleteFrom('job_test_start').execute();
    clock = new FakeClock(T0);
  });

  const runner = (handlers: JobHandler<any>[], opts: Partial<JobRunnerOptions> = {}) => {
    const r = new JobRunner({ store, clock, handlers, random: () => 0, ...opts });
    runners.push(r);
    return r;
  };
  const job = (key: string) => store.db.selectFrom('job').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
  const effects = () => testRows(store, 'job_test_effect');
  const schedule = (key: string, dueMs: number, payload = {}) => scheduleJob(store.db, { kind: effectKind, key, payload, dueAt: at(dueMs), now: T0 });

  test('a step fires once, at its time; scheduling the same key twice writes one job', async () => {
    const id = await schedule('step:1', 60_000);
    assert.ok(id);
    assert.equal(await scheduleJob(store.db, { kind: effectKind, key: 'step:1', payload: { delayMs: 5 }, dueAt: at(1), now: T0 }), null);
    assert.equal((await store.db.selectFrom('job').select('id').execute()).length, 1);
    assert.equal((await job('step:1')).dueAt, iso(60_000), 'the second schedule changed nothing');

    const r = runner([effectHandler({ name: 'A', store })]);
    assert.equal(await r.tick(at(59_999)), 0, 'not before due_at');
    assert.deepEqual(await effects(), []);
    assert.equal(await r.tick(at(60_000)), 1);
    assert.equal(await r.tick(at(60_001)), 0);
    assert.equal(await r.tick(at(3_600_000)), 0);
    assert.deepEqual(await effects(), [{ jobKey: 'step:1', runner: 'A', attempt: 1, ranAt: iso(60_000) }]);
    const row = await job('step:1');
    assert.equal(row.id, id);
    assert.equal(row.status, 'done');
    assert.equal(row.attempts, 1);
    assert.equal(row.finishedAt, iso(60_000));
    assert.equal(row.leaseUntil, null);
    assert.equal(row.leaseOwner, r.owner);
    // Done is final: the key stays taken.
    assert.equal(await schedule('step:1', 0), null);
  });

  test('due jobs run oldest first, and only kinds this runner has handlers for', async () => {
    const other = jobKind<{ n: number }>('test.other');
    await schedule('b', 2000);
    await schedule('a', 1000);
    await scheduleJob(store.db, { kind: other, key: 'other', payload: { n: 1 }, dueAt: T0, now: T0 });
    const order: string[] = [];
    const r = runner([
      defineHandler({
        kind: effectKind,
        async run(job) {
          order.push(job.key);
        },
      }),
    ], { concurrency: 1 });
    assert.equal(await r.tick(at(5000)), 1);
    assert.equal(await r.tick(at(5000)), 1);
    assert.equal(await r.tick(at(5000)), 0);
    assert.deepEqual(order, ['a', 'b']);
    assert.equal((await job('other')).status, 'pending');
  });

  test('a handler that throws twice is retried with backoff, then succeeds', async () => {
    const kind = jobKind<{ label: string }>('test.flaky');
    let calls = 0;
    const events: JobEvent[] = [];
    const r = runner(
      [
        defineHandler({
          kind,
          backoff: { baseMs: 1000, maxMs: 60_000 },
          async run(job, ctx) {
            calls++;
            assert.equal(job.payload.label, 'x');
            if (job.attempt <= 2) throw new Error(`boom ${job.attempt}`);
            await ctx.complete();
          },
        }),
      ],
      { onEvent: (e) => events.push(e) },
    );
    await scheduleJob(store.db, { kind, key: 'flaky', payload: { label: 'x' }, dueAt: T0, now: T0 });
    assert.equal(await r.tick(T0), 1);
    let row = await job('flaky');
    assert.deepEqual([row.status, row.attempts, row.dueAt, row.lastError, row.leaseOwner], ['pending', 1, iso(1000), 'boom 1', null]);
    assert.equal(await r.tick(at(999)), 0);
    assert.equal(await r.tick(at(1000)), 1);
    row = await job('flaky');
    assert.deepEqual([row.status, row.attempts, row.dueAt, row.lastError], ['pending', 2, iso(3000), 'boom 2']);
    assert.equal(await r.tick(at(2999)), 0);
    assert.equal(await r.tick(at(3000)), 1);
    row = await job('flaky');
    assert.deepEqual([row.status, row.attempts, row.finishedAt], ['done', 3, iso(3000)]);
    assert.equal(calls, 3);
    assert.deepEqual(
      events.map((e) => [e.type, e.attempt]),
      [
        ['retry', 1],
        ['retry', 2],
        ['done', 3],
      ],
    );
  });

  test('a job fails for good after maxAttempts, with its last error kept', async () => {
    const kind = jobKind<null>('test.broken');
    let calls = 0;
    const r = runner([
      defineHandler({
        kind,
        maxAttempts: 3,
        backoff: { baseMs: 100, maxMs: 100 },
        async run(job) {
          calls++;
          throw new Error(`still broken (${job.attempt})`);
        },
      }),
    ]);
    await scheduleJob(store.db, { kind, key: 'broken', payload: null, dueAt: T0, now: T0 });
    for (let i = 0; i < 6; i++) await r.tick(at(i * 100));
    const row = await job('broken');
    assert.deepEqual([row.status, row.attempts, row.lastError, row.finishedAt], ['failed', 3, 'still broken (3)', iso(200)]);
    assert.equal(calls, 3);
  });

  test('handlers settle explicitly: retry at a chosen time, fail at once, effects with either', async () => {
    const kind = jobKind<{ mode: 'retry' | 'fail' }>('test.explicit');
    const record = (job: { key: string; attempt: number }, now: Date) => async (tx: any) => {
      await tx.insertInto('job_test_effect').values({ job_key: job.key, runner: 'A', attempt: job.attempt, ran_at: now.toISOString() }).execute();
    };
    const r = runner([
      defineHandler({
        kind,
        async run(job, ctx) {
          if (job.payload.mode === 'fail') return ctx.fail('receiver said 410 Gone', record(job, ctx.now));
          if (job.attempt === 1) return ctx.retry({ at: at(42_000), error: 'receiver busy', effects: record(job, ctx.now) });
          await ctx.complete();
        },
      }),
    ]);
    await scheduleJob(store.db, { kind, key: 'r', payload: { mode: 'retry' }, dueAt: T0, now: T0 });
    await scheduleJob(store.db, { kind, key: 'f', payload: { mode: 'fail' }, dueAt: T0, now: T0 });
    assert.equal(await r.tick(T0), 2);
    const [retried, failed] = [await job('r'), await job('f')];
    assert.deepEqual([retried.status, retried.dueAt, retried.lastError, retried.attempts], ['pending', iso(42_000), 'receiver busy', 1]);
    assert.deepEqual([failed.status, failed.lastError, failed.attempts, failed.finishedAt], ['failed', 'receiver said 410 Gone', 1, iso(0)]);
    assert.equal(await r.tick(at(41_999)), 0);
    assert.equal(await r.tick(at(42_000)), 1);
    assert.equal((await job('r')).status, 'done');
    assert.deepEqual(
      (await effects()).map((e) => [e.jobKey, e.attempt]).sort(),
      [
        ['f', 1],
        ['r', 1],
      ],
    );
  });

  test('a job whose runs keep dying is failed once it has used its attempts', async () => {
    const kind = jobKind<null>('test.dies');
    const hold = gate();
    const a = runner(
      [
        defineHandler({
          kind,
          maxAttempts: 1,
          async run() {
            await hold.promise; // stands for a run that never settles (its process died)
          },
        }),
      ],
      { owner: 'A', leaseMs: 1000 },
    );
    const calls: number[] = [];
    const b = runner(
      [
        defineHandler({
          kind,
          maxAttempts: 1,
          async run(job) {
            calls.push(job.attempt);
          },
        }),
      ],
      { owner: 'B', leaseMs: 1000 },
    );
    await scheduleJob(store.db, { kind, key: 'dies', payload: null, dueAt: T0, now: T0 });
    const aTick = a.tick(T0);
    await until('A to claim', async () => (await job('dies')).status === 'running');
    let claimed = 0; // ticking again if the claim skipped the row during A's heartbeat (PostgreSQL)
    await until('B to take over the expired lease', async () => {
      claimed += await b.tick(at(1001));
      return claimed > 0;
    });
    assert.equal(claimed, 1);
    const row = await job('dies');
    assert.deepEqual([row.status, row.attempts, row.finishedAt], ['failed', 2, iso(1001)]);
    assert.match(row.lastError ?? '', /gave up after 1 attempts/);
    assert.deepEqual(calls, [], 'the handler is not run again');
    hold.open();
    assert.equal(await aTick, 1);
    assert.equal((await job('dies')).status, 'failed', 'the stale run cannot complete it');
  });

  test('cancel stops pending jobs by key prefix (and by kind); reschedule moves one', async () => {
    await schedule('inc:1:level:1', 0);
    await schedule('inc:1:level:2', 300_000);
    await schedule('inc:10:level:1', 0); // shares the characters "inc:1", not the prefix "inc:1:"
    await schedule('inc:2:level:1', 0);
    assert.equal(await cancelJobs(store.db, { keyPrefix: 'inc:1:', now: at(1) }), 2);
    assert.equal(await cancelJobs(store.db, { keyPrefix: 'inc:1:', now: at(2) }), 0, 'cancelled stays cancelled');
    assert.equal(await rescheduleJob(store.db, { key: 'inc:2:level:1', dueAt: at(120_000), now: at(1) }), true);
    assert.equal(await rescheduleJob(store.db, { key: 'inc:1:level:2', dueAt: at(1), now: at(1) }), false, 'a cancelled job is not revived');
    const r = runner([effectHandler({ name: 'A', store })]);
    assert.equal(await r.tick(at(119_999)), 1);
    assert.equal(await r.tick(at(600_000)), 1);
    assert.deepEqual(
      (await effects()).map((e) => [e.jobKey, e.ranAt]),
      [
        ['inc:10:level:1', iso(119_999)],
        ['inc:2:level:1', iso(600_000)],
      ],
    );
    const cancelled = await job('inc:1:level:2');
    assert.deepEqual([cancelled.status, cancelled.finishedAt, cancelled.attempts], ['cancelled', iso(1), 0]);
    await schedule('k:1', 0);
    assert.equal(await cancelJobs(store.db, { kind: effectKind, now: at(3) }), 1);
    await assert.rejects(cancelJobs(store.db, { now: T0 }), /needs a kind or a key prefix/);
  });

  test('cancel leaves a running job to finish (its handler re-checks in its settling transaction)', async () => {
    const hold = gate();
    const events: JobEvent[] = [];
    const r = runner([effectHandler({ name: 'A', store, hold: () => hold.promise })], { onEvent: (e) => events.push(e) });
    await schedule('inc:7:level:1', 0, { holdOnAttempt: 1 });
    await schedule('inc:7:level:2', 300_000);
    const ticking = r.tick(T0);
    await until('the handler to start', async () => (await testRows(store, 'job_test_start')).length === 1);
    assert.equal(await cancelJobs(store.db, { keyPrefix: 'inc:7:', now: at(5) }), 1, 'only the pending step');
    hold.open();
    assert.equal(await ticking, 1);
    assert.deepEqual(
      (await effects()).map((e) => e.jobKey),
      ['inc:7:level:1'],
    );
    assert.deepEqual([(await job('inc:7:level:1')).status, (await job('inc:7:level:2')).status], ['done', 'cancelled']);
    assert.deepEqual(
      events.map((e) => e.type),
      ['done'],
    );
  });

  test('fencing: a runner that outlived its lease cannot complete; the one that took over does, once', async () => {
    const hold = gate();
    const aEvents: JobEvent[] = [];
    let aSignal: AbortSignal | undefined;
    const a = runner(
      [
        defineHandler({
          kind: effectKind,
          async run(job, ctx) {
            aSignal = ctx.signal;
            await hold.promise;
            await effectHandler({ name: 'A', store }).run(job, ctx);
          },
        }),
      ],
      { owner: 'A', leaseMs: 1000, heartbeatMs: 20, onEvent: (e) => aEvents.push(e) },
    );
    const b = runner([effectHandler({ name: 'B', store })], { owner: 'B', leaseMs: 1000 });
    await schedule('chain:1', 0);
    const aTick = a.tick(T0);
    await until('A to hold the job', () => aSignal !== undefined);
    assert.equal(await b.tick(at(1000)), 0, 'the lease holds until lease_until');
    // On PostgreSQL a claim skips the row while A's heartbeat updates it (SKIP LOCKED): tick again then.
    let claimed = 0;
    await until('B to take over the expired lease', async () => {
      claimed += await b.tick(at(1001));
      return claimed > 0;
    });
    assert.equal(claimed, 1);
    await until('A to notice the lost lease', () => aSignal!.aborted);
    hold.open();
    assert.equal(await aTick, 1);
    assert.deepEqual(await effects(), [{ jobKey: 'chain:1', runner: 'B', attempt: 2, ranAt: iso(1001) }]);
    const row = await job('chain:1');
    assert.deepEqual([row.status, row.attempts, row.leaseOwner], ['done', 2, 'B']);
    assert.deepEqual(
      aEvents.map((e) => e.type),
      ['lost'],
    );
  });

  test('settleIn: a handler settles inside its own transaction', async () => {
    const kind = jobKind<null>('test.own-tx');
    const r = runner([
      defineHandler({
        kind,
        async run(job, ctx) {
          await store.db.transaction().execute(async (tx) => {
            await ctx.settleIn(tx);
            await (tx as any).insertInto('job_test_effect').values({ job_key: job.key, runner: 'own', attempt: job.attempt, ran_at: ctx.now.toISOString() }).execute();
          });
        },
      }),
    ]);
    await scheduleJob(store.db, { kind, key: 'own', payload: null, dueAt: T0, now: T0 });
    assert.equal(await r.tick(T0), 1);
    assert.equal((await job('own')).status, 'done');
    assert.equal((await effects()).length, 1);
    // settleIn on a job this runner no longer holds throws and rolls the transaction back.
    const id = (await job('own')).id;
    const lost = store.db.transaction().execute(async (tx) => {
      await settleJob(tx, { id, owner: r.owner }, { status: 'done' }, T0);
    });
    await assert.rejects(lost, LeaseLostError);
  });

  test('a heartbeat extends the lease of a handler that runs long', async () => {
    const hold = gate();
    const a = runner([effectHandler({ name: 'A', store, hold: () => hold.promise })], { owner: 'A', leaseMs: 300, heartbeatMs: 20 });
    const b = runner([effectHandler({ name: 'B', store })], { owner: 'B', leaseMs: 300 });
    await schedule('long', 0, { holdOnAttempt: 1 });
    const aTick = a.tick(T0);
    await until('the handler to start', async () => (await testRows(store, 'job_test_start')).length === 1);
    assert.equal((await job('long')).leaseUntil, iso(300));
    clock.set(at(1000)); // the handler is still running a second later
    await until('the lease to move ahead of the clock', async () => (await job('long')).leaseUntil === iso(1300));
    assert.equal(await b.tick(at(1000)), 0, 'a live lease is not taken over');
    hold.open();
    assert.equal(await aTick, 1);
    assert.deepEqual(
      (await effects()).map((e) => [e.runner, e.attempt]),
      [['A', 1]],
    );
  });

  test('one slow handler does not hold up the others; concurrency is bounded', async () => {
    const hold = gate();
    const r = runner([effectHandler({ name: 'A', store, hold: () => hold.promise })], { concurrency: 3 });
    await schedule('slow', 0, { holdOnAttempt: 1 });
    for (const k of ['f1', 'f2', 'f3', 'f4']) await schedule(k, 1);
    const first = r.tick(at(10));
    await until('two fast jobs to finish beside the slow one', async () => (await effects()).length === 2);
    assert.equal(r.running, 1);
    assert.equal((await job('slow')).status, 'running');
    // Two slots are free again: the next tick takes two more jobs while the slow one still runs.
    assert.equal(await r.tick(at(20)), 2);
    assert.equal((await effects()).length, 4);
    hold.open();
    assert.equal(await first, 3);
    assert.deepEqual((await effects()).map((e) => e.jobKey).sort(), ['f1', 'f2', 'f3', 'f4', 'slow']);
  });

  test('start() ticks on the clock; stop() waits for running handlers', async () => {
    const r = runner([effectHandler({ name: 'A', store })]);
    await schedule('timed', 60_000, { delayMs: 100 });
    r.start(5);
    await new Promise((res) => setTimeout(res, 50));
    assert.equal((await job('timed')).status, 'pending', 'the clock has not reached due_at');
    clock.set(at(60_000));
    await until('the job to be claimed', async () => (await job('timed')).status === 'running');
    await r.stop();
    assert.equal((await job('timed')).status, 'done', 'stop() waited for the handler');
    assert.deepEqual(
      (await effects()).map((e) => e.ranAt),
      [iso(60_000)],
    );
  });
});
