import type { IncidentStatus } from './types.js';

/**
 * The incident state machine (SPEC §4.2):
 *
 *   triggered ──ack──▶ acknowledged ──resolve──▶ resolved ──close──▶ closed
 *       ▲                    │                      │
 *       └─────── escalate ───┘       reopen ◀───────┘ (also from declined)
 *   triggered|acknowledged ──decline──▶ declined      ──merge──▶ merged
 *
 * Invariants: closed and merged are final; repeating the action that produced the current state is a
 * no-op (no new timeline entry); acknowledging a resolved incident is a no-op, not an error, because
 * an ack racing a resolve is normal (reliability R10).
 */
export type LifecycleAction = 'acknowledge' | 'resolve' | 'reopen' | 'close' | 'decline' | 'merge' | 'escalate';

export type Decision =
  | { kind: 'change'; to: IncidentStatus }
  | { kind: 'noop' }
  | { kind: 'illegal'; reason: string };

const change = (to: IncidentStatus): Decision => ({ kind: 'change', to });
const noop: Decision = { kind: 'noop' };
const illegal = (reason: string): Decision => ({ kind: 'illegal', reason });

export function decide(status: IncidentStatus, action: LifecycleAction): Decision {
  if (status === 'merged') return illegal('the incident was merged into another incident; act on that one');
  switch (action) {
    case 'acknowledge':
      if (status === 'triggered') return change('acknowledged');
      if (status === 'acknowledged' || status === 'resolved') return noop;
      return illegal(`a ${status} incident cannot be acknowledged; reopen it first`);
    case 'resolve':
      if (status === 'triggered' || status === 'acknowledged') return change('resolved');
      if (status === 'resolved') return noop;
      return illegal(`a ${status} incident cannot be resolved`);
    case 'reopen':
      if (status === 'resolved' || status === 'declined') return change('triggered');
      if (status === 'triggered' || status === 'acknowledged') return noop;
      return illegal('a closed incident cannot be reopened; declare a new incident and link it');
    case 'close':
      if (status === 'resolved') return change('closed');
      if (status === 'closed') return noop;
      return illegal(`only a resolved incident can be closed (this one is ${status}); resolve it first`);
    case 'decline':
      if (status === 'triggered' || status === 'acknowledged') return change('declined');
      if (status === 'declined') return noop;
      return illegal(`a ${status} incident cannot be declined`);
    case 'merge':
      if (status === 'triggered' || status === 'acknowledged' || status === 'resolved') return change('merged');
      return illegal(`a ${status} incident cannot be merged`);
    case 'escalate':
      if (status === 'triggered' || status === 'acknowledged') return change('triggered');
      return illegal(`a ${status} incident cannot be escalated; reopen it first`);
  }
}

/** Open incidents are those people are still responding to. */
export function isOpen(status: IncidentStatus): boolean {
  return status === 'triggered' || status === 'acknowledged';
}
