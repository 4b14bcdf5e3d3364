/**
 * The words of a stakeholder update, in Japanese and English (one table per language with the same
 * keys, so a missing translation does not compile), and the e-mail laid out from them. Pure: the
 * facts come in, the subject, text and HTML go out. Every value placed in HTML is escaped.
 */
import { escapeHtml } from '../../notify/render/html.js';
import type { Locale } from '../../notify/render/i18n.js';
import { formatInstant } from '../../notify/render/time.js';

export type StakeholderFormat = 'executive' | 'standard';

/** Seed 000's impact assessment, as stored on the incident (every field optional). */
export interface AssessmentFacts {
  scope?: 'internal' | 'external' | 'both';
  customerExperience?: string;
  customersAffected?: 'none' | 'some' | 'all' | 'unknown';
  customerCount?: number;
}

export interface StakeholderFacts {
  incident: {
    id: string;
    number: number;
    title: string;
    type: string;
    status: string;
    severity: string;
    impact: number;
    startedAt: string;
    acknowledgedAt: string | null;
    resolvedAt: string | null;
    assessment: AssessmentFacts;
  };
  /** 1 for the incident's first stakeholder update (第1報). */
  sequence: number;
  format: StakeholderFormat;
  /** What the sender wrote; null: derived from the incident. */
  impact: string | null;
  status: string | null;
  message: string | null;
  nextUpdateAt: string | null;
  /** The latest update posted to a status page about this incident. */
  latestPublicUpdate: { status: string; body: string; at: string } | null;
  serviceNames: string[];
  commander: string | null;
  /** IANA zone the times are shown in (with its name beside them). */
  zone: string;
  incidentUrl: string;
}

export interface RenderedStakeholderUpdate {
  language: Locale;
  subject: string;
  text: string;
  html: string;
  /** The impact and status lines as written (the sender's, or derived). */
  impact: string;
  status: string;
}

interface Words {
  /** Leads the subject, with its own spacing (【障害報告】INC-1 …, [Incident] INC-1 …). */
  subjectTag: (kind: 'outage' | 'security' | 'resolved') => string;
  sequence: (n: number) => string;
  intro: (p: { ref: string; title: string; sequence: string }) => string;
  impact: string;
  status: string;
  nextUpdate: string;
  noNextUpdate: string;
  severity: string;
  startedAt: string;
  link: string;
  message: string;
  progress: string;
  incidentStatus: string;
  acknowledgedAt: string;
  resolvedAt: string;
  services: string;
  commander: string;
  publicUpdate: string;
  footer: string;
  incidentStatusName: (s: string) => string;
  publicStatusName: (s: string) => string;
  affected: (a: NonNullable<AssessmentFacts['customersAffected']>) => string;
  customerCount: (n: number) => string;
  scope: (s: NonNullable<AssessmentFacts['scope']>) => string;
  impactLevel: (level: number) => string;
  list: (items: string[]) => string;
}

const ja: Words = {
  subjectTag: (k) => ({ outage: '【障害報告】', security: '【セキュリティインシデント報告】', resolved: '【復旧報告】' })[k],
  sequence: (n) => `第${n}報`,
  intro: (p) => `関係者各位\n\n${p.ref}「${p.title}」について${p.sequence}をお送りします。`,
  impact: '影響',
  status: '現在の状況',
  nextUpdate: '次回更新',
  noNextUpdate: '未定（状況が変わり次第お知らせします）',
  severity: '重大度',
  startedAt: '発生日時',
  link: '詳細',
  message: '担当者からの連絡',
  progress: '経過',
  incidentStatus: '対応状況',
  acknowledgedAt: '対応開始',
  resolvedAt: '復旧',
  services: '影響サービス',
  commander: 'インシデント指揮者',
  publicUpdate: 'ステータスページ（最新）',
  footer: 'Hikeshi から送信',
  incidentStatusName: (s) =>
    ({
      triggered: '調査中（対応者を呼び出しています）',
      acknowledged: '対応中',
      resolved: '復旧済み',
      closed: '終了',
      declined: 'インシデントではないと判断しました',
      merged: '別のインシデントに統合しました',
    })[s] ?? s,
  publicStatusName: (s) => ({ investigating: '調査中', identified: '原因を特定し、復旧作業中', monitoring: '復旧を確認中（経過観察）', resolved: '復旧済み' })[s] ?? s,
  affected: (a) => ({ all: 'すべてのお客様に影響', some: '一部のお客様に影響', none: 'お客様への影響はありません', unknown: '影響範囲を調査中' })[a],
  customerCount: (n) => `約${n.toLocaleString('ja-JP')}名`,
  scope: (s) => ({ internal: '社内', external: '社外（お客様）', both: '社内・社外' })[s],
  impactLevel: (l) => `影響度: ${l <= 1 ? '高' : l === 2 ? '中' : '低'}`,
  list: (items) => items.join('、'),
};

const en: Words = {
  subjectTag: (k) => ({ outage: '[Incident] ', security: '[Security incident] ', resolved: '[Resolved] ' })[k],
  sequence: (n) => `Update #${n}`,
  intro: (p) => `Hello,\n\nThis is ${p.sequence} on ${p.ref} "${p.title}".`,
  impact: 'Impact',
  status: 'Status',
  nextUpdate: 'Next update',
  noNextUpdate: 'Not scheduled (we will write when the situation changes)',
  severity: 'Severity',
  startedAt: 'Started',
  link: 'Details',
  message: 'Message from the response team',
  progress: 'Progress',
  incidentStatus: 'Response',
  acknowledgedAt: 'Response started',
  resolvedAt: 'Resolved',
  services: 'Affected services',
  commander: 'Incident commander',
  publicUpdate: 'Status page (latest)',
  footer: 'Sent by Hikeshi',
  incidentStatusName: (s) =>
    ({
      triggered: 'Investigating (responders are being paged)',
      acknowledged: 'Responders are working on it',
      resolved: 'Resolved',
      closed: 'Closed',
      declined: 'Declined: not an incident',
      merged: 'Merged into another incident',
    })[s] ?? s,
  publicStatusName: (s) => ({ investigating: 'Investigating', identified: 'Cause identified, fix in progress', monitoring: 'Fix in place, monitoring', resolved: 'Resolved' })[s] ?? s,
  affected: (a) => ({ all: 'All customers affected', some: 'Some customers affected', none: 'No customer impact', unknown: 'Extent still being assessed' })[a],
  customerCount: (n) => `about ${n.toLocaleString('en-US')} customers`,
  scope: (s) => ({ internal: 'Internal', external: 'External (customers)', both: 'Internal and external' })[s],
  impactLevel: (l) => `Impact level: ${l <= 1 ? 'high' : l === 2 ? 'medium' : 'low'}`,
  list: (items) => items.join(', '),
};

export const STAKEHOLDER_WORDS: Record<Locale, Words> = { ja, en };

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();

/** The impact line when the sender wrote none: the assessment's words, else the impact level. */
export function defaultImpact(f: StakeholderFacts, locale: Locale): string {
  const w = STAKEHOLDER_WORDS[locale];
  const a = f.incident.assessment;
  if (a.customerExperience?.trim()) return a.customerExperience.trim();
  const parts: string[] = [];
  if (a.scope) parts.push(w.scope(a.scope));
  if (a.customersAffected) parts.push(w.affected(a.customersAffected));
  if (a.customerCount !== undefined) parts.push(w.customerCount(a.customerCount));
  return parts.length ? w.list(parts) : w.impactLevel(f.incident.impact);
}

/**
 * The status line when the sender wrote none: a resolved incident says so; otherwise the latest
 * status-page update (what customers were told), else the incident's own status.
 */
export function defaultStatus(f: StakeholderFacts, locale: Locale): string {
  const w = STAKEHOLDER_WORDS[locale];
  const s = f.incident.status;
  if (s === 'resolved' || s === 'closed' || s === 'declined' || s === 'merged') return w.incidentStatusName(s);
  if (f.latestPublicUpdate) return w.publicStatusName(f.latestPublicUpdate.status);
  return w.incidentStatusName(s);
}

export function stakeholderSubject(f: StakeholderFacts, locale: Locale): string {
  const w = STAKEHOLDER_WORDS[locale];
  const done = ['resolved', 'closed'].includes(f.incident.status);
  const tag = w.subjectTag(done ? 'resolved' : f.incident.type === 'security' ? 'security' : 'outage');
  return `${tag}INC-${f.incident.number} ${oneLine(f.incident.title)} — ${w.sequence(f.sequence)}`;
}

interface Row {
  label: string;
  value: string;
}

/** The update in one language: what both e-mail parts say, once. */
function facts(f: StakeholderFacts, locale: Locale) {
  const w = STAKEHOLDER_WORDS[locale];
  const at = (iso: string) => formatInstant(iso, f.zone, locale);
  const impact = f.impact ?? defaultImpact(f, locale);
  const status = f.status ?? defaultStatus(f, locale);
  const summary: Row[] = [
    { label: w.impact, value: impact },
    { label: w.status, value: status },
    { label: w.nextUpdate, value: f.nextUpdateAt ? at(f.nextUpdateAt) : w.noNextUpdate },
  ];
  const details: Row[] = [
    { label: w.severity, value: f.incident.severity },
    { label: w.startedAt, value: at(f.incident.startedAt) },
  ];
  const progress: Row[] = [];
  if (f.format === 'standard') {
    progress.push({ label: w.incidentStatus, value: w.incidentStatusName(f.incident.status) });
    if (f.incident.acknowledgedAt) progress.push({ label: w.acknowledgedAt, value: at(f.incident.acknowledgedAt) });
    if (f.incident.resolvedAt) progress.push({ label: w.resolvedAt, value: at(f.incident.resolvedAt) });
    if (f.serviceNames.length) progress.push({ label: w.services, value: w.list(f.serviceNames) });
    if (f.commander) progress.push({ label: w.commander, value: f.commander });
    if (f.latestPublicUpdate) {
      const u = f.latestPublicUpdate;
      progress.push({ label: w.publicUpdate, value: `${w.publicStatusName(u.status)} (${at(u.at)}): ${oneLine(u.body)}` });
    }
  }
  const ref = `INC-${f.incident.number}`;
  return {
    w,
    ref,
    impact,
    status,
    summary,
    details,
    progress,
    headline: `${ref} ${oneLine(f.incident.title)} — ${w.sequence(f.sequence)}`,
    intro: w.intro({ ref, title: oneLine(f.incident.title), sequence: w.sequence(f.sequence) }),
    message: f.format === 'standard' && f.message ? f.message : null,
  };
}

const textRows = (rows: Row[]) => rows.map((r) => `${r.label}: ${r.value}`);

export function renderStakeholderUpdate(f: StakeholderFacts, locale: Locale): RenderedStakeholderUpdate {
  const x = facts(f, locale);
  const { w } = x;
  const subject = stakeholderSubject(f, locale);

  const lines = [x.intro, '', x.headline, '', ...textRows(x.summary), ''];
  if (x.message) lines.push(`■ ${w.message}`, x.message, '');
  if (x.progress.length) lines.push(`■ ${w.progress}`, ...textRows(x.progress), '');
  lines.push(...textRows(x.details), `${w.link}: ${f.incidentUrl}`, '', '-- ', w.footer);
  const text = `${lines.join('\n')}\n`;

  const e = escapeHtml;
  const table = (rows: Row[], strong: boolean) =>
    `<table style="border-collapse:collapse;margin:12px 0">${rows
      .map(
        (r) =>
          `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0;color:#52525b;white-space:nowrap;font-weight:${strong ? 700 : 400}">${e(r.label)}</th><td style="padding:4px 0">${e(r.value)}</td></tr>`,
      )
      .join('')}</table>`;
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:sans-serif;font-size:16px;line-height:1.5;color:#18181b">
${x.intro
  .split('\n')
  .filter(Boolean)
  .map((p) => `<p>${e(p)}</p>`)
  .join('\n')}
<h1 style="font-size:20px;margin:12px 0">${e(x.headline)}</h1>
${table(x.summary, true)}
${x.message ? `<h2 style="font-size:16px;margin:16px 0 4px">${e(w.message)}</h2>\n<p style="white-space:pre-wrap;margin:0">${e(x.message)}</p>` : ''}
${x.progress.length ? `<h2 style="font-size:16px;margin:16px 0 4px">${e(w.progress)}</h2>\n${table(x.progress, false)}` : ''}
${table(x.details, false)}
<p><a href="${e(f.incidentUrl)}" style="display:inline-block;padding:12px 18px;border-radius:8px;background:#3f3f46;color:#ffffff;text-decoration:none;font-weight:600">${e(w.link)}: ${e(x.ref)}</a></p>
<p style="color:#71717a;font-size:13px">${e(w.footer)}</p>
</body></html>
`;
  return { language: locale, subject, text, html, impact: x.impact, status: x.status };
}
