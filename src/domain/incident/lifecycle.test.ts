import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decide, isOpen, type LifecycleAction } from './lifecycle.js';
import { INCIDENT_STATUSES, type IncidentStatus } from './types.js';

const ACTIONS: LifecycleAction[] = ['acknowledge', 'resolve', 'reopen', 'close', 'decline', 'merge', 'escalate'];

/** The whole table, written out: a change here is a product decision, so the test must change too. */
const EXPECTED: Record<IncidentStatus, Record<LifecycleAction, string>> = {
  triggered: { acknowledge: 'acknowledged', resolve: 'resolved', reopen: 'noop', close: 'illegal', decline: 'declined', merge: 'merged', escalate: 'triggered' },
  acknowledged: { acknowledge: 'noop', resolve: 'resolved', reopen: 'noop', close: 'illegal', decline: 'declined', merge: 'merged', escalate: 'triggered' },
  resolved: { acknowledge: 'noop', resolve: 'noop', reopen: 'triggered', close: 'closed', decline: 'illegal', merge: 'merged', escalate: 'illegal' },
  closed: { acknowledge: 'illegal', resolve: 'illegal', reopen: 'illegal', close: 'noop', decline: 'illegal', merge: 'illegal', escalate: 'illegal' },
  declined: { acknowledge: 'illegal', resolve: 'illegal', reopen: 'triggered', close: 'illegal', decline: 'noop', merge: 'illegal', escalate: 'illegal' },
  merged: { acknowledge: 'illegal', resolve: 'illegal', reopen: 'illegal', close: 'illegal', decline: 'illegal', merge: 'illegal', escalate: 'illegal' },
};

describe('incident lifecycle', () => {
  for (const status of INCIDENT_STATUSES) {
    for (const action of ACTIONS) {
      it(`${status} --${action}--> ${EXPECTED[status][action]}`, () => {
        const d = decide(status, action);
        const got = d.kind === 'change' ? d.to : d.kind;
        assert.equal(got, EXPECTED[status][action]);
        if (d.kind === 'illegal') assert.match(d.reason, /\w+/);
      });
    }
  }

  it('closed and merged are final: no sequence of actions leaves them', () => {
    fc.assert(
      fc.property(fc.constantFrom<IncidentStatus>('closed', 'merged'), fc.array(fc.constantFrom(...ACTIONS), { maxLength: 20 }), (start, actions) => {
        let s = start;
        for (const a of actions) {
          const d = decide(s, a);
          if (d.kind === 'change') s = d.to;
        }
        return s === start;
      }),
    );
  });

  it('repeating an action right after it succeeded never changes anything again', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INCIDENT_STATUSES), fc.constantFrom(...ACTIONS.filter((a) => a !== 'escalate' && a !== 'merge')), (s, a) => {
        const first = decide(s, a);
        if (first.kind !== 'change') return true;
        return decide(first.to, a).kind !== 'change';
      }),
    );
  });

  it('every random walk stays within the known statuses and only open incidents can be acknowledged into a new state', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 40 }), (actions) => {
        let s: IncidentStatus = 'triggered';
        for (const a of actions) {
          const d = decide(s, a);
          if (d.kind === 'change') {
            if (a === 'acknowledge') assert.ok(isOpen(s));
            s = d.to;
          }
          assert.ok(INCIDENT_STATUSES.includes(s));
        }
      }),
    );
  });
});
