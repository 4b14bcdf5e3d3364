import type { EventLink, FieldError } from '../event.js';
import { isObject } from '../shared.js';

/**
 * Field readers for PagerDuty bodies. Required fields push a FieldError (field = the PagerDuty JSON
 * path, message relative to it in PagerDuty's own phrasing: "is missing or blank"); optional fields
 * are read leniently — a wrong type counts as absent, because senders we must accept unchanged
 * (Alertmanager, Grafana, go-pagerduty) never send one and PagerDuty ignores what it does not use.
 */

export const MISSING = 'is missing or blank';

/** Characters as code points, the unit of every PagerDuty limit (and of `truncate`). */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A required string: absent, null or blank → "is missing or blank"; another type → "must be a string". */
export function requiredText(obj: Record<string, unknown>, key: string, field: string, errors: FieldError[]): string | null {
  const v = obj[key];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    errors.push({ field, message: MISSING });
    return null;
  }
  if (typeof v !== 'string') {
    errors.push({ field, message: 'must be a string' });
    return null;
  }
  return v;
}

/** One of a closed set of words, exactly as PagerDuty spells them (no case folding). */
export function requiredWord<T extends string>(
  obj: Record<string, unknown>,
  key: string,
  field: string,
  words: readonly T[],
  errors: FieldError[],
): T | null {
  const v = obj[key];
  if (v === undefined || v === null || v === '') {
    errors.push({ field, message: MISSING });
    return null;
  }
  if (typeof v === 'string' && (words as readonly string[]).includes(v)) return v as T;
  errors.push({ field, message: `is invalid (must be one of ${words.join(', ')})` });
  return null;
}

/** An optional string; wrong types and "" read as null. */
export function optionalText(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * Only http(s) URLs survive: links and client_url end up as hrefs in the web UI and in notifications,
 * where `javascript:` or `data:` would be an injection.
 */
export function httpUrl(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return null;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? v : null;
  } catch {
    return null;
  }
}

/** `custom_details` is free-form JSON: an object is kept as received, any other value is wrapped. */
export function detailsOf(v: unknown): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  return isObject(v) ? v : { details: v };
}

/** `links: [{href, text?}]`; malformed entries (no http(s) href) are dropped, never fatal. */
export function linksOf(v: unknown): EventLink[] {
  if (!Array.isArray(v)) return [];
  const links: EventLink[] = [];
  for (const item of v) {
    if (!isObject(item)) continue;
    const href = httpUrl(item.href);
    if (href === null) continue;
    const text = optionalText(item.text);
    links.push(text === null ? { href } : { href, text });
  }
  return links;
}
