import { type Occurrence, occurrenceAt, type WindowTiming } from '../../domain/ingest/maintenance.js';
import type { Executor, TxContext } from '../context.js';
import { loadNoticeWindow, type MaintenanceNoticeWindow } from './maintenance-load.js';
import type { MaintenanceNoticePayload } from './maintenance-notice-kind.js';
import { planNoticeJobs } from './maintenance-notice-jobs.js';
import { enqueueMaintenanceNotices } from './maintenance-notify.js';

/**
 * What a `status.maintenance_notice` job does, decided from the window as it is when the job runs:
 * - `wait`: the occurrence's start (in progress) or end (completed) is still ahead — the window
 *   changed while the job was being claimed; it runs again then;
 * - `run` with an occurrence: queue the notice for the pages the window is shown on now;
 * - `run` without one: nothing to announce — the window was deleted or is on no page, the occurrence
 *   no longer exists (the window changed: planning follows its new timing), or an "in progress"
 *   notice is late past the occurrence's end (only "completed" is still true).
 * Either way a window that still exists gets its next jobs planned.
 */
export type NoticeDecision = { kind: 'wait'; until: string } | { kind: 'run'; window: MaintenanceNoticeWindow | null; occurrence: Occurrence | null };

/** The occurrence that starts at `start`, if the window still has one. */
function occurrenceStartingAt(timing: WindowTiming, start: string): Occurrence | null {
  const o = occurrenceAt(timing, start);
  return o && Date.parse(o.start) === Date.parse(start) ? o : null;
}

export async function decideMaintenanceNotice(ex: Executor, p: MaintenanceNoticePayload, now: string): Promise<NoticeDecision> {
  const w = await loadNoticeWindow(ex, p.windowId);
  const o = w && w.pageIds.length > 0 ? occurrenceStartingAt(w.timing, p.occurrenceStart) : null;
  if (!o) return { kind: 'run', window: w, occurrence: null };
  const t = Date.parse(now);
  const due = p.kind === 'in_progress' ? o.start : o.end;
  if (t < Date.parse(due)) return { kind: 'wait', until: due };
  if (p.kind === 'in_progress' && t >= Date.parse(o.end)) return { kind: 'run', window: w, occurrence: null };
  return { kind: 'run', window: w, occurrence: o };
}

/** The effects of a `run` decision, in the transaction that settles the job. */
export async function applyMaintenanceNotice(t: TxContext, p: MaintenanceNoticePayload, d: Extract<NoticeDecision, { kind: 'run' }>): Promise<void> {
  if (d.window && d.occurrence) await enqueueMaintenanceNotices(t, d.window, d.occurrence, p.kind, d.window.pageIds);
  await planNoticeJobs(t.tx, p.windowId, d.window, t.now);
}
