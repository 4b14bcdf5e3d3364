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
    deferral: z
      .object({
        reason: z.enum(['quiet_hours', 'throttled']).describe("quiet_hours: a low-urgency page inside the person's quiet hours; throttled: too many SMS/voice attempts to the number lately"),
        until: Instant.describe('Held back until then (while pending, also nextAttemptAt)'),
      })
      .nullable()
      .describe('Why the notification was held back last, if it was; kept after delivery'),
  })
  .meta({ id: 'Notification' });
