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
const db = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
process.stdout.write(`Running ${files.length} test files on ${db}\n`);
const r = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/summary-reporter.mjs', `--test-reporter-destination=${summary}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: process.env },
);
let line = '0 passed, 1 failed, 0 skipped';
try {
  line = readFileSync(summary, 'utf8').trim();
  rmSync(summary);
} catch {
  /* the runner died before reporting */
}
process.stdout.write(`${line}\n`);
process.exit(r.status ?? 1);
