import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { FakeClock } from '../../src/platform/clock.js';
import { type Config, loadConfig } from '../../src/platform/config.js';
import { buildServer, type Server } from '../../src/server.js';

export const BOOTSTRAP_TOKEN = 'test-bootstrap-token-0123456789';

/** PostgreSQL when DATABASE_URL says so (CI runs the suite on both), else SQLite in a temp dir. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
export const dialectName = TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export interface TestServer {
  server: Server;
  clock: FakeClock;
  config: Config;
  /** The owner's API token (HIKESHI_BOOTSTRAP_TOKEN). */
  token: string;
  logs: string[];
  /** PostgreSQL schema of this test database (undefined on SQLite). */
  schema: string | undefined;
  close(): Promise<void>;
}

const silent = () =>
  new Writable({
    write(_chunk, _enc, cb) {
      cb();
    },
  });

/**
 * A real server (real database, real app) on a fresh database: a temp SQLite file, or a fresh
 * PostgreSQL schema that is dropped on close. Not listening unless the test calls app.listen.
 */
export function newTestSchema(): string | undefined {
  return TEST_DATABASE_URL ? `t_${process.env.HIKESHI_TEST_RUN ?? process.pid}_${Math.random().toString(36).slice(2, 10)}` : undefined;
}

export async function startTestServer(
  opts: {
    env?: Record<string, string>;
    clock?: FakeClock;
    sameDatabaseAs?: TestServer;
    shared?: { dataDir: string; schema: string | undefined };
    /** Run ingest batches on the test's own thread (the path an in-memory database takes). */
    ingestInProcess?: boolean;
    /** Let the job runner tick on its own timer (default: off; tests call server.jobs.tick(now)). */
    jobTickMs?: number;
  } = {},
): Promise<TestServer> {
  const shared = opts.sameDatabaseAs ? { dataDir: opts.sameDatabaseAs.config.dataDir, schema: opts.sameDatabaseAs.schema } : opts.shared;
  const dir = shared ? shared.dataDir : mkdtempSync(path.join(tmpdir(), 'hikeshi-test-'));
  const schema = shared ? shared.schema : newTestSchema();
  const config = loadConfig({
    HIKESHI_DATA_DIR: dir,
    DATABASE_URL: TEST_DATABASE_URL,
    HIKESHI_BOOTSTRAP_TOKEN: BOOTSTRAP_TOKEN,
    HIKESHI_LOG_LEVEL: 'warn',
    HIKESHI_PUBLIC_URL: 'http://hikeshi.test',
    ...opts.env,
  });
  const clock = opts.clock ?? new FakeClock('2026-11-22T09:00:00.000Z');
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const server = await buildServer({ config, clock, pgSchema: schema, logStream: logStream ?? silent(), ingestInProcess: opts.ingestInProcess, jobTickMs: opts.jobTickMs ?? 0 });
  return {
    server,
    clock,
    config,
    schema,
    token: BOOTSTRAP_TOKEN,
    logs,
    close: async () => {
      await server.close();
      if (shared) return; // the first server owns the database
      rmSync(dir, { recursive: true, force: true });
      // PostgreSQL schemas are not dropped here: Kysely's migrator introspects every schema of the
      // database, and a DROP SCHEMA racing that query breaks another test file's start-up. The runner
      // (scripts/run-tests.mjs) drops this run's schemas after all files finish.
    },
  };
}
