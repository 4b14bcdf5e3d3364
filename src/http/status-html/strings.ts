/**
 * Every word of the server-rendered status page, in the page's language (SPEC §4.5: ja/en). One table
 * per language with the same keys, so a missing translation does not compile. Japanese is written
 * as Japanese readers expect it, not translated word by word.
 *
 * Values are plain text (the renderer escapes them), except the functions documented as taking HTML:
 * their arguments are markup already built from escaped text (a `<time>` element), and their own
 * words hold no markup characters.
 *
 * Update statuses come from the feeds' table (domain/status/feed.ts), so the page and its feeds name
 * a status the same way.
 */
import { STATUS_LABELS } from '../../domain/status/feed.js';
import type { ComponentStatus, IncidentImpact, UpdateStatus } from '../../domain/status/types.js';

export type PageLanguage = 'ja' | 'en';

/** What the banner at the top says (banner.ts decides which). */
export type BannerKind = 'operational' | 'incident' | 'degraded' | 'major' | 'critical' | 'maintenance';

export interface StatusPageStrings {
  documentTitle: (pageName: string) => string;
  internalBadge: string;
  banner: Record<BannerKind, string>;
  incidentsInProgress: (count: number) => string;
  maintenanceInProgress: string;
  /** HTML: `time` is a `<time>` element. */
  asOf: (time: string) => string;
  /** HTML: `zone` is escaped text. */
  timesShownIn: (zone: string) => string;
  activeIncidents: string;
  maintenance: string;
  components: string;
  pastIncidents: string;
  noIncidents: string;
  componentStatus: Record<ComponentStatus, string>;
  updateStatus: Record<UpdateStatus, string>;
  impactLabel: string;
  impact: Record<IncidentImpact | 'maintenance', string>;
  affectedComponents: string;
  /** Separator between component names in a list. */
  listSeparator: string;
  /** Between a label and its value (`Impact: Minor`, `影響度：軽微`). */
  labelSeparator: string;
  /** HTML: both are `<time>` elements. */
  maintenanceWindow: (from: string, to: string) => string;
  noData: string;
  maintenanceNotCounted: string;
  /** The period's figure under a component's bars. */
  uptimePercent: (percent: string) => string;
  uptimeNoData: string;
  /** A day's figure with the worst status of the day. */
  figureWithStatus: (figure: string, status: string) => string;
  uptimeBarsLabel: (days: number) => string;
  daysAgo: (days: number) => string;
  today: string;
  feeds: string;
  atomFeed: string;
  rssFeed: string;
  jsonApi: string;
  subscribeHeading: string;
  subscribeIntro: string;
  emailLabel: string;
  emailPlaceholder: string;
  componentsOptional: string;
  subscribeButton: string;
  poweredBy: string;
  notFoundTitle: string;
  notFoundMessage: string;
  back: string;
}

const en: StatusPageStrings = {
  documentTitle: (name) => `${name} status`,
  internalBadge: 'Internal',
  banner: {
    operational: 'All systems operational',
    incident: 'Degraded — incident in progress',
    degraded: 'Partially degraded service',
    major: 'Partial system outage',
    critical: 'Major system outage',
    maintenance: 'Maintenance in progress',
  },
  incidentsInProgress: (n) => (n === 1 ? '1 incident in progress' : `${n} incidents in progress`),
  maintenanceInProgress: 'Scheduled maintenance in progress',
  asOf: (time) => `As of ${time}`,
  timesShownIn: (zone) => `Times are shown in ${zone}.`,
  activeIncidents: 'Active incidents',
  maintenance: 'Scheduled maintenance',
  components: 'Current status',
  pastIncidents: 'Past incidents',
  noIncidents: 'No incidents reported.',
  componentStatus: {
    operational: 'Operational',
    under_maintenance: 'Under maintenance',
    degraded_performance: 'Degraded performance',
    partial_outage: 'Partial outage',
    major_outage: 'Major outage',
  },
  updateStatus: STATUS_LABELS.en,
  impactLabel: 'Impact',
  impact: { none: 'None', minor: 'Minor', major: 'Major', critical: 'Critical', maintenance: 'Maintenance' },
  affectedComponents: 'Affected components',
  listSeparator: ', ',
  labelSeparator: ': ',
  maintenanceWindow: (from, to) => `${from} – ${to}`,
  noData: 'No data',
  maintenanceNotCounted: 'Maintenance (not counted)',
  uptimePercent: (p) => `${p} uptime`,
  uptimeNoData: 'No data',
  figureWithStatus: (figure, status) => `${figure} — ${status}`,
  uptimeBarsLabel: (days) => `Uptime over the past ${days} days`,
  daysAgo: (days) => `${days} days ago`,
  today: 'Today',
  feeds: 'Follow this page',
  atomFeed: 'Atom feed',
  rssFeed: 'RSS feed',
  jsonApi: 'JSON API',
  subscribeHeading: 'Get updates by email',
  subscribeIntro: 'We will send you a confirmation email first; every message has a one-click unsubscribe link.',
  emailLabel: 'Email address',
  emailPlaceholder: 'you@example.com',
  componentsOptional: 'Only these components (leave all unchecked for everything)',
  subscribeButton: 'Subscribe',
  poweredBy: 'Powered by Hikeshi',
  notFoundTitle: 'Status page not found',
  notFoundMessage: 'There is no status page at this address. Check the link you followed.',
  back: 'Back',
};

const ja: StatusPageStrings = {
  documentTitle: (name) => `${name} 稼働状況`,
  internalBadge: '社内向け',
  banner: {
    operational: 'すべてのシステムは正常に稼働しています',
    incident: '一部で障害が発生しています（対応中）',
    degraded: '一部のサービスでパフォーマンスが低下しています',
    major: '一部のシステムが停止しています',
    critical: '重大なシステム停止が発生しています',
    maintenance: 'メンテナンスを実施しています',
  },
  incidentsInProgress: (n) => `対応中のインシデント：${n}件`,
  maintenanceInProgress: '計画メンテナンスを実施中です',
  asOf: (time) => `${time} 時点`,
  timesShownIn: (zone) => `時刻は ${zone} で表示しています。`,
  activeIncidents: '対応中のインシデント',
  maintenance: '計画メンテナンス',
  components: '現在の稼働状況',
  pastIncidents: '過去のインシデント',
  noIncidents: '報告されたインシデントはありません。',
  componentStatus: {
    operational: '稼働中',
    under_maintenance: 'メンテナンス中',
    degraded_performance: 'パフォーマンス低下',
    partial_outage: '一部停止',
    major_outage: '重大な停止',
  },
  updateStatus: STATUS_LABELS.ja,
  impactLabel: '影響度',
  impact: { none: 'なし', minor: '軽微', major: '重大', critical: '致命的', maintenance: 'メンテナンス' },
  affectedComponents: '影響を受けるコンポーネント',
  listSeparator: '、',
  labelSeparator: '：',
  maintenanceWindow: (from, to) => `${from} 〜 ${to}`,
  noData: 'データなし',
  maintenanceNotCounted: 'メンテナンス（集計対象外）',
  uptimePercent: (p) => `稼働率 ${p}`,
  uptimeNoData: 'データなし',
  figureWithStatus: (figure, status) => `${figure}（${status}）`,
  uptimeBarsLabel: (days) => `過去${days}日間の稼働率`,
  daysAgo: (days) => `${days}日前`,
  today: '今日',
  feeds: 'このページの購読',
  atomFeed: 'Atom フィード',
  rssFeed: 'RSS フィード',
  jsonApi: 'JSON API',
  subscribeHeading: 'メールで更新情報を受け取る',
  subscribeIntro: '最初に確認メールをお送りします。配信されるすべてのメールから、ワンクリックで配信を停止できます。',
  emailLabel: 'メールアドレス',
  emailPlaceholder: 'you@example.com',
  componentsOptional: '特定のコンポーネントのみ（何も選ばなければすべて）',
  subscribeButton: '登録する',
  poweredBy: 'Hikeshi で運用しています',
  notFoundTitle: 'ステータスページが見つかりません',
  notFoundMessage: 'このアドレスにはステータスページがありません。リンクをご確認ください。',
  back: '戻る',
};

export const STATUS_PAGE_STRINGS: Readonly<Record<PageLanguage, StatusPageStrings>> = { en, ja };

/** The table of a stored language; anything but `ja` reads English. */
export const stringsFor = (language: string): StatusPageStrings => (language === 'ja' ? ja : en);
