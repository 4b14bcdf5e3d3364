/** The alert vocabulary shared by the parsers (ingest/) and the decisions (domain/ingest/). */
export const EVENT_ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export const ALERT_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** PagerDuty's limits, applied to every format, counted in code points (a stricter count, e.g. UTF-16 units, is compatible). */
export const MAX_SUMMARY = 1024;
export const MAX_DEDUP_KEY = 255;
