import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { type CheckpointRound, Checkpointer } from './checkpointer.js';
import { loadSqliteDriver } from './sqlite-driver.js';

async function walDatabase() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'checkpointer-')), 'db.sqlite');
  const Database = await loadSqliteDriver();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // As the server's and the ingest worker's connections: no checkpoint inside a commit.
  db.pragma('wal_autocheckpoint = 0');
  db.exec('create table t (id integer primary key, body blob)');
  const insert = db.prepare('insert into t (body) values (?)');
  const body = Buffer.alloc(16 * 1024, 7);
  const write = (n: number) => {
    for (let i = 0; i < n; i++) insert.run(body);
  };
  return { file, db, write, walSize: () => fs.statSync(`${file}-wal`).size };
}

/** Resolves with the first round for which `pred` holds. */
function roundWhere(rounds: CheckpointRound[], listeners: ((r: CheckpointRound) => void)[], pred: (r: CheckpointRound) => boolean) {
  // The checkpointer's thread does not keep a process alive; this wait does.
  const alive = setInterval(() => {}, 1000);
  return new Promise<CheckpointRound>((resolve) => {
    const hit = rounds.find(pred);
    if (hit) return resolve(hit);
    listeners.push((r) => pred(r) && resolve(r));
  }).finally(() => clearInterval(alive));
}

describe('Checkpointer', () => {
  it('copies the WAL into the database file from its own thread, so later commits reuse the WAL from its start', { timeout: 20_000 }, async () => {
    const { db, file, write, walSize } = await walDatabase();
    write(100);
    const grown = walSize();
    assert.ok(grown > 100 * 16 * 1024, 'no checkpoint happened inside the commits');

    const rounds: CheckpointRound[] = [];
    const listeners: ((r: CheckpointRound) => void)[] = [];
    const checkpointer = new Checkpointer(file, 5, 1_000_000, (r) => {
      rounds.push(r);
      for (const l of listeners) l(r);
    });
    const full = await roundWhere(rounds, listeners, (r) => r.checkpointed === r.log);
    assert.ok(full.log > 100 * 4, `every frame of the WAL was copied (${full.checkpointed} of ${full.log})`);

    // Everything is in the database file: the next writer starts the WAL over instead of growing it.
    write(100);
    assert.equal(walSize(), grown);
    await checkpointer.close();
    assert.equal((db.prepare('select count(*) as n from t').get() as { n: number }).n, 200);
    db.close();
  });

  it('past its frame limit it follows with a RESTART checkpoint', { timeout: 20_000 }, async () => {
    const { db, file, write } = await walDatabase();
    write(20);
    const rounds: CheckpointRound[] = [];
    const listeners: ((r: CheckpointRound) => void)[] = [];
    const checkpointer = new Checkpointer(file, 5, 16, (r) => {
      rounds.push(r);
      for (const l of listeners) l(r);
    });
    const restart = await roundWhere(rounds, listeners, (r) => r.restarted);
    assert.ok(restart.log > 16);
    await checkpointer.close();
    db.close();
  });
});
