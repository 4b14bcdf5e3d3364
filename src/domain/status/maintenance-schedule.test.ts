import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepareWindow, type WindowInput, type WindowTiming } from '../ingest/maintenance.js';
import { maintenanceStatusAt, occurrencesBetween, runningOccurrence, shownOccurrence } from './maintenance-schedule.js';

const prepared = (input: WindowInput): WindowTiming => {
  const r = prepareWindow(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.timing;
};
const nightlyNewYork = prepared({
  timeZone: 'America/New_York',
  startsAt: '2026-03-01T00:00:00-05:00',
  recurrence: { frequency: 'daily', startTime: '01:30', durationMinutes: 120 },
});
const oneOff = prepared({ timeZone: 'Europe/Berlin', startsAt: '2026-05-04T02:00:00Z', endsAt: '2026-05-04T03:00:00Z' });

describe('scheduled maintenance on a page (one model with maintenance windows)', () => {
  it('lists the occurrences overlapping a range, with the wall-clock rules of maintenance windows across DST', () => {
    const list = occurrencesBetween(nightlyNewYork, '2026-03-07T05:00:00Z', '2026-03-10T04:00:00Z');
    assert.deepEqual(list, [
      { start: '2026-03-07T06:30:00.000Z', end: '2026-03-07T08:30:00.000Z' },
      { start: '2026-03-08T06:30:00.000Z', end: '2026-03-08T07:30:00.000Z' },
      { start: '2026-03-09T05:30:00.000Z', end: '2026-03-09T07:30:00.000Z' },
    ]);
  });

  it('includes the occurrence running at the range start and excludes one starting at its end', () => {
    const list = occurrencesBetween(nightlyNewYork, '2026-03-07T07:00:00Z', '2026-03-08T06:30:00Z');
    assert.deepEqual(list, [{ start: '2026-03-07T06:30:00.000Z', end: '2026-03-07T08:30:00.000Z' }]);
  });

  it('follows a long range in batches (90 days of a daily window: 90 occurrences)', () => {
    const list = occurrencesBetween(nightlyNewYork, '2026-03-01T05:00:00Z', '2026-05-30T04:00:00Z');
    assert.equal(list.length, 90);
    assert.equal(new Set(list.map((o) => o.start)).size, 90);
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1]!.end <= list[i]!.start);
  });

  it('a one-off window is one occurrence, inside the range or not', () => {
    assert.deepEqual(occurrencesBetween(oneOff, '2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z'), [{ start: '2026-05-04T02:00:00.000Z', end: '2026-05-04T03:00:00.000Z' }]);
    assert.deepEqual(occurrencesBetween(oneOff, '2026-05-04T03:00:00Z', '2026-06-01T00:00:00Z'), []);
  });

  it('starts and ends itself: scheduled, in_progress, completed; verifying and early completion only by hand', () => {
    const o = { start: '2026-05-04T02:00:00.000Z', end: '2026-05-04T03:00:00.000Z' };
    assert.equal(maintenanceStatusAt(o, '2026-05-04T01:59:59Z'), 'scheduled');
    assert.equal(maintenanceStatusAt(o, '2026-05-04T02:00:00Z'), 'in_progress');
    assert.equal(maintenanceStatusAt(o, '2026-05-04T03:00:00Z'), 'completed');
    const mark = { occurrenceStart: '2026-05-04T11:00:00+09:00', status: 'verifying' as const };
    assert.equal(maintenanceStatusAt(o, '2026-05-04T02:30:00Z', mark), 'verifying', 'same instant in another offset');
    assert.equal(maintenanceStatusAt(o, '2026-05-04T01:00:00Z', mark), 'scheduled', 'a mark does not start it');
    assert.equal(maintenanceStatusAt(o, '2026-05-04T02:30:00Z', { ...mark, occurrenceStart: '2026-05-03T02:00:00Z' }), 'in_progress');
  });

  it('shows the running occurrence, else the next, else the last', () => {
    assert.equal(shownOccurrence(nightlyNewYork, '2026-03-09T06:00:00Z')?.start, '2026-03-09T05:30:00.000Z');
    assert.equal(shownOccurrence(nightlyNewYork, '2026-03-09T08:00:00Z')?.start, '2026-03-10T05:30:00.000Z');
    assert.deepEqual(shownOccurrence(oneOff, '2026-06-01T00:00:00Z'), { start: '2026-05-04T02:00:00.000Z', end: '2026-05-04T03:00:00.000Z' });
    const bounded = prepared({
      timeZone: 'Asia/Tokyo',
      startsAt: '2026-05-01T00:00:00+09:00',
      recurrence: { frequency: 'weekly', daysOfWeek: ['sun'], startTime: '03:00', durationMinutes: 60, until: '2026-05-17' },
    });
    assert.deepEqual(shownOccurrence(bounded, '2026-07-01T00:00:00Z'), { start: '2026-05-16T18:00:00.000Z', end: '2026-05-16T19:00:00.000Z' });
  });

  it('a running occurrence completed early by hand is not running', () => {
    const at = '2026-05-04T02:30:00Z';
    assert.ok(runningOccurrence(oneOff, at));
    assert.equal(runningOccurrence(oneOff, at, { occurrenceStart: '2026-05-04T02:00:00Z', status: 'completed' }), null);
    assert.ok(runningOccurrence(oneOff, at, { occurrenceStart: '2026-05-04T02:00:00Z', status: 'verifying' }));
  });
});
