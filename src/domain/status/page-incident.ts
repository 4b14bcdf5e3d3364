/**
 * An incident as one page tells it: its status updates decide its status and its milestones, so the
 * HTML page, the JSON API and the feeds agree.
 *
 * - Updates are ordered by `displayAt`, then `createdAt`, then `id` (ties are broken the same way
 *   everywhere). The latest one gives the status; `resolved` becomes `postmortem` once a postmortem
 *   is published on the page.
 * - `monitoringAt` is when the latest run of `monitoring` updates began (null when it never was);
 *   `resolvedAt` is when the final run of `resolved` updates began, null unless the incident is
 *   resolved now (an update after `resolved` reopens it on the page).
 * - An incident without updates reads `investigating` (posting one creates its first update).
 */
import type { IncidentUpdateStatus, PageIncidentStatus } from './types.js';

export interface PostedUpdate {
  id: string;
  status: IncidentUpdateStatus;
  /** When the update is dated on the page (Statuspage `display_at`); usually its creation. */
  displayAt: string;
  createdAt: string;
}

export interface PageIncidentState {
  status: PageIncidentStatus;
  monitoringAt: string | null;
  resolvedAt: string | null;
}

/** Oldest first, by displayAt, createdAt, id. */
export function compareUpdates(a: Pick<PostedUpdate, 'id' | 'displayAt' | 'createdAt'>, b: Pick<PostedUpdate, 'id' | 'displayAt' | 'createdAt'>): number {
  return Date.parse(a.displayAt) - Date.parse(b.displayAt) || Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The `displayAt` starting the last run of `status` in oldest-first updates, or null. */
export function lastRunStart<S extends string>(sorted: readonly { status: S; displayAt: string }[], status: S): string | null {
  let i = sorted.length - 1;
  while (i >= 0 && sorted[i]!.status !== status) i--;
  if (i < 0) return null;
  while (i > 0 && sorted[i - 1]!.status === status) i--;
  return sorted[i]!.displayAt;
}

/** The page's view of an incident from its updates (rules in this module's header). */
export function pageIncidentState(updates: readonly PostedUpdate[], postmortemPublishedAt: string | null = null): PageIncidentState {
  const sorted = [...updates].sort(compareUpdates);
  const latest = sorted[sorted.length - 1]?.status ?? 'investigating';
  const resolved = latest === 'resolved';
  return {
    status: resolved && postmortemPublishedAt ? 'postmortem' : latest,
    monitoringAt: lastRunStart(sorted, 'monitoring'),
    resolvedAt: resolved ? lastRunStart(sorted, 'resolved') : null,
  };
}
