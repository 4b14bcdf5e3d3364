/**
 * The small server-rendered pages of subscribing: "check your inbox", the confirm and unsubscribe
 * pages behind the e-mailed links (GET shows a button, only the POST acts: mail scanners follow
 * GETs), and their results. No JavaScript, no external assets, every text escaped; forms post back
 * to the URL they were shown at (relative), so they work on a custom domain too. Routes send them
 * with `Cache-Control: no-store`, `Referrer-Policy: no-referrer` (the URL holds a token) and a CSP
 * of `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'`.
 */
import type { FieldProblem } from '../../domain/errors.js';
import { escapeHtml } from '../../notify/render/html.js';
import type { Locale } from '../../notify/render/i18n.js';
import { SUBSCRIBER_STRINGS } from './strings.js';

export interface HtmlPage {
  status: number;
  html: string;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Hiragino Sans","Noto Sans JP",sans-serif;background:#f4f4f5;color:#18181b}
main{max-width:520px;margin:0 auto;padding:24px 16px}
.card{background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.page{color:#52525b;margin:0 0 4px;font-size:15px}
h1{font-size:22px;line-height:1.3;margin:0 0 12px}
p{overflow-wrap:anywhere}
button{display:block;width:100%;min-height:52px;margin-top:16px;border:0;border-radius:10px;background:#15803d;color:#fff;font-size:18px;font-weight:600;cursor:pointer}
button.stop{background:#b91c1c}
button.secondary{background:#3f3f46}
fieldset{border:1px solid #d4d4d8;border-radius:10px;margin:20px 0 0;padding:12px 14px}
legend{padding:0 4px;color:#52525b;font-size:15px}
label{display:flex;gap:10px;align-items:center;min-height:40px}
input[type=checkbox]{width:22px;height:22px}
ul{padding-left:20px}
a{color:#1d4ed8}
`;

function document(locale: Locale, pageName: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(`${title} - ${pageName}`)}</title>
<style>${STYLE}</style>
</head>
<body><main><div class="card">
<p class="page">${escapeHtml(pageName)}</p>
<h1>${escapeHtml(title)}</h1>
${body}
</div></main></body>
</html>
`;
}

const back = (href: string, label: string) => `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`;

/** The answer to the subscribe form: the same whether or not the address was subscribed before. */
export function checkInboxPage(locale: Locale, pageName: string, pageUrl: string): HtmlPage {
  const s = SUBSCRIBER_STRINGS[locale];
  return { status: 200, html: document(locale, pageName, s.checkInboxTitle, `<p>${escapeHtml(s.checkInboxBody(pageName))}</p>${back(pageUrl, s.backToPage)}`) };
}

/** A subscribe form with bad input: what to correct, field by field (400). */
export function formErrorPage(locale: Locale, pageName: string, pageUrl: string, fields: readonly FieldProblem[]): HtmlPage {
  const s = SUBSCRIBER_STRINGS[locale];
  const items = fields.map((f) => `<li><strong>${escapeHtml(f.field)}</strong>: ${escapeHtml(f.message)}</li>`).join('');
  return { status: 400, html: document(locale, pageName, s.formErrorTitle, `<ul>${items}</ul>${back(pageUrl, s.formErrorBack)}`) };
}

/** GET of the confirmation link: one button. */
export function confirmPage(locale: Locale, pageName: string, address: string, token: string): HtmlPage {
  const s = SUBSCRIBER_STRINGS[locale];
  return {
    status: 200,
    html: document(
      locale,
      pageName,
      s.confirmTitle,
      `<p>${escapeHtml(s.confirmExplain({ page: pageName, address }))}</p>
<form method="post"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">${escapeHtml(s.confirmButton)}</button></form>`,
    ),
  };
}

/** GET of the unsubscribe link: "all", and the subscription's components when it names some. */
export function unsubscribePage(locale: Locale, pageName: string, address: string, token: string, components: readonly { id: string; name: string }[] | null): HtmlPage {
  const s = SUBSCRIBER_STRINGS[locale];
  const hidden = `<input type="hidden" name="token" value="${escapeHtml(token)}">`;
  const some =
    components && components.length > 1
      ? `<form method="post">${hidden}<input type="hidden" name="scope" value="components"><fieldset><legend>${escapeHtml(s.unsubscribeSomeLegend)}</legend>${components
          .map((c) => `<label><input type="checkbox" name="component" value="${escapeHtml(c.id)}"><span>${escapeHtml(c.name)}</span></label>`)
          .join('')}</fieldset><button type="submit" class="secondary">${escapeHtml(s.unsubscribeSomeButton)}</button></form>`
      : '';
  return {
    status: 200,
    html: document(
      locale,
      pageName,
      s.unsubscribeTitle,
      `<p>${escapeHtml(s.unsubscribeExplain({ page: pageName, address }))}</p>
<form method="post">${hidden}<input type="hidden" name="scope" value="all"><button type="submit" class="stop">${escapeHtml(s.unsubscribeAllButton)}</button></form>
${some}`,
    ),
  };
}

export type LinkOutcome =
  | { kind: 'confirmed' }
  | { kind: 'cancelled' }
  | { kind: 'unsubscribed' }
  | { kind: 'components_removed'; remaining: readonly string[] }
  | { kind: 'invalid' };

/** What a link's POST did, or why it did nothing. */
export function linkResultPage(locale: Locale, pageName: string, pageUrl: string, outcome: LinkOutcome): HtmlPage {
  const s = SUBSCRIBER_STRINGS[locale];
  const page = (status: number, title: string, text: string, link = back(pageUrl, s.backToPage)) => ({
    status,
    html: document(locale, pageName, title, `<p>${escapeHtml(text)}</p>${link}`),
  });
  switch (outcome.kind) {
    case 'confirmed':
      return page(200, s.confirmedTitle, s.confirmedBody(pageName));
    case 'cancelled':
      return page(409, s.cancelledTitle, s.cancelledBody, back(pageUrl, s.subscribeAgain));
    case 'unsubscribed':
      return page(200, s.unsubscribedTitle, s.unsubscribedBody(pageName), back(pageUrl, s.subscribeAgain));
    case 'components_removed':
      return page(200, s.componentsRemovedTitle, s.componentsRemovedBody(outcome.remaining.join(locale === 'ja' ? '、' : ', ')));
    case 'invalid':
      return page(404, s.invalidLinkTitle, s.invalidLinkBody);
  }
}
