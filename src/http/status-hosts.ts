/**
 * Custom domains of status pages (SPEC §3): a request whose Host is bound to a page is served as
 * that page — `/` is `/status/{slug}`, `/api/v2/summary.json` is `/status/{slug}/api/v2/summary.json`,
 * and so on for its feeds and subscriber links. Fastify's `rewriteUrl` runs before routing and is
 * synchronous, so the host → slug map is kept in memory: reloaded after every local change of a page
 * and every 15 s (another instance's change shows within that).
 */
import type { IncomingMessage } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export const HOST_REFRESH_MS = 15_000;

export class StatusHosts {
  private bySlug = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly trustForwardedHost: boolean,
  ) {}

  async refresh(): Promise<void> {
    const rows = await this.db.selectFrom('statusPage').select(['slug', 'hostname']).where('hostname', 'is not', null).execute();
    this.bySlug = new Map(rows.map((r) => [r.hostname!, r.slug]));
  }

  start(): void {
    this.timer ??= setInterval(() => void this.refresh().catch(() => {}), HOST_REFRESH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The slug of the page bound to the request's host, if any. */
  slugFor(req: IncomingMessage): string | undefined {
    if (this.bySlug.size === 0) return undefined;
    const forwarded = this.trustForwardedHost ? req.headers['x-forwarded-host'] : undefined;
    const raw = (typeof forwarded === 'string' ? forwarded.split(',')[0] : req.headers.host) ?? '';
    const host = raw.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
    return this.bySlug.get(host);
  }

  /** For Fastify's rewriteUrl: the page's own path for a bound host, the URL unchanged otherwise. */
  rewrite(req: IncomingMessage): string {
    const url = req.url ?? '/';
    const slug = this.slugFor(req);
    if (!slug) return url;
    const base = `/status/${slug}`;
    if (url === '/' || url.startsWith('/?')) return base + url.slice(1);
    return base + url;
  }
}
