import { MAX_SUMMARY } from '../event.js';
import { truncate } from '../shared.js';

/** A string field, trimmed and truncated to `max` characters; null when absent, empty or not a string. */
export function text(value: unknown, max = MAX_SUMMARY): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : truncate(t, max);
}

/**
 * `value` when it is an absolute http(s) URL, else null. Alertmanager sends its own alerts page as
 * `source`; keeping it as the event's backlink (`clientUrl`) gives the same link the PagerDuty path
 * gets from `client_url`.
 */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  return v.length <= 2048 && /^https?:\/\//i.test(v) && URL.canParse(v) ? v : null;
}
