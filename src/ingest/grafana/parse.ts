/**
 * Grafana Alerting webhook contact point (payload version "1", interop.md §3): Alertmanager's
 * envelope extended with `orgId`, `title`, `state`, `message`, and per alert `values`,
 * `valueString`, `silenceURL`, `dashboardURL`, `panelURL`, `imageURL`, `ruleUID`. Each alert maps as
 * in ../alertmanager/parse.ts, except:
 *   summary    annotations.summary → "alertname on instance" → top-level title → "Grafana alert <fp>"
 *              (Grafana's descriptions are often long templated text, its alertname is the rule name)
 *   group      labels.grafana_folder (the rule's folder) → labels.job
 *   details    plus valueString, values, dashboardURL, panelURL, silenceURL, imageURL, ruleUID
 *   links      Source (the rule), Dashboard, Panel, Silence, Runbook, Grafana (externalURL)
 *
 * Grafana may omit `groupKey`. The group then gets a key derived from its group labels: `grafana:`
 * + JSON of their [name, value] pairs sorted by name. It is stable across the notifications of one
 * group, whatever order the labels arrive in, so a "resolved" notification resolves the group its
 * "firing" one opened (edge-cases.md #34). Two notification policies grouping by the same labels
 * share it; Grafana's own key would tell them apart.
 */
import type { AlertEvent, ParseContext, ParseResult } from '../event.js';
import type { IngestParser } from '../registry.js';
import { isObject, truncate } from '../shared.js';
import { alertmanagerEvent, alertnameSummary } from '../alertmanager/parse.js';
import {
  type EnvelopeRules,
  type WebhookAlert,
  type WebhookEnvelope,
  groupSnapshot,
  httpUrl,
  labelValue,
  linksFrom,
  readEnvelope,
  stringOrNull,
} from '../alertmanager/webhook.js';

const GRAFANA_RULES: EnvelopeRules = {
  version: '1',
  versionHint: 'Grafana Alerting sends "1" (an Alertmanager payload, "4", belongs to an alertmanager integration)',
  groupKeyRequired: false,
};

/** The key of a group whose notification has no `groupKey`: see the header. */
export function derivedGroupKey(groupLabels: Record<string, string>): string {
  const sorted = Object.entries(groupLabels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `grafana:${JSON.stringify(sorted)}`;
}

/** `values` is a map of query ref-ID to number, or null; anything else is dropped. */
function readValues(v: unknown): Record<string, number> | null {
  if (!isObject(v)) return null;
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(v)) if (typeof n === 'number' && Number.isFinite(n)) out[k] = n;
  return out;
}

function grafanaEvent(alert: WebhookAlert, envelope: WebhookEnvelope, title: string | null, ctx: ParseContext): AlertEvent {
  const base = alertmanagerEvent(alert, envelope, ctx);
  const { labels, annotations, raw } = alert;
  const extra = {
    valueString: stringOrNull(raw.valueString),
    values: readValues(raw.values),
    dashboardURL: stringOrNull(raw.dashboardURL),
    panelURL: stringOrNull(raw.panelURL),
    silenceURL: stringOrNull(raw.silenceURL),
    imageURL: stringOrNull(raw.imageURL),
    ruleUID: stringOrNull(raw.ruleUID),
  };
  const summary = labelValue(annotations, 'summary') ?? alertnameSummary(labels) ?? title ?? `Grafana alert ${alert.fingerprint}`;
  return {
    ...base,
    summary: truncate(summary),
    group: labelValue(labels, 'grafana_folder') ?? base.group,
    details: { ...base.details, ...extra },
    links: linksFrom([
      [alert.generatorURL, 'Source'],
      [extra.dashboardURL, 'Dashboard'],
      [extra.panelURL, 'Panel'],
      [extra.silenceURL, 'Silence'],
      [labelValue(annotations, 'runbook_url'), 'Runbook'],
      [envelope.externalURL, 'Grafana'],
    ]),
    client: 'Grafana',
    clientUrl: httpUrl(envelope.externalURL),
  };
}

export function parseGrafanaWebhook(body: unknown, ctx: ParseContext): ParseResult {
  const read = readEnvelope(body, GRAFANA_RULES);
  if (!read.ok) return read;
  const { envelope } = read;
  const rawTitle = stringOrNull(envelope.raw.title);
  const title = rawTitle === null || rawTitle.trim() === '' ? null : rawTitle;
  return {
    ok: true,
    events: envelope.alerts.map((alert) => grafanaEvent(alert, envelope, title, ctx)),
    group: groupSnapshot(envelope.groupKey ?? derivedGroupKey(envelope.groupLabels), envelope),
  };
}

export const grafanaParser: IngestParser = { format: 'grafana', parse: parseGrafanaWebhook };
