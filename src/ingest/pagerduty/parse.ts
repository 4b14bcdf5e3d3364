import {
  ALERT_SEVERITIES,
  type AlertEvent,
  type ChangeEvent,
  EVENT_ACTIONS,
  type FieldError,
  MAX_DEDUP_KEY,
  type ParseContext,
  type ParseResult,
  plainAlertEvent,
} from '../event.js';
import type { IngestParser } from '../registry.js';
import { isObject, parseInstant, truncate } from '../shared.js';
import { charLength, detailsOf, httpUrl, linksOf, MISSING, optionalText, requiredText, requiredWord } from './fields.js';

/**
 * PagerDuty Events API v2 (interop.md §1): `/v2/enqueue` alert events and `/v2/change/enqueue` change
 * events. Error fields are PagerDuty JSON paths (`routing_key`, `payload.severity`; `body` when the
 * body is not an object). The routing key is required here but its length and existence are the
 * endpoint's business (the official examples use keys that are not 32 characters).
 */

const NOT_AN_OBJECT: FieldError = { field: 'body', message: 'must be a JSON object (an event)' };

/** The integration key, found without a full parse, so the endpoint can authenticate first. */
export function routingKeyOf(body: unknown): string | null {
  if (!isObject(body)) return null;
  return typeof body.routing_key === 'string' && body.routing_key !== '' ? body.routing_key : null;
}

/** `dedup_key`: optional, a string of at most 255 characters; "" counts as absent. */
function dedupKeyOf(body: Record<string, unknown>, errors: FieldError[]): string | null {
  const v = body.dedup_key;
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') errors.push({ field: 'dedup_key', message: 'must be a string' });
  else if (charLength(v) > MAX_DEDUP_KEY) errors.push({ field: 'dedup_key', message: `is too long (at most ${MAX_DEDUP_KEY} characters)` });
  else return v;
  return null;
}

/** `payload` as an object, or an error naming it. */
function payloadOf(body: Record<string, unknown>, errors: FieldError[]): Record<string, unknown> | null {
  const p = body.payload;
  if (isObject(p)) return p;
  errors.push({ field: 'payload', message: p === undefined || p === null ? MISSING : 'must be an object' });
  return null;
}

/** An alert event for `/v2/enqueue`: trigger, acknowledge or resolve. */
export function parsePagerDutyEvent(body: unknown, ctx: ParseContext): ParseResult {
  if (!isObject(body)) return { ok: false, errors: [NOT_AN_OBJECT] };
  const errors: FieldError[] = [];
  requiredText(body, 'routing_key', 'routing_key', errors);
  const action = requiredWord(body, 'event_action', 'event_action', EVENT_ACTIONS, errors);
  const dedupKey = dedupKeyOf(body, errors);
  if (action === 'acknowledge' || action === 'resolve') {
    // PagerDuty acts on an open alert by key, so the key is what these events are. A `payload`
    // (Alertmanager always sends one), `links` and `client` are accepted and ignored.
    if (dedupKey === null && !errors.some((e) => e.field === 'dedup_key')) {
      errors.push({ field: 'dedup_key', message: `${MISSING} (required to ${action})` });
    }
    if (errors.length > 0 || dedupKey === null) return { ok: false, errors };
    return { ok: true, events: [keyOnlyEvent(action, dedupKey, ctx)] };
  }
  if (action !== 'trigger') return { ok: false, errors };
  const payload = payloadOf(body, errors);
  if (payload === null) return { ok: false, errors };
  const summary = requiredText(payload, 'summary', 'payload.summary', errors);
  const source = requiredText(payload, 'source', 'payload.source', errors);
  const severity = requiredWord(payload, 'severity', 'payload.severity', ALERT_SEVERITIES, errors);
  if (errors.length > 0 || summary === null || source === null || severity === null) return { ok: false, errors };
  const event: AlertEvent = {
    kind: 'alert',
    action,
    dedupKey,
    summary: truncate(summary),
    source,
    severity,
    component: optionalText(payload.component),
    group: optionalText(payload.group),
    class: optionalText(payload.class),
    labels: {},
    details: detailsOf(payload.custom_details),
    links: linksOf(body.links),
    occurredAt: parseInstant(payload.timestamp) ?? ctx.receivedAt,
    client: optionalText(body.client),
    clientUrl: httpUrl(body.client_url),
  };
  return { ok: true, events: [event] };
}

/**
 * Acknowledge/resolve carry only the key. The descriptive fields are placeholders the pipeline does
 * not read for these actions (the alert they act on already has them): severity `info` so that a
 * stray reader can never raise urgency.
 */
function keyOnlyEvent(action: 'acknowledge' | 'resolve', dedupKey: string, ctx: ParseContext): AlertEvent {
  return plainAlertEvent({ action, dedupKey, summary: '', occurredAt: ctx.receivedAt });
}

/** A change event for `/v2/change/enqueue`: no event_action, no dedup_key (interop.md §1.5). */
export function parsePagerDutyChange(body: unknown, ctx: ParseContext): ParseResult {
  if (!isObject(body)) return { ok: false, errors: [NOT_AN_OBJECT] };
  const errors: FieldError[] = [];
  requiredText(body, 'routing_key', 'routing_key', errors);
  const payload = payloadOf(body, errors);
  const summary = payload && requiredText(payload, 'summary', 'payload.summary', errors);
  if (errors.length > 0 || !payload || !summary) return { ok: false, errors };
  const event: ChangeEvent = {
    kind: 'change',
    summary: truncate(summary),
    source: optionalText(payload.source),
    details: detailsOf(payload.custom_details),
    links: linksOf(body.links),
    occurredAt: parseInstant(payload.timestamp) ?? ctx.receivedAt,
  };
  return { ok: true, events: [event] };
}

/**
 * PagerDuty's 400 body, as real PagerDuty sends it and Alertmanager logs it (interop.md TV-4). Each
 * error reads `'field' message`, unless the message already names the field in quotes
 * ("Length of 'routing_key' is incorrect (should be 32 characters)"), when it is used as it is.
 */
export function pagerDutyErrorBody(errors: FieldError[]): { status: 'invalid event'; message: 'Event object is invalid'; errors: string[] } {
  return {
    status: 'invalid event',
    message: 'Event object is invalid',
    errors: errors.map((e) => (e.message.includes(`'${e.field}'`) ? e.message : `'${e.field}' ${e.message}`)),
  };
}

export const pagerDutyParser: IngestParser = { format: 'pagerduty', parse: parsePagerDutyEvent };
export const pagerDutyChangeParser: IngestParser = { format: 'pagerduty-change', parse: parsePagerDutyChange };
