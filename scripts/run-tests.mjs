#!/usr/bin/env node
// Runs every *.test.ts (unit tests beside the code in src/, integration suites in test/) with node's
// test runner. The database is chosen by DATABASE_URL (unset: SQLite). The last line printed is
// "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.ts')) out.push(path.relative(root, p));
  }
  return out;
}
const filter = process.argv.slice(2);
let files = [...find(path.join(root, 'src')), ...find(path.join(root, 'test'))].sort();
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
const summary = path.join(root, `.test-summary-${process.pid}.txt`);
const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;

/**
 * Each test server makes its own schema `t_<runner pid>_<random>` and drops it on close. Schemas left
 * by runs that were killed are dropped here when their runner pid is no longer alive.
 */
async function dropTestSchemas(onlyRun) {
  if (!pgUrl) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: pgUrl });
  try {
    await client.connect();
    const { rows } = await client.query(`select nspname from pg_namespace where nspname ~ '^t_[0-9]+_'`);
    for (const { nspname } of rows) {
      const pid = Number(nspname.split('_')[1]);
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {}
      if (onlyRun ? pid === onlyRun : !alive) await client.query(`drop schema if exists "${nspname}" cascade`);
    }
  } catch (err) {
    process.stderr.write(`note: could not clean test schemas: ${err.message}\n`);
  } finally {
    await client.end().catch(() => {});
  }
}
/** The browser tests serve dist/web: build it first when web/ changed since the last build. */
function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newest(p) : st.mtimeMs);
  }
  return t;
}
const webIndex = path.join(root, 'dist', 'web', 'index.html');
let webBuilt = 0;
try {
  webBuilt = statSync(webIndex).mtimeMs;
} catch {}
if (newest(path.join(root, 'web')) > webBuilt) {
  process.stdout.write('Building the web app (web/ changed since dist/web was built)\n');
  const b = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.stdout.write('note: the web build failed; browser tests will fail\n');
}

const db = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
process.stdout.write(`Running ${files.length} test files on ${db}\n`);
await dropTestSchemas();
const r = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/summary-reporter.mjs', `--test-reporter-destination=${summary}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, HIKESHI_TEST_RUN: String(process.pid) } },
);
await dropTestSchemas(process.pid);
let line = '0 passed, 1 failed, 0 skipped';
try {
  line = readFileSync(summary, 'utf8').trim();
  rmSync(summary);
} catch {
  /* the runner died before reporting */
}
process.stdout.write(`${line}\n`);
process.exit(r.status ?? 1);
