import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nextOccurrences, occurrenceAt, prepareWindow, type Recurrence, WEEKDAYS, type WindowInput, type WindowTiming } from './maintenance.js';

const MIN = 60_000;
const prepared = (input: WindowInput): WindowTiming => {
  const r = prepareWindow(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.timing;
};
const problemField = (input: WindowInput) => {
  const r = prepareWindow(input);
  return r.ok ? null : r.problems[0]?.field;
};
const daily = (timeZone: string, startTime: string, durationMinutes: number, startsAt = '2026-01-01T00:00:00Z') =>
  prepared({ timeZone, startsAt, recurrence: { frequency: 'daily', startTime, durationMinutes } });
const on = (w: WindowTiming, localDayUtcFrom: string) => nextOccurrences(w, localDayUtcFrom, 1)[0];

/** Wall-clock reading by an independent route (sv-SE prints ISO-like "2026-03-08 03:30:00"). */
const wall = (zone: string, iso: string) => new Date(`${new Date(iso).toLocaleString('sv-SE', { timeZone: zone }).replace(' ', 'T')}Z`);
const wallTime = (zone: string, iso: string) => wall(zone, iso).toISOString().slice(11, 16);

describe('maintenance windows: DST and time zones', () => {
  it('spring forward in New York: 01:30–03:30 keeps its wall-clock end, so it lasts one real hour', () => {
    const w = daily('America/New_York', '01:30', 120);
    assert.deepEqual(on(w, '2026-03-08T05:00:00Z'), { start: '2026-03-08T06:30:00.000Z', end: '2026-03-08T07:30:00.000Z' });
    assert.deepEqual(on(w, '2026-03-07T05:00:00Z'), { start: '2026-03-07T06:30:00.000Z', end: '2026-03-07T08:30:00.000Z' });
    assert.deepEqual(on(w, '2026-03-09T04:00:00Z'), { start: '2026-03-09T05:30:00.000Z', end: '2026-03-09T07:30:00.000Z' });
    assert.equal(occurrenceAt(w, '2026-03-08T07:29:59Z')?.start, '2026-03-08T06:30:00.000Z');
    assert.equal(occurrenceAt(w, '2026-03-08T07:30:00Z'), null, 'the end is exclusive');
  });

  it('a start time that does not exist (02:30 on spring-forward day) moves forward by the gap, with the whole slot', () => {
    const w = daily('America/New_York', '02:30', 30);
    const o = on(w, '2026-03-08T05:00:00Z')!;
    assert.deepEqual(o, { start: '2026-03-08T07:30:00.000Z', end: '2026-03-08T08:00:00.000Z' });
    assert.equal(wallTime('America/New_York', o.start), '03:30');
  });

  it('fall back in Berlin: 02:30 happens twice and means the earlier one; the slot keeps its wall-clock end 03:30', () => {
    const w = daily('Europe/Berlin', '02:30', 60);
    const o = on(w, '2026-10-24T22:00:00Z')!;
    assert.deepEqual(o, { start: '2026-10-25T00:30:00.000Z', end: '2026-10-25T02:30:00.000Z' });
    assert.equal(occurrenceAt(w, '2026-10-25T01:45:00Z')?.start, o.start, 'the second 02:45 (CET) is inside');
    const night = daily('Europe/Berlin', '01:30', 120);
    assert.deepEqual(on(night, '2026-10-24T20:00:00Z'), { start: '2026-10-24T23:30:00.000Z', end: '2026-10-25T02:30:00.000Z' });
  });

  it('Asia/Tokyo has no DST: a slot crossing midnight lasts its minutes and covers the next local day', () => {
    const w = daily('Asia/Tokyo', '23:00', 180);
    assert.deepEqual(occurrenceAt(w, '2026-03-08T16:30:00Z'), { start: '2026-03-08T14:00:00.000Z', end: '2026-03-08T17:00:00.000Z' });
    for (const o of nextOccurrences(w, '2026-03-01T00:00:00Z', 400)) assert.equal(Date.parse(o.end) - Date.parse(o.start), 180 * MIN);
  });

  it('weekly on chosen weekdays, every other week, up to until (inclusive); endsAt is the last end', () => {
    const w = prepared({
      timeZone: 'Europe/Berlin',
      startsAt: '2026-11-02T00:00:00+01:00',
      recurrence: { frequency: 'weekly', interval: 2, daysOfWeek: ['fri', 'mon'], startTime: '22:00', durationMinutes: 240, until: '2026-11-30' },
    });
    assert.deepEqual(w.recurrence?.daysOfWeek, ['mon', 'fri'], 'normalised to week order');
    const starts = nextOccurrences(w, '2026-11-01T00:00:00Z', 10).map((o) => o.start);
    assert.deepEqual(starts, ['2026-11-02T21:00:00.000Z', '2026-11-06T21:00:00.000Z', '2026-11-16T21:00:00.000Z', '2026-11-20T21:00:00.000Z', '2026-11-30T21:00:00.000Z']);
    assert.equal(w.endsAt, '2026-12-01T01:00:00.000Z');
    assert.equal(occurrenceAt(w, '2026-12-01T00:30:00Z')?.start, '2026-11-30T21:00:00.000Z', 'the last slot runs past until');
  });

  it('monthly on day 31 skips months without one; the day defaults to the start date', () => {
    const w = prepared({ timeZone: 'Asia/Tokyo', startsAt: '2026-01-31T00:00:00+09:00', recurrence: { frequency: 'monthly', startTime: '03:00', durationMinutes: 60 } });
    assert.equal(w.recurrence?.dayOfMonth, 31);
    assert.deepEqual(
      nextOccurrences(w, '2026-01-01T00:00:00Z', 4).map((o) => o.start),
      ['2026-01-30T18:00:00.000Z', '2026-03-30T18:00:00.000Z', '2026-05-30T18:00:00.000Z', '2026-07-30T18:00:00.000Z'],
    );
    assert.equal(occurrenceAt(w, '2026-04-29T18:30:00Z'), null, 'no 31 April, no slot on the 30th instead');
  });

  it('a slot before startsAt on its first day does not count', () => {
    const w = daily('UTC', '02:00', 60, '2026-11-22T09:00:00Z');
    assert.equal(occurrenceAt(w, '2026-11-22T02:30:00Z'), null);
    assert.equal(nextOccurrences(w, '2026-11-20T00:00:00Z', 1)[0]?.start, '2026-11-23T02:00:00.000Z');
  });

  it('one-off windows cover [startsAt, endsAt)', () => {
    const w = prepared({ timeZone: 'Asia/Tokyo', startsAt: '2026-11-28T13:00:00Z', endsAt: '2026-11-28T17:00:00Z' });
    assert.equal(occurrenceAt(w, '2026-11-28T12:59:59Z'), null);
    assert.deepEqual(occurrenceAt(w, '2026-11-28T13:00:00Z'), { start: '2026-11-28T13:00:00.000Z', end: '2026-11-28T17:00:00.000Z' });
    assert.equal(occurrenceAt(w, '2026-11-28T17:00:00Z'), null);
    assert.deepEqual(nextOccurrences(w, '2026-11-28T18:00:00Z', 3), []);
  });

  it('refuses impossible windows, naming the field', () => {
    const s = '2026-11-22T09:00:00Z';
    const rec = (r: Partial<Recurrence>) => ({ timeZone: 'UTC', startsAt: s, recurrence: { frequency: 'daily' as const, startTime: '02:00', durationMinutes: 60, ...r } });
    assert.equal(problemField({ timeZone: 'Mars/Olympus', startsAt: s, endsAt: '2026-11-23T00:00:00Z' }), 'timeZone');
    assert.equal(problemField({ timeZone: 'UTC', startsAt: s }), 'endsAt');
    assert.equal(problemField({ timeZone: 'UTC', startsAt: s, endsAt: s }), 'endsAt');
    assert.equal(problemField({ timeZone: 'UTC', startsAt: s, endsAt: '2027-01-01T00:00:00Z' }), 'endsAt');
    assert.equal(problemField({ ...rec({}), endsAt: '2026-11-23T00:00:00Z' }), 'endsAt');
    assert.equal(problemField(rec({ durationMinutes: 0 })), 'recurrence.durationMinutes');
    assert.equal(problemField(rec({ durationMinutes: 1441 })), 'recurrence.durationMinutes');
    assert.equal(problemField(rec({ durationMinutes: 1440 })), null, 'back to back is fine');
    assert.equal(problemField(rec({ frequency: 'weekly', daysOfWeek: ['mon', 'tue'], durationMinutes: 1441 })), 'recurrence.durationMinutes');
    assert.equal(problemField(rec({ frequency: 'weekly', daysOfWeek: ['mon', 'thu'], durationMinutes: 3 * 1440 })), null);
    assert.equal(problemField(rec({ frequency: 'weekly', daysOfWeek: ['funday' as never] })), 'recurrence.daysOfWeek');
    assert.equal(problemField(rec({ daysOfWeek: ['mon'] })), 'recurrence.daysOfWeek');
    assert.equal(problemField(rec({ dayOfMonth: 3 })), 'recurrence.dayOfMonth');
    assert.equal(problemField(rec({ startTime: '24:00' })), 'recurrence.startTime');
    assert.equal(problemField(rec({ until: '2026-11-21' })), 'recurrence.until');
    assert.equal(problemField(rec({ until: '2026-02-30' })), 'recurrence.until');
    assert.equal(problemField(rec({ until: '2026-11-22' })), 'recurrence.until', 'the only slot (02:00) is before startsAt');
    assert.equal(problemField({ ...rec({ frequency: 'monthly', interval: 12, dayOfMonth: 30 }), startsAt: '2026-02-01T00:00:00Z' }), 'recurrence.dayOfMonth');
    assert.equal(prepared({ timeZone: 'us/eastern', startsAt: s, endsAt: '2026-11-23T00:00:00Z' }).timeZone, 'America/New_York');
  });
});

const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kolkata', 'UTC'];
const NO_DST = new Set(['Asia/Tokyo', 'Asia/Kolkata', 'UTC']);
const YEAR_START = Date.parse('2026-01-01T00:00:00Z');
const instant = (minutes: number) => new Date(YEAR_START + minutes * MIN).toISOString();
/** Minutes into 2026 of its DST changes (US, EU, Sydney end and start): where the bugs live. */
const TRANSITIONS = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01'].map((d) => (Date.parse(`${d}T00:00:00Z`) - YEAR_START) / MIN);
const arbMinute = fc.oneof(
  fc.integer({ min: 0, max: 400 * 1440 }),
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -3 * 1440, max: 3 * 1440 })).map(([t, d]) => t + d),
);

const arbWindow = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    startMinute: fc.oneof(fc.integer({ min: 0, max: 365 * 1440 }), arbMinute.map((m) => Math.max(0, m - 5 * 1440))),
    frequency: fc.constantFrom('daily' as const, 'weekly' as const, 'monthly' as const),
    interval: fc.integer({ min: 1, max: 3 }),
    days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.constantFrom(0, 15, 30, 45),
    duration: fc.oneof(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 1, max: 1440 * 3 })),
  })
  .map((a) => {
    const r = prepareWindow({
      timeZone: a.timeZone,
      startsAt: instant(a.startMinute),
      recurrence: {
        frequency: a.frequency,
        interval: a.interval,
        ...(a.frequency === 'weekly' ? { daysOfWeek: a.days } : {}),
        ...(a.frequency === 'monthly' ? { dayOfMonth: a.dayOfMonth } : {}),
        startTime: `${String(a.hour).padStart(2, '0')}:${String(a.minute).padStart(2, '0')}`,
        durationMinutes: a.duration,
      },
    });
    return r.ok ? r.timing : null;
  })
  .filter((w): w is WindowTiming => w !== null);

describe('maintenance windows: properties', () => {
  it('occurrenceAt(w, t) is non-null exactly when t lies in an occurrence listed by nextOccurrences', () => {
    fc.assert(
      fc.property(arbWindow, arbMinute, (w, at) => {
        const t = instant(at);
        const listed = nextOccurrences(w, new Date(Date.parse(t) - 32 * 1440 * MIN).toISOString(), 40);
        const covering = listed.filter((o) => o.start <= t && t < o.end);
        const found = occurrenceAt(w, t);
        assert.equal(found !== null, covering.length > 0);
        if (found) assert.ok(covering.some((o) => o.start === found.start && o.end === found.end));
      }),
      { numRuns: 300 },
    );
  });

  it('occurrences run in start order, start on a slot date at the slot time (or after a skipped hour) and keep their wall-clock length', () => {
    fc.assert(
      fc.property(arbWindow, arbMinute, (w, at) => {
        const r = w.recurrence!;
        const list = nextOccurrences(w, instant(at), 6);
        assert.ok(list.length > 0);
        list.forEach((o, i) => {
          assert.ok(o.start < o.end);
          if (i > 0) assert.ok(list[i - 1]!.start < o.start);
          assert.ok(o.start >= w.startsAt);
          const real = (Date.parse(o.end) - Date.parse(o.start)) / MIN;
          const wallLength = (wall(w.timeZone, o.end).getTime() - wall(w.timeZone, o.start).getTime()) / MIN;
          if (NO_DST.has(w.timeZone)) assert.equal(real, r.durationMinutes);
          // the wall-clock length is kept, unless the end fell into a skipped hour and moved forward
          assert.ok([0, 30, 60].includes(wallLength - r.durationMinutes), `wall length ${wallLength} for ${r.durationMinutes}`);
          assert.ok(Math.abs(real - r.durationMinutes) <= 60, `real length ${real} for ${r.durationMinutes}`);
          const startWall = wall(w.timeZone, o.start);
          const shift = (startWall.getTime() % 86_400_000) / MIN - (Number(r.startTime.slice(0, 2)) * 60 + Number(r.startTime.slice(3)));
          assert.ok([0, 30, 60].includes(shift), `local start ${wallTime(w.timeZone, o.start)} for ${r.startTime}`);
          if (r.frequency === 'weekly') assert.ok(r.daysOfWeek!.includes(WEEKDAYS[(startWall.getUTCDay() + 6) % 7]!));
          if (r.frequency === 'monthly') assert.equal(startWall.getUTCDate(), r.dayOfMonth);
        });
      }),
      { numRuns: 200 },
    );
  });
});
