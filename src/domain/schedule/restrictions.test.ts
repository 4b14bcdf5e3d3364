import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coverageGaps, finalShifts } from './final.js';
import { layerShifts } from './layer.js';
import { daily, layer, lines, schedule } from './test-support.js';
import type { Restriction } from './types.js';

const weekdays: Restriction = { kind: 'weekly', startDay: 'mon', start: '09:00', endDay: 'fri', end: '17:00' };

describe('daily 09:00–17:00 on a daily rotation', () => {
  const s = schedule('Europe/Paris', [layer('l', { unit: 'day', handoffTime: '09:00', startDate: '2026-03-02' }, ['A', 'B', 'C'], { restrictions: [daily('09:00', '17:00')] })]);

  it('gives each member one 8-hour window per turn, the next member the next window', () => {
    assert.deepEqual(lines(finalShifts(s, '2026-03-02T00:00:00Z', '2026-03-06T00:00:00Z')), [
      'A 2026-03-02T08:00Z 2026-03-02T16:00Z',
      'B 2026-03-03T08:00Z 2026-03-03T16:00Z',
      'C 2026-03-04T08:00Z 2026-03-04T16:00Z',
      'A 2026-03-05T08:00Z 2026-03-05T16:00Z',
    ]);
  });

  it('has nobody outside the windows (reported as gaps from now on)', () => {
    assert.deepEqual(coverageGaps(s, '2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z', '2026-03-02T12:00:00Z'), [
      { start: '2026-03-02T16:00:00.000Z', end: '2026-03-03T08:00:00.000Z' },
      { start: '2026-03-03T16:00:00.000Z', end: '2026-03-04T00:00:00.000Z' },
    ]);
  });

  it('stays at 09:00 local after the EU change (2026-03-29)', () => {
    assert.deepEqual(lines(finalShifts(s, '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')), [
      'C 2026-03-28T08:00Z 2026-03-28T16:00Z',
      'A 2026-03-29T07:00Z 2026-03-29T15:00Z',
      'B 2026-03-30T07:00Z 2026-03-30T15:00Z',
    ]);
  });

  it('a handoff inside the window splits it: the rest of today and the start of tomorrow are one turn', () => {
    const mid = schedule('UTC', [layer('l', { unit: 'day', handoffTime: '12:00', startDate: '2026-03-02' }, ['A', 'B'], { restrictions: [daily('09:00', '17:00')] })]);
    assert.deepEqual(lines(layerShifts(mid, mid.layers[0]!, '2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z')), [
      'A 2026-03-02T12:00Z 2026-03-02T17:00Z',
      'A 2026-03-03T09:00Z 2026-03-03T12:00Z',
      'B 2026-03-03T12:00Z 2026-03-03T17:00Z',
    ]);
  });

  it('hour rotations advance only over windows: 3-hour shifts in 09:00–17:00 are 3 turns a day', () => {
    const h = schedule('UTC', [layer('l', { unit: 'hour', length: 3, handoffTime: '09:00', startDate: '2026-03-02' }, ['A', 'B', 'C', 'D'], { restrictions: [daily('09:00', '17:00')] })]);
    assert.deepEqual(lines(finalShifts(h, '2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z')), [
      'A 2026-03-02T09:00Z 2026-03-02T12:00Z',
      'B 2026-03-02T12:00Z 2026-03-02T15:00Z',
      'C 2026-03-02T15:00Z 2026-03-02T17:00Z',
      'D 2026-03-03T09:00Z 2026-03-03T12:00Z',
      'A 2026-03-03T12:00Z 2026-03-03T15:00Z',
      'B 2026-03-03T15:00Z 2026-03-03T17:00Z',
    ]);
  });
});

describe('a window crossing midnight', () => {
  it('22:00–06:00 is one night per turn with a 09:00 handoff', () => {
    const s = schedule('Europe/Paris', [layer('l', { unit: 'day', handoffTime: '09:00', startDate: '2026-03-02' }, ['A', 'B'], { restrictions: [daily('22:00', '06:00')] })]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z')), [
      'A 2026-03-02T21:00Z 2026-03-03T05:00Z',
      'B 2026-03-03T21:00Z 2026-03-04T05:00Z',
      'A 2026-03-04T21:00Z 2026-03-05T00:00Z', // clipped to the range
    ]);
  });

  it('a midnight handoff splits the night between two members', () => {
    const s = schedule('UTC', [layer('l', { unit: 'day', handoffTime: '00:00', startDate: '2026-03-02' }, ['A', 'B'], { restrictions: [daily('22:00', '06:00')] })]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-02T00:00:00Z', '2026-03-03T12:00:00Z')), [
      'A 2026-03-02T00:00Z 2026-03-02T06:00Z',
      'A 2026-03-02T22:00Z 2026-03-03T00:00Z',
      'B 2026-03-03T00:00Z 2026-03-03T06:00Z',
    ]);
  });
});

describe('weekly window Mon 09:00 – Fri 17:00', () => {
  it('on a daily rotation, Friday’s member is followed by the next member on Monday', () => {
    const s = schedule('Europe/Paris', [layer('l', { unit: 'day', handoffTime: '09:00', startDate: '2026-03-02' }, ['A', 'B', 'C'], { restrictions: [weekdays] })]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-02T00:00:00Z', '2026-03-10T08:00:00Z')), [
      'A 2026-03-02T08:00Z 2026-03-03T08:00Z',
      'B 2026-03-03T08:00Z 2026-03-04T08:00Z',
      'C 2026-03-04T08:00Z 2026-03-05T08:00Z',
      'A 2026-03-05T08:00Z 2026-03-06T08:00Z',
      'B 2026-03-06T08:00Z 2026-03-06T16:00Z', // Friday until 17:00
      'C 2026-03-09T08:00Z 2026-03-10T08:00Z', // Monday: the weekend took no turn
    ]);
  });

  it('on a weekly rotation, each member covers the working week', () => {
    const s = schedule('America/Chicago', [layer('l', { unit: 'week', handoffTime: '09:00', startDate: '2026-03-02' }, ['A', 'B'], { restrictions: [weekdays] })]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-01T00:00:00Z', '2026-03-17T00:00:00Z')), [
      'A 2026-03-02T15:00Z 2026-03-06T23:00Z',
      'B 2026-03-09T14:00Z 2026-03-13T22:00Z', // after the US change, 09:00 CDT
      'A 2026-03-16T14:00Z 2026-03-17T00:00Z',
    ]);
  });

  it('a weekend window wrapping the week’s end (Fri 18:00 – Mon 08:00)', () => {
    const weekend: Restriction = { kind: 'weekly', startDay: 'fri', start: '18:00', endDay: 'mon', end: '08:00' };
    const s = schedule('UTC', [layer('l', { unit: 'week', handoffTime: '09:00', startDate: '2026-03-04' }, ['A', 'B'], { restrictions: [weekend] })]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-01T00:00:00Z', '2026-03-17T00:00:00Z')), [
      'A 2026-03-06T18:00Z 2026-03-09T08:00Z',
      'B 2026-03-13T18:00Z 2026-03-16T08:00Z',
    ]);
  });
});

describe('restriction windows on the spring-forward night (America/New_York, 2026-03-08)', () => {
  it('a 22:00–06:00 window that night lasts 7 hours', () => {
    const s = schedule('America/New_York', [layer('l', { unit: 'day', handoffTime: '12:00', startDate: '2026-03-06' }, ['A', 'B'], { restrictions: [daily('22:00', '06:00')] })]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-07T00:00:00Z', '2026-03-09T12:00:00Z')), [
      'A 2026-03-07T03:00Z 2026-03-07T11:00Z',
      'B 2026-03-08T03:00Z 2026-03-08T10:00Z', // 22:00 EST → 06:00 EDT
      'A 2026-03-09T02:00Z 2026-03-09T10:00Z',
    ]);
  });

  it('a window 01:00–04:00 keeps two real hours; the missing hour’s turn passes, showing nobody', () => {
    const s = schedule('America/New_York', [layer('l', { unit: 'hour', handoffTime: '01:00', startDate: '2026-03-07' }, ['A', 'B', 'C', 'D'], { restrictions: [daily('01:00', '04:00')] })]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-07T00:00:00Z', '2026-03-09T12:00:00Z')), [
      'A 2026-03-07T06:00Z 2026-03-07T07:00Z',
      'B 2026-03-07T07:00Z 2026-03-07T08:00Z',
      'C 2026-03-07T08:00Z 2026-03-07T09:00Z',
      'D 2026-03-08T06:00Z 2026-03-08T07:00Z', // 01:00 EST; A's 02:00 turn does not exist
      'B 2026-03-08T07:00Z 2026-03-08T08:00Z', // 03:00 EDT
      'C 2026-03-09T05:00Z 2026-03-09T06:00Z',
      'D 2026-03-09T06:00Z 2026-03-09T07:00Z',
      'A 2026-03-09T07:00Z 2026-03-09T08:00Z',
    ]);
  });

  it('a window ending in the gap (01:00–02:30 → 03:30 EDT) stays covered: the extra minutes go to the next turn', () => {
    const s = schedule('America/New_York', [layer('l', { unit: 'hour', handoffTime: '00:00', startDate: '2026-03-08' }, ['A', 'B', 'C', 'D'], { restrictions: [daily('01:00', '02:30')] })]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-08T00:00:00Z', '2026-03-09T12:00:00Z')), [
      'A 2026-03-08T06:00Z 2026-03-08T07:00Z', // 01:00–02:00 EST
      'C 2026-03-08T07:00Z 2026-03-08T07:30Z', // 03:00–03:30 EDT; B's 02:00 turn does not exist
      'C 2026-03-09T05:00Z 2026-03-09T06:00Z', // C's own turn, 01:00 EDT
      'D 2026-03-09T06:00Z 2026-03-09T06:30Z',
    ]);
    assert.deepEqual(coverageGaps(s, '2026-03-08T06:00:00Z', '2026-03-08T07:30:00Z', '2026-03-01T00:00:00Z'), []);
  });
});
