/**
 * The notice jobs of a window follow its timing. At any moment the jobs pending for a window shown on
 * a page are the two of its current occurrence (the one running, else the next to start):
 * `in_progress` due at its start and `completed` due at its end. Planning again after any change is
 * harmless, and a change of timing moves, cancels or brings back jobs instead of adding more:
 *
 * - a wanted job is created; if its key exists and is pending it is moved to the new due time; if it
 *   was cancelled by an earlier change (the window moved to 11:00 and back to 10:00) it is pending
 *   again — `scheduleJob` alone would keep the cancelled row, since a key is taken in every state;
 * - a pending job of the window that is not wanted and not yet due is cancelled; one already due is
 *   left to run, since it re-reads the window (a `completed` job due a moment before a change still
 *   announces the occurrence that just ended);
 * - a running, done or failed job is not touched: it already announced (or is announcing) its notice.
 *
 * Two instances planning at once write the same rows (one key per window, occurrence and kind).
 */
import { sql, type Transaction } from 'kysely';
import { nextOccurrences } from '../../domain/ingest/maintenance.js';
import { cancelJobs, rescheduleJob, reviveJob, scheduleJob } from '../../jobs/schedule.js';
import type { Database } from '../../store/schema.js';
import type { MaintenanceNoticeWindow } from './maintenance-load.js';
import { MAINTENANCE_NOTICE, type MaintenanceNoticePayload, noticeJobKey, noticeJobPrefix } from './maintenance-notice-kind.js';

interface WantedJob {
  payload: MaintenanceNoticePayload;
  dueAt: string;
}

/** The jobs a window wants at `now`: none when it is deleted, on no page, or has no occurrence left. */
function wantedJobs(w: MaintenanceNoticeWindow | null, now: string): WantedJob[] {
  if (!w || w.pageIds.length === 0) return [];
  const [o] = nextOccurrences(w.timing, now, 1);
  if (!o) return [];
  return [
    { payload: { windowId: w.id, occurrenceStart: o.start, kind: 'in_progress' }, dueAt: o.start },
    { payload: { windowId: w.id, occurrenceStart: o.start, kind: 'completed' }, dueAt: o.end },
  ];
}

/** Bring the notice jobs of window `windowId` (as read: `w`, null when deleted) in line with its timing at `now`. */
export async function planNoticeJobs(tx: Transaction<Database>, windowId: string, w: MaintenanceNoticeWindow | null, now: string): Promise<void> {
  const wanted = wantedJobs(w, now);
  const keys = new Set(wanted.map((j) => noticeJobKey(j.payload)));
  const prefix = noticeJobPrefix(windowId);
  const stale = await tx
    .selectFrom('job')
    .select('key')
    .where('status', '=', sql.lit('pending'))
    .where(sql`substr(key, 1, ${prefix.length})`, '=', prefix)
    .where('dueAt', '>', now)
    .execute();
  // A full key is a prefix of itself only (keys end in the kind; occurrence starts have one length).
  for (const j of stale) if (!keys.has(j.key)) await cancelJobs(tx, { kind: MAINTENANCE_NOTICE, keyPrefix: j.key, now });
  for (const j of wanted) await ensureJob(tx, j, now);
}

async function ensureJob(tx: Transaction<Database>, j: WantedJob, now: string): Promise<void> {
  const key = noticeJobKey(j.payload);
  if (await scheduleJob(tx, { kind: MAINTENANCE_NOTICE, key, payload: j.payload, dueAt: j.dueAt, now })) return;
  if (await rescheduleJob(tx, { key, dueAt: j.dueAt, payload: j.payload, now })) return;
  // Cancelled by an earlier change and wanted again.
  await reviveJob(tx, { key, dueAt: j.dueAt, payload: j.payload, now });
}
