import { PinBody } from '../../contracts/incident.js';
import { notFound } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { loadVisibleIncident } from './access.js';
import { touchIncident } from './collaboration.js';
import { type TimelineEntryView, viewTimelineEntry } from './timeline.js';

/**
 * Pin or unpin a timeline entry (postmortems prefill their timeline from pinned entries). Pinning is
 * not itself a timeline entry (the timeline stays the story of the incident) but it is audited.
 * Allowed on every incident, merged ones too: pins serve the record, not the response.
 */
export async function pinEntry(ctx: ServiceContext, incidentId: string, entryId: string, input: unknown): Promise<TimelineEntryView> {
  authorize(ctx.actor, 'incident.update');
  const body = parseInput(PinBody, input);
  return inTransaction(ctx, async (t) => {
    await loadVisibleIncident(t.tx, t.actor, incidentId);
    const find = () => t.tx.selectFrom('timelineEntry').selectAll().where('id', '=', entryId).where('incidentId', '=', incidentId).executeTakeFirst();
    const entry = await find();
    if (!entry) throw notFound('timeline entry', entryId);
    const pinned = body.pinned ? 1 : 0;
    if (entry.pinned === pinned) return viewTimelineEntry(entry);
    await t.tx.updateTable('timelineEntry').set({ pinned }).where('id', '=', entryId).execute();
    await touchIncident(t, incidentId);
    const action = body.pinned ? 'timeline.pinned' : 'timeline.unpinned';
    await recordAudit(t, { action, targetType: 'incident', targetId: incidentId, before: { entryId, pinned: !body.pinned }, after: { entryId, pinned: body.pinned } });
    await recordOutbox(t, action, incidentId, { incidentId, entryId, pinned: body.pinned });
    return viewTimelineEntry((await find())!);
  });
}
