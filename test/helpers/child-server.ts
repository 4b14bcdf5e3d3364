import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { BOOTSTRAP_TOKEN } from './server.js';

/**
 * Hikeshi as a separate process (`hikeshi start` through tsx), for tests that must kill the server
 * the hard way (SIGKILL) and start it again on the same database. The test talks to it over real
 * HTTP on 127.0.0.1.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildServer {
  url: string;
  port: number;
  proc: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Send a signal (default SIGKILL) and wait for the process to be gone. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();
// A test file that fails or times out must not leave servers behind.
process.on('exit', () => {
  for (const p of running) p.kill('SIGKILL');
});

/** A port that was free a moment ago (the kernel's pick for port 0, released again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL URL whose connections use `schema` (libpq `options=-c search_path=…`, which pg
 * honours): how a separate process is given a test schema through DATABASE_URL alone. store/db.ts
 * then takes current_schema() as its schema (migrations table, LISTEN channel).
 */
export function pgUrlWithSchema(url: string, schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** current_schema() is NULL until the schema exists, so it is created before the server starts. */
export async function createPgSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${schema}`);
  } finally {
    await client.end();
  }
}

async function waitReady(url: string, child: { exitedEarly: () => boolean }, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitedEarly()) return false;
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * Start `hikeshi start` on a free port of 127.0.0.1 with the given data dir (SQLite) or DATABASE_URL
 * (PostgreSQL), and wait until /readyz answers 200. The bootstrap token is the tests' usual one.
 */
export async function startChildServer(opts: {
  dataDir: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<ChildServer> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) {
      // Not the test runner's context, nor the test process's own Hikeshi settings.
      if (v === undefined || k === 'NODE_TEST_CONTEXT' || k === 'DATABASE_URL' || k.startsWith('HIKESHI_') || k === 'PORT' || k === 'HOST') continue;
      env[k] = v;
    }
    Object.assign(env, {
      PORT: String(port),
      HOST: '127.0.0.1',
      HIKESHI_DATA_DIR: opts.dataDir,
      HIKESHI_BOOTSTRAP_TOKEN: BOOTSTRAP_TOKEN,
      HIKESHI_LOG_LEVEL: 'warn',
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
      ...opts.env,
    });
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/index.ts'), 'start'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(proc);
    let out = '';
    proc.stdout?.on('data', (d) => {
      out += String(d);
    });
    proc.stderr?.on('data', (d) => {
      out += String(d);
    });
    let gone = false;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      proc.on('exit', (code, signal) => {
        gone = true;
        running.delete(proc);
        resolve({ code, signal });
      });
    });
    const url = `http://127.0.0.1:${port}`;
    const ready = await waitReady(url, { exitedEarly: () => gone }, opts.readyTimeoutMs ?? 60_000);
    if (!ready) {
      if (!gone) proc.kill('SIGKILL');
      await exited;
      // Someone took the port between freePort() and listen: try another one.
      if (attempt < 2 && /EADDRINUSE/.test(out)) continue;
      throw new Error(`hikeshi did not become ready on ${url}:\n${out}`);
    }
    return {
      url,
      port,
      proc,
      output: () => out,
      exited,
      kill: async (signal = 'SIGKILL') => {
        if (!gone) proc.kill(signal);
        return exited;
      },
    };
  }
}
