import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coverageGaps, finalShifts, onCallAt } from './final.js';
import { layerShifts } from './layer.js';
import { layer, lines, localText, schedule } from './test-support.js';

// Real 2026 transitions: US 03-08 / 11-01, EU 03-29 / 10-25, Australia/Sydney ends 04-05.

describe('daily handoff across spring-forward (edge case 3.1.1)', () => {
  const s = schedule('America/Chicago', [layer('l', { unit: 'day', handoffTime: '09:00', startDate: '2026-03-02' }, ['A', 'B'])]);

  it('hands off at 09:00 local: 15:00Z before the change, 14:00Z after, with no gap or overlap', () => {
    assert.deepEqual(lines(finalShifts(s, '2026-03-06T15:00:00Z', '2026-03-10T14:00:00Z')), [
      'A 2026-03-06T15:00Z 2026-03-07T15:00Z',
      'B 2026-03-07T15:00Z 2026-03-08T14:00Z', // 23 h
      'A 2026-03-08T14:00Z 2026-03-09T14:00Z',
      'B 2026-03-09T14:00Z 2026-03-10T14:00Z',
    ]);
    assert.deepEqual(coverageGaps(s, '2026-03-06T00:00:00Z', '2026-03-11T00:00:00Z', '2026-01-01T00:00:00Z'), []);
  });

  it('routes to the right person on both sides of the handoff instant', () => {
    assert.deepEqual(onCallAt(s, '2026-03-08T13:59:59.999Z'), ['B']);
    assert.deepEqual(onCallAt(s, '2026-03-08T14:00:00Z'), ['A']);
    assert.deepEqual(onCallAt(s, '2026-03-08T14:30:00Z'), ['A']);
  });

  it('gives the fall-back day a 25-hour shift (2026-11-01)', () => {
    assert.deepEqual(lines(finalShifts(s, '2026-10-31T14:00:00Z', '2026-11-02T15:00:00Z')), [
      'B 2026-10-31T14:00Z 2026-11-01T15:00Z',
      'A 2026-11-01T15:00Z 2026-11-02T15:00Z',
    ]);
  });
});

describe('a shift by duration vs by end time (edge case 3.1.2): wall-clock rule', () => {
  it('a daily 20:00 shift from 2026-03-07 ends at 20:00 local, 23 elapsed hours later', () => {
    const s = schedule('America/Chicago', [layer('l', { unit: 'day', handoffTime: '20:00', startDate: '2026-03-07' }, ['A', 'B'])]);
    const [first] = finalShifts(s, '2026-03-08T02:00:00Z', '2026-03-10T00:00:00Z');
    assert.deepEqual(lines([first!]), ['A 2026-03-08T02:00Z 2026-03-09T01:00Z']);
    assert.equal(localText('America/Chicago', first!.end), '2026-03-08 20:00');
    assert.deepEqual(onCallAt(s, '2026-03-09T01:30:00Z'), ['B']);
  });

  it('24 one-hour units are the same as one day (both are counted on the clock face)', () => {
    const byDay = layer('l', { unit: 'day', length: 1, handoffTime: '20:00', startDate: '2026-03-01' }, ['A', 'B', 'C']);
    const byHours = layer('l', { unit: 'hour', length: 24, handoffTime: '20:00', startDate: '2026-03-01' }, ['A', 'B', 'C']);
    const range = ['2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'] as const;
    assert.deepEqual(finalShifts(schedule('America/Chicago', [byHours]), ...range), finalShifts(schedule('America/Chicago', [byDay]), ...range));
  });
});

describe('a handoff at a time that does not exist (edge case 3.1.3)', () => {
  const s = schedule('America/New_York', [layer('l', { unit: 'day', handoffTime: '02:30', startDate: '2026-03-05' }, ['A', 'B', 'C'])]);

  it('02:30 on 2026-03-08 happens at 03:30 EDT (07:30Z) and no member is skipped', () => {
    const shifts = finalShifts(s, '2026-03-07T07:30:00Z', '2026-03-10T06:30:00Z');
    assert.deepEqual(lines(shifts), [
      'C 2026-03-07T07:30Z 2026-03-08T07:30Z',
      'A 2026-03-08T07:30Z 2026-03-09T06:30Z',
      'B 2026-03-09T06:30Z 2026-03-10T06:30Z',
    ]);
    assert.equal(localText('America/New_York', shifts[1]!.start), '2026-03-08 03:30');
    assert.equal(localText('America/New_York', shifts[2]!.start), '2026-03-09 02:30');
  });
});

describe('hourly rotations across DST', () => {
  it('spring forward: the non-existent hour’s shift is empty and the next member continues', () => {
    const s = schedule('America/New_York', [layer('l', { unit: 'hour', handoffTime: '00:00', startDate: '2026-03-08' }, ['A', 'B', 'C', 'D'])]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-08T05:00:00Z', '2026-03-08T09:00:00Z')), [
      'A 2026-03-08T05:00Z 2026-03-08T06:00Z', // 00:00 EST
      'B 2026-03-08T06:00Z 2026-03-08T07:00Z', // 01:00 EST; C's 02:00–03:00 does not exist
      'D 2026-03-08T07:00Z 2026-03-08T08:00Z', // 03:00 EDT
      'A 2026-03-08T08:00Z 2026-03-08T09:00Z',
    ]);
    assert.deepEqual(coverageGaps(s, '2026-03-08T05:00:00Z', '2026-03-08T09:00:00Z', '2026-03-01T00:00:00Z'), []);
  });

  it('spring forward: a longer shift across the gap is an hour shorter and keeps the grid', () => {
    const s = schedule('America/Chicago', [layer('l', { unit: 'hour', length: 8, handoffTime: '00:00', startDate: '2026-03-07' }, ['A', 'B', 'C'])]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-08T06:00:00Z', '2026-03-09T06:00:00Z')), [
      'A 2026-03-08T06:00Z 2026-03-08T13:00Z', // 00:00 CST → 08:00 CDT, 7 h
      'B 2026-03-08T13:00Z 2026-03-08T21:00Z', // 08:00 → 16:00 CDT
      'C 2026-03-08T21:00Z 2026-03-09T05:00Z', // 16:00 → 00:00 CDT
      'A 2026-03-09T05:00Z 2026-03-09T06:00Z',
    ]);
  });

  it('fall back: the shift covering the repeated hour is longer', () => {
    const s = schedule('America/New_York', [layer('l', { unit: 'hour', handoffTime: '00:00', startDate: '2026-11-01' }, ['A', 'B', 'C', 'D'])]);
    assert.deepEqual(lines(finalShifts(s, '2026-11-01T04:00:00Z', '2026-11-01T09:00:00Z')), [
      'A 2026-11-01T04:00Z 2026-11-01T05:00Z', // 00:00 EDT
      'B 2026-11-01T05:00Z 2026-11-01T07:00Z', // 01:00 EDT (first occurrence) → 02:00 EST: 2 h
      'C 2026-11-01T07:00Z 2026-11-01T08:00Z',
      'D 2026-11-01T08:00Z 2026-11-01T09:00Z',
    ]);
  });

  it('a 02:30 hourly handoff moves to 03:30 and its one-hour shift is empty', () => {
    const s = schedule('America/New_York', [layer('l', { unit: 'hour', handoffTime: '00:30', startDate: '2026-03-08' }, ['A', 'B', 'C'])]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-08T05:30:00Z', '2026-03-08T08:30:00Z')), [
      'A 2026-03-08T05:30Z 2026-03-08T06:30Z',
      'B 2026-03-08T06:30Z 2026-03-08T07:30Z', // 01:30 EST → 03:30 EDT
      'A 2026-03-08T07:30Z 2026-03-08T08:30Z', // C's 02:30 shift is empty
    ]);
  });
});

describe('weekly rotations across the EU changes', () => {
  it('Monday 09:00 Paris stays 09:00 local across 2026-03-29 (a 167-hour week)', () => {
    const s = schedule('Europe/Paris', [layer('l', { unit: 'week', handoffTime: '09:00', startDate: '2026-03-16' }, ['A', 'B'])]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-16T08:00:00Z', '2026-04-06T07:00:00Z')), [
      'A 2026-03-16T08:00Z 2026-03-23T08:00Z',
      'B 2026-03-23T08:00Z 2026-03-30T07:00Z',
      'A 2026-03-30T07:00Z 2026-04-06T07:00Z',
    ]);
  });

  it('Sunday 01:30 London on 2026-10-25 (ambiguous) takes the first occurrence, BST', () => {
    const s = schedule('Europe/London', [layer('l', { unit: 'week', handoffTime: '01:30', startDate: '2026-10-18' }, ['A', 'B'])]);
    assert.deepEqual(lines(finalShifts(s, '2026-10-18T00:30:00Z', '2026-11-01T01:30:00Z')), [
      'A 2026-10-18T00:30Z 2026-10-25T00:30Z',
      'B 2026-10-25T00:30Z 2026-11-01T01:30Z', // 169 h
    ]);
  });
});

describe('Australia/Sydney fall-back (2026-04-05)', () => {
  it('an ambiguous daily 02:30 handoff takes AEDT, so that day’s shift is 25 hours', () => {
    const s = schedule('Australia/Sydney', [layer('l', { unit: 'day', handoffTime: '02:30', startDate: '2026-04-03' }, ['A', 'B', 'C'])]);
    assert.deepEqual(lines(finalShifts(s, '2026-04-03T15:30:00Z', '2026-04-06T16:30:00Z')), [
      'B 2026-04-03T15:30Z 2026-04-04T15:30Z',
      'C 2026-04-04T15:30Z 2026-04-05T16:30Z',
      'A 2026-04-05T16:30Z 2026-04-06T16:30Z',
    ]);
  });

  it('an hourly rotation gives the repeated hour to one shift of two hours', () => {
    const s = schedule('Australia/Sydney', [layer('l', { unit: 'hour', handoffTime: '00:00', startDate: '2026-04-05' }, ['A', 'B', 'C', 'D'])]);
    assert.deepEqual(lines(layerShifts(s, s.layers[0]!, '2026-04-04T13:00:00Z', '2026-04-04T19:00:00Z')), [
      'A 2026-04-04T13:00Z 2026-04-04T14:00Z',
      'B 2026-04-04T14:00Z 2026-04-04T15:00Z',
      'C 2026-04-04T15:00Z 2026-04-04T17:00Z', // 02:00 AEDT → 03:00 AEST
      'D 2026-04-04T17:00Z 2026-04-04T18:00Z',
      'A 2026-04-04T18:00Z 2026-04-04T19:00Z',
    ]);
  });
});

describe('a skipped day (Pacific/Apia jumped from 2011-12-29 to 2011-12-31)', () => {
  it('a daily shift on the missing day is empty and the rotation moves on', () => {
    const s = schedule('Pacific/Apia', [layer('l', { unit: 'day', handoffTime: '09:00', startDate: '2011-12-27' }, ['A', 'B', 'C'])]);
    assert.deepEqual(lines(finalShifts(s, '2011-12-28T19:00:00Z', '2011-12-31T19:00:00Z')), [
      'B 2011-12-28T19:00Z 2011-12-29T19:00Z',
      'C 2011-12-29T19:00Z 2011-12-30T19:00Z', // 12-29 09:00 −10 → 12-31 09:00 +14: A's 12-30 is empty
      'B 2011-12-30T19:00Z 2011-12-31T19:00Z',
    ]);
  });

  it('hourly handoffs pushed past later ones collapse onto them, so handoffs never go backwards', () => {
    const s = schedule('Pacific/Apia', [layer('l', { unit: 'hour', length: 5, handoffTime: '00:00', startDate: '2011-12-29' }, ['A', 'B', 'C', 'D'])]);
    assert.deepEqual(lines(finalShifts(s, '2011-12-30T01:00:00Z', '2011-12-30T20:00:00Z')), [
      'D 2011-12-30T01:00Z 2011-12-30T06:00Z', // 12-29 15:00 −10
      'A 2011-12-30T06:00Z 2011-12-30T11:00Z', // 12-29 20:00 −10 until 12-31 01:00 +14
      'B 2011-12-30T11:00Z 2011-12-30T12:00Z', // 12-30 01:00 does not exist: one real hour
      'C 2011-12-30T12:00Z 2011-12-30T17:00Z', // 12-31 02:00 +14; the shifts of 12-30 06:00–21:00 are empty
      'D 2011-12-30T17:00Z 2011-12-30T20:00Z',
    ]);
  });
});
