import { z } from 'zod';
import { Id, Instant, Limit } from './common.js';

export const ALERT_STATUSES = ['triggered', 'acknowledged', 'resolved', 'suppressed'] as const;
export const ALERT_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;

export const Alert = z
  .object({
    id: Id,
    serviceId: Id,
    integrationId: Id.nullable(),
    dedupKey: z.string(),
    status: z.enum(ALERT_STATUSES),
    summary: z.string(),
    severity: z.enum(ALERT_SEVERITIES),
    source: z.string().nullable(),
    eventCount: z.number().int(),
    incidentId: Id.nullable(),
    firstSeenAt: Instant,
    lastSeenAt: Instant,
    resolvedAt: Instant.nullable(),
    reason: z.record(z.string(), z.unknown()).describe('Why the alert was grouped, suppressed or routed (rule id, window, matched fields)'),
    details: z.record(z.string(), z.unknown()).describe('Custom details from the events'),
  })
  .meta({ id: 'Alert' });

export const ListAlertsQuery = z.strictObject({
  serviceId: Id.optional(),
  integrationId: Id.optional(),
  status: z.string().max(200).optional().describe(`One status or a comma-separated list of ${ALERT_STATUSES.join(', ')}; open means triggered,acknowledged`),
  cursor: z.string().max(500).optional(),
  limit: Limit,
});

export const IncidentAlertsQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: Limit,
});

export const AlertEventsQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: Limit,
});

export const AlertEvent = z
  .object({
    id: Id,
    alertId: Id.nullable(),
    action: z.enum(['trigger', 'acknowledge', 'resolve']),
    outcome: z.string().describe('created, appended, unchanged, acknowledged, resolved, ignored, dropped, suppressed or held'),
    reason: z.record(z.string(), z.unknown()).describe('Why: matched rules, grouping, suppression, or why it was ignored'),
    event: z.record(z.string(), z.unknown()).describe('The event as received, normalised (summary, severity, labels, details, links …)'),
    occurredAt: Instant,
    receivedAt: Instant,
  })
  .meta({ id: 'AlertEvent' });
