import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { backoff, DEFAULT_BACKOFF } from './backoff.js';

const options = fc.record({
  baseMs: fc.integer({ min: 0, max: 10_000_000 }),
  maxMs: fc.integer({ min: 0, max: 1_000_000_000 }),
  jitter: fc.double({ min: 0, max: 1, noNaN: true }),
});
const draw = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const attempt = fc.integer({ min: 1, max: 2000 });

describe('backoff', () => {
  it('doubles from baseMs up to maxMs, less the jitter share of the draw', () => {
    const o = { baseMs: 1000, maxMs: 30_000, jitter: 0.5 };
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 100].map((n) => backoff(n, { ...o, random: () => 0 })),
      [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000],
    );
    assert.equal(backoff(3, { ...o, random: () => 0.5 }), 3000);
    assert.equal(backoff(1, { random: () => 0 }), DEFAULT_BACKOFF.baseMs);
    assert.equal(backoff(50, { random: () => 0 }), DEFAULT_BACKOFF.maxMs);
  });

  it('lies in [cap·(1−jitter), cap] with cap = min(maxMs, baseMs·2^(attempt−1)), never above maxMs', () => {
    fc.assert(
      fc.property(attempt, options, draw, (n, o, r) => {
        const cap = o.baseMs === 0 ? 0 : Math.min(o.maxMs, o.baseMs * 2 ** (n - 1));
        const d = backoff(n, { ...o, random: () => r });
        assert.ok(d >= cap * (1 - o.jitter) && d <= cap, `${d} outside [${cap * (1 - o.jitter)}, ${cap}]`);
        assert.ok(d <= o.maxMs && Number.isFinite(d));
      }),
      { numRuns: 2000 },
    );
  });

  it('never shrinks as attempts grow, for one random draw', () => {
    fc.assert(
      fc.property(attempt, attempt, options, draw, (a, b, o, r) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        assert.ok(backoff(lo, { ...o, random: () => r }) <= backoff(hi, { ...o, random: () => r }));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes more off for a larger draw when jitter is on, nothing when it is off', () => {
    fc.assert(
      fc.property(attempt, draw, draw, (n, r1, r2) => {
        const o = { baseMs: 1000, maxMs: 60_000 };
        const cap = Math.min(60_000, 1000 * 2 ** (n - 1));
        assert.equal(backoff(n, { ...o, jitter: 0, random: () => r1 }), cap);
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const [dLo, dHi] = [lo, hi].map((r) => backoff(n, { ...o, jitter: 0.5, random: () => r }));
        assert.ok(dLo! >= dHi!);
        if (hi - lo > 1e-9) assert.ok(dLo! > dHi!, 'different draws spread the retries');
      }),
    );
  });
});
