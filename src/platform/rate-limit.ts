import type { Clock } from './clock.js';

/**
 * Token buckets per name (an integration key) plus one global bucket, refilled continuously. A
 * bucket holds one second of its rate, so short bursts pass and a sustained excess is refused.
 * In-process: with several instances each enforces the limit on what it receives.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number; rate: number }>();
  private global: { tokens: number; at: number; rate: number };

  constructor(
    private readonly clock: Clock,
    globalRate: number,
    private readonly defaultRate: number,
  ) {
    this.global = { tokens: globalRate, at: clock.now().getTime(), rate: globalRate };
  }

  /** Take `n` tokens for `name` (at `rate` per second); null when allowed, else seconds to wait. */
  take(name: string, n: number, rate = this.defaultRate): number | null {
    const now = this.clock.now().getTime();
    let b = this.buckets.get(name);
    if (!b) {
      if (this.buckets.size >= 10_000) this.sweep(now);
      b = { tokens: rate, at: now, rate };
      this.buckets.set(name, b);
    }
    if (b.rate !== rate) b.rate = rate;
    refill(b, now);
    refill(this.global, now);
    const wait = Math.max(waitFor(b, n), waitFor(this.global, n));
    if (wait > 0) return Math.max(1, Math.ceil(wait));
    b.tokens -= n;
    this.global.tokens -= n;
    return null;
  }

  /** Drop buckets that are full again (idle names). */
  private sweep(now: number): void {
    for (const [k, b] of this.buckets) {
      refill(b, now);
      if (b.tokens >= b.rate) this.buckets.delete(k);
    }
  }
}

function refill(b: { tokens: number; at: number; rate: number }, now: number): void {
  if (now > b.at) b.tokens = Math.min(b.rate, b.tokens + ((now - b.at) / 1000) * b.rate);
  b.at = now;
}

/** Seconds until `n` tokens are there (a request larger than the bucket waits for a full bucket). */
function waitFor(b: { tokens: number; rate: number }, n: number): number {
  const need = Math.min(n, b.rate);
  return b.tokens >= need ? 0 : (need - b.tokens) / b.rate;
}
