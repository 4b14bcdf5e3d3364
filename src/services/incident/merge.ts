import { MergeBody } from '../../contracts/incident.js';
import { conflict, validation } from '../../domain/errors.js';
import { formatIncidentNumber } from '../../domain/incident/types.js';
import { findIncidentRow } from '../../store/queries/incident.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordOutbox } from '../shared/outbox.js';
import { parseInput } from '../shared/parse.js';
import { appendTimeline } from '../shared/timeline.js';
import { loadVisibleIncident } from './access.js';
import { transitionIncident } from './transition.js';
import { type IncidentView, viewIncident } from './view.js';

/**
 * Merge incident `id` into `targetIncidentId`: the source becomes `merged`, its alerts and
 * participants move to the target, and both timelines say so. Returns the target.
 */
export async function mergeIncident(ctx: ServiceContext, id: string, input: unknown): Promise<IncidentView> {
  const body = parseInput(MergeBody, input);
  if (body.targetIncidentId === id) throw validation('targetIncidentId', 'an incident cannot be merged into itself');
  return inTransaction(ctx, async (t) => {
    const { row: target } = await loadVisibleIncident(t.tx, t.actor, body.targetIncidentId).catch(() => {
      throw validation('targetIncidentId', `no incident with id ${body.targetIncidentId}`);
    });
    if (target.status === 'merged' || target.status === 'closed' || target.status === 'declined') {
      throw conflict(`the target incident is ${target.status}; merge into an open or resolved incident`);
    }
    const { row: source } = await loadVisibleIncident(t.tx, t.actor, id);
    await transitionIncident(
      t,
      id,
      'merge',
      { targetIncidentId: target.id, targetReference: formatIncidentNumber(Number(target.number)) },
      { mergedIntoId: target.id },
    );
    const moved = await t.tx.updateTable('alert').set({ incidentId: target.id }).where('incidentId', '=', id).executeTakeFirst();
    const movedCount = Number(moved.numUpdatedRows);
    await t.tx
      .updateTable('incident')
      .set((eb) => ({ alertCount: eb('alertCount', '+', movedCount), updatedAt: t.now }))
      .where('id', '=', target.id)
      .execute();
    await t.tx.updateTable('incident').set({ alertCount: 0 }).where('id', '=', id).execute();
    const participants = await t.tx.selectFrom('incidentParticipant').selectAll().where('incidentId', '=', id).execute();
    for (const p of participants) {
      await t.tx
        .insertInto('incidentParticipant')
        .values({ ...p, incidentId: target.id })
        .onConflict((oc) => oc.columns(['incidentId', 'userId']).doNothing())
        .execute();
    }
    await appendTimeline(t, target.id, 'incident.merged_in', {
      sourceIncidentId: id,
      sourceReference: formatIncidentNumber(Number(source.number)),
      sourceTitle: source.title,
      alertsMoved: movedCount,
    });
    await recordOutbox(t, 'incident.updated', target.id, { incidentId: target.id });
    return viewIncident(t.tx, (await findIncidentRow(t.tx, target.id))!);
  });
}
