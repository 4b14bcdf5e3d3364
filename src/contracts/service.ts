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
    escalationPolicyId: z.string().min(1).max(100).optional(),
  })
  .meta({ id: 'CreateService' });

export const UpdateServiceBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5000).optional(),
    teamId: Id.nullable().optional(),
    tier: z.number().int().min(1).max(4).optional(),
    escalationPolicyId: z.string().min(1).max(100).nullable().optional(),
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
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Integration' });

export const CreateIntegrationBody = z
  .strictObject({ type: IntegrationType, name: z.string().trim().min(1, 'name is required').max(200) })
  .meta({ id: 'CreateIntegration' });

export const IntegrationParams = z.strictObject({ id: Id, integrationId: Id });
