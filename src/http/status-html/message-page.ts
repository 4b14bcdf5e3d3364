/**
 * Small pages in the status page's look: a page that does not exist, and one-message results
 * ("check your inbox", "you are unsubscribed") for the subscription routes. Same document, same
 * rules: no script, no external asset, every text escaped, kept out of search engines.
 */
import { escapeHtml } from '../../notify/render/html.js';
import { renderDocument } from './document.js';
import { type PageLanguage, stringsFor } from './strings.js';

export interface MessagePageInput {
  language: PageLanguage | string;
  title: string;
  message: string;
  /** The status page's name, shown above the title. */
  pageName?: string;
  /** A "back" link: a path on this site (`/status/acme`) or an http(s) URL; anything else is dropped. */
  backHref?: string;
}

/** A link target we put in an `href`: a local path (not `//host`) or an absolute http(s) URL. */
export function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  if (/^\/(?![/\\])/.test(href)) return href;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function renderMessagePage(input: MessagePageInput): string {
  const language: PageLanguage = input.language === 'ja' ? 'ja' : 'en';
  const s = stringsFor(language);
  const back = safeHref(input.backHref);
  const body =
    `<main class="card message">` +
    (input.pageName ? `<p class="badge">${escapeHtml(input.pageName)}</p>` : '') +
    `<h1>${escapeHtml(input.title)}</h1><p>${escapeHtml(input.message)}</p>` +
    (back ? `<p><a href="${escapeHtml(back)}">${escapeHtml(s.back)}</a></p>` : '') +
    `</main>`;
  const title = input.pageName ? `${input.title} — ${input.pageName}` : input.title;
  return renderDocument({ language, title, noindex: true, body });
}

/** 404 for `/status/{slug}` (and a custom domain without a page). */
export function renderStatusNotFound(language: PageLanguage | string): string {
  const s = stringsFor(language);
  return renderMessagePage({ language, title: s.notFoundTitle, message: s.notFoundMessage });
}
