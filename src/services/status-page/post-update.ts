import { CreateStatusUpdateBody } from '../../contracts/status-page.js';
import { validation } from '../../domain/errors.js';
import { newId } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incident/access.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { appendTimeline } from '../shared/timeline.js';
import { notifySubscribers } from '../status-subscriber/notify.js';
import { loadPageState } from './page-state.js';
import { type PostedIncidentView, postedIncidents } from './posted-view.js';

/**
 * Post an update about an incident to a status page (SPEC §3). The first update puts the incident on
 * the page (with its public title: `title`, else the incident's); `resolved` takes it off the page's
 * active list and a later update reopens it there. Nothing reaches a page unless posted on purpose,
 * restricted incidents included. The update, its timeline entry, its audit row and every subscriber's
 * message (sent once each by the job runner) commit together.
 */
export async function postStatusUpdate(ctx: ServiceContext, incidentId: string, input: unknown): Promise<PostedIncidentView> {
  authorize(ctx.actor, 'incident.update');
  const body = parseInput(CreateStatusUpdateBody, input);
  return inTransaction(ctx, async (t) => {
    const { row: incident } = await loadVisibleIncident(t.tx, t.actor, incidentId);
    const page = await t.tx.selectFrom('statusPage').selectAll().where('id', '=', body.statusPageId).executeTakeFirst();
    if (!page) throw validation('statusPageId', `no status page with id ${body.statusPageId}; create one with POST /api/v1/status-pages`);
    const resolvedAt = body.status === 'resolved' ? t.now : null;
    await t.tx
      .insertInto('statusIncident')
      .values({ id: newId(), pageId: page.id, incidentId, title: body.title ?? incident.title, status: body.status, createdAt: t.now, updatedAt: t.now, resolvedAt })
      .onConflict((oc) => oc.columns(['pageId', 'incidentId']).doNothing())
      .execute();
    const posted = await t.tx.selectFrom('statusIncident').selectAll().where('pageId', '=', page.id).where('incidentId', '=', incidentId).executeTakeFirstOrThrow();
    const title = body.title ?? posted.title;
    await t.tx
      .updateTable('statusIncident')
      .set({ title, status: body.status, updatedAt: t.now, resolvedAt: body.status === 'resolved' ? (posted.resolvedAt ?? t.now) : null })
      .where('id', '=', posted.id)
      .execute();
    const updateId = newId();
    await t.tx.insertInto('statusUpdate').values({ id: updateId, statusIncidentId: posted.id, status: body.status, body: body.message, createdById: t.actor.userId, createdAt: t.now }).execute();
    await t.tx.updateTable('statusPage').set({ updatedAt: t.now }).where('id', '=', page.id).execute();

    const state = await loadPageState(t.tx, page, t.now);
    const componentIds = state.incidents.find((i) => i.id === posted.id)?.componentIds ?? [];
    const facts = { statusPageId: page.id, pageName: page.name, slug: page.slug, visibility: page.visibility, updateId, status: body.status, title, message: body.message };
    await appendTimeline(t, incidentId, 'status_update.posted', facts);
    await t.tx.updateTable('incident').set({ updatedAt: t.now }).where('id', '=', incidentId).execute();
    await recordAudit(t, { action: 'status_update.posted', targetType: 'incident', targetId: incidentId, after: facts });
    await recordOutbox(t, 'status_update.posted', incidentId, { incidentId, statusPageId: page.id, updateId });
    await notifySubscribers(t, { pageId: page.id, statusIncidentId: posted.id, updateId, componentIds, state });
    const views = await postedIncidents(t.tx, incidentId, incident.severity);
    return views.find((v) => v.pageId === page.id)!;
  });
}
