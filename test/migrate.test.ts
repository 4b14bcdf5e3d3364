import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { dialectName, newTestSchema, TEST_DATABASE_URL } from './helpers/server.js';

const cli = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'migrate'], { env: { ...process.env, ...env }, encoding: 'utf8' });

describe(`hikeshi migrate (${dialectName})`, () => {
  it('applies the migrations once, then reports the database up to date', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hikeshi-migrate-'));
    let env: Record<string, string> = { HIKESHI_DATA_DIR: dir, DATABASE_URL: '' };
    const schema = newTestSchema()!;
    if (TEST_DATABASE_URL) {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`create schema ${schema}`);
      await c.end();
      const url = new URL(TEST_DATABASE_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      env = { ...env, DATABASE_URL: url.toString() };
    }
    try {
      const first = cli(env);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /applied: 2026-11-22-1300-core/);
      const second = cli(env);
      assert.equal(second.status, 0, second.stderr);
      assert.match(second.stdout, /database is up to date/);
      const bad = cli({ ...env, DATABASE_URL: 'mysql://nope' });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /DATABASE_URL: DATABASE_URL must start with postgres:\/\//);
    } finally {
      rmSync(dir, { recursive: true, force: true }); // the schema is dropped by the runner
    }
  });
});
