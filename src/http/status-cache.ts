/**
 * A few seconds of memory for public status-page answers. An incident is exactly when a page gets
 * read by everybody at once; without this, every reader would make the server load and judge the
 * whole page again. An entry is keyed by what the answer depends on — page, document, base path and
 * the page's `updated_at`, which every posted update and component change moves — and the routes that
 * change pages, components, updates or maintenance windows empty it, so a change made through this
 * instance shows at once; what only time changes (a maintenance starting), a change of a posted
 * incident's severity, or another instance's change shows within TTL_MS. Internal pages are never cached (their HTML carries the
 * reader's CSRF value).
 */
import { gzipSync } from 'node:zlib';
import type { Clock } from '../platform/clock.js';

export const TTL_MS = 5_000;
const MAX_ENTRIES = 500;

/** An answer's body, and its gzip form made once, when a reader first accepts it. */
export class Body {
  private gz: Buffer | null = null;
  constructor(readonly text: string) {}
  gzip(): Buffer {
    this.gz ??= gzipSync(this.text);
    return this.gz;
  }
}

export class StatusCache {
  private entries = new Map<string, { at: number; body: Body }>();

  constructor(private readonly clock: Clock) {}

  async get(key: string, make: () => Promise<string>): Promise<Body> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.at >= 0 && now - hit.at < TTL_MS) return hit.body;
    const body = new Body(await make());
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { at: now, body });
    return body;
  }

  /** Forget everything (a page, component, update or maintenance window changed here). */
  clear(): void {
    this.entries.clear();
  }
}
