import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tzCases } from './test-support.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('results do not depend on the process time zone (TZ)', () => {
  it('a child process with TZ=Pacific/Kiritimati (UTC+14) renders the same JSON as this one', async () => {
    const mine = await tzCases();
    const url = pathToFileURL(path.join(here, 'test-support.ts')).href;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const m = await import(${JSON.stringify(url)}); process.stdout.write(await m.tzCases());`], {
      env: { ...process.env, TZ: 'Pacific/Kiritimati' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(child.status, 0, child.stderr);
    assert.ok(mine.length > 10_000, 'the cases render something');
    assert.equal(child.stdout, mine);
  });

  it('changing TZ in this process changes nothing either', async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/St_Johns';
      const a = await tzCases();
      const offsetA = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
      process.env.TZ = 'Asia/Kolkata';
      const b = await tzCases();
      const offsetB = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
      assert.notEqual(offsetA, offsetB, 'the TZ change took effect in this process');
      assert.equal(a, b);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('no schedule or zone code uses local-time Date methods or the clock', () => {
    const dirs = [here, path.join(here, '..', 'time')];
    const local = /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|TimezoneOffset)\(|toLocale|Date\.now\(|new Date\(\s*\w+\s*,/;
    const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'bench.ts').map((f) => path.join(d, f)));
    assert.ok(files.length >= 9);
    for (const f of files) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          assert.doesNotMatch(line, local, `${path.basename(f)}:${i + 1}`);
        });
    }
  });
});
