/**
 * The pages behind an acknowledge/resolve link (`GET /respond/<token>` shows the question, the POST
 * from its button performs the action; a mail scanner that follows the GET changes nothing).
 * Pure functions from verified link data to HTML: no external assets (they work on a phone with a
 * weak connection and leak nothing), a viewport for a 390-px screen, one large button, every text
 * escaped. The route should send them with `Cache-Control: no-store`, `Referrer-Policy: no-referrer`
 * and a CSP such as `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'`.
 */
import { escapeHtml } from './html.js';
import { type Locale, STRINGS } from './i18n.js';
import type { LinkData } from './links.js';
import { type IncidentSummary, incidentRef } from './message.js';
import { formatInstant, usableZone } from './time.js';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Hiragino Sans","Noto Sans JP",sans-serif;background:#f4f4f5;color:#18181b}
main{max-width:480px;margin:0 auto;padding:24px 16px}
.card{background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:22px;line-height:1.3;margin:0 0 12px}
.ref{font-weight:600;color:#b91c1c}
dl{margin:16px 0;display:grid;grid-template-columns:auto 1fr;gap:6px 12px}
dt{color:#52525b}dd{margin:0;overflow-wrap:anywhere}
button{display:block;width:100%;min-height:56px;margin-top:20px;border:0;border-radius:10px;background:#b91c1c;color:#fff;font-size:20px;font-weight:600;cursor:pointer}
button.resolve{background:#15803d}
.note{color:#52525b;font-size:15px;margin-top:14px}
.msg{font-size:19px}
a{color:#1d4ed8}
`;

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main><div class="card">
${body}
</div></main></body>
</html>
`;
}

function facts(incident: IncidentSummary, locale: Locale, zone: string): string {
  const s = STRINGS[locale];
  const rows: [string, string][] = [
    [s.service, incident.serviceName ?? s.noService],
    [s.severity, `${incident.severity} (${s.priority} ${incident.priority})`],
    [s.status, s.statusName(incident.status)],
    [s.startedAt, formatInstant(incident.startedAt, zone, locale)],
  ];
  return `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

export interface RespondPageInput {
  locale: Locale;
  timeZone: string;
  link: LinkData;
  incident: IncidentSummary;
  /** Who the link acts as (the recipient). */
  userName: string;
  /** Where the button posts: the same `/respond/<token>` path. */
  formAction: string;
  /** Optional hidden fields for the POST (e.g. a CSRF token, if the route wants one). */
  hidden?: Record<string, string>;
}

/** Whether the incident is still in a state where the link's action does something. */
export function linkActionApplies(action: LinkData['action'], status: string): boolean {
  return action === 'acknowledge' ? status === 'triggered' : status === 'triggered' || status === 'acknowledged';
}

/** GET /respond/<token>: the question and one button (or why there is nothing to do). */
export function renderRespondPage(input: RespondPageInput): string {
  const { locale, incident, link } = input;
  const s = STRINGS[locale];
  const zone = usableZone(input.timeZone);
  const heading = `<h1><span class="ref">${escapeHtml(incidentRef(incident.number))}</span> ${escapeHtml(incident.title)}</h1>`;
  if (!linkActionApplies(link.action, incident.status)) {
    return page(locale, incident.title, `${heading}${facts(incident, locale, zone)}<p class="msg">${escapeHtml(s.respondAlready(s.statusName(incident.status)))}</p>`);
  }
  const hidden = Object.entries(input.hidden ?? {})
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return page(
    locale,
    s.respondTitle(link.action),
    `<p class="msg">${escapeHtml(s.respondTitle(link.action))}</p>
${heading}
${facts(incident, locale, zone)}
<p>${escapeHtml(s.respondExplain({ action: link.action, name: input.userName }))}</p>
<form method="post" action="${escapeHtml(input.formAction)}">${hidden}<button type="submit" class="${link.action}">${escapeHtml(s.respondButton(link.action))}</button></form>
<p class="note">${escapeHtml(s.respondLinkExpires(formatInstant(link.expiresAt, zone, locale)))}</p>`,
  );
}

export type RespondOutcome = 'done' | 'already' | 'expired' | 'invalid' | 'forbidden' | 'error';

export interface RespondResultInput {
  locale: Locale;
  outcome: RespondOutcome;
  action?: LinkData['action'];
  incident?: IncidentSummary;
  /** A link to the incident in the web app, shown under the message. */
  incidentUrl?: string;
}

/** The page after the POST (or for a link that cannot be used). */
export function renderRespondResultPage(input: RespondResultInput): string {
  const s = STRINGS[input.locale];
  const message = {
    done: s.resultDone(input.action ?? 'acknowledge'),
    already: s.resultAlready(s.statusName(input.incident?.status ?? '')),
    expired: s.resultExpired,
    invalid: s.resultInvalid,
    forbidden: s.resultForbidden,
    error: s.resultError,
  }[input.outcome];
  const heading = input.incident
    ? `<h1><span class="ref">${escapeHtml(incidentRef(input.incident.number))}</span> ${escapeHtml(input.incident.title)}</h1>`
    : '';
  const open = input.incidentUrl ? `<p class="note"><a href="${escapeHtml(input.incidentUrl)}">${escapeHtml(s.resultOpen)}</a></p>` : '';
  return page(input.locale, message, `${heading}<p class="msg">${escapeHtml(message)}</p>${open}`);
}
