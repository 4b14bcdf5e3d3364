import { z } from 'zod';
import { ALERT_SEVERITIES } from '../domain/ingest/types.js';
import { SEVERITIES } from '../domain/incident/types.js';

const Minutes = (what: string) =>
  z
    .number()
    .int()
    .min(1, `${what} must be between 1 and 10080 minutes (a week)`)
    .max(10_080, `${what} must be between 1 and 10080 minutes (a week)`);

/** A field of an alert event: summary, source, severity, component, group, class, labels.<name>, details.<path>. */
export const EventField = z
  .string()
  .regex(/^(summary|source|severity|component|group|class|dedupKey|labels\.[^\s]{1,200}|details\.[^\s]{1,200})$/, 'must be summary, source, severity, component, group, class, dedupKey, labels.<name> or details.<path>');

const Grouping = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('none').describe('One incident per alert (PagerDuty default)') }),
  z.strictObject({ mode: z.literal('time_window'), windowMinutes: Minutes('windowMinutes').describe('Join the open incident created in the last N minutes') }),
  z.strictObject({
    mode: z.literal('content'),
    fields: z.array(EventField).min(1, 'fields: choose at least one field').max(10),
    windowMinutes: Minutes('windowMinutes').nullable().default(null).describe('Only join incidents created in the last N minutes; null: any open incident'),
  }),
]);

const SeverityMap = z.strictObject(Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, z.enum(SEVERITIES).optional()])) as Record<(typeof ALERT_SEVERITIES)[number], z.ZodOptional<z.ZodEnum<{ [k in (typeof SEVERITIES)[number]]: k }>>>);
const Urgency = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const UrgencyMap = z.strictObject(Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, Urgency.optional()])) as Record<(typeof ALERT_SEVERITIES)[number], z.ZodOptional<typeof Urgency>>);

export const IngestSettings = z
  .strictObject({
    grouping: Grouping.default({ mode: 'none' }),
    threshold: z
      .strictObject({
        count: z.number().int().min(2, 'threshold.count must be between 2 and 1000').max(1000, 'threshold.count must be between 2 and 1000'),
        windowMinutes: Minutes('threshold.windowMinutes'),
      })
      .nullable()
      .default(null)
      .describe('Open an incident only once K matching alerts arrived within N minutes; until then alerts are held'),
    flappingWindowMinutes: z
      .number()
      .int()
      .min(0)
      .max(10_080, 'flappingWindowMinutes must be between 0 (off) and 10080')
      .default(0)
      .describe('A new alert within N minutes after its predecessor (same key) resolved reopens that incident; 0 = off'),
    severityMap: SeverityMap.default({}).describe('Alert severity → new incident severity (default critical→SEV2, error→SEV3, warning/info→SEV4)'),
    urgencyMap: UrgencyMap.default({}).describe('Alert severity → incident urgency (default critical→1, error→2, warning/info→3); 1–2 page as high urgency'),
  })
  .meta({ id: 'IngestSettings' });
