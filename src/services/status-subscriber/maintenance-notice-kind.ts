import { jobKind } from '../../jobs/kind.js';

/**
 * The notices a status-page subscriber gets about one occurrence of a maintenance window shown on
 * the page: `scheduled` (once, when the window is put on the page), `in_progress` at its start,
 * `completed` at its end.
 */
export type MaintenanceNoticeKind = 'scheduled' | 'in_progress' | 'completed';

/** The two notices the clock triggers; `scheduled` goes out in the transaction that shows the window. */
export type TimedNoticeKind = Exclude<MaintenanceNoticeKind, 'scheduled'>;

export interface MaintenanceNoticePayload {
  windowId: string;
  /** The occurrence's start, ISO-8601 UTC: it names the occurrence. */
  occurrenceStart: string;
  kind: TimedNoticeKind;
}

/** Send one timed notice of one occurrence to the subscribers of the pages the window is shown on. */
export const MAINTENANCE_NOTICE = jobKind<MaintenanceNoticePayload>('status.maintenance_notice');

/** Every notice job of a window starts with this (cancelling by prefix). */
export const noticeJobPrefix = (windowId: string): string => `maintenance-notice:${windowId}:`;

/** One job per (window, occurrence, kind): scheduling it again is a no-op. */
export const noticeJobKey = (p: MaintenanceNoticePayload): string => `${noticeJobPrefix(p.windowId)}${new Date(p.occurrenceStart).toISOString()}:${p.kind}`;
