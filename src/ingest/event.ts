/**
 * The one normalised shape every inbound format is turned into (SPEC §4.1). Parsers in
 * `ingest/<format>/` are pure: payload in, events (or field errors) out; no I/O, no clock — the
 * receive time is passed in.
 */
import type { AlertSeverity, EventAction } from '../domain/ingest/types.js';

export { ALERT_SEVERITIES, type AlertSeverity, EVENT_ACTIONS, type EventAction } from '../domain/ingest/types.js';

export { MAX_DEDUP_KEY, MAX_SUMMARY } from '../domain/ingest/types.js';

export interface EventLink {
  href: string;
  text?: string;
}

/**
 * One alert event: trigger, acknowledge or resolve one problem signal.
 *
 * Only a trigger describes the alert. On acknowledge/resolve, `summary`, `severity` and the rest are
 * what the sender said at that moment (or placeholders such as "(closed via Opsgenie API)"): the
 * pipeline records them on the timeline and never overwrites the stored alert with them.
 */
export interface AlertEvent {
  kind: 'alert';
  action: EventAction;
  /**
   * Dedup key within the service: PagerDuty `dedup_key`, Opsgenie `alias`, Alertmanager webhook and
   * Grafana alert `fingerprint`, generic `dedupKey`. null when the sender gave none: the pipeline then
   * generates one for a trigger (and returns it); an acknowledge/resolve without a key is invalid.
   */
  dedupKey: string | null;
  /** ≤ MAX_SUMMARY characters (longer input is truncated with "…", as Alertmanager does). */
  summary: string;
  source: string | null;
  severity: AlertSeverity;
  component: string | null;
  group: string | null;
  class: string | null;
  /** Flat string labels (Alertmanager/Grafana labels; PagerDuty/Opsgenie have none → {}). */
  labels: Record<string, string>;
  /** Free-form details (custom_details, annotations, Opsgenie details …), kept as received. */
  details: Record<string, unknown>;
  links: EventLink[];
  /** When the sender says it happened (ISO-8601 UTC); the receive time when absent or unparseable. */
  occurredAt: string;
  /** The monitoring tool's name and backlink, when given. */
  client: string | null;
  clientUrl: string | null;
}

/** A deploy or configuration change (PagerDuty change events). */
export interface ChangeEvent {
  kind: 'change';
  summary: string;
  source: string | null;
  details: Record<string, unknown>;
  links: EventLink[];
  occurredAt: string;
}

export type NormalizedEvent = AlertEvent | ChangeEvent;

/**
 * An Alertmanager-style notification carries the whole current state of one alert group every time.
 * The pipeline treats it as a snapshot (idempotent on repeat): members listed as resolved resolve;
 * the group's incident resolves only when every member has.
 */
export interface GroupSnapshot {
  /** Alertmanager `groupKey` (raw), identifying the group across notifications. */
  key: string;
  /** Dedup keys (fingerprints) of every alert in this notification, firing or resolved. */
  members: string[];
  /** `firing` when any member fires. */
  status: 'firing' | 'resolved';
  /** Alerts the sender dropped (`truncatedAlerts`): their state is unknown, so they are left as they are. */
  truncated: number;
}

export interface FieldError {
  /** JSON path in the payload, e.g. `payload.severity` or `alerts.3.fingerprint`. */
  field: string;
  message: string;
}

export type ParseResult =
  | { ok: true; events: NormalizedEvent[]; group?: GroupSnapshot }
  | { ok: false; errors: FieldError[] };

/** What a parser may know besides the body. */
export interface ParseContext {
  /** Receive time, ISO-8601 UTC: the default for `occurredAt`. */
  receivedAt: string;
}

/** An alert event with everything optional left empty (events the pipeline makes itself: heartbeats, group repeats). */
export function plainAlertEvent(e: Pick<AlertEvent, 'action' | 'summary' | 'occurredAt'> & Partial<AlertEvent>): AlertEvent {
  return {
    kind: 'alert',
    dedupKey: null,
    source: null,
    severity: 'info',
    component: null,
    group: null,
    class: null,
    labels: {},
    details: {},
    links: [],
    client: null,
    clientUrl: null,
    ...e,
  };
}
