/**
 * The page's footer: its feeds and JSON API, and — when outgoing e-mail is configured — the e-mail
 * subscription form. The form posts to `{basePath}/subscribe` (another route) with `email`, optional
 * `component` ids (none checked: every component), the page's `language`, and on internal pages a
 * `csrf` token the route hands in.
 */
import type { ComponentModel } from '../../domain/status/statuspage-model.js';
import { escapeHtml } from '../../notify/render/html.js';
import type { PublicPageView } from '../../services/status-page/public-view.js';
import { hrefOf } from './document.js';
import type { StatusPageStrings } from './strings.js';

function subscribeFormHtml(view: PublicPageView, s: StatusPageStrings, csrfToken: string | undefined): string {
  const components = [...view.model.components].filter((c: ComponentModel) => !c.isGroup).sort((a, b) => a.position - b.position);
  const choices = components.map(
    (c) => `<label><input type="checkbox" name="component" value="${escapeHtml(c.id)}"><span>${escapeHtml(c.name)}</span></label>`,
  );
  return (
    `<form class="card subscribe" method="post" action="${hrefOf(view.basePath, '/subscribe')}">` +
    `<h2>${escapeHtml(s.subscribeHeading)}</h2><p>${escapeHtml(s.subscribeIntro)}</p>` +
    `<input type="hidden" name="language" value="${escapeHtml(view.page.language)}">` +
    (csrfToken !== undefined ? `<input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">` : '') +
    `<label for="subscribe-email">${escapeHtml(s.emailLabel)}</label>` +
    `<div class="email-row"><input id="subscribe-email" type="email" name="email" required autocomplete="email" maxlength="254" placeholder="${escapeHtml(s.emailPlaceholder)}">` +
    `<button type="submit">${escapeHtml(s.subscribeButton)}</button></div>` +
    (choices.length > 1 ? `<fieldset><legend>${escapeHtml(s.componentsOptional)}</legend><div class="choices">${choices.join('')}</div></fieldset>` : '') +
    `</form>`
  );
}

export function footerHtml(view: PublicPageView, s: StatusPageStrings, csrfToken: string | undefined): string {
  const links = [
    [hrefOf(view.basePath, '/feed.atom'), s.atomFeed, 'application/atom+xml'],
    [hrefOf(view.basePath, '/feed.rss'), s.rssFeed, 'application/rss+xml'],
    [hrefOf(view.basePath, '/api/v2/summary.json'), s.jsonApi, 'application/json'],
  ] as const;
  return (
    `<footer><h2>${escapeHtml(s.feeds)}</h2>` +
    `<ul class="links">${links.map(([href, text, type]) => `<li><a href="${href}" type="${type}">${escapeHtml(text)}</a></li>`).join('')}</ul>` +
    (view.emailSubscriptions ? subscribeFormHtml(view, s, csrfToken) : '') +
    `<p class="fine">${escapeHtml(s.poweredBy)}</p></footer>`
  );
}
