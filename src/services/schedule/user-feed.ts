import { notFound } from '../../domain/errors.js';
import { finalShifts } from '../../domain/schedule/final.js';
import { feedRange, type FeedContext, shiftSource, shiftUid } from './feed-window.js';
import { feedTokenValid } from './feed-token.js';
import { type CalendarEvent, renderCalendar } from './ical.js';
import { loadLayers, loadOverrides, scheduleModel } from './model.js';

/**
 * `GET /users/{id}/oncall.ics?token=`: one person's final shifts on every schedule. A wrong token is
 * answered like a missing user.
 */
export async function userFeed(ctx: FeedContext, userId: string, token: string | undefined): Promise<string> {
  if (!feedTokenValid(ctx.secret, 'user', userId, token)) throw notFound('user', userId);
  const db = ctx.store.db;
  const user = await db.selectFrom('appUser').select(['id', 'name']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('user', userId);
  const now = ctx.clock.now().toISOString();
  const range = feedRange(now);
  const schedules = await db.selectFrom('schedule').selectAll().orderBy('name').orderBy('id').execute();
  const ids = schedules.map((s) => s.id);
  const layers = await loadLayers(db, ids);
  const overrides = await loadOverrides(db, ids, range);
  const events: CalendarEvent[] = [];
  for (const s of schedules) {
    const own = layers.filter((l) => l.scheduleId === s.id);
    const model = scheduleModel(
      s.timeZone,
      own,
      overrides.filter((o) => o.scheduleId === s.id),
    );
    for (const shift of finalShifts(model, range.from, range.to)) {
      if (shift.userId !== userId) continue;
      events.push({
        uid: shiftUid(s.id, shift),
        start: shift.start,
        end: shift.end,
        summary: `On call: ${s.name}`,
        description: `${user.name} on call for schedule ${s.name} (${s.timeZone}), ${shiftSource(shift, own)}`,
      });
    }
  }
  events.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.uid < b.uid ? -1 : 1));
  return renderCalendar({ name: `On call: ${user.name}`, description: `Hikeshi on-call shifts of ${user.name}`, now, events });
}
