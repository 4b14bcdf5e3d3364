/**
 * The Alertmanager webhook envelope (interop.md §2), shared with Grafana, whose payload is the same
 * shape extended (§3). Reading it is lenient where senders differ and strict where the meaning
 * depends on it: `version`, `alerts`, and each alert's `status` and `labels` must be right; optional
 * fields of the wrong type are treated as absent. Unknown keys are allowed (newer senders add some).
 */
import type { EventLink, FieldError, GroupSnapshot } from '../event.js';
import { isObject, stringMap } from '../shared.js';
import { isFingerprint, labelsFingerprint } from './fingerprint.js';

/** Errors past this many are not listed: one bad field repeated over 10,000 alerts says enough. */
const MAX_ERRORS = 20;

export interface WebhookAlert {
  status: 'firing' | 'resolved';
  /** The sender's fingerprint, or the one computed from the labels when it was missing or malformed. */
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string | null;
  endsAt: string | null;
  generatorURL: string | null;
  /** The alert object as received, for a format's extras (Grafana's `dashboardURL` …). */
  raw: Record<string, unknown>;
}

export interface WebhookEnvelope {
  /** `groupKey` when a non-empty string, else null (only where EnvelopeRules allow it). */
  groupKey: string | null;
  status: string | null;
  truncatedAlerts: number;
  groupLabels: Record<string, string>;
  externalURL: string | null;
  /** One per fingerprint, in the order received. */
  alerts: WebhookAlert[];
  raw: Record<string, unknown>;
}

export type EnvelopeResult = { ok: true; envelope: WebhookEnvelope } | { ok: false; errors: FieldError[] };

export function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** A label or annotation when present and not empty (own keys only: `constructor` is not a label). */
export function labelValue(map: Record<string, string>, name: string): string | null {
  const v = Object.hasOwn(map, name) ? map[name] : undefined;
  return v === undefined || v.trim() === '' ? null : v;
}

/** An absolute http(s) URL, else null: only those become links. */
export function httpUrl(v: unknown): string | null {
  return typeof v === 'string' && /^https?:\/\//i.test(v) && URL.canParse(v) ? v : null;
}

/** Links from (href, text) pairs, keeping http(s) URLs and the first of each href. */
export function linksFrom(pairs: ReadonlyArray<readonly [unknown, string]>): EventLink[] {
  const out: EventLink[] = [];
  for (const [href, text] of pairs) {
    const url = httpUrl(href);
    if (url !== null && !out.some((l) => l.href === url)) out.push({ href: url, text });
  }
  return out;
}

function readAlert(raw: unknown, path: string, errors: FieldError[]): WebhookAlert | null {
  if (!isObject(raw)) {
    errors.push({ field: path, message: 'must be an alert object' });
    return null;
  }
  const { status, labels } = raw;
  let ok = true;
  if (status !== 'firing' && status !== 'resolved') {
    errors.push({ field: `${path}.status`, message: 'must be "firing" or "resolved"' });
    ok = false;
  }
  if (!isObject(labels)) {
    errors.push({ field: `${path}.labels`, message: 'must be an object of string labels' });
    ok = false;
  }
  if (!ok) return null;
  const labelMap = stringMap(labels);
  return {
    status: status as WebhookAlert['status'],
    fingerprint: isFingerprint(raw.fingerprint) ? raw.fingerprint : labelsFingerprint(labelMap),
    labels: labelMap,
    annotations: stringMap(raw.annotations),
    startsAt: stringOrNull(raw.startsAt),
    endsAt: stringOrNull(raw.endsAt),
    generatorURL: stringOrNull(raw.generatorURL),
    raw,
  };
}

export interface EnvelopeRules {
  /** The version this endpoint's sender always sends. */
  version: string;
  /** What to do when another arrives (usually: the payload went to the wrong integration). */
  versionHint: string;
  /** Whether a missing or empty `groupKey` is an error (Grafana may omit it). */
  groupKeyRequired: boolean;
}

export function readEnvelope(body: unknown, rules: EnvelopeRules): EnvelopeResult {
  if (!isObject(body)) return { ok: false, errors: [{ field: 'body', message: 'must be a JSON object' }] };
  const errors: FieldError[] = [];
  if (body.version !== rules.version) {
    errors.push({ field: 'version', message: `must be "${rules.version}"; ${rules.versionHint}` });
  }
  const { groupKey } = body;
  if (groupKey !== undefined && typeof groupKey !== 'string') {
    errors.push({ field: 'groupKey', message: 'must be a string' });
  } else if (rules.groupKeyRequired && (groupKey === undefined || groupKey === '')) {
    errors.push({ field: 'groupKey', message: 'must be a non-empty string' });
  }
  if (!Array.isArray(body.alerts)) {
    errors.push({ field: 'alerts', message: 'must be an array of alerts' });
    return { ok: false, errors };
  }
  // A notification never lists one fingerprint twice (it is the alert's identity in the group). If a
  // sender does, the last one wins, as for a repeated JSON key: one snapshot gives one state per alert.
  const byFingerprint = new Map<string, WebhookAlert>();
  body.alerts.forEach((raw: unknown, i) => {
    const alertErrors: FieldError[] = [];
    const alert = readAlert(raw, `alerts.${i}`, alertErrors);
    if (errors.length < MAX_ERRORS) errors.push(...alertErrors.slice(0, MAX_ERRORS - errors.length));
    if (alert === null) return;
    byFingerprint.delete(alert.fingerprint);
    byFingerprint.set(alert.fingerprint, alert);
  });
  if (errors.length > 0) return { ok: false, errors };
  const truncated = body.truncatedAlerts;
  return {
    ok: true,
    envelope: {
      groupKey: typeof groupKey === 'string' && groupKey !== '' ? groupKey : null,
      status: stringOrNull(body.status),
      truncatedAlerts: typeof truncated === 'number' && Number.isSafeInteger(truncated) && truncated > 0 ? truncated : 0,
      groupLabels: stringMap(body.groupLabels),
      externalURL: stringOrNull(body.externalURL),
      alerts: [...byFingerprint.values()],
      raw: body,
    },
  };
}

/**
 * The group's state as this notification tells it. It fires when a listed alert fires, or when the
 * sender dropped alerts (`max_alerts`) and does not say the group resolved: the sender's own
 * top-level `status` counts the dropped alerts too, ours cannot.
 */
export function groupSnapshot(key: string, envelope: WebhookEnvelope): GroupSnapshot {
  const listedFiring = envelope.alerts.some((a) => a.status === 'firing');
  const droppedFiring = envelope.truncatedAlerts > 0 && envelope.status !== 'resolved';
  return {
    key,
    members: envelope.alerts.map((a) => a.fingerprint),
    status: listedFiring || droppedFiring ? 'firing' : 'resolved',
    truncated: envelope.truncatedAlerts,
  };
}
