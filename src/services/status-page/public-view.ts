/**
 * What a reader of a status page gets (the HTML page, the JSON API, the feeds): one snapshot of the
 * page at `now`, built by load-page.ts from the store with the rules of domain/status.
 */
import type { PageStatus } from '../../domain/status/page-status.js';
import type { StatusPageModel } from '../../domain/status/statuspage-model.js';
import type { UptimeBars } from '../../domain/status/uptime.js';

export interface PublicPageInfo {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: 'public' | 'internal';
  language: 'ja' | 'en';
  timeZone: string;
  hostname: string | null;
}

export interface PublicPageView {
  page: PublicPageInfo;
  /**
   * Path prefix of the page's own links as the reader reached it: `/status/{slug}`, or `` on its
   * custom domain (then the page is `/`, its JSON `/api/v2/…`, its feeds `/feed.atom`).
   */
  basePath: string;
  /** Absolute URL of the page (HIKESHI_PUBLIC_URL/status/{slug}, or https://{hostname}). */
  url: string;
  now: string;
  /** Components (statuses resolved at `now`), posted incidents with their updates, maintenances shown. */
  model: StatusPageModel;
  /** The rollup: `minor` at least while an incident is unresolved, even with every component green. */
  status: PageStatus;
  /** 90-day bars of each component that is not a group, by component id. */
  uptime: ReadonlyMap<string, UptimeBars>;
  /** Subscribing by e-mail is offered (outgoing e-mail is configured). */
  emailSubscriptions: boolean;
}
