import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_PRIORITY_MATRIX, defaultSeverity, impactFromAssessment, priorityOf, type PriorityMatrix } from './priority.js';
import type { Level } from './types.js';

describe('priority matrix', () => {
  it('default is the ITIL 3×3: P1 for high impact and high urgency, P5 for low and low', () => {
    assert.equal(priorityOf(DEFAULT_PRIORITY_MATRIX, 1, 1), 'P1');
    assert.equal(priorityOf(DEFAULT_PRIORITY_MATRIX, 1, 3), 'P3');
    assert.equal(priorityOf(DEFAULT_PRIORITY_MATRIX, 3, 1), 'P3');
    assert.equal(priorityOf(DEFAULT_PRIORITY_MATRIX, 2, 2), 'P3');
    assert.equal(priorityOf(DEFAULT_PRIORITY_MATRIX, 2, 3), 'P4');
    assert.equal(priorityOf(DEFAULT_PRIORITY_MATRIX, 3, 3), 'P5');
  });

  it('default never gets more urgent as impact or urgency drop', () => {
    const lv = fc.constantFrom<Level>(1, 2, 3);
    fc.assert(
      fc.property(lv, lv, lv, lv, (i1, u1, i2, u2) => {
        if (i2 < i1 || u2 < u1) return true;
        return priorityOf(DEFAULT_PRIORITY_MATRIX, i2, u2) >= priorityOf(DEFAULT_PRIORITY_MATRIX, i1, u1);
      }),
    );
  });

  it('a configured matrix is read as matrix[impact-1][urgency-1]', () => {
    const m: PriorityMatrix = [
      ['P1', 'P1', 'P2'],
      ['P2', 'P3', 'P4'],
      ['P5', 'P5', 'P5'],
    ];
    assert.equal(priorityOf(m, 1, 2), 'P1');
    assert.equal(priorityOf(m, 2, 3), 'P4');
    assert.equal(priorityOf(m, 3, 1), 'P5');
  });

  it('severity defaults from priority, and impact from the assessment', () => {
    assert.deepEqual(['P1', 'P2', 'P3', 'P4', 'P5'].map((p) => defaultSeverity(p as never)), ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV4']);
    assert.equal(impactFromAssessment('all'), 1);
    assert.equal(impactFromAssessment('some'), 2);
    assert.equal(impactFromAssessment('none'), 3);
    assert.equal(impactFromAssessment(undefined), 2);
  });
});
