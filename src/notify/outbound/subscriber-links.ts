/**
 * The confirm and unsubscribe links of a status-page subscriber:
 *
 *   <page url>/subscribers/<id>/confirm?token=<t>        t = HMAC-SHA256(HIKESHI_SECRET, "confirm" ‖ id)
 *   <page url>/subscribers/<id>/unsubscribe?token=<t>    t = HMAC-SHA256(HIKESHI_SECRET, "unsubscribe" ‖ id)
 *
 * Nothing is stored: every instance computes the same token from the shared secret, a token names
 * one purpose and one subscriber (a confirm token cannot unsubscribe, nor serve another subscriber),
 * and rotating HIKESHI_SECRET revokes every open link. The links do not expire: an unsubscribe link
 * in a year-old e-mail must still work (RFC 8058 one-click, CAN-SPAM).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SubscriberLinkPurpose = 'confirm' | 'unsubscribe';

export function subscriberToken(secret: string, purpose: SubscriberLinkPurpose, subscriberId: string): string {
  return createHmac('sha256', secret).update(`hikeshi/status-subscriber/v1\u001f${purpose}\u001f${subscriberId}`).digest('base64url');
}

/** Whether `token` is this subscriber's token for `purpose`, compared in constant time. */
export function subscriberTokenValid(secret: string, purpose: SubscriberLinkPurpose, subscriberId: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return false;
  const expected = Buffer.from(subscriberToken(secret, purpose, subscriberId), 'utf8');
  const given = Buffer.from(token, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The absolute link under the page's URL (its custom domain when it has one, edge case 48). */
export function subscriberLink(pageUrl: string, secret: string, purpose: SubscriberLinkPurpose, subscriberId: string): string {
  const base = pageUrl.replace(/\/+$/, '');
  return `${base}/subscribers/${encodeURIComponent(subscriberId)}/${purpose}?token=${subscriberToken(secret, purpose, subscriberId)}`;
}
