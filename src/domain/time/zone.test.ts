import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { civil, DAY, dayOf, localDate, offsetAt, parseDay, parseTime, resolveWall, wallOf, weekdayOf } from './zone.js';
import { zoneClock } from './zone-offsets.js';

const ZONES = ['America/Chicago', 'America/New_York', 'Europe/Paris', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'UTC', 'Australia/Lord_Howe', 'Pacific/Apia', 'America/Sao_Paulo'];
const wall = (s: string) => Date.parse(`${s}Z`);

describe('wall clocks (compatible rule)', () => {
  it('moves a skipped time forward by the gap and reports the shift', () => {
    assert.deepEqual(resolveWall('America/New_York', wall('2026-03-08T02:30:00')), { instant: Date.parse('2026-03-08T07:30:00Z'), shifted: 3_600_000 });
    assert.deepEqual(resolveWall('Australia/Lord_Howe', wall('2026-10-04T02:15:00')), { instant: Date.parse('2026-10-03T15:45:00Z'), shifted: 1_800_000 });
  });

  it('takes the first occurrence of a repeated time', () => {
    assert.equal(resolveWall('America/New_York', wall('2026-11-01T01:30:00')).instant, Date.parse('2026-11-01T05:30:00Z'));
    assert.equal(resolveWall('Australia/Sydney', wall('2026-04-05T02:30:00')).instant, Date.parse('2026-04-04T15:30:00Z'));
  });

  it('reads wall clocks and local dates', () => {
    assert.equal(new Date(wallOf('Asia/Kolkata', Date.parse('2026-03-08T20:00:00Z'))).toISOString(), '2026-03-09T01:30:00.000Z');
    assert.equal(offsetAt('Pacific/Chatham', Date.parse('2026-01-01T00:00:00Z')), (13 * 60 + 45) * 60_000);
    assert.equal(localDate('America/New_York', '2026-03-09T00:30:00Z'), '2026-03-08');
  });

  it('civil-day helpers', () => {
    assert.equal(dayOf(1970, 1, 5), 4);
    assert.equal(weekdayOf(4), 0);
    assert.deepEqual(civil(dayOf(2028, 2, 29)), { y: 2028, m: 2, d: 29 });
    assert.equal(parseDay('2026-02-29'), null);
    assert.equal(parseDay('2026-03-08'), dayOf(2026, 3, 8));
    assert.equal(parseTime('23:59'), 1439);
    assert.equal(parseTime('24:00'), null);
  });
});

describe('zoneClock (cached transition table)', () => {
  it('gives exactly the ICU offsets and wall readings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }), (zone, t) => {
        const clock = zoneClock(zone);
        assert.equal(clock.offsetAt(t), offsetAt(zone, t));
        assert.equal(clock.wallOf(t), wallOf(zone, t));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with ICU at and around every 2025–2027 transition', () => {
    for (const zone of ZONES) {
      const clock = zoneClock(zone);
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += DAY) {
        if (offsetAt(zone, t) === offsetAt(zone, t + DAY)) continue;
        for (const dt of [-1, 0, 1, 3_600_000]) {
          // find the change inside the day, then probe its edges
          let lo = t;
          let hi = t + DAY;
          while (hi - lo > 1) {
            const mid = Math.floor((lo + hi) / 2);
            if (offsetAt(zone, mid) === offsetAt(zone, t)) lo = mid;
            else hi = mid;
          }
          assert.equal(clock.offsetAt(hi + dt), offsetAt(zone, hi + dt), `${zone} ${new Date(hi + dt).toISOString()}`);
          assert.equal(clock.offsetAt(hi - 1 - dt), offsetAt(zone, hi - 1 - dt));
        }
      }
    }
  });

  it('nextChange finds the first offset change after an instant, as a scan of ICU offsets does', () => {
    // Brute force: step an hour at a time, then bisect to the millisecond.
    const scan = (zone: string, from: number, to: number): number | null => {
      const o = offsetAt(zone, from);
      for (let s = from; s < to; s += 3_600_000) {
        const e = Math.min(s + 3_600_000, to);
        if (offsetAt(zone, e) === o) continue;
        let lo = s;
        let hi = e;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (offsetAt(zone, mid) === o) lo = mid;
          else hi = mid;
        }
        return hi;
      }
      return null;
    };
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.integer({ min: 1, max: 120 * DAY }), (zone, from, span) => {
        assert.equal(zoneClock(zone).nextChange(from, from + span), scan(zone, from, from + span));
      }),
      { numRuns: 300 },
    );
    assert.equal(zoneClock('America/New_York').nextChange(Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1)), Date.UTC(2026, 2, 8, 7));
    assert.equal(zoneClock('Asia/Tokyo').nextChange(Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)), null);
  });

  it('resolves wall readings exactly as resolveWall does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (zone, w) => {
        const m = Math.floor(w / 60_000) * 60_000;
        assert.deepEqual(zoneClock(zone).resolve(m), resolveWall(zone, m));
      }),
      { numRuns: 2000 },
    );
    // and at the edges of a gap and a fold
    for (const s of ['2026-03-08T01:59:59', '2026-03-08T02:00:00', '2026-03-08T02:59:59', '2026-03-08T03:00:00', '2026-11-01T00:59:59', '2026-11-01T01:00:00', '2026-11-01T01:59:59', '2026-11-01T02:00:00']) {
      assert.deepEqual(zoneClock('America/New_York').resolve(wall(s)), resolveWall('America/New_York', wall(s)), s);
    }
  });
});
