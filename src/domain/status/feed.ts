/**
 * Atom 1.0 and RSS 2.0 feeds of a page's incident history (SPEC §3 `feed.atom`, `feed.rss`).
 *
 * - One entry per incident or maintenance, the most recently updated first (at most `limit`, 50 by
 *   default). An entry's content is HTML listing its updates newest first: the time in the page's
 *   zone with the zone named, the status (in the page's language), the message as plain text.
 * - The HTML is built from escaped text and then escaped again as the element's text (Atom
 *   `type="html"`, RSS `description`), never wrapped in CDATA: a message holding `<script>` or `]]>`
 *   reaches a reader as text (xml.ts).
 * - Links and ids use the page's public URL (its custom domain when it has one, edge case 48): an
 *   entry's id and link are `<page url>/incidents/<id>`, the JSON API's `shortlink`.
 * - Atom times are RFC 3339 UTC; RSS times are RFC 822 (`Sun, 08 Mar 2026 07:30:00 GMT`).
 */
import { zonedTime } from './page-time.js';
import type { UpdateStatus } from './types.js';
import { element, emptyElement, escapeXml } from './xml.js';

export type FeedLanguage = 'en' | 'ja';

export interface FeedPage {
  name: string;
  /** Public URL of the page; a trailing slash is ignored. */
  url: string;
  /** The feed's own URL (`rel="self"`). */
  feedUrl: string;
  language: FeedLanguage;
  timeZone: string;
  /** When the page last changed: the feed's time when it has no entries. */
  updatedAt: string;
}

export interface FeedEntry {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  updates: readonly { status: UpdateStatus; body: string; displayAt: string }[];
}

export const FEED_LIMIT = 50;

export const STATUS_LABELS: Record<FeedLanguage, Record<UpdateStatus, string>> = {
  en: {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    resolved: 'Resolved',
    postmortem: 'Postmortem',
    scheduled: 'Scheduled',
    in_progress: 'In progress',
    verifying: 'Verifying',
    completed: 'Completed',
  },
  ja: {
    investigating: '調査中',
    identified: '原因特定',
    monitoring: '経過観察中',
    resolved: '解決済み',
    postmortem: '事後分析',
    scheduled: '予定',
    in_progress: '実施中',
    verifying: '検証中',
    completed: '完了',
  },
};

const TITLES: Record<FeedLanguage, (name: string) => string> = {
  en: (name) => `${name} status history`,
  ja: (name) => `${name} 稼働状況の履歴`,
};

const ms = (s: string) => {
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO-8601 instant: ${s}`);
  return t;
};
const rfc3339 = (t: number) => new Date(t).toISOString();
const rfc822 = (t: number) => new Date(t).toUTCString();
const base = (page: FeedPage) => page.url.replace(/\/+$/, '');
const entryUrl = (page: FeedPage, id: string) => `${base(page)}/incidents/${encodeURIComponent(id)}`;

/** The latest of the entry's own time and its updates' times. */
const entryUpdated = (e: FeedEntry) => Math.max(ms(e.updatedAt), ...e.updates.map((u) => ms(u.displayAt)));

/** Entries most recently updated first (then by id), at most `limit`. */
function recent(entries: readonly FeedEntry[], limit: number): { entry: FeedEntry; updated: number }[] {
  return entries
    .map((entry) => ({ entry, updated: entryUpdated(entry) }))
    .sort((a, b) => b.updated - a.updated || (a.entry.id < b.entry.id ? 1 : a.entry.id > b.entry.id ? -1 : 0))
    .slice(0, limit);
}

/** An entry's content as HTML, built from escaped text (`element` escapes it once more as XML text). */
export function entryHtml(page: FeedPage, entry: FeedEntry): string {
  return [...entry.updates]
    .sort((a, b) => ms(b.displayAt) - ms(a.displayAt))
    .map((u) => {
      const z = zonedTime(u.displayAt, page.timeZone);
      const when = `${z.date} ${z.time} ${z.zone} (UTC${z.offset})`;
      const body = escapeXml(u.body).replace(/\r\n|\r|\n/g, '<br>');
      return `<p><small>${escapeXml(when)}</small><br><strong>${escapeXml(STATUS_LABELS[page.language][u.status])}</strong> - ${body}</p>`;
    })
    .join('');
}

const feedUpdated = (page: FeedPage, items: { updated: number }[]) => Math.max(ms(page.updatedAt), ...items.map((i) => i.updated));

/** The page's history as an Atom 1.0 document. */
export function atomFeed(page: FeedPage, entries: readonly FeedEntry[], limit = FEED_LIMIT): string {
  const items = recent(entries, limit);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${page.language}">`,
    element('id', base(page)),
    element('title', TITLES[page.language](page.name)),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: base(page) }),
    emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: page.feedUrl }),
    element('updated', rfc3339(feedUpdated(page, items))),
    `<author>${element('name', page.name)}</author>`,
    ...items.map(({ entry, updated }) =>
      [
        '<entry>',
        element('id', entryUrl(page, entry.id)),
        element('title', entry.name),
        emptyElement('link', { rel: 'alternate', type: 'text/html', href: entryUrl(page, entry.id) }),
        element('published', rfc3339(ms(entry.createdAt))),
        element('updated', rfc3339(updated)),
        element('content', entryHtml(page, entry), { type: 'html' }),
        '</entry>',
      ].join(''),
    ),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

/** The page's history as an RSS 2.0 document. */
export function rssFeed(page: FeedPage, entries: readonly FeedEntry[], limit = FEED_LIMIT): string {
  const items = recent(entries, limit);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    element('title', TITLES[page.language](page.name)),
    element('link', base(page)),
    element('description', TITLES[page.language](page.name)),
    element('language', page.language),
    element('lastBuildDate', rfc822(feedUpdated(page, items))),
    emptyElement('atom:link', { href: page.feedUrl, rel: 'self', type: 'application/rss+xml' }),
    ...items.map(({ entry }) =>
      [
        '<item>',
        element('title', entry.name),
        element('link', entryUrl(page, entry.id)),
        element('guid', entryUrl(page, entry.id), { isPermaLink: 'true' }),
        element('pubDate', rfc822(ms(entry.createdAt))),
        element('description', entryHtml(page, entry)),
        '</item>',
      ].join(''),
    ),
    '</channel>',
    '</rss>',
  ];
  return `${lines.join('\n')}\n`;
}
