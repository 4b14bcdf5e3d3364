import type { SecurityQuestion } from '../../contracts/intake.js';
import type { Locale } from '../../notify/render/i18n.js';
import { formatInstant } from '../../notify/render/time.js';
import type { IntakeAnswers } from './assess.js';
import { securityConcerns } from './assess.js';

interface Words {
  intro: string;
  started: string;
  startedUnknown: string;
  who: string;
  people: (n: number) => string;
  whoValue: Record<IntakeAnswers['affected']['who'], string>;
  scope: string;
  device: string;
  deviceValue: Record<NonNullable<IntakeAnswers['device']>['kind'], string>;
  cannotDo: string;
  details: string;
  security: string;
  question: Record<SecurityQuestion, string>;
  answer: Record<'yes' | 'no' | 'unsure', string>;
  flagged: string;
}

const WORDS: Record<Locale, Words> = {
  en: {
    intro: 'Reported through the help portal.',
    started: 'When it started',
    startedUnknown: 'not given (reported at {at})',
    who: 'Who is affected',
    people: (n) => `about ${n} ${n === 1 ? 'person' : 'people'}`,
    whoValue: { just_me: 'Just me', my_team: 'My team', several_teams: 'Several teams', everyone: 'Everyone', customers: 'Customers' },
    scope: 'Scope',
    device: 'Device',
    deviceValue: { pc: 'Windows PC', mac: 'Mac', smartphone: 'Smartphone', tablet: 'Tablet', other: 'Other' },
    cannotDo: 'What cannot be done',
    details: 'Details',
    security: 'Security questions',
    question: {
      suspiciousEmailOpened: 'Opened a suspicious e-mail, link or attachment',
      unusualDeviceBehaviour: 'The device behaves unusually',
      unexpectedLoginNotice: 'Received an unexpected login notice',
    },
    answer: { yes: 'yes', no: 'no', unsure: 'not sure' },
    flagged: 'Flagged for the security team: a security question was answered yes.',
  },
  ja: {
    intro: '問い合わせ窓口から報告されました。',
    started: '発生時刻',
    startedUnknown: '未記入（報告日時 {at}）',
    who: '影響を受けている人',
    people: (n) => `約${n}人`,
    whoValue: { just_me: '自分だけ', my_team: '自分のチーム', several_teams: '複数のチーム', everyone: '全社', customers: 'お客様' },
    scope: '範囲',
    device: '端末',
    deviceValue: { pc: 'Windows PC', mac: 'Mac', smartphone: 'スマートフォン', tablet: 'タブレット', other: 'その他' },
    cannotDo: 'できないこと',
    details: '詳細',
    security: 'セキュリティの質問',
    question: {
      suspiciousEmailOpened: '不審なメール・リンク・添付ファイルを開いた',
      unusualDeviceBehaviour: '端末の動作がおかしい',
      unexpectedLoginNotice: '心当たりのないログイン通知を受け取った',
    },
    answer: { yes: 'はい', no: 'いいえ', unsure: 'わからない' },
    flagged: 'セキュリティチームへの確認対象：セキュリティの質問に「はい」の回答があります。',
  },
};

/** One line of free text (a list item stays one item). */
const line = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

/**
 * The inquiry's description: the report's answers in the reporter's language and time zone, as
 * Markdown that reads the same as plain text (no emphasis markers). The structured answers are kept
 * on the intake report as well.
 */
export function describeReport(a: IntakeAnswers, locale: Locale, zone: string, reportedAt: string): string {
  const w = WORDS[locale];
  const sep = locale === 'ja' ? '：' : ': ';
  const item = (label: string, value: string) => `- ${label}${sep}${value}`;
  const who = w.whoValue[a.affected.who] + (a.affected.count ? ` (${w.people(a.affected.count)})` : '');
  const started = a.startedAt ? formatInstant(a.startedAt, zone, locale) : w.startedUnknown.replace('{at}', formatInstant(reportedAt, zone, locale));
  const lines = [w.intro, '', item(w.started, started), item(w.who, who)];
  if (a.scope?.trim()) lines.push(item(w.scope, line(a.scope)));
  if (a.device) lines.push(item(w.device, w.deviceValue[a.device.kind] + (a.device.details?.trim() ? ` — ${line(a.device.details)}` : '')));
  lines.push('', `${w.cannotDo}${sep.trim()}`, '', a.cannotDo.trim());
  if (a.details?.trim()) lines.push('', `${w.details}${sep.trim()}`, '', a.details.trim());
  lines.push('', `${w.security}${sep.trim()}`, '');
  for (const [q, label] of Object.entries(w.question) as [SecurityQuestion, string][]) lines.push(item(label, w.answer[a.security[q]]));
  if (securityConcerns(a).length) lines.push('', w.flagged);
  return lines.join('\n');
}
