/**
 * Signed, expiring links to acknowledge or resolve an incident from a notification (SPEC §4.4).
 *
 * Token: `v1.<payload>.<signature>`
 * - payload   = base64url(JSON `[action, incidentId, userId, expiresAtUnixSeconds]`), action `a` | `r`;
 * - signature = base64url(HMAC-SHA256(key, "v1." + payload)), key = HMAC-SHA256(HIKESHI_SECRET,
 *   "hikeshi/respond-link"), so the link key is independent of other uses of the secret.
 *
 * The MAC covers the payload *as text* and the signature is compared as text (in constant time), so
 * every character counts: base64's spare low bits in a last character cannot be flipped unnoticed.
 * A link says who acts (the recipient) and on what; the confirmation page shows that and the POST
 * performs it (mail scanners follow GET links). Links are bearer tokens: they expire (default 24 h).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkAction = 'acknowledge' | 'resolve';

export interface LinkData {
  incidentId: string;
  userId: string;
  action: LinkAction;
  /** ISO instant, whole seconds. */
  expiresAt: string;
}

export type VerifyResult = { ok: true; link: LinkData } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

const VERSION = 'v1';
const B64URL = /^[A-Za-z0-9_-]+$/;

function linkKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('hikeshi/respond-link').digest();
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', linkKey(secret)).update(`${VERSION}.${payload}`).digest('base64url');
}

export function signLink(data: { incidentId: string; userId: string; action: LinkAction; expiresAt: Date | string }, secret: string): string {
  const exp = Math.floor(new Date(data.expiresAt).getTime() / 1000);
  if (!Number.isFinite(exp)) throw new Error('signLink: expiresAt is not an instant');
  const payload = Buffer.from(JSON.stringify([data.action === 'acknowledge' ? 'a' : 'r', data.incidentId, data.userId, exp]), 'utf8').toString('base64url');
  return `${VERSION}.${payload}.${mac(secret, payload)}`;
}

/** The link's data when the token is intact and not yet expired at `now`, else why not. */
export function verifyLink(token: string, secret: string, now: Date): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: 'malformed' };
  const [, payload, signature] = parts as [string, string, string];
  if (!B64URL.test(payload) || !B64URL.test(signature) || payload.length > 2048) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(secret, payload), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'tampered' };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (
    !Array.isArray(fields) ||
    fields.length !== 4 ||
    (fields[0] !== 'a' && fields[0] !== 'r') ||
    typeof fields[1] !== 'string' ||
    typeof fields[2] !== 'string' ||
    !Number.isSafeInteger(fields[3])
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const expMs = (fields[3] as number) * 1000;
  if (now.getTime() >= expMs) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    link: { action: fields[0] === 'a' ? 'acknowledge' : 'resolve', incidentId: fields[1], userId: fields[2], expiresAt: new Date(expMs).toISOString() },
  };
}

/** Where a token is opened: `${HIKESHI_PUBLIC_URL}/respond/<token>`. */
export function respondUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/respond/${token}`;
}
