import { z } from 'zod';
import { Id, Instant, Limit } from './common.js';

const Link = z.strictObject({
  href: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
  text: z.string().max(500).optional(),
});

export const Change = z
  .object({
    id: Id,
    serviceId: Id,
    integrationId: Id.nullable(),
    summary: z.string(),
    source: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    links: z.array(z.object({ href: z.string(), text: z.string().optional() })),
    occurredAt: Instant,
    receivedAt: Instant,
  })
  .meta({ id: 'Change' });

export const CreateChangeBody = z
  .strictObject({
    serviceId: Id,
    summary: z.string().trim().min(1, 'summary is required').max(1024),
    source: z.string().max(500).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    links: z.array(Link).max(20).optional(),
    occurredAt: Instant.optional().describe('When the change happened; now when absent'),
  })
  .meta({ id: 'CreateChange' });

export const ListChangesQuery = z.strictObject({
  serviceId: Id.optional(),
  since: Instant.optional(),
  until: Instant.optional(),
  cursor: z.string().max(500).optional(),
  limit: Limit,
});

export const IncidentChangesQuery = z.strictObject({
  hours: z.coerce.number().int().min(1, 'hours runs 1 to 168').max(168, 'hours runs 1 to 168').default(24).describe('How far before the incident started to look'),
});
