import { LOGIN_WINDOW_MS, loginRetryAfter } from '../../domain/access/login-throttle.js';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor } from '../context.js';

/** The key failures are counted under: the address as typed, trimmed and lower-cased. */
export function loginEmailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Refuse a login attempt while this (e-mail, address) pair or this address has too many recent
 * failures. Counted in the database, so every instance behind a load balancer agrees.
 */
export async function checkLoginThrottle(ex: Executor, emailKey: string, ip: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  const rows = await ex
    .selectFrom('loginAttempt')
    .select(['emailKey', 'at'])
    .where('ip', '=', ip)
    .where('success', '=', 0)
    .where('at', '>', since)
    .execute();
  const ipFailures = rows.map((r) => Date.parse(r.at));
  const pairFailures = rows.filter((r) => r.emailKey === emailKey).map((r) => Date.parse(r.at));
  const retryAfterSeconds = loginRetryAfter({ pair: pairFailures, ip: ipFailures }, now.getTime());
  if (retryAfterSeconds > 0) {
    throw new DomainError('LIMIT_EXCEEDED', `too many failed logins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, { retryAfterSeconds });
  }
}

/** Record one checked attempt (attempts refused by the throttle are not recorded: no password was tried). */
export async function recordLoginAttempt(ex: Executor, emailKey: string, ip: string, at: string, success: boolean): Promise<void> {
  await ex.insertInto('loginAttempt').values({ id: newId(), emailKey, ip, at, success: success ? 1 : 0 }).execute();
}
