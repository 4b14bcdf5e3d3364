import { type AlertSeverity, MAX_SUMMARY } from './event.js';

/** Truncate to `max` characters (code points), ending with "…", as Alertmanager does for PagerDuty. */
export function truncate(text: string, max = MAX_SUMMARY): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Lenient instant parsing for what monitoring tools send: RFC 3339 with or without fractional seconds
 * (nanoseconds too), `+0000` offsets without a colon (PagerDuty's own example), `Z`. Returns ISO-8601
 * UTC (milliseconds), or null when it is not an instant or is Go's zero time `0001-01-01T00:00:00Z`.
 */
export function parseInstant(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  let s = value.trim();
  if (/^0001-01-01T00:00:00(\.0+)?Z$/.test(s)) return null;
  s = s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'); // +0000 → +00:00
  s = s.replace(/(\.\d{3})\d+/, '$1'); // nanoseconds → milliseconds
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) || t < MIN_INSTANT || t > MAX_INSTANT ? null : new Date(t).toISOString();
}

/** Years 0001–9999 in UTC: what ISO-8601 text (and both databases) hold without an expanded year. */
export const MIN_INSTANT = new Date('0001-01-01T00:00:00Z').getTime();
export const MAX_INSTANT = new Date('9999-12-31T23:59:59.999Z').getTime();

/** Map free-text severities (Prometheus `severity` labels, Opsgenie priorities …) to ours. */
export function severityFromText(value: unknown, fallback: AlertSeverity = 'warning'): AlertSeverity {
  if (typeof value !== 'string') return fallback;
  const v = value.trim().toLowerCase();
  if (['critical', 'crit', 'fatal', 'emergency', 'emerg', 'alert', 'page', 'p1', 'disaster', 'high'].includes(v)) return 'critical';
  if (['error', 'err', 'major', 'p2', 'average'].includes(v)) return 'error';
  if (['warning', 'warn', 'minor', 'p3', 'medium'].includes(v)) return 'warning';
  if (['info', 'information', 'informational', 'notice', 'low', 'p4', 'p5', 'none', 'ok', 'debug'].includes(v)) return 'info';
  return fallback;
}

/** A plain JSON object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keep only string values of a label map (senders must send strings; anything else is dropped). */
export function stringMap(v: unknown): Record<string, string> {
  if (!isObject(v)) return {};
  // Object.fromEntries defines own properties, so a label named `__proto__` is kept as a label
  // instead of silently setting the prototype (and changing the computed fingerprint).
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
