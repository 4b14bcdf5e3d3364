import { nextOccurrences, occurrenceAt } from '../../domain/ingest/maintenance.js';
import type { TxContext } from '../context.js';
import { loadNoticeWindow } from './maintenance-load.js';
import { planNoticeJobs } from './maintenance-notice-jobs.js';
import { enqueueMaintenanceNotices } from './maintenance-notify.js';

/**
 * Edge case 44: subscribers hear of scheduled maintenance on their page once per notice. The
 * maintenance-window use cases call this in their transaction after writing the window (create:
 * `pagesBefore` empty; update: the pages it was shown on before the change):
 *
 * - pages it is now shown on that it was not before: their subscribers get the "scheduled" notice of
 *   the next occurrence that has not started (none when the window has no such occurrence). This
 *   happens only here, so a weekly window announces itself once, not every week; and if an
 *   occurrence is running, they get its "in progress" notice at once;
 * - the `in_progress`/`completed` jobs are planned from the window's timing as it is now
 *   (maintenance-notice-jobs.ts): a window on no page has none.
 *
 * Every message is keyed by (window, occurrence, kind, subscriber), so repeating the use case sends
 * nothing twice.
 */
export async function scheduleMaintenanceNotices(t: TxContext, windowId: string, pagesBefore: readonly string[]): Promise<void> {
  const w = await loadNoticeWindow(t.tx, windowId);
  if (w) {
    const before = new Set(pagesBefore);
    const added = w.pageIds.filter((id) => !before.has(id));
    if (added.length) {
      const now = Date.parse(t.now);
      const next = nextOccurrences(w.timing, t.now, 2).find((o) => Date.parse(o.start) > now);
      if (next) await enqueueMaintenanceNotices(t, w, next, 'scheduled', added);
      const running = occurrenceAt(w.timing, t.now);
      if (running) await enqueueMaintenanceNotices(t, w, running, 'in_progress', added);
    }
  }
  await planNoticeJobs(t.tx, windowId, w, t.now);
}
