/**
 * The words of every notification, in the two languages people choose (SPEC §4.4: rendered in the
 * recipient's language). One table per language with the same keys, so a missing translation does
 * not compile.
 */
export type Locale = 'ja' | 'en';

/** A stored locale as one we render; anything unknown falls back to English. */
export function toLocale(value: string | null | undefined): Locale {
  return value?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export interface Strings {
  pageSubject: (p: { severity: string; ref: string; title: string }) => string;
  reminderSubject: (p: { severity: string; ref: string; title: string }) => string;
  testSubject: string;
  shiftSubject: (p: { schedule: string; start: string }) => string;
  shiftIntro: (p: { name: string; schedule: string; start: string; end: string }) => string;
  speechShift: (p: { schedule: string; start: string }) => string;
  pageIntro: (name: string) => string;
  reminderIntro: (name: string) => string;
  testIntro: (name: string) => string;
  testBody: string;
  service: string;
  noService: string;
  severity: string;
  urgency: string;
  status: string;
  startedAt: string;
  priority: string;
  open: string;
  acknowledge: string;
  resolve: string;
  linksExpire: (when: string) => string;
  footer: string;
  urgencyName: (level: number) => string;
  statusName: (status: string) => string;
  /** Voice: what is spoken (no URLs, numbers said as words by the speech engine). */
  speechPage: (p: { number: number; severity: string; title: string; service: string | null }) => string;
  speechTest: string;
  smsAck: string;
  // The respond (confirmation) pages
  respondTitle: (action: 'acknowledge' | 'resolve') => string;
  respondExplain: (p: { action: 'acknowledge' | 'resolve'; name: string }) => string;
  respondButton: (action: 'acknowledge' | 'resolve') => string;
  respondAlready: (status: string) => string;
  respondLinkExpires: (when: string) => string;
  resultDone: (action: 'acknowledge' | 'resolve') => string;
  resultAlready: (status: string) => string;
  resultExpired: string;
  resultInvalid: string;
  resultForbidden: string;
  resultError: string;
  resultOpen: string;
}

const en: Strings = {
  pageSubject: (p) => `[${p.severity}] ${p.ref}: ${p.title}`,
  reminderSubject: (p) => `Reminder: [${p.severity}] ${p.ref}: ${p.title}`,
  testSubject: 'Test notification from Hikeshi',
  shiftSubject: (p) => `On call from ${p.start}: ${p.schedule}`,
  shiftIntro: (p) => `${p.name}, you are on call for ${p.schedule} from ${p.start} until ${p.end}.`,
  speechShift: (p) => `This is Hikeshi. You are on call for ${p.schedule} from ${p.start}.`,
  pageIntro: (name) => `${name}, you are being paged for this incident.`,
  reminderIntro: (name) => `${name}, this incident is still open.`,
  testIntro: (name) => `${name}, this is a test notification.`,
  testBody: 'If you can read this, Hikeshi can reach you through this contact method.',
  service: 'Service',
  noService: '(no service)',
  severity: 'Severity',
  urgency: 'Urgency',
  status: 'Status',
  startedAt: 'Started',
  priority: 'Priority',
  open: 'Open incident',
  acknowledge: 'Acknowledge',
  resolve: 'Resolve',
  linksExpire: (when) => `The acknowledge and resolve links work until ${when}.`,
  footer: 'Sent by Hikeshi',
  urgencyName: (level) => (level <= 1 ? 'high' : level === 2 ? 'medium' : 'low'),
  statusName: (s) =>
    ({ triggered: 'Triggered', acknowledged: 'Acknowledged', resolved: 'Resolved', closed: 'Closed', declined: 'Declined', merged: 'Merged' })[s] ?? s,
  speechPage: (p) =>
    `This is Hikeshi. Incident ${p.number}, severity ${p.severity.replace(/^SEV/, '')}${p.service ? `, service ${p.service}` : ''}: ${p.title}.`,
  speechTest: 'This is a test call from Hikeshi. Hikeshi can reach you at this number.',
  smsAck: 'Ack:',
  respondTitle: (a) => (a === 'acknowledge' ? 'Acknowledge this incident?' : 'Resolve this incident?'),
  respondExplain: (p) =>
    p.action === 'acknowledge'
      ? `You are acknowledging as ${p.name}. Escalation stops and the team sees that you are on it.`
      : `You are resolving as ${p.name}. Paging stops and the incident is marked resolved.`,
  respondButton: (a) => (a === 'acknowledge' ? 'Acknowledge' : 'Resolve'),
  respondAlready: (s) => `This incident is already ${s.toLowerCase()}.`,
  respondLinkExpires: (when) => `This link works until ${when}.`,
  resultDone: (a) => (a === 'acknowledge' ? 'Acknowledged. Thank you.' : 'Resolved. Thank you.'),
  resultAlready: (s) => `Nothing to do: the incident is already ${s.toLowerCase()}.`,
  resultExpired: 'This link has expired. Open the incident in Hikeshi instead.',
  resultInvalid: 'This link is not valid. Open the incident in Hikeshi instead.',
  resultForbidden: 'You may no longer act on this incident.',
  resultError: 'Something went wrong. Please try again, or open the incident in Hikeshi.',
  resultOpen: 'Open the incident',
};

const ja: Strings = {
  pageSubject: (p) => `[${p.severity}] ${p.ref}: ${p.title}`,
  reminderSubject: (p) => `【リマインド】[${p.severity}] ${p.ref}: ${p.title}`,
  testSubject: 'Hikeshi からのテスト通知',
  shiftSubject: (p) => `【オンコール予定】${p.start} から：${p.schedule}`,
  shiftIntro: (p) => `${p.name} さん、${p.start} から ${p.end} まで ${p.schedule} のオンコール担当です。`,
  speechShift: (p) => `Hikeshi です。${p.start} から ${p.schedule} のオンコール担当です。`,
  pageIntro: (name) => `${name} さん、このインシデントの対応依頼（呼び出し）です。`,
  reminderIntro: (name) => `${name} さん、このインシデントはまだ解決していません。`,
  testIntro: (name) => `${name} さん、これはテスト通知です。`,
  testBody: 'このメッセージが届いていれば、Hikeshi はこの連絡先に通知できます。',
  service: 'サービス',
  noService: '（サービスなし）',
  severity: '重大度',
  urgency: '緊急度',
  status: '状態',
  startedAt: '発生日時',
  priority: '優先度',
  open: 'インシデントを開く',
  acknowledge: '確認（対応開始）',
  resolve: '解決',
  linksExpire: (when) => `確認・解決リンクの有効期限: ${when}`,
  footer: 'Hikeshi から送信',
  urgencyName: (level) => (level <= 1 ? '高' : level === 2 ? '中' : '低'),
  statusName: (s) =>
    ({ triggered: '発生中', acknowledged: '対応中', resolved: '解決済み', closed: 'クローズ済み', declined: '却下', merged: '統合済み' })[s] ?? s,
  speechPage: (p) =>
    `Hikeshi からの呼び出しです。インシデント ${p.number} 番、重大度 ${p.severity.replace(/^SEV/, '')}${p.service ? `、サービス ${p.service}` : ''}。${p.title}。`,
  speechTest: 'Hikeshi からのテスト電話です。この番号に通知できることを確認しました。',
  smsAck: '確認:',
  respondTitle: (a) => (a === 'acknowledge' ? 'このインシデントを確認しますか？' : 'このインシデントを解決しますか？'),
  respondExplain: (p) =>
    p.action === 'acknowledge'
      ? `${p.name} さんとして確認します。エスカレーションが止まり、対応中であることがチームに伝わります。`
      : `${p.name} さんとして解決します。呼び出しが止まり、インシデントは解決済みになります。`,
  respondButton: (a) => (a === 'acknowledge' ? '確認する' : '解決する'),
  respondAlready: (s) => `このインシデントはすでに「${s}」です。`,
  respondLinkExpires: (when) => `このリンクの有効期限: ${when}`,
  resultDone: (a) => (a === 'acknowledge' ? '確認しました。ありがとうございます。' : '解決しました。ありがとうございます。'),
  resultAlready: (s) => `操作は不要です。このインシデントはすでに「${s}」です。`,
  resultExpired: 'このリンクは有効期限が切れています。Hikeshi でインシデントを開いてください。',
  resultInvalid: 'このリンクは無効です。Hikeshi でインシデントを開いてください。',
  resultForbidden: 'このインシデントを操作する権限がありません。',
  resultError: 'エラーが発生しました。もう一度試すか、Hikeshi でインシデントを開いてください。',
  resultOpen: 'インシデントを開く',
};

export const STRINGS: Record<Locale, Strings> = { en, ja };
