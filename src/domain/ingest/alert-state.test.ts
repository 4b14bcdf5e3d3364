import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decideAlertEvent, incidentSeverityFromAlert, type OpenAlert, urgencyFromSeverity } from './alert-state.js';
import { EVENT_ACTIONS, type EventAction } from './types.js';

describe('alert events (PagerDuty semantics)', () => {
  const open: OpenAlert = { id: 'a1', status: 'triggered' };
  it('a trigger creates, or adds to the open alert with its key', () => {
    assert.deepEqual(decideAlertEvent(null, 'trigger'), { kind: 'create' });
    assert.deepEqual(decideAlertEvent(open, 'trigger'), { kind: 'append', alertId: 'a1' });
  });
  it('acknowledge/resolve of an unknown key do nothing (and are still accepted)', () => {
    assert.deepEqual(decideAlertEvent(null, 'acknowledge'), { kind: 'ignore', reason: 'no_open_alert' });
    assert.deepEqual(decideAlertEvent(null, 'resolve'), { kind: 'ignore', reason: 'no_open_alert' });
  });
  it('acknowledging twice changes nothing the second time; resolve always resolves an open alert', () => {
    assert.deepEqual(decideAlertEvent({ id: 'a1', status: 'acknowledged' }, 'acknowledge'), { kind: 'ignore', reason: 'already_acknowledged' });
    assert.deepEqual(decideAlertEvent({ id: 'a1', status: 'suppressed' }, 'resolve'), { kind: 'resolve', alertId: 'a1' });
  });
  it('maps severity to urgency and to a new incident severity (SPEC §4.1/§4.2)', () => {
    assert.deepEqual((['critical', 'error', 'warning', 'info'] as const).map(urgencyFromSeverity), [1, 2, 3, 3]);
    assert.deepEqual((['critical', 'error', 'warning', 'info'] as const).map(incidentSeverityFromAlert), ['SEV2', 'SEV3', 'SEV4', 'SEV4']);
  });

  it('over any event sequence for one key: at most one open alert, counts add up, a resolved alert never comes back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<EventAction>(...EVENT_ACTIONS), { maxLength: 60 }), (actions) => {
        let current: OpenAlert | null = null;
        let created = 0;
        const events = new Map<string, number>();
        const resolved = new Set<string>();
        for (const action of actions) {
          const d = decideAlertEvent(current, action);
          if (d.kind === 'create') {
            current = { id: `a${++created}`, status: 'triggered' };
            events.set(current.id, 1);
          } else if (d.kind === 'append') events.set(d.alertId, (events.get(d.alertId) ?? 0) + 1);
          else if (d.kind === 'acknowledge') current = { ...current!, status: 'acknowledged' };
          else if (d.kind === 'resolve') {
            resolved.add(d.alertId);
            current = null;
          }
          if (d.kind !== 'create' && d.kind !== 'ignore') assert.ok(!resolved.has(d.alertId) || d.kind === 'resolve', 'a resolved alert is never touched again');
        }
        const triggers = actions.filter((a) => a === 'trigger').length;
        assert.equal([...events.values()].reduce((x, y) => x + y, 0), triggers, 'every trigger counted on exactly one alert');
        assert.ok(created <= triggers);
      }),
      { numRuns: 2000 },
    );
  });
});
