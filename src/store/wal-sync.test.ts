import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { WalSync } from './wal-sync.js';

/** An fsync the test completes by hand, recording which file each call flushed. */
function manualFsync() {
  const calls: { ino: number; nlink: number; done: (err: NodeJS.ErrnoException | null) => void }[] = [];
  const fsync = (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => {
    const st = fs.fstatSync(fd);
    calls.push({ ino: st.ino, nlink: st.nlink, done });
  };
  return { calls, fsync };
}

function tempDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wal-sync-'));
  const file = path.join(dir, 'db.sqlite');
  fs.writeFileSync(file, 'db');
  fs.writeFileSync(`${file}-wal`, 'wal');
  return file;
}

const tick = () => new Promise((r) => setImmediate(r));

describe('WalSync', () => {
  it('flushes the WAL file and resolves only when the fsync completes', async () => {
    const file = tempDatabase();
    const { calls, fsync } = manualFsync();
    const sync = new WalSync(file, fsync);
    let done = false;
    const p = sync.sync().then(() => {
      done = true;
    });
    await tick();
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.ino, fs.statSync(`${file}-wal`).ino);
    assert.equal(done, false, 'not durable before the fsync returns');
    calls[0]!.done(null);
    await p;
    assert.equal(done, true);
    sync.close();
  });

  it('a commit made while an fsync runs waits for the next fsync, and one fsync serves all who waited', async () => {
    const file = tempDatabase();
    const { calls, fsync } = manualFsync();
    const sync = new WalSync(file, fsync);
    const settled: string[] = [];
    const first = sync.sync().then(() => settled.push('first'));
    const second = sync.sync().then(() => settled.push('second'));
    const third = sync.sync().then(() => settled.push('third'));
    await tick();
    assert.equal(calls.length, 1, 'one fsync at a time');
    calls[0]!.done(null);
    await first;
    await tick();
    assert.deepEqual(settled, ['first'], 'the running fsync may predate the later commits');
    assert.equal(calls.length, 2, 'the waiters share the next fsync');
    calls[1]!.done(null);
    await Promise.all([second, third]);
    assert.deepEqual(settled, ['first', 'second', 'third']);
    sync.close();
  });

  it('a failed fsync fails its waiters, and the next sync flushes again', async () => {
    const file = tempDatabase();
    const { calls, fsync } = manualFsync();
    const sync = new WalSync(file, fsync);
    const failed = sync.sync();
    await tick();
    calls[0]!.done(Object.assign(new Error('EIO'), { code: 'EIO' }));
    await assert.rejects(failed, /EIO/);
    const again = sync.sync();
    await tick();
    assert.equal(calls.length, 2);
    calls[1]!.done(null);
    await again;
    sync.close();
  });

  it('follows a replaced WAL file, and flushes the database file when there is no WAL', async () => {
    const file = tempDatabase();
    const { calls, fsync } = manualFsync();
    const sync = new WalSync(file, fsync);
    const flush = async () => {
      const p = sync.sync();
      await tick();
      calls.at(-1)!.done(null);
      await p;
    };
    await flush();
    fs.rmSync(`${file}-wal`);
    fs.writeFileSync(`${file}-wal`, 'new wal');
    await flush();
    assert.equal(calls[1]!.ino, fs.statSync(`${file}-wal`).ino);
    assert.equal(calls[1]!.nlink, 1, 'the file in place, not the unlinked one (which may share its inode number)');
    fs.rmSync(`${file}-wal`);
    await flush();
    assert.equal(calls[2]!.ino, fs.statSync(file).ino);
    assert.equal(calls[2]!.nlink, 1);
    sync.close();
  });
});
