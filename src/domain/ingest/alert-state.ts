import type { AlertSeverity, EventAction } from './types.js';

/**
 * What one alert event does to the alert with its dedup key (SPEC §4.1, PagerDuty semantics):
 * dedup is among *open* alerts of the service; a trigger on an open alert adds to it; after the
 * alert resolves, a trigger with the same key starts a new alert; acknowledge/resolve of an unknown
 * (or already resolved) key is accepted and does nothing.
 */
export type OpenAlertStatus = 'triggered' | 'acknowledged' | 'suppressed';

export interface OpenAlert {
  id: string;
  status: OpenAlertStatus;
}

export type AlertDecision =
  | { kind: 'create' }
  | { kind: 'append'; alertId: string }
  | { kind: 'acknowledge'; alertId: string }
  | { kind: 'resolve'; alertId: string }
  | { kind: 'ignore'; reason: 'no_open_alert' | 'already_acknowledged' };

export function decideAlertEvent(open: OpenAlert | null, action: EventAction): AlertDecision {
  switch (action) {
    case 'trigger':
      return open ? { kind: 'append', alertId: open.id } : { kind: 'create' };
    case 'acknowledge':
      if (!open) return { kind: 'ignore', reason: 'no_open_alert' };
      // A suppressed alert pages nobody, but acknowledging it is still recorded (someone looked).
      return open.status === 'acknowledged' ? { kind: 'ignore', reason: 'already_acknowledged' } : { kind: 'acknowledge', alertId: open.id };
    case 'resolve':
      return open ? { kind: 'resolve', alertId: open.id } : { kind: 'ignore', reason: 'no_open_alert' };
  }
}

/** Alert severity → incident urgency (SPEC §4.2; configurable per service later). */
export function urgencyFromSeverity(severity: AlertSeverity): 1 | 2 | 3 {
  return severity === 'critical' ? 1 : severity === 'error' ? 2 : 3;
}

/** Alert severity → a new incident's severity (SPEC §4.1: SEV1 is declared by people or a rule). */
export function incidentSeverityFromAlert(severity: AlertSeverity): 'SEV2' | 'SEV3' | 'SEV4' {
  return severity === 'critical' ? 'SEV2' : severity === 'error' ? 'SEV3' : 'SEV4';
}
