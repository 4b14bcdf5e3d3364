export interface BackoffOptions {
  /** Delay of the first retry before jitter (default 10 s). */
  baseMs?: number;
  /** Ceiling of every delay (default 1 h). */
  maxMs?: number;
  /** Fraction of the delay that jitter may take off, 0…1 (default 0.5). */
  jitter?: number;
  /** Uniform in [0, 1); injectable so tests are exact (default Math.random). */
  random?: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 10_000, maxMs: 3_600_000, jitter: 0.5 } as const;

/**
 * Milliseconds to wait before retry number `attempt` (1 = the first retry), exponential with jitter:
 * `cap = min(maxMs, baseMs · 2^(attempt−1))` less a random share of up to `jitter · cap`, so the delay
 * lies in [cap·(1−jitter), cap]. It never exceeds maxMs, and for one random draw it never shrinks as
 * attempts grow. Jitter spreads the retries of many jobs that failed together (a receiver that was
 * down) instead of sending them back in one burst. Pure.
 */
export function backoff(attempt: number, opts: BackoffOptions = {}): number {
  const base = Math.max(0, opts.baseMs ?? DEFAULT_BACKOFF.baseMs);
  const max = Math.max(0, opts.maxMs ?? DEFAULT_BACKOFF.maxMs);
  const jitter = Math.min(1, Math.max(0, opts.jitter ?? DEFAULT_BACKOFF.jitter));
  const n = Math.max(0, Math.floor(attempt) - 1);
  const cap = Math.min(max, base * 2 ** Math.min(n, 1023)); // 2 ** 1024 is Infinity, and 0 · Infinity NaN
  const r = Math.min(1, Math.max(0, (opts.random ?? Math.random)()));
  return cap * (1 - jitter * r);
}
