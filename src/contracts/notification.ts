import { z } from 'zod';
import { Id, Instant } from './common.js';

/** A notification sent (or being sent) about an incident, with every delivery attempt (SPEC §4.4). */
export const NotificationView = z
  .object({
    id: Id,
    incidentId: Id.nullable(),
    user: z.object({ id: Id, name: z.string().nullable() }),
    channel: z.string(),
    purpose: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
    attempts: z.array(
      z.object({
        attempt: z.number().int(),
        startedAt: Instant,
        finishedAt: Instant.nullable(),
        outcome: z.string().nullable().describe('delivered | transient | permanent | unknown; null while sending'),
        httpStatus: z.number().int().nullable(),
        error: z.string().nullable(),
        retryAt: Instant.nullable(),
      }),
    ),
    idempotencyKey: z.string().describe('Sent as webhook-id / Message-ID, the same on every attempt'),
    lastError: z.string().nullable(),
    createdAt: Instant,
    deliveredAt: Instant.nullable(),
    nextAttemptAt: Instant.nullable(),
  })
  .meta({ id: 'Notification' });
