import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { TimelineQuery, type TimelineEntry } from '../../contracts/incident.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import type { TimelineEntryTable } from '../../store/schema.js';
import { readVisibleIncident } from './access.js';

export type TimelineEntryView = z.infer<typeof TimelineEntry>;

export function viewTimelineEntry(r: Selectable<TimelineEntryTable>): TimelineEntryView {
  return {
    id: r.id,
    incidentId: r.incidentId,
    at: r.at,
    action: r.action,
    actor: { type: r.actorType as TimelineEntryView['actor']['type'], id: r.actorId, name: r.actorName },
    data: JSON.parse(r.data),
    pinned: r.pinned === 1,
  };
}

/** The incident's timeline, oldest first (ids are time-ordered ULIDs). */
export async function listTimeline(
  ctx: ServiceContext,
  incidentId: string,
  input: unknown,
): Promise<{ items: TimelineEntryView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'incident.read');
  const q = parseInput(TimelineQuery, input ?? {}, 'query');
  await readVisibleIncident(ctx, incidentId, 'timeline');
  let query = ctx.store.db.selectFrom('timelineEntry').selectAll().where('incidentId', '=', incidentId);
  if (q.cursor) query = query.where('id', '>', q.cursor);
  const rows = await query.orderBy('id', 'asc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(viewTimelineEntry),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}
