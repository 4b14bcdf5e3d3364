/**
 * The e-mail a status-page subscriber receives about scheduled maintenance: scheduled, in progress,
 * completed. Same layout, escaping and footer as update e-mails (render-email.ts); start and end in
 * the page's zone, named, so "02:30" is never ambiguous across a DST change.
 */
import { STATUS_LABELS } from '../../domain/status/feed.js';
import { escapeHtml } from '../../notify/render/html.js';
import type { Locale } from '../../notify/render/i18n.js';
import { formatInstant } from '../../notify/render/time.js';
import type { MaintenanceNoticeKind } from './maintenance-notice-kind.js';
import { MAINTENANCE_STRINGS } from './maintenance-strings.js';
import { button, document, oneLine, type RenderedEmail, row } from './render-email.js';
import { SUBSCRIBER_STRINGS } from './strings.js';

export interface MaintenanceEmailInput {
  locale: Locale;
  kind: MaintenanceNoticeKind;
  pageName: string;
  timeZone: string;
  /** The window's name and description (written by people: escaped in HTML). */
  name: string;
  description: string;
  occurrence: { start: string; end: string };
  /** Names of the affected components; empty: the whole page. */
  components: readonly string[];
  pageUrl: string;
  unsubscribeUrl: string;
}

export function renderMaintenanceEmail(i: MaintenanceEmailInput): RenderedEmail {
  const s = SUBSCRIBER_STRINGS[i.locale];
  const m = MAINTENANCE_STRINGS[i.locale];
  const subject = oneLine(m.subject[i.kind]({ page: i.pageName, name: i.name }));
  const status = STATUS_LABELS[i.locale][i.kind];
  const start = formatInstant(i.occurrence.start, i.timeZone, i.locale);
  const end = formatInstant(i.occurrence.end, i.timeZone, i.locale);
  const affected = i.components.length ? i.components.join(i.locale === 'ja' ? '、' : ', ') : s.wholePage;
  const description = i.description.trim();
  const text = [
    i.name,
    '',
    m.intro[i.kind],
    '',
    `${s.statusLabel}: ${status}`,
    `${m.startLabel}: ${start}`,
    `${m.endLabel}: ${end}`,
    `${s.affectedLabel}: ${affected}`,
    ...(description ? ['', description] : []),
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
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(i.name)}</h1>
<p style="margin:0 0 12px">${escapeHtml(m.intro[i.kind])}</p>
<table style="border-collapse:collapse;margin:0 0 12px">${row(s.statusLabel, status)}${row(m.startLabel, start)}${row(m.endLabel, end)}${row(s.affectedLabel, affected)}</table>
${description ? `<div style="white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 16px">${escapeHtml(description)}</div>\n` : ''}<p>${button(i.pageUrl, s.viewPage)}</p>
<p style="color:#71717a;font-size:13px">${escapeHtml(s.updateFooter(i.pageName))}<br><a href="${escapeHtml(i.unsubscribeUrl)}" style="color:#1d4ed8">${escapeHtml(s.unsubscribe)}</a></p>`,
  );
  return { subject, text: `${text}\n`, html };
}
