/**
 * Alertmanager `webhook_configs` (payload version "4", interop.md §2) → one AlertEvent per alert and
 * the group snapshot. A notification carries the whole current group each time, so the pipeline
 * treats it as state (idempotent on repeat), not as a delta.
 *
 * How an alert maps (labels follow Prometheus conventions; every one is optional):
 *   action     status firing → trigger, resolved → resolve
 *   dedupKey   `fingerprint` (computed from the labels when missing or malformed)
 *   summary    annotations.summary → annotations.description → "alertname on instance" → "alert <fp>"
 *   severity   labels.severity (warning when absent or unknown)
 *   source     labels.instance → labels.job: the host or target that is failing
 *   component  labels.service → labels.component: the part of the system affected
 *   group      labels.job: the scrape job, Prometheus's logical grouping of targets
 *   class      labels.alertname: the kind of problem, stable across instances
 *   occurredAt startsAt when firing, endsAt when resolved; receive time when unset (Go's zero time)
 *   links      generatorURL "Source", annotations.runbook_url "Runbook", externalURL "Alertmanager"
 */
import type { AlertEvent, ParseContext, ParseResult } from '../event.js';
import type { IngestParser } from '../registry.js';
import { parseInstant, severityFromText, truncate } from '../shared.js';
import { type EnvelopeRules, type WebhookAlert, type WebhookEnvelope, groupSnapshot, httpUrl, labelValue, linksFrom, readEnvelope } from './webhook.js';

/** "HighLatency on api-1:8080", "HighLatency", or null without an alertname. */
export function alertnameSummary(labels: Record<string, string>): string | null {
  const name = labelValue(labels, 'alertname');
  if (name === null) return null;
  const instance = labelValue(labels, 'instance');
  return instance === null ? name : `${name} on ${instance}`;
}

/** The mapping above; Grafana's parser starts from it and adds its extras. */
export function alertmanagerEvent(alert: WebhookAlert, envelope: WebhookEnvelope, ctx: ParseContext): AlertEvent {
  const { labels, annotations } = alert;
  const summary =
    labelValue(annotations, 'summary') ?? labelValue(annotations, 'description') ?? alertnameSummary(labels) ?? `alert ${alert.fingerprint}`;
  const firing = alert.status === 'firing';
  return {
    kind: 'alert',
    action: firing ? 'trigger' : 'resolve',
    dedupKey: alert.fingerprint,
    summary: truncate(summary),
    source: labelValue(labels, 'instance') ?? labelValue(labels, 'job'),
    severity: severityFromText(labelValue(labels, 'severity')),
    component: labelValue(labels, 'service') ?? labelValue(labels, 'component'),
    group: labelValue(labels, 'job'),
    class: labelValue(labels, 'alertname'),
    labels,
    details: {
      annotations,
      generatorURL: alert.generatorURL,
      startsAt: alert.startsAt,
      endsAt: alert.endsAt,
      groupLabels: envelope.groupLabels,
      externalURL: envelope.externalURL,
    },
    links: linksFrom([
      [alert.generatorURL, 'Source'],
      [labelValue(annotations, 'runbook_url'), 'Runbook'],
      [envelope.externalURL, 'Alertmanager'],
    ]),
    occurredAt: parseInstant(firing ? alert.startsAt : alert.endsAt) ?? ctx.receivedAt,
    client: 'Alertmanager',
    clientUrl: httpUrl(envelope.externalURL),
  };
}

const AM_RULES: EnvelopeRules = {
  version: '4',
  versionHint: 'Alertmanager always sends "4" (a Grafana payload, "1", belongs to a grafana integration)',
  // The group key is how later notifications find the group again: without it a partial resolve
  // could not be told from a new group. Alertmanager always sends it.
  groupKeyRequired: true,
};

export function parseAlertmanagerWebhook(body: unknown, ctx: ParseContext): ParseResult {
  const read = readEnvelope(body, AM_RULES);
  if (!read.ok) return read;
  const { envelope } = read;
  return {
    ok: true,
    events: envelope.alerts.map((alert) => alertmanagerEvent(alert, envelope, ctx)),
    group: groupSnapshot(envelope.groupKey ?? '', envelope), // never null here: AM_RULES require it
  };
}

export const alertmanagerParser: IngestParser = { format: 'alertmanager', parse: parseAlertmanagerWebhook };
