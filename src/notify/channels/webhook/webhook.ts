/**
 * A generic webhook: a JSON POST signed per Standard Webhooks. `webhook-id` is the notification's
 * idempotency key (the same on every attempt, so the receiver can drop a duplicate), the timestamp is
 * this attempt's, and the body is identical on every attempt (its `timestamp` is when the
 * notification was created).
 */
import type { Channel } from '../../channel.js';
import { fromHttp } from '../../channel.js';
import type { RenderedMessage } from '../../render/message.js';
import { webhookSigningSecret } from './secret.js';
import { signWebhook } from './signature.js';

/** The body: `{ type, timestamp, data }` (Standard Webhooks' recommended envelope). */
export function webhookPayload(m: RenderedMessage): { type: string; timestamp: string; data: Record<string, unknown> } {
  const { input } = m;
  const inc = input.incident;
  return {
    type: `notification.${input.purpose}`,
    timestamp: input.createdAt,
    data: {
      notificationId: input.notificationId,
      purpose: input.purpose,
      recipient: { id: input.recipient.id, name: input.recipient.name },
      incident: inc
        ? {
            id: inc.id,
            number: inc.number,
            ref: m.ref,
            title: inc.title,
            status: inc.status,
            severity: inc.severity,
            urgency: inc.urgency,
            priority: inc.priority,
            service: inc.serviceName,
            startedAt: inc.startedAt,
          }
        : null,
      links: {
        incident: input.links.incident,
        acknowledge: input.links.acknowledge,
        resolve: input.links.resolve,
        expiresAt: input.links.expiresAt,
      },
      text: { subject: m.subject, summary: m.summary, locale: m.locale, timeZone: m.timeZone },
    },
  };
}

export const webhookChannel: Channel<'webhook'> = {
  type: 'webhook',
  async send(message, address, ctx) {
    const body = JSON.stringify(webhookPayload(message));
    const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
    const secret = webhookSigningSecret(ctx.config.secret, ctx.contactMethodId);
    const r = await ctx.http({
      url: address,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': ctx.idempotencyKey,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, ctx.idempotencyKey, timestamp, body),
      },
      body,
    });
    return fromHttp(r);
  },
};
