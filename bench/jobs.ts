/**
 * The durable job runner's throughput on SQLite: 10,000 due jobs, each settled by a fenced completion
 * with no effects (claim → handler → `UPDATE … WHERE lease_owner = ? AND status = 'running'` in its
 * own transaction), drained by one runner calling tick() until a tick claims nothing. Scheduling is
 * not timed. `node --import tsx bench/jobs.ts` prints the figures; BENCH_JOBS and BENCH_CONCURRENCY
 * change the job count (10,000) and the runner's concurrency (50). It also prints, as a baseline, as
 * many bare one-row UPDATE transactions on the same kind of store, and the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineHandler, JobRunner, jobKind, scheduleJob } from '../src/jobs/index.js';
import { FakeClock } from '../src/platform/clock.js';
import { migrate, openStore } from '../src/store/db.js';

const noop = jobKind<{ n: number }>('bench.noop');

export async function benchJobRunner(opts: { jobs?: number; concurrency?: number } = {}): Promise<{ jobs: number; ms: number; perSecond: number }> {
  const jobs = opts.jobs ?? 10_000;
  const dir = mkdtempSync(path.join(tmpdir(), 'hikeshi-bench-jobs-'));
  const store = await openStore({ databaseUrl: undefined, dataDir: dir });
  try {
    await migrate(store);
    const now = new Date('2026-11-22T10:00:00.000Z');
    for (let i = 0; i < jobs; i += 1000) {
      await store.db.transaction().execute(async (tx) => {
        for (let n = i; n < Math.min(jobs, i + 1000); n++) {
          await scheduleJob(tx, { kind: noop, key: `bench:${n}`, payload: { n }, dueAt: new Date(now.getTime() - (n % 60) * 1000), now });
        }
      });
    }
    let completed = 0;
    const runner = new JobRunner({
      store,
      clock: new FakeClock(now),
      concurrency: opts.concurrency ?? 50,
      handlers: [
        defineHandler({
          kind: noop,
          async run(_job, ctx) {
            await ctx.complete(async () => {
              completed++;
            });
          },
        }),
      ],
    });
    const t0 = performance.now();
    while ((await runner.tick(now)) > 0) {}
    const ms = performance.now() - t0;
    await runner.stop();
    const done = await store.db.selectFrom('job').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'done').executeTakeFirstOrThrow();
    if (completed !== jobs || Number(done.n) !== jobs) throw new Error(`drained ${completed} completions, ${done.n} done rows, of ${jobs} jobs`);
    return { jobs, ms, perSecond: (jobs / ms) * 1000 };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The floor for the figure above: the same number of one-row UPDATE transactions on a fresh SQLite
 * store (synchronous=FULL, so each commit is an fsync of the WAL — one per job however it is run).
 */
export async function benchBareTransactions(count = 10_000): Promise<{ jobs: number; ms: number; perSecond: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hikeshi-bench-jobs-'));
  const store = await openStore({ databaseUrl: undefined, dataDir: dir });
  try {
    await migrate(store);
    const now = new Date('2026-11-22T10:00:00.000Z');
    await scheduleJob(store.db, { kind: noop, key: 'bench:bare', payload: { n: 0 }, dueAt: now, now });
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      await store.db.transaction().execute((tx) => tx.updateTable('job').set({ attempts: i }).where('key', '=', 'bench:bare').execute());
    }
    const ms = performance.now() - t0;
    return { jobs: count, ms, perSecond: (count / ms) * 1000 };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchJobRunner({
    jobs: process.env.BENCH_JOBS ? Number(process.env.BENCH_JOBS) : undefined,
    concurrency: process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined,
  });
  const bare = await benchBareTransactions(r.jobs);
  console.log(`job runner (SQLite, one runner, fenced no-op completions): ${r.jobs} jobs in ${r.ms.toFixed(0)} ms = ${r.perSecond.toFixed(0)} jobs/s`);
  console.log(`baseline, one-row UPDATE transactions: ${bare.jobs} in ${bare.ms.toFixed(0)} ms = ${bare.perSecond.toFixed(0)}/s`);
  console.log(`ratio: ${(r.perSecond / bare.perSecond).toFixed(2)}× the baseline's throughput`);
}
