import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OUTAGE_STATUSES } from './types.js';
import { type Interval, type OutageInterval, type UptimeBars, type UptimeDay, type UptimeInput, uptimeBars } from './uptime.js';

const NY = 'America/New_York';
const base = (over: Partial<UptimeInput> = {}): UptimeInput => ({
  timeZone: NY,
  now: '2026-01-20T17:00:00Z', // 12:00 EST
  dataStart: '2025-01-01T00:00:00Z',
  outages: [],
  maintenances: [],
  ...over,
});
const day = (bars: UptimeBars, date: string): UptimeDay => {
  const d = bars.days.find((x) => x.date === date);
  assert.ok(d, `no bar for ${date}`);
  return d;
};
const sum = (d: UptimeDay) => d.operationalMinutes + d.degradedMinutes + d.partialMinutes + d.downMinutes + d.maintenanceMinutes + d.noDataMinutes;

describe('uptime bars: days in the page zone', () => {
  it('90 local days, oldest first, the last is today; a quiet history is 100 % every day', () => {
    const bars = uptimeBars(base());
    assert.equal(bars.days.length, 90);
    assert.equal(bars.days[0]!.date, '2025-10-23');
    assert.equal(bars.days[89]!.date, '2026-01-20');
    for (const d of bars.days.slice(0, 89)) assert.deepEqual([d.uptime, d.worst, d.operationalMinutes], [100, 'operational', d.minutes]);
    assert.equal(bars.uptime, 100);
  });

  it('DST: 2026-03-08 has 23 hours and 2026-11-01 has 25 in New York; minutes still add up', () => {
    const spring = uptimeBars(base({ now: '2026-03-20T16:00:00Z' }));
    assert.equal(day(spring, '2026-03-08').minutes, 1380);
    assert.equal(day(spring, '2026-03-07').minutes, 1440);
    const fall = uptimeBars(base({ now: '2026-11-20T17:00:00Z' }));
    assert.equal(day(fall, '2026-11-01').minutes, 1500);
    for (const d of [...spring.days, ...fall.days]) assert.equal(sum(d), d.minutes, d.date);
    // 60 minutes down on the short day weigh more than on a normal one
    const short = uptimeBars(base({ now: '2026-03-20T16:00:00Z', outages: [{ start: '2026-03-08T12:00:00Z', end: '2026-03-08T13:00:00Z', status: 'major_outage' }] }));
    assert.equal(day(short, '2026-03-08').uptime, (100 * 1320) / 1380);
    const long = uptimeBars(base({ now: '2026-11-20T17:00:00Z', outages: [{ start: '2026-11-01T12:00:00Z', end: '2026-11-01T13:00:00Z', status: 'major_outage' }] }));
    assert.equal(day(long, '2026-11-01').uptime, (100 * 1440) / 1500);
  });

  it('an outage at 19:30 New York (00:30 UTC the next day) counts on its local date (edge case 9)', () => {
    const bars = uptimeBars(base({ outages: [{ start: '2026-01-16T00:30:00Z', end: '2026-01-16T01:30:00Z', status: 'major_outage' }] }));
    assert.equal(day(bars, '2026-01-15').downMinutes, 60);
    assert.equal(day(bars, '2026-01-16').downMinutes, 0);
    assert.equal(day(bars, '2026-01-15').worst, 'major_outage');
  });

  it('exactly at local midnight: an outage starting there is the new day, one ending there stays in the old one', () => {
    const midnight = '2026-01-15T05:00:00Z'; // 00:00 EST
    const after = uptimeBars(base({ outages: [{ start: midnight, end: '2026-01-15T05:30:00Z', status: 'major_outage' }] }));
    assert.deepEqual([day(after, '2026-01-14').downMinutes, day(after, '2026-01-15').downMinutes], [0, 30]);
    const before = uptimeBars(base({ outages: [{ start: '2026-01-15T04:30:00Z', end: midnight, status: 'major_outage' }] }));
    assert.deepEqual([day(before, '2026-01-14').downMinutes, day(before, '2026-01-15').downMinutes], [30, 0]);
    assert.equal(day(before, '2026-01-15').worst, 'operational');
  });

  it('an outage across midnight is split between the two local days', () => {
    const bars = uptimeBars(base({ outages: [{ start: '2026-01-15T04:00:00Z', end: '2026-01-15T07:00:00Z', status: 'partial_outage' }] }));
    assert.deepEqual([day(bars, '2026-01-14').partialMinutes, day(bars, '2026-01-15').partialMinutes], [60, 120]);
  });

  it('today counts up to now; the rest of today is no data, and an ongoing outage runs to now', () => {
    const quiet = day(uptimeBars(base()), '2026-01-20');
    assert.deepEqual([quiet.operationalMinutes, quiet.noDataMinutes, quiet.uptime], [720, 720, 100]);
    const ongoing = day(uptimeBars(base({ outages: [{ start: '2026-01-20T16:00:00Z', end: null, status: 'major_outage' }] })), '2026-01-20');
    assert.deepEqual([ongoing.downMinutes, ongoing.noDataMinutes, ongoing.uptime], [60, 720, (100 * 660) / 720]);
  });

  it('is bucketed by local date in other zones too (Tokyo, no DST; Kolkata, +05:30)', () => {
    const tokyo = uptimeBars(base({ timeZone: 'Asia/Tokyo', now: '2026-01-20T03:00:00Z', days: 3 }));
    assert.deepEqual(tokyo.days.map((d) => d.date), ['2026-01-18', '2026-01-19', '2026-01-20']);
    const kolkata = uptimeBars(base({ timeZone: 'Asia/Kolkata', now: '2026-01-20T03:00:00Z', days: 2, outages: [{ start: '2026-01-18T18:00:00Z', end: '2026-01-18T19:00:00Z', status: 'major_outage' }] }));
    assert.deepEqual(kolkata.days.map((d) => [d.date, d.downMinutes]), [['2026-01-19', 30], ['2026-01-20', 0]]);
  });
});

describe('uptime bars: weights, maintenance and no data', () => {
  const on = (status: OutageInterval['status'], minutes: number): OutageInterval => ({
    start: '2026-01-15T15:00:00Z',
    end: new Date(Date.parse('2026-01-15T15:00:00Z') + minutes * 60_000).toISOString(),
    status,
  });

  it("Atlassian's weights: major fully down, partial 30 % down, degraded not down (but the worst of the day)", () => {
    assert.equal(day(uptimeBars(base({ outages: [on('major_outage', 144)] })), '2026-01-15').uptime, 90);
    assert.equal(day(uptimeBars(base({ outages: [on('partial_outage', 480)] })), '2026-01-15').uptime, 90);
    const degraded = day(uptimeBars(base({ outages: [on('degraded_performance', 600)] })), '2026-01-15');
    assert.deepEqual([degraded.uptime, degraded.worst, degraded.degradedMinutes], [100, 'degraded_performance', 600]);
    const overlap = day(uptimeBars(base({ outages: [on('degraded_performance', 600), on('major_outage', 60)] })), '2026-01-15');
    assert.deepEqual([overlap.downMinutes, overlap.degradedMinutes, overlap.worst], [60, 540, 'major_outage'], 'the worst covering outage takes the minute');
  });

  it('maintenance is excluded from the denominator', () => {
    const maint: Interval = { start: '2026-01-15T05:00:00Z', end: '2026-01-15T17:00:00Z' }; // 00:00–12:00 EST
    const d = day(uptimeBars(base({ maintenances: [maint], outages: [{ start: '2026-01-15T17:00:00Z', end: '2026-01-15T18:12:00Z', status: 'major_outage' }] })), '2026-01-15');
    assert.deepEqual([d.maintenanceMinutes, d.downMinutes, d.uptime], [720, 72, 90]);
  });

  it('a day fully in maintenance has no uptime (null, not 100 %) and shows under_maintenance', () => {
    const d = day(uptimeBars(base({ maintenances: [{ start: '2026-01-15T05:00:00Z', end: '2026-01-16T05:00:00Z' }] })), '2026-01-15');
    assert.deepEqual([d.uptime, d.worst, d.maintenanceMinutes], [null, 'under_maintenance', 1440]);
  });

  it('an outage during maintenance: minutes stay maintenance, the bar shows the outage', () => {
    const d = day(uptimeBars(base({ maintenances: [{ start: '2026-01-15T05:00:00Z', end: '2026-01-16T05:00:00Z' }], outages: [on('major_outage', 60)] })), '2026-01-15');
    assert.deepEqual([d.uptime, d.worst, d.maintenanceMinutes, d.downMinutes], [null, 'major_outage', 1440, 0]);
  });

  it('before the component existed is no data, never 100 % (partial history, edge case 46)', () => {
    const bars = uptimeBars(base({ dataStart: '2026-01-10T17:00:00Z' })); // 12:00 EST
    const before = day(bars, '2026-01-09');
    assert.deepEqual([before.uptime, before.worst, before.noDataMinutes], [null, 'no_data', 1440]);
    const first = day(bars, '2026-01-10');
    assert.deepEqual([first.noDataMinutes, first.operationalMinutes, first.uptime], [720, 720, 100]);
    assert.equal(bars.days.filter((d) => d.uptime === null).length, 79);
  });

  it('an expired stretch of history is no data, even with an outage recorded in it', () => {
    const gaps = [{ start: '2025-12-01T05:00:00Z', end: '2025-12-15T05:00:00Z' }];
    const bars = uptimeBars(base({ gaps, outages: [{ start: '2025-12-05T12:00:00Z', end: '2025-12-05T13:00:00Z', status: 'major_outage' }] }));
    for (const date of ['2025-12-01', '2025-12-05', '2025-12-14']) assert.deepEqual([day(bars, date).uptime, day(bars, date).worst], [null, 'no_data'], date);
    assert.equal(day(bars, '2025-12-15').uptime, 100);
  });

  it('the period figure weighs every counted minute', () => {
    const bars = uptimeBars(base({ days: 2, now: '2026-01-16T04:59:00Z', outages: [on('major_outage', 144)] }));
    // 01-14 all up (1440) + 01-15 1439 observed minutes (now is 23:59) with 144 down
    assert.equal(bars.uptime, (100 * (2879 - 144)) / 2879);
    assert.equal(uptimeBars(base({ dataStart: '2026-02-01T00:00:00Z' })).uptime, null);
  });

  it('truncates instants to the minute', () => {
    const d = day(uptimeBars(base({ outages: [{ start: '2026-01-15T15:00:40Z', end: '2026-01-15T15:10:59Z', status: 'major_outage' }] })), '2026-01-15');
    assert.equal(d.downMinutes, 10);
  });

  it('rejects what is not an instant or a day count', () => {
    assert.throws(() => uptimeBars(base({ now: 'yesterday' })), /now/);
    assert.throws(() => uptimeBars(base({ days: 0 })), /days/);
  });
});

describe('uptime bars: properties', () => {
  const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney', 'Asia/Kolkata', 'America/St_Johns', 'UTC'];
  const NOW0 = Date.parse('2026-01-01T00:00:00Z');
  const span = 40 * 86_400_000;
  const at = fc.integer({ min: -span, max: 86_400_000 });
  const interval = fc.tuple(at, fc.integer({ min: 0, max: 3 * 86_400_000 })).map(([s, len]) => ({ s, len }));
  const iso = (now: number, offset: number) => new Date(now + offset).toISOString();
  const scenario = fc.record({
    zone: fc.constantFrom(...ZONES),
    now: fc.integer({ min: 0, max: 365 * 86_400_000 }).map((x) => NOW0 + x),
    dataStart: at,
    outages: fc.array(fc.tuple(interval, fc.constantFrom(...OUTAGE_STATUSES), fc.boolean()), { maxLength: 6 }),
    maintenances: fc.array(interval, { maxLength: 3 }),
    gaps: fc.array(interval, { maxLength: 2 }),
  });
  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
  const inputOf = (s: Scenario): UptimeInput => ({
    timeZone: s.zone,
    now: new Date(s.now).toISOString(),
    dataStart: iso(s.now, s.dataStart),
    days: 35,
    outages: s.outages.map(([i, status, open]) => ({ start: iso(s.now, i.s), end: open ? null : iso(s.now, i.s + i.len), status })),
    maintenances: s.maintenances.map((i) => ({ start: iso(s.now, i.s), end: iso(s.now, i.s + i.len) })),
    gaps: s.gaps.map((i) => ({ start: iso(s.now, i.s), end: iso(s.now, i.s + i.len) })),
  });

  it('uptime is in [0, 100] or null; buckets are whole minutes summing to the day (23, 24 or 25 h, or a half-hour zone)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const bars = uptimeBars(inputOf(s));
        assert.ok(bars.uptime === null || (bars.uptime >= 0 && bars.uptime <= 100));
        for (const d of bars.days) {
          assert.ok(d.uptime === null || (d.uptime >= 0 && d.uptime <= 100));
          assert.equal(sum(d), d.minutes);
          assert.ok([1380, 1440, 1500].includes(d.minutes), `${d.date}: ${d.minutes}`);
          assert.ok(Number.isInteger(d.downMinutes) && Number.isInteger(d.noDataMinutes));
          assert.equal(d.uptime === null, d.minutes - d.maintenanceMinutes - d.noDataMinutes === 0);
          if (d.worst === 'no_data') assert.equal(d.noDataMinutes, d.minutes);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a day fully in maintenance has uptime null', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const input = inputOf(s);
        const all = { start: '2000-01-01T00:00:00Z', end: '2100-01-01T00:00:00Z' };
        for (const d of uptimeBars({ ...input, maintenances: [all] }).days) assert.equal(d.uptime, null);
      }),
      { numRuns: 50 },
    );
  });

  it('adding an outage never increases uptime (per day and for the period)', () => {
    fc.assert(
      fc.property(scenario, interval, fc.constantFrom(...OUTAGE_STATUSES), (s, extra, status) => {
        const input = inputOf(s);
        const before = uptimeBars(input);
        const after = uptimeBars({ ...input, outages: [...input.outages, { start: iso(s.now, extra.s), end: iso(s.now, extra.s + extra.len), status }] });
        const le = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && a <= b + 1e-9);
        assert.ok(le(after.uptime, before.uptime));
        for (const [i, d] of before.days.entries()) assert.ok(le(after.days[i]!.uptime, d.uptime), d.date);
      }),
      { numRuns: 150 },
    );
  });
});
