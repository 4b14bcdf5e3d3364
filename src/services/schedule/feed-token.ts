import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Calendar apps cannot send a bearer token, so a feed URL carries its own: an HMAC of
 * "ical:<kind>:<id>" with HIKESHI_SECRET (like the CSRF token in services/auth/session.ts). Stateless
 * and shared by every instance; rotating the secret revokes every feed URL.
 */
export type FeedKind = 'schedule' | 'user';

export function feedToken(secret: string, kind: FeedKind, id: string): string {
  return createHmac('sha256', secret).update(`ical:${kind}:${id}`).digest('base64url');
}

export function feedTokenValid(secret: string, kind: FeedKind, id: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(feedToken(secret, kind, id));
  const got = Buffer.from(presented);
  return expected.length === got.length && timingSafeEqual(expected, got);
}

export function feedUrl(publicUrl: string, kind: FeedKind, id: string, secret: string): string {
  const path = kind === 'schedule' ? `/api/v1/schedules/${id}/feed.ics` : `/api/v1/users/${id}/oncall.ics`;
  return `${publicUrl.replace(/\/+$/, '')}${path}?token=${feedToken(secret, kind, id)}`;
}
