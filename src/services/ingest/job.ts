import type { AlertEvent, GroupSnapshot } from '../../ingest/event.js';
import type { AlertRef } from './incident-from-alert.js';
import type { KeyedIntegration } from './integration-actor.js';

/**
 * One request's alert events, committed together with other requests' in one transaction. The key is
 * looked up inside that transaction (one query per batch), so a rotated or deleted key stops working
 * the moment the change commits, on every instance.
 */
export interface IngestJob {
  key: string;
  /** The integration type whose endpoint received the request (SPEC §3: a key works only there); `*` for heartbeats. */
  type: string;
  events: AlertEvent[];
  /** Alertmanager-style notifications carry their group's whole state. */
  group?: GroupSnapshot;
  /** Heartbeats: a ping (any integration type), or the monitor's "this ping is overdue". */
  heartbeat?: { kind: 'ping' } | { kind: 'missed'; dueAt: string };
  requestId: string | null;
}

export const EVENT_OUTCOMES = ['created', 'appended', 'unchanged', 'acknowledged', 'resolved', 'ignored', 'dropped', 'suppressed', 'held'] as const;
export type EventOutcome = (typeof EVENT_OUTCOMES)[number];

/** What one event did, in the order the events came. */
export interface EventResult {
  eventId: string;
  dedupKey: string | null;
  outcome: EventOutcome;
  alertId: string | null;
  incidentId: string | null;
}

export interface JobResult {
  integration: KeyedIntegration;
  events: EventResult[];
}

/** The key is unknown, or belongs to another integration type: a 400 in the endpoint's own shape. */
export class IntegrationKeyError extends Error {
  constructor(
    readonly key: string,
    readonly foundType: string | null,
  ) {
    super(foundType ? `the key ${key} belongs to a ${foundType} integration, not this endpoint's` : `the key ${key} is not an integration key of this Hikeshi`);
  }
}

/** What one job collects while it runs (an Alertmanager notification may add hundreds of alerts). */
export interface JobScope {
  /** New alerts joining an open incident, attached together (one timeline entry per incident). */
  joins: Map<string, AlertRef[]>;
  /** The open incident of this job's Alertmanager group, per service, once known. */
  groupIncidents: Map<string, string>;
}
