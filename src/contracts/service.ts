import { z } from 'zod';
import { Id, Instant, Limit } from './common.js';

export const INTEGRATION_TYPES = ['pagerduty', 'alertmanager', 'grafana', 'opsgenie', 'generic', 'email'] as const;
export const IntegrationType = z.enum(INTEGRATION_TYPES);

export const Service = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    teamId: Id.nullable(),
    tier: z.number().int().describe('Business criticality, 1 (most critical) to 4'),
    escalationPolicyId: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Service' });

export const CreateServiceBody = z
  .strictObject({
    name: z.string().trim().min(1, 'name is required').max(200),
    description: z.string().max(5000).optional(),
    teamId: Id.optional().describe('Owner team'),
    tier: z.number().int().min(1, 'tier runs 1 to 4').max(4, 'tier runs 1 to 4').optional(),
    escalationPolicyId: Id.optional().describe('The escalation policy that pages for this service'),
  })
  .meta({ id: 'CreateService' });

export const UpdateServiceBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5000).optional(),
    teamId: Id.nullable().optional(),
    tier: z.number().int().min(1).max(4).optional(),
    escalationPolicyId: Id.nullable().optional().describe('null: page nobody for this service'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateService' });

export const ListServicesQuery = z.strictObject({
  teamId: Id.optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: Limit,
});

export const Integration = z
  .object({
    id: Id,
    serviceId: Id,
    type: IntegrationType,
    name: z.string(),
    key: z.string().describe('The integration key (PagerDuty routing key, Opsgenie GenieKey, URL path segment)'),
    url: z.string().describe('Where the sender posts'),
    heartbeatUrl: z.string().describe('Ping this (GET or POST) to report the sender alive; see heartbeat'),
    rateLimitPerSecond: z.number().int().describe('Events per second accepted from this integration; beyond it 429 with Retry-After'),
    heartbeat: z
      .object({
        enabled: z.boolean(),
        intervalMinutes: z.number().int(),
        state: z.enum(['off', 'waiting', 'up', 'down']).describe('off: not armed; waiting: armed, no ping yet; up; down: a ping is overdue (an alert is open)'),
        lastPingAt: Instant.nullable(),
        dueAt: Instant.nullable().describe('When the next ping is due; a missed one triggers an alert'),
      })
      .nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Integration' });

const RateLimit = z
  .number()
  .int()
  .min(1, 'rateLimitPerSecond must be between 1 and 1000000')
  .max(1_000_000, 'rateLimitPerSecond must be between 1 and 1000000')
  .describe('Events per second (default 2000)');

const HeartbeatSettings = z.strictObject({
  enabled: z.boolean().describe('Only an enabled heartbeat arms: until then pings are recorded and nothing is expected'),
  intervalMinutes: z.number().int().min(1, 'intervalMinutes must be between 1 and 10080 (a week)').max(10_080, 'intervalMinutes must be between 1 and 10080 (a week)'),
});

export const CreateIntegrationBody = z
  .strictObject({
    type: IntegrationType,
    name: z.string().trim().min(1, 'name is required').max(200),
    rateLimitPerSecond: RateLimit.optional(),
    heartbeat: HeartbeatSettings.optional(),
  })
  .meta({ id: 'CreateIntegration' });

export const UpdateIntegrationBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    rateLimitPerSecond: RateLimit.optional(),
    heartbeat: HeartbeatSettings.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UpdateIntegration' });

export const IntegrationParams = z.strictObject({ id: Id, integrationId: Id });
