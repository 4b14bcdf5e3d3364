import { z } from 'zod';
import { ALERT_SEVERITIES, EVENT_ACTIONS, MAX_DEDUP_KEY, MAX_SUMMARY } from '../event.js';
import { isObject } from '../shared.js';

/**
 * Hikeshi's own event JSON, `POST /api/v1/integrations/{key}/events` (SPEC §3): the normalised event
 * in camelCase, so nothing is lost in translation.
 *
 * Discriminator: `type`, optional. Absent or `"alert"` is an alert event (trigger / acknowledge /
 * resolve, chosen by `action`, default `trigger`); `"change"` is a change event (a deploy, a config
 * push). Alert events are by far the common case, so the plain `{ "summary": "…" }` stays valid.
 * `action` is not the discriminator because a change event has no action.
 *
 * Every object is strict: an unknown key is an error naming it (a misspelt `dedup_key` must not be
 * silently ignored and create one alert per event). Rules that depend on `action` are refinements:
 * a trigger needs a `summary`; acknowledge and resolve need a `dedupKey` (they act on an open alert).
 */

const isObjectValue = (p: { value: unknown }) => isObject(p.value);
const Text = z.string();
const NonBlank = z.string().regex(/\S/, 'must not be blank');

/** ≤ 255 characters counted as code points, as for PagerDuty's `dedup_key`. */
const DedupKey = z
  .string()
  .min(1)
  .refine((s) => [...s].length <= MAX_DEDUP_KEY, `is too long (at most ${MAX_DEDUP_KEY} characters)`)
  .meta({ maxLength: MAX_DEDUP_KEY, description: 'Deduplication key within the service; generated and returned when a trigger has none' });

const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const Link = z.strictObject({ href: HttpUrl, text: Text.optional() });

const Details = z.record(z.string(), z.unknown()).describe('Free-form details, kept as received');

const OccurredAt = z.iso
  .datetime({ offset: true, error: 'must be an ISO-8601 instant such as 2026-11-22T09:00:00Z' })
  .describe('When it happened; the receive time when absent');

const Summary = NonBlank.describe(`Title; longer than ${MAX_SUMMARY} characters is truncated with "…"`);

export const GenericAlertBody = z
  .strictObject({
    type: z.literal('alert').optional(),
    action: z.enum(EVENT_ACTIONS).default('trigger'),
    dedupKey: DedupKey.optional(),
    summary: Summary.optional().describe('Required for a trigger'),
    source: Text.optional().describe('The affected system: host name, FQDN, job'),
    severity: z.enum(ALERT_SEVERITIES).default('warning'),
    component: Text.optional(),
    group: Text.optional(),
    class: Text.optional(),
    labels: z.record(z.string(), z.string()).optional(),
    details: Details.optional(),
    links: z.array(Link).optional(),
    occurredAt: OccurredAt.optional(),
    client: Text.optional().describe('Name of the sending tool'),
    clientUrl: HttpUrl.optional().describe('Backlink to the sending tool'),
  })
  // `when`: also when other fields failed, so one round trip reports every problem.
  .refine((e) => e.action !== 'trigger' || e.summary !== undefined, { path: ['summary'], message: 'is required for a trigger', when: isObjectValue })
  .refine((e) => e.action === 'trigger' || e.dedupKey !== undefined, {
    path: ['dedupKey'],
    message: 'is required to acknowledge or resolve',
    when: (p) => isObjectValue(p) && ['acknowledge', 'resolve'].includes((p.value as { action?: unknown }).action as string),
  })
  .meta({ id: 'GenericAlertEvent' });

export const GenericChangeBody = z
  .strictObject({
    type: z.literal('change'),
    summary: Summary,
    source: Text.optional(),
    details: Details.optional(),
    links: z.array(Link).optional(),
    occurredAt: OccurredAt.optional(),
  })
  .meta({ id: 'GenericChangeEvent' });

/** The request body of the generic events endpoint. */
export const GenericEventBody = z
  .discriminatedUnion('type', [GenericAlertBody, GenericChangeBody])
  .meta({ id: 'GenericEvent', description: 'An alert event (type absent or "alert") or a change event (type "change")' });

export type GenericEventBody = z.output<typeof GenericEventBody>;
