import { notFound } from '../../domain/errors.js';
import { finalShifts } from '../../domain/schedule/final.js';
import { feedRange, type FeedContext, shiftSource, shiftUid } from './feed-window.js';
import { feedTokenValid } from './feed-token.js';
import { renderCalendar } from './ical.js';
import { loadOverrides, loadSchedule, scheduleModel } from './model.js';
import { userNames } from './view.js';

/**
 * `GET /schedules/{id}/feed.ics?token=`: one VEVENT per final shift. A wrong or missing token is
 * answered exactly like a missing schedule, so feed URLs cannot be used to probe ids.
 */
export async function scheduleFeed(ctx: FeedContext, id: string, token: string | undefined): Promise<string> {
  if (!feedTokenValid(ctx.secret, 'schedule', id, token)) throw notFound('schedule', id);
  const db = ctx.store.db;
  const now = ctx.clock.now().toISOString();
  const range = feedRange(now);
  const { row, layers } = await loadSchedule(db, id);
  const shifts = finalShifts(scheduleModel(row.timeZone, layers, await loadOverrides(db, [id], range)), range.from, range.to);
  const names = await userNames(
    db,
    shifts.map((s) => s.userId),
  );
  return renderCalendar({
    name: `On call: ${row.name}`,
    description: `Hikeshi schedule ${row.name} (${row.timeZone})`,
    now,
    events: shifts.map((s) => ({
      uid: shiftUid(id, s),
      start: s.start,
      end: s.end,
      summary: `${names.get(s.userId) ?? s.userId} on call (${row.name})`,
      description: `Schedule ${row.name} (${row.timeZone}), ${shiftSource(s, layers)}`,
    })),
  });
}
