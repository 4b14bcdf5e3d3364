/**
 * Login throttling (SPEC §4.9, ASVS 2.2.1): failed attempts in a sliding window, counted per
 * (e-mail, client address) and per client address. There is deliberately no global per-account
 * lock: an attacker elsewhere must not be able to lock the real person out.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_PAIR_LIMIT = 10;
export const LOGIN_IP_LIMIT = 50;

export interface FailureHistory {
  /** Instants (ms) of failed attempts for this e-mail from this address, within the window. */
  pair: number[];
  /** Instants (ms) of failed attempts from this address, within the window. */
  ip: number[];
}

/** Seconds until enough failures leave the window for one more attempt to fit under `limit`. */
function waitFor(failures: number[], limit: number, now: number): number {
  if (failures.length < limit) return 0;
  const sorted = [...failures].sort((a, b) => a - b);
  const freeing = sorted[failures.length - limit]!; // this one must expire to leave room
  return Math.max(1, Math.ceil((freeing + LOGIN_WINDOW_MS - now) / 1000));
}

/** How long the caller must wait before trying again, in seconds; 0 when an attempt is allowed. */
export function loginRetryAfter(history: FailureHistory, now: number): number {
  return Math.max(waitFor(history.pair, LOGIN_PAIR_LIMIT, now), waitFor(history.ip, LOGIN_IP_LIMIT, now));
}
