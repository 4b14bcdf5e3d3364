/**
 * The e-mails a status-page subscriber receives: the confirmation (double opt-in) and each incident
 * update. Text and HTML parts say the same; every value is escaped in the HTML part (page and
 * component names, titles and messages are written by people, and by anyone who can post an
 * update); inline styles only (mail clients strip the rest). Times are the page's zone, named.
 */
import { STATUS_LABELS } from '../../domain/status/feed.js';
import type { IncidentUpdateStatus } from '../../domain/status/types.js';
import { escapeHtml } from '../../notify/render/html.js';
import type { Locale } from '../../notify/render/i18n.js';
import { formatInstant } from '../../notify/render/time.js';
import { SUBSCRIBER_STRINGS } from './strings.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Subjects are one line, whatever a name contains. */
export const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();

/** The HTML part around a body (maintenance-email.ts shares it). */
export function document(locale: Locale, subject: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:sans-serif;font-size:16px;line-height:1.5;color:#18181b">
${body}
</body></html>
`;
}

export const button = (url: string, label: string, color = '#3f3f46') =>
  `<a href="${escapeHtml(url)}" style="display:inline-block;margin:0 8px 8px 0;padding:12px 18px;border-radius:8px;background:${color};color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(label)}</a>`;

export const row = (label: string, value: string) =>
  `<tr><td style="padding:4px 12px 4px 0;color:#52525b;white-space:nowrap;vertical-align:top">${escapeHtml(label)}</td><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`;

export interface UpdateEmailInput {
  locale: Locale;
  pageName: string;
  timeZone: string;
  /** The incident's public name. */
  title: string;
  status: IncidentUpdateStatus;
  message: string;
  /** Names of the components the update is about; empty: the whole page. */
  components: readonly string[];
  /** When the update was posted. */
  at: string;
  pageUrl: string;
  unsubscribeUrl: string;
}

export function renderUpdateEmail(i: UpdateEmailInput): RenderedEmail {
  const s = SUBSCRIBER_STRINGS[i.locale];
  const status = STATUS_LABELS[i.locale][i.status];
  const subject = oneLine(s.updateSubject({ page: i.pageName, status, title: i.title }));
  const when = formatInstant(i.at, i.timeZone, i.locale);
  const affected = i.components.length ? i.components.join(i.locale === 'ja' ? '、' : ', ') : s.wholePage;
  const text = [
    i.title,
    '',
    `${s.statusLabel}: ${status}`,
    `${s.affectedLabel}: ${affected}`,
    `${s.postedLabel}: ${when}`,
    '',
    i.message,
    '',
    `${s.viewPage}: ${i.pageUrl}`,
    `${s.unsubscribe}: ${i.unsubscribeUrl}`,
    '',
    '-- ',
    s.updateFooter(i.pageName),
  ].join('\n');
  const html = document(
    i.locale,
    subject,
    `<p style="color:#52525b;margin:0 0 4px">${escapeHtml(i.pageName)}</p>
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(i.title)}</h1>
<table style="border-collapse:collapse;margin:0 0 12px">${row(s.statusLabel, status)}${row(s.affectedLabel, affected)}${row(s.postedLabel, when)}</table>
<div style="white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 16px">${escapeHtml(i.message)}</div>
<p>${button(i.pageUrl, s.viewPage)}</p>
<p style="color:#71717a;font-size:13px">${escapeHtml(s.updateFooter(i.pageName))}<br><a href="${escapeHtml(i.unsubscribeUrl)}" style="color:#1d4ed8">${escapeHtml(s.unsubscribe)}</a></p>`,
  );
  return { subject, text: `${text}\n`, html };
}

export interface ConfirmEmailInput {
  locale: Locale;
  pageName: string;
  /** Names of the chosen components; null: the whole page. */
  components: readonly string[] | null;
  confirmUrl: string;
  pageUrl: string;
}

export function renderConfirmEmail(i: ConfirmEmailInput): RenderedEmail {
  const s = SUBSCRIBER_STRINGS[i.locale];
  const subject = oneLine(s.confirmSubject(i.pageName));
  const scope = i.components ? i.components.join(i.locale === 'ja' ? '、' : ', ') : s.wholePage;
  const text = [s.confirmIntro(i.pageName), '', `${s.confirmScope}: ${scope}`, '', `${s.confirmAction}: ${i.confirmUrl}`, '', s.confirmIgnore, '', '-- ', i.pageUrl].join('\n');
  const html = document(
    i.locale,
    subject,
    `<p>${escapeHtml(s.confirmIntro(i.pageName))}</p>
<table style="border-collapse:collapse;margin:0 0 12px">${row(s.confirmScope, scope)}</table>
<p>${button(i.confirmUrl, s.confirmAction, '#15803d')}</p>
<p style="color:#52525b;font-size:14px">${escapeHtml(s.confirmIgnore)}</p>
<p style="color:#71717a;font-size:13px"><a href="${escapeHtml(i.pageUrl)}" style="color:#1d4ed8">${escapeHtml(i.pageUrl)}</a></p>`,
  );
  return { subject, text: `${text}\n`, html };
}
