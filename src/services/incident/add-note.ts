import { NoteBody } from '../../contracts/incident.js';
import { newId } from '../../platform/ids.js';
import { renderMarkdown } from '../../domain/text/markdown.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { loadVisibleIncident } from './access.js';
import type { TimelineEntryView } from './timeline.js';

/** A Markdown note on the timeline; the sanitised HTML is stored beside the source. */
export async function addNote(ctx: ServiceContext, incidentId: string, input: unknown): Promise<TimelineEntryView> {
  authorize(ctx.actor, 'incident.update');
  const body = parseInput(NoteBody, input);
  return inTransaction(ctx, async (t) => {
    await loadVisibleIncident(t.tx, t.actor, incidentId);
    const id = newId();
    const data = { body: body.body, html: renderMarkdown(body.body) };
    await t.tx
      .insertInto('timelineEntry')
      .values({
        id,
        incidentId,
        at: t.now,
        action: 'note.added',
        actorType: t.actor.type,
        actorId: t.actor.id,
        actorName: t.actor.name,
        data: JSON.stringify(data),
        pinned: body.pinned ? 1 : 0,
      })
      .execute();
    await t.tx.updateTable('incident').set({ updatedAt: t.now }).where('id', '=', incidentId).execute();
    await recordAudit(t, { action: 'note.added', targetType: 'incident', targetId: incidentId, after: { entryId: id, body: body.body } });
    await recordOutbox(t, 'note.added', incidentId, { incidentId, entryId: id });
    return {
      id,
      incidentId,
      at: t.now,
      action: 'note.added',
      actor: { type: t.actor.type, id: t.actor.id, name: t.actor.name },
      data,
      pinned: !!body.pinned,
    };
  });
}
