import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coverageGaps, finalShifts, onCallAt } from './final.js';
import { daily, layer, lines, override, schedule } from './test-support.js';

// UTC keeps the instants readable; the zone maths has its own tests.
const day = (startDate = '2026-03-02') => ({ unit: 'day', handoffTime: '09:00', startDate }) as const;
const base = layer('base', day(), ['A', 'B']); // A on 03-02, B on 03-03, …
const range = ['2026-03-02T09:00:00Z', '2026-03-04T09:00:00Z'] as const;

describe('overrides', () => {
  it('add: the person is on call in addition, and nobody’s shift is split', () => {
    const s = schedule('UTC', [base], [override('2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z', 'C', null, 'add')]);
    const shifts = finalShifts(s, ...range);
    assert.deepEqual(lines(shifts), [
      'A 2026-03-02T09:00Z 2026-03-03T09:00Z',
      'C 2026-03-02T10:00Z 2026-03-02T12:00Z',
      'B 2026-03-03T09:00Z 2026-03-04T09:00Z',
    ]);
    assert.equal(shifts[1]!.overrideId, 'add');
    assert.equal(shifts[0]!.layerId, 'base');
    assert.deepEqual(onCallAt(s, '2026-03-02T11:00:00Z'), ['A', 'C']);
    assert.deepEqual(onCallAt(s, '2026-03-02T12:00:00Z'), ['A']);
  });

  it('replace: the person is swapped for the period only', () => {
    const s = schedule('UTC', [base], [override('2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z', 'C', 'A', 'swap')]);
    assert.deepEqual(lines(finalShifts(s, ...range)), [
      'A 2026-03-02T09:00Z 2026-03-02T10:00Z',
      'C 2026-03-02T10:00Z 2026-03-02T12:00Z',
      'A 2026-03-02T12:00Z 2026-03-03T09:00Z',
      'B 2026-03-03T09:00Z 2026-03-04T09:00Z',
    ]);
    assert.deepEqual(onCallAt(s, '2026-03-02T11:00:00Z'), ['C']);
  });

  it('replace of someone not on call changes nothing', () => {
    const s = schedule('UTC', [base], [override('2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z', 'C', 'B')]);
    assert.deepEqual(lines(finalShifts(s, ...range)), ['A 2026-03-02T09:00Z 2026-03-03T09:00Z', 'B 2026-03-03T09:00Z 2026-03-04T09:00Z']);
  });

  it('remove: nobody is on call, and it shows as a gap', () => {
    const s = schedule('UTC', [base], [override('2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z', null, 'A')]);
    assert.deepEqual(lines(finalShifts(s, ...range)), [
      'A 2026-03-02T09:00Z 2026-03-02T10:00Z',
      'A 2026-03-02T12:00Z 2026-03-03T09:00Z',
      'B 2026-03-03T09:00Z 2026-03-04T09:00Z',
    ]);
    assert.deepEqual(onCallAt(s, '2026-03-02T11:00:00Z'), []);
    assert.deepEqual(coverageGaps(s, ...range, '2026-03-01T00:00:00Z'), [{ start: '2026-03-02T10:00:00.000Z', end: '2026-03-02T12:00:00.000Z' }]);
  });

  it('a replace spanning a handoff covers only the replaced person’s part', () => {
    const s = schedule('UTC', [base], [override('2026-03-03T06:00:00Z', '2026-03-03T12:00:00Z', 'C', 'A')]);
    assert.deepEqual(lines(finalShifts(s, ...range)), [
      'A 2026-03-02T09:00Z 2026-03-03T06:00Z',
      'C 2026-03-03T06:00Z 2026-03-03T09:00Z',
      'B 2026-03-03T09:00Z 2026-03-04T09:00Z',
    ]);
  });

  it('a replace spanning a handoff between two shifts of the same person is split at the handoff', () => {
    const solo = schedule('UTC', [layer('solo', day(), ['A'])], [override('2026-03-03T06:00:00Z', '2026-03-03T12:00:00Z', 'C', 'A')]);
    assert.deepEqual(lines(finalShifts(solo, ...range)), [
      'A 2026-03-02T09:00Z 2026-03-03T06:00Z',
      'C 2026-03-03T06:00Z 2026-03-03T09:00Z',
      'C 2026-03-03T09:00Z 2026-03-03T12:00Z',
      'A 2026-03-03T12:00Z 2026-03-04T09:00Z',
    ]);
  });

  it('an add spanning a handoff is one shift of its own', () => {
    const s = schedule('UTC', [base], [override('2026-03-03T06:00:00Z', '2026-03-03T12:00:00Z', 'C', null)]);
    assert.deepEqual(lines(finalShifts(s, ...range)), [
      'A 2026-03-02T09:00Z 2026-03-03T09:00Z',
      'C 2026-03-03T06:00Z 2026-03-03T12:00Z',
      'B 2026-03-03T09:00Z 2026-03-04T09:00Z',
    ]);
  });

  it('overrides apply in list order: replace A by B, then remove B, leaves nobody', () => {
    const s = schedule('UTC', [base], [override('2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z', 'B', 'A'), override('2026-03-02T11:00:00Z', '2026-03-02T13:00:00Z', null, 'B')]);
    assert.deepEqual(onCallAt(s, '2026-03-02T10:30:00Z'), ['B']);
    assert.deepEqual(onCallAt(s, '2026-03-02T11:30:00Z'), []);
    assert.deepEqual(onCallAt(s, '2026-03-02T12:30:00Z'), ['A']);
  });

  it('adding someone already on call lists them once', () => {
    const s = schedule('UTC', [base], [override('2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z', 'A', null)]);
    assert.deepEqual(lines(finalShifts(s, ...range)), ['A 2026-03-02T09:00Z 2026-03-03T09:00Z', 'B 2026-03-03T09:00Z 2026-03-04T09:00Z']);
  });
});

describe('layers', () => {
  // a business-hours layer above a 24/7 base: the top one wins where it has someone
  const top = layer('top', day(), ['X', 'Y'], { restrictions: [daily('09:00', '17:00')] });

  it('the highest layer with someone wins; the lower one shows where it has nobody', () => {
    const s = schedule('UTC', [base, top]);
    assert.deepEqual(lines(finalShifts(s, ...range)), [
      'X 2026-03-02T09:00Z 2026-03-02T17:00Z',
      'A 2026-03-02T17:00Z 2026-03-03T09:00Z',
      'Y 2026-03-03T09:00Z 2026-03-03T17:00Z',
      'B 2026-03-03T17:00Z 2026-03-04T09:00Z',
    ]);
    assert.deepEqual(onCallAt(s, '2026-03-02T16:59:59Z'), ['X']);
    assert.deepEqual(onCallAt(s, '2026-03-02T17:00:00Z'), ['A']);
  });

  it('an override beats the highest layer', () => {
    const s = schedule('UTC', [base, top], [override('2026-03-02T12:00:00Z', '2026-03-02T20:00:00Z', 'Z', 'X')]);
    assert.deepEqual(lines(finalShifts(s, '2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z')), [
      'X 2026-03-02T09:00Z 2026-03-02T12:00Z',
      'Z 2026-03-02T12:00Z 2026-03-02T17:00Z',
      'A 2026-03-02T17:00Z 2026-03-03T09:00Z', // the replace was for X only
    ]);
  });

  it('removing the top layer’s person does not reveal the lower layer', () => {
    const s = schedule('UTC', [base, top], [override('2026-03-02T12:00:00Z', '2026-03-02T13:00:00Z', null, 'X')]);
    assert.deepEqual(onCallAt(s, '2026-03-02T12:30:00Z'), []);
  });
});

describe('coverage gaps', () => {
  const s = schedule('UTC', [layer('l', day(), ['A'], { restrictions: [daily('09:00', '17:00')] })]);

  it('are reported only from now on (an elapsed hole is not a warning)', () => {
    assert.deepEqual(coverageGaps(s, '2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z', '2026-03-03T03:00:00Z'), [
      { start: '2026-03-03T03:00:00.000Z', end: '2026-03-03T09:00:00.000Z' },
      { start: '2026-03-03T17:00:00.000Z', end: '2026-03-04T00:00:00.000Z' },
    ]);
    assert.deepEqual(coverageGaps(s, '2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z', '2026-03-05T00:00:00Z'), []);
  });

  it('include the time before the first handoff', () => {
    assert.deepEqual(coverageGaps(s, '2026-03-01T00:00:00Z', '2026-03-02T12:00:00Z', '2026-01-01T00:00:00Z'), [
      { start: '2026-03-01T00:00:00.000Z', end: '2026-03-02T09:00:00.000Z' },
    ]);
  });
});

describe('ranges', () => {
  it('an empty or inverted range has no shifts', () => {
    assert.deepEqual(finalShifts(schedule('UTC', [base]), '2026-03-03T00:00:00Z', '2026-03-03T00:00:00Z'), []);
    assert.deepEqual(finalShifts(schedule('UTC', [base]), '2026-03-04T00:00:00Z', '2026-03-03T00:00:00Z'), []);
  });

  it('a malformed instant is a caller’s bug and throws', () => {
    assert.throws(() => finalShifts(schedule('UTC', [base]), 'yesterday', '2026-03-03T00:00:00Z'), RangeError);
  });
});
