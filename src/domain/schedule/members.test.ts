import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finalShifts, onCallAt } from './final.js';
import { layerShifts } from './layer.js';
import { layer, lines, schedule } from './test-support.js';
import type { MemberPeriod } from './types.js';

const ZONE = 'Europe/Paris';
// daily at 09:00 Paris from Monday 2026-01-05: shift k runs from 2026-01-05 + k days; k mod 3 → A, B, C
const rotation = { unit: 'day', handoffTime: '09:00', startDate: '2026-01-05' } as const;
const START: MemberPeriod = { from: '2026-01-01T00:00:00Z', members: ['A', 'B', 'C'] };
const withPeriods = (...periods: MemberPeriod[]) => schedule(ZONE, [layer('l', rotation, [START, ...periods])]);

describe('adding a member mid-cycle (edge case 3.2.11)', () => {
  // 2026-02-14 is shift 40: B (40 mod 3 = 1); the old order goes on C, A, B, …
  const now = '2026-02-14T12:00:00Z';
  const expected = [
    'B 2026-02-14T08:00Z 2026-02-15T08:00Z',
    'C 2026-02-15T08:00Z 2026-02-16T08:00Z',
    'D 2026-02-16T08:00Z 2026-02-17T08:00Z',
    'A 2026-02-17T08:00Z 2026-02-18T08:00Z',
    'B 2026-02-18T08:00Z 2026-02-19T08:00Z',
    'C 2026-02-19T08:00Z 2026-02-20T08:00Z',
    'D 2026-02-20T08:00Z 2026-02-21T08:00Z',
  ];

  for (const effective of ['next_handoff', 'at'] as const) {
    it(`effective ${effective}: who is on call now and the others' order do not change`, () => {
      const before = withPeriods();
      const after = withPeriods({ from: now, members: ['A', 'B', 'C', 'D'], effective });
      assert.deepEqual(onCallAt(after, now), onCallAt(before, now));
      assert.deepEqual(onCallAt(after, now), ['B']);
      // B's running shift stays one piece; then C (as before), and D joins after C
      assert.deepEqual(lines(finalShifts(after, '2026-02-14T08:00:00Z', '2026-02-21T08:00:00Z')), expected);
      // the past is not rewritten
      assert.deepEqual(finalShifts(after, '2026-01-05T00:00:00Z', now), finalShifts(before, '2026-01-05T00:00:00Z', now));
    });
  }

  it('a new member inserted in the middle of the list takes their place in the order', () => {
    const after = withPeriods({ from: '2026-02-14T12:00:00Z', members: ['A', 'D', 'B', 'C'], effective: 'next_handoff' });
    assert.deepEqual(
      finalShifts(after, '2026-02-15T08:00:00Z', '2026-02-19T08:00:00Z').map((s) => s.userId),
      ['C', 'A', 'D', 'B'],
    );
  });
});

describe('scheduled removal (edge case 3.2.12)', () => {
  // handoff at 12:00 from 2026-01-06: shift 145 (2026-05-31 12:00 CEST = 10:00Z) is B's
  const rot = { unit: 'day', handoffTime: '12:00', startDate: '2026-01-06' } as const;
  const base: MemberPeriod = { from: '2026-01-01T00:00:00Z', members: ['A', 'B', 'C'] };
  const removal = '2026-05-31T22:00:00Z'; // 2026-06-01 00:00 in Paris

  it('effective at the instant: earlier shifts unchanged, the running one cut, later ones skip B', () => {
    const before = schedule(ZONE, [layer('l', rot, [base])]);
    const after = schedule(ZONE, [layer('l', rot, [base, { from: removal, members: ['A', 'C'], effective: 'at' }])]);
    assert.deepEqual(finalShifts(after, '2026-01-01T00:00:00Z', removal), finalShifts(before, '2026-01-01T00:00:00Z', removal));
    assert.deepEqual(lines(finalShifts(after, '2026-05-30T10:00:00Z', '2026-06-03T10:00:00Z')), [
      'A 2026-05-30T10:00Z 2026-05-31T10:00Z',
      'B 2026-05-31T10:00Z 2026-05-31T22:00Z', // history still shows B
      'C 2026-05-31T22:00Z 2026-06-01T10:00Z', // the next of the old order takes the rest
      'A 2026-06-01T10:00Z 2026-06-02T10:00Z',
      'C 2026-06-02T10:00Z 2026-06-03T10:00Z',
    ]);
    const later = finalShifts(after, removal, '2027-06-01T00:00:00Z');
    assert.equal(later.length, 366);
    assert.ok(later.every((s) => s.userId !== 'B'));
  });

  it('effective at the next handoff: B finishes the running shift, then never again', () => {
    const after = schedule(ZONE, [layer('l', rot, [base, { from: removal, members: ['A', 'C'], effective: 'next_handoff' }])]);
    assert.deepEqual(lines(finalShifts(after, '2026-05-31T10:00:00Z', '2026-06-03T10:00:00Z')), [
      'B 2026-05-31T10:00Z 2026-06-01T10:00Z',
      'C 2026-06-01T10:00Z 2026-06-02T10:00Z', // C's turn as before
      'A 2026-06-02T10:00Z 2026-06-03T10:00Z',
    ]);
    assert.ok(finalShifts(after, '2026-06-01T10:00:00Z', '2027-06-01T00:00:00Z').every((s) => s.userId !== 'B'));
  });
});

describe('member periods', () => {
  it('nobody is on call from the layer before the first list is in force', () => {
    const s = schedule(ZONE, [layer('l', rotation, [{ from: '2026-01-06T12:00:00Z', members: ['A', 'B', 'C'] }])]);
    // with no earlier list, turn t is members[t mod n]: shift 1 is B's
    assert.deepEqual(lines(finalShifts(s, '2026-01-05T00:00:00Z', '2026-01-07T08:00:00Z')), ['B 2026-01-06T12:00Z 2026-01-07T08:00Z']);
  });

  it('a completely new list starts as if it had always been in force (members[turn mod n])', () => {
    const s = withPeriods({ from: '2026-02-14T12:00:00Z', members: ['X', 'Y'], effective: 'next_handoff' });
    // shift 41 → 41 mod 2 = 1 → Y
    assert.deepEqual(
      finalShifts(s, '2026-02-15T08:00:00Z', '2026-02-18T08:00:00Z').map((x) => x.userId),
      ['Y', 'X', 'Y'],
    );
  });

  it('a change effective at the next handoff that is superseded before then never applies', () => {
    const s = withPeriods(
      { from: '2026-02-14T10:00:00Z', members: ['X'], effective: 'next_handoff' },
      { from: '2026-02-14T12:00:00Z', members: ['A', 'B', 'C', 'D'], effective: 'at' },
    );
    assert.deepEqual(
      finalShifts(s, '2026-02-14T08:00:00Z', '2026-02-17T08:00:00Z').map((x) => x.userId),
      ['B', 'C', 'D'],
    );
  });

  it('removing the person on call at the change hands the rest of the shift to the next in order', () => {
    const s = withPeriods({ from: '2026-02-14T12:00:00Z', members: ['A', 'C'] });
    assert.deepEqual(lines(layerShifts(s, s.layers[0]!, '2026-02-14T08:00:00Z', '2026-02-17T08:00:00Z')), [
      'B 2026-02-14T08:00Z 2026-02-14T12:00Z',
      'C 2026-02-14T12:00Z 2026-02-15T08:00Z',
      'A 2026-02-15T08:00Z 2026-02-16T08:00Z',
      'C 2026-02-16T08:00Z 2026-02-17T08:00Z',
    ]);
  });

  it('a layer end stops it; a layer start delays it', () => {
    const s = schedule(ZONE, [
      layer('l', rotation, ['A', 'B', 'C'], { start: '2026-01-06T20:00:00Z', end: '2026-01-08T08:00:00Z' }),
    ]);
    assert.deepEqual(lines(finalShifts(s, '2026-01-01T00:00:00Z', '2026-01-31T00:00:00Z')), [
      'B 2026-01-06T20:00Z 2026-01-07T08:00Z',
      'C 2026-01-07T08:00Z 2026-01-08T08:00Z',
    ]);
  });
});
