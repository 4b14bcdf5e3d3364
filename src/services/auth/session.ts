import { createHmac, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../../platform/ids.js';
import type { Actor, Executor } from '../context.js';
import { actorForUser } from './authenticate.js';

/** Sessions end 7 days after login, or after 24 hours without use (ASVS 7.3.1/7.3.2). */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_IDLE_MS = 24 * 3600 * 1000;
export const SESSION_COOKIE = 'hikeshi_session';

/** Resolve a session cookie to its actor, sliding the idle timeout; null when absent or expired. */
export async function resolveSession(ex: Executor, cookieValue: string, now: Date): Promise<{ actor: Actor; sessionId: string } | null> {
  const s = await ex.selectFrom('session').selectAll().where('tokenHash', '=', sha256Hex(cookieValue)).executeTakeFirst();
  if (!s) return null;
  const t = now.getTime();
  if (Date.parse(s.expiresAt) <= t || Date.parse(s.lastSeenAt) + SESSION_IDLE_MS <= t) return null;
  const actor = await actorForUser(ex, s.userId);
  if (!actor) return null;
  if (Date.parse(s.lastSeenAt) < t - 60_000) {
    await ex.updateTable('session').set({ lastSeenAt: now.toISOString() }).where('id', '=', s.id).execute();
  }
  return { actor, sessionId: s.id };
}

/** CSRF token bound to the session (HMAC with HIKESHI_SECRET): the web app sends it as `x-csrf-token`. */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

export function csrfTokenValid(secret: string, sessionId: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(secret, sessionId));
  const got = Buffer.from(presented);
  return expected.length === got.length && timingSafeEqual(expected, got);
}
