/**
 * The words of maintenance notices in the two languages of status pages (one table per language with
 * the same keys, so a missing translation does not compile). Labels shared with update e-mails
 * (status, affected components, links, footer) come from strings.ts.
 */
import type { Locale } from '../../notify/render/i18n.js';
import type { MaintenanceNoticeKind } from './maintenance-notice-kind.js';

export interface MaintenanceStrings {
  subject: Record<MaintenanceNoticeKind, (p: { page: string; name: string }) => string>;
  /** The first sentence of the e-mail. */
  intro: Record<MaintenanceNoticeKind, string>;
  startLabel: string;
  endLabel: string;
}

const en: MaintenanceStrings = {
  subject: {
    scheduled: (p) => `[${p.page}] Scheduled maintenance: ${p.name}`,
    in_progress: (p) => `[${p.page}] Maintenance in progress: ${p.name}`,
    completed: (p) => `[${p.page}] Maintenance completed: ${p.name}`,
  },
  intro: {
    scheduled: 'Maintenance is scheduled at the time below.',
    in_progress: 'The scheduled maintenance has started.',
    completed: 'The scheduled maintenance has ended.',
  },
  startLabel: 'Start',
  endLabel: 'End',
};

const ja: MaintenanceStrings = {
  subject: {
    scheduled: (p) => `[${p.page}] メンテナンス予定: ${p.name}`,
    in_progress: (p) => `[${p.page}] メンテナンス開始: ${p.name}`,
    completed: (p) => `[${p.page}] メンテナンス完了: ${p.name}`,
  },
  intro: {
    scheduled: '以下の日時にメンテナンスを予定しています。',
    in_progress: '予定していたメンテナンスを開始しました。',
    completed: '予定していたメンテナンスが完了しました。',
  },
  startLabel: '開始',
  endLabel: '終了',
};

export const MAINTENANCE_STRINGS: Record<Locale, MaintenanceStrings> = { en, ja };
