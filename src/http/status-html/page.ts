/**
 * `GET /status/{slug}` (and `/` on a custom domain): the status page as one HTML document, built in
 * one pass from a PublicPageView, in the page's language, working without JavaScript (SPEC §4.5).
 *
 * Top to bottom: name and description, the overall banner, incidents in progress, scheduled
 * maintenance running or coming (next to the incidents, not instead of them), the components with
 * their 90-day bars, the last 14 days of past incidents, then feeds, the JSON API and the
 * subscription form. Every text from data is escaped; links are built from the route's base path,
 * encoded (document.ts).
 */
import { isMaintenanceActive } from '../../domain/status/types.js';
import { escapeHtml } from '../../notify/render/html.js';
import type { PublicPageView } from '../../services/status-page/public-view.js';
import { bannerHtml } from './banner.js';
import { componentsHtml } from './components.js';
import { hrefOf, renderDocument } from './document.js';
import { type EventContext, incidentHtml, isOpen, maintenanceHtml } from './events.js';
import { footerHtml } from './footer.js';
import { timeHtml } from './format.js';
import { historyHtml } from './history.js';
import { stringsFor } from './strings.js';

export interface RenderStatusPageOptions {
  /** For internal pages: the CSRF token the subscription form sends back as `csrf`. */
  csrfToken?: string;
}

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);

export function renderStatusPage(view: PublicPageView, opts: RenderStatusPageOptions = {}): string {
  const language = view.page.language === 'ja' ? 'ja' : 'en';
  const s = stringsFor(language);
  const timeZone = view.page.timeZone;
  const { model } = view;
  const ctx: EventContext = { s, language, timeZone, componentNames: new Map(model.components.map((c) => [c.id, c.name])) };

  const open = model.incidents.filter(isOpen).sort((a, b) => byTime(b.startedAt, a.startedAt));
  const running = model.maintenances.filter((m) => isMaintenanceActive(m.status)).sort((a, b) => byTime(a.scheduledFor, b.scheduledFor));
  const upcoming = model.maintenances.filter((m) => m.status === 'scheduled').sort((a, b) => byTime(a.scheduledFor, b.scheduledFor));

  const header =
    `<header class="top"><div class="title"><h1>${escapeHtml(view.page.name)}</h1>` +
    (view.page.visibility === 'internal' ? `<span class="badge">${escapeHtml(s.internalBadge)}</span>` : '') +
    `</div>` +
    (view.page.description ? `<p class="description">${escapeHtml(view.page.description)}</p>` : '') +
    bannerHtml({ indicator: view.status.indicator, openIncidents: open.length, maintenanceRunning: running.length > 0 }, s, timeHtml(view.now, timeZone, language)) +
    `</header>`;

  const section = (id: string, title: string, content: string) =>
    content ? `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(title)}</h2>${content}</section>` : '';

  const components = componentsHtml({ s, language, uptime: view.uptime }, model.components);
  const main =
    `<main>` +
    section('active-incidents', s.activeIncidents, open.map((i) => incidentHtml(ctx, i, 'h3')).join('')) +
    section('maintenance', s.maintenance, [...running, ...upcoming].map((m) => maintenanceHtml(ctx, m, 'h3')).join('')) +
    section('components', s.components, components) +
    section('past-incidents', s.pastIncidents, historyHtml(ctx, view.now, model.incidents, model.maintenances)) +
    `<p class="fine">${s.timesShownIn(escapeHtml(timeZone))}</p>` +
    `</main>`;

  const title = s.documentTitle(view.page.name);
  const head =
    `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(`${title} (Atom)`)}" href="${hrefOf(view.basePath, '/feed.atom')}">\n` +
    `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(`${title} (RSS)`)}" href="${hrefOf(view.basePath, '/feed.rss')}">\n`;

  return renderDocument({
    language,
    title,
    noindex: view.page.visibility === 'internal',
    head,
    body: header + main + footerHtml(view, s, opts.csrfToken),
  });
}
