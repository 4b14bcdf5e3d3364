import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DAY, MINUTE, mod, wallOf } from '../time/zone.js';
import { isQuietAt, parseQuietHours, quietHoursEnd } from './quiet-hours.js';

const at = (s: string) => Date.parse(s);
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
const end = (start: string, stop: string, zone: string, t: string) => iso(quietHoursEnd({ start, end: stop }, zone, at(t)));

describe('quiet hours', () => {
  it('a window crossing midnight, read in the person’s zone (Asia/Tokyo, no DST)', () => {
    // 03:00 JST on 2026-03-09 is 18:00Z on 03-08: quiet until 07:00 JST = 22:00Z.
    assert.equal(end('22:00', '07:00', 'Asia/Tokyo', '2026-03-08T18:00:00Z'), '2026-03-08T22:00:00.000Z');
    // 23:30 JST: until the next morning.
    assert.equal(end('22:00', '07:00', 'Asia/Tokyo', '2026-03-08T14:30:00Z'), '2026-03-08T22:00:00.000Z');
    // 18:00 JST and exactly 07:00 JST are not quiet (the end is exclusive, the start inclusive).
    assert.equal(end('22:00', '07:00', 'Asia/Tokyo', '2026-03-08T09:00:00Z'), null);
    assert.equal(isQuietAt({ start: '22:00', end: '07:00' }, 'Asia/Tokyo', at('2026-03-08T22:00:00Z')), false);
    assert.equal(isQuietAt({ start: '22:00', end: '07:00' }, 'Asia/Tokyo', at('2026-03-08T13:00:00Z')), true);
  });

  it('a window within one day', () => {
    assert.equal(end('12:00', '13:30', 'UTC', '2026-05-01T12:10:00Z'), '2026-05-01T13:30:00.000Z');
    assert.equal(end('12:00', '13:30', 'UTC', '2026-05-01T13:30:00Z'), null);
    assert.equal(end('12:00', '13:30', 'UTC', '2026-05-01T11:59:59.999Z'), null);
  });

  it('spring forward in America/Denver (2026-03-08, 02:00 MST → 03:00 MDT at 09:00Z)', () => {
    // 22:00–07:00 over the change: ends at 07:00 MDT = 13:00Z (the night is an hour shorter).
    assert.equal(end('22:00', '07:00', 'America/Denver', '2026-03-08T05:00:00Z'), '2026-03-08T13:00:00.000Z');
    assert.equal(end('22:00', '07:00', 'America/Denver', '2026-03-08T08:00:00Z'), '2026-03-08T13:00:00.000Z');
    // The end 02:30 never occurs that night: the stretch ends at the jump (03:00 MDT = 09:00Z), not 03:30.
    assert.equal(end('00:00', '02:30', 'America/Denver', '2026-03-08T08:30:00Z'), '2026-03-08T09:00:00.000Z');
    // The same instant for a Tokyo user is 17:30 JST: not quiet, so nothing waits.
    assert.equal(end('22:00', '07:00', 'Asia/Tokyo', '2026-03-08T08:30:00Z'), null);
  });

  it('fall back in America/Denver (2026-11-01, 02:00 MDT → 01:00 MST at 08:00Z)', () => {
    // 01:15 MDT → the first 01:30; 01:15 MST (second pass) → the second 01:30.
    assert.equal(end('00:30', '01:30', 'America/Denver', '2026-11-01T07:15:00Z'), '2026-11-01T07:30:00.000Z');
    assert.equal(end('00:30', '01:30', 'America/Denver', '2026-11-01T08:15:00Z'), '2026-11-01T08:30:00.000Z');
    assert.equal(end('00:30', '01:30', 'America/Denver', '2026-11-01T07:45:00Z'), null, '01:45 MDT is outside');
    // 22:00–07:00 over the change: 07:00 MST = 14:00Z (the night is an hour longer).
    assert.equal(end('22:00', '07:00', 'America/Denver', '2026-11-01T05:00:00Z'), '2026-11-01T14:00:00.000Z');
  });

  it('zones whose clocks change at midnight (America/Havana, America/Santiago)', () => {
    // Havana 2026-03-08: 00:00 CST → 01:00 CDT at 05:00Z. Window 23:30–00:30: the clocks jump past its end.
    assert.equal(end('23:30', '00:30', 'America/Havana', '2026-03-08T04:45:00Z'), '2026-03-08T05:00:00.000Z');
  });

  it('reads stored JSON, refusing what the API would refuse', () => {
    assert.deepEqual(parseQuietHours('{"start":"22:00","end":"07:00"}'), { start: '22:00', end: '07:00' });
    assert.equal(parseQuietHours(null), null);
    assert.equal(parseQuietHours('{"start":"22:00","end":"22:00"}'), null);
    assert.equal(parseQuietHours('{"start":"24:00","end":"07:00"}'), null);
    assert.equal(parseQuietHours('nope'), null);
    assert.throws(() => quietHoursEnd({ start: '07:00', end: '07:00' }, 'UTC', 0), RangeError);
  });

  const ZONES = [
    'America/Denver',
    'Asia/Tokyo',
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/St_Johns',
    'America/Havana',
    'America/Santiago',
    'Asia/Kolkata',
    'Australia/Sydney',
    'UTC',
  ];
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  /** An oracle independent of the code under test: Intl's wall clock and the window read directly. */
  const quiet = (start: number, stop: number, zone: string, t: number) => {
    const tod = mod(wallOf(zone, t), DAY) / MINUTE;
    return start < stop ? start <= tod && tod < stop : tod >= start || tod < stop;
  };

  it('property: the end is after t, outside the window, and everything between is quiet', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z') }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 1439 }),
        (zone, t, start, length) => {
          const stop = (start + length) % 1440;
          const q = { start: hhmm(start), end: hhmm(stop) };
          const e = quietHoursEnd(q, zone, t);
          assert.equal(isQuietAt(q, zone, t), quiet(start, stop, zone, t));
          if (e === null) {
            assert.equal(quiet(start, stop, zone, t), false, 'null only when t is not quiet');
            return;
          }
          assert.ok(quiet(start, stop, zone, t), 'an end only for a quiet t');
          assert.ok(e > t, 'the end is after t');
          assert.equal(quiet(start, stop, zone, e), false, `the end ${iso(e)} is outside the window`);
          assert.ok(quiet(start, stop, zone, e - 1), 'the millisecond before the end is still quiet');
          assert.ok(e - t <= DAY + 3 * 3_600_000, 'a stretch lasts at most a day plus a clock change');
          for (let s = t; s < e; s += MINUTE) assert.ok(quiet(start, stop, zone, s), `${iso(s)} between t and the end is quiet`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: spring-forward and fall-back nights in America/Denver and Europe/London', () => {
    const nights = [at('2026-03-08T00:00:00Z'), at('2026-11-01T00:00:00Z'), at('2026-03-29T00:00:00Z'), at('2026-10-25T00:00:00Z')];
    fc.assert(
      fc.property(
        fc.constantFrom('America/Denver', 'Europe/London'),
        fc.constantFrom(...nights),
        fc.integer({ min: -12 * 60, max: 36 * 60 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 1439 }),
        (zone, night, offsetMinutes, start, length) => {
          const t = night + offsetMinutes * MINUTE;
          const stop = (start + length) % 1440;
          const e = quietHoursEnd({ start: hhmm(start), end: hhmm(stop) }, zone, t);
          if (e === null) return assert.equal(quiet(start, stop, zone, t), false);
          assert.equal(quiet(start, stop, zone, e), false);
          assert.ok(quiet(start, stop, zone, e - 1));
          for (let s = t; s < e; s += MINUTE) assert.ok(quiet(start, stop, zone, s));
        },
      ),
      { numRuns: 300 },
    );
  });
});
