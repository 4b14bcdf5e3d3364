/**
 * Job-runner tests' support: a test database, test tables, the `test.effect` kind, and a runner
 * *process* (this file, run with JOBS_RUNNER_CHILD set) that tests kill with SIGKILL.
 *
 * The process reads one JSON command per line on stdin and answers with JSON lines on stdout:
 *   {op:'tick', now}    → {op:'ticked', now, claimed}
 *   {op:'drain', now}   → ticks at `now` until a tick claims nothing → {op:'drained', ran}
 *   {op:'release', key} → lets a handler waiting for release go on
 *   {op:'exit'}         → stops the runner, closes the store, exits 0
 * and reports {op:'ready'} once open, {op:'started', key, attempt} when a handler starts, and
 * {op:'event', type, key} for the runner's events (done, retry, failed, lost, error).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Kysely } from 'kysely';
import { defineHandler, type JobEvent, JobRunner, jobKind } from '../src/jobs/index.js';
import { FakeClock } from '../src/platform/clock.js';
import { migrate, openStore, type Store } from '../src/store/db.js';

/** Where a store lives: a SQLite file in `dataDir`, or the PostgreSQL `pgSchema` at `databaseUrl`. */
export interface StoreLocation {
  databaseUrl: string | undefined;
  dataDir: string;
  pgSchema: string | undefined;
}

export const TEST_PG_URL = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;

/** A fresh, migrated database (same naming as test/helpers/server.ts, so the test runner drops it). */
export async function openTestStore(): Promise<{ store: Store; location: StoreLocation }> {
  const location: StoreLocation = {
    databaseUrl: TEST_PG_URL,
    dataDir: mkdtempSync(path.join(tmpdir(), 'hikeshi-jobs-')),
    pgSchema: TEST_PG_URL ? `t_${process.env.HIKESHI_TEST_RUN ?? process.pid}_${Math.random().toString(36).slice(2, 10)}` : undefined,
  };
  const store = await openStore(location);
  await migrate(store);
  await createTestTables(store);
  return { store, location };
}

/** Tables the test handlers write to: `effect` in the fenced completion, `start` outside any fence. */
async function createTestTables(store: Store): Promise<void> {
  const db = store.db as unknown as Kysely<any>;
  for (const name of ['job_test_effect', 'job_test_start']) {
    await db.schema
      .createTable(name)
      .ifNotExists()
      .addColumn('job_key', 'text', (c) => c.notNull())
      .addColumn('runner', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('ran_at', 'text', (c) => c.notNull())
      .execute();
  }
}

export interface TestRow {
  jobKey: string;
  runner: string;
  attempt: number;
  ranAt: string;
}

export async function testRows(store: Store, table: 'job_test_effect' | 'job_test_start'): Promise<TestRow[]> {
  const db = store.db as unknown as Kysely<any>;
  return (await db.selectFrom(table).selectAll().orderBy('ran_at').orderBy('job_key').orderBy('attempt').execute()) as TestRow[];
}

export interface EffectPayload {
  /** Sleep this long (real time) before completing. */
  delayMs?: number;
  /** On this attempt, wait for a `release` command before completing. */
  holdOnAttempt?: number;
}

export const effectKind = jobKind<EffectPayload>('test.effect');

/**
 * The `test.effect` handler of runner `name`: records its start in `job_test_start` (no fence), then
 * inserts one `job_test_effect` row in the transaction that completes the job (fenced).
 */
export function effectHandler(opts: {
  name: string;
  store: Store;
  hold?: (key: string) => Promise<void>;
  onStart?: (key: string, attempt: number) => void;
}) {
  const db = opts.store.db as unknown as Kysely<any>;
  return defineHandler({
    kind: effectKind,
    async run(job, ctx) {
      const row = { job_key: job.key, runner: opts.name, attempt: job.attempt, ran_at: ctx.now.toISOString() };
      await db.insertInto('job_test_start').values(row).execute();
      opts.onStart?.(job.key, job.attempt);
      if (job.payload.holdOnAttempt === job.attempt) await opts.hold?.(job.key);
      if (job.payload.delayMs) await new Promise((r) => setTimeout(r, job.payload.delayMs));
      await ctx.complete(async (tx) => {
        await (tx as unknown as Kysely<any>).insertInto('job_test_effect').values(row).execute();
      });
    },
  });
}

async function child(): Promise<void> {
  const cfg = JSON.parse(process.env.JOBS_RUNNER_CHILD!) as StoreLocation & { name: string; leaseMs: number; concurrency: number };
  const store = await openStore(cfg);
  const say = (msg: object) => process.stdout.write(`${JSON.stringify(msg)}\n`);
  const held = new Map<string, () => void>();
  const releasedEarly = new Set<string>();
  const hold = (key: string) =>
    new Promise<void>((resolve) => {
      if (releasedEarly.delete(key)) resolve();
      else held.set(key, resolve);
    });
  const clock = new FakeClock('2000-01-01T00:00:00.000Z');
  const runner = new JobRunner({
    store,
    clock,
    owner: cfg.name,
    leaseMs: cfg.leaseMs,
    concurrency: cfg.concurrency,
    handlers: [effectHandler({ name: cfg.name, store, hold, onStart: (key, attempt) => say({ op: 'started', key, attempt }) })],
    onEvent: (e: JobEvent) => say({ op: 'event', type: e.type, jobId: e.jobId, error: e.error ? String(e.error) : undefined }),
  });
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const cmd = JSON.parse(line) as { op: string; now?: string; key?: string };
    const run = async () => {
      if (cmd.op === 'tick') {
        clock.set(cmd.now!);
        say({ op: 'ticked', now: cmd.now, claimed: await runner.tick(new Date(cmd.now!)) });
      } else if (cmd.op === 'drain') {
        clock.set(cmd.now!);
        let ran = 0;
        for (let n = -1; n !== 0; ran += n) n = await runner.tick(new Date(cmd.now!));
        say({ op: 'drained', ran });
      } else if (cmd.op === 'release') {
        const release = held.get(cmd.key!);
        if (release) {
          held.delete(cmd.key!);
          release();
        } else releasedEarly.add(cmd.key!);
      } else if (cmd.op === 'exit') {
        await runner.stop();
        await store.close();
        process.exit(0);
      }
    };
    run().catch((err: unknown) => {
      say({ op: 'crash', error: String(err) });
      process.exit(1);
    });
  });
  say({ op: 'ready' });
}

if (process.env.JOBS_RUNNER_CHILD) await child();
