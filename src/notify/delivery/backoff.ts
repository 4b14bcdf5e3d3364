/**
 * When to try again after a transient or unknown outcome. Exponential with equal jitter (half fixed,
 * half random, so a burst of failures does not come back as a burst), and never earlier than the
 * receiver's Retry-After. A page is urgent: the first retries come within seconds.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last, the notification fails. */
  maxAttempts: number;
  /** Delay before the 2nd attempt (before jitter). */
  baseMs: number;
  /** Longest delay between attempts (before jitter). */
  capMs: number;
  /** Longest Retry-After we wait for; a longer one is cut to this. */
  maxRetryAfterMs: number;
  /** How long an attempt holds the notification (longer than any send can take). */
  leaseMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 10,
  baseMs: 5_000,
  capMs: 10 * 60_000,
  maxRetryAfterMs: 6 * 60 * 60_000,
  leaseMs: 2 * 60_000,
};

/**
 * Delay after failed attempt number `attempt` (1-based). `random` in [0, 1) is injectable so tests can
 * pin it. Without Retry-After: base·2^(attempt−1) capped, then uniformly in [½, 1] of that (5 s →
 * 2.5–5 s, 10 s → 5–10 s, …, 10 min → 5–10 min). With Retry-After: that long plus up to 10 % (at most
 * 1 s) of jitter, never less.
 */
export function retryDelayMs(attempt: number, random: () => number, retryAfterMs: number | undefined, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  if (retryAfterMs !== undefined) {
    const wait = Math.min(Math.max(0, retryAfterMs), policy.maxRetryAfterMs);
    return Math.round(wait + random() * Math.min(1_000, wait * 0.1));
  }
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
