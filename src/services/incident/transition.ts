import { decide, type LifecycleAction } from '../../domain/incident/lifecycle.js';
import type { IncidentStatus } from '../../domain/incident/types.js';
import { conflict } from '../../domain/errors.js';
import { findIncidentRow, type IncidentRow } from '../../store/queries/incident.js';
import type { IncidentTable } from '../../store/schema.js';
import type { TxContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { recordOutbox } from '../shared/outbox.js';
import { appendTimeline } from '../shared/timeline.js';
import { followLifecycle } from '../escalation/follow.js';
import { loadVisibleIncident } from './access.js';

const PAST: Record<LifecycleAction, string> = {
  acknowledge: 'acknowledged',
  resolve: 'resolved',
  reopen: 'reopened',
  close: 'closed',
  decline: 'declined',
  merge: 'merged',
  escalate: 'escalated',
};

export interface TransitionResult {
  row: IncidentRow;
  changed: boolean;
}

/**
 * Apply one lifecycle action inside a transaction. The UPDATE is conditional on the status we read,
 * so two racing requests produce exactly one transition and one timeline entry; the loser re-reads
 * and gets a no-op (or a conflict) — reliability scenario R10.
 */
export async function transitionIncident(
  t: TxContext,
  id: string,
  action: LifecycleAction,
  data: Record<string, unknown> = {},
  extra: Partial<Pick<IncidentTable, 'mergedIntoId'>> = {},
): Promise<TransitionResult> {
  authorize(t.actor, 'incident.update');
  return applyTransition(t, id, action, data, extra, async () => (await loadVisibleIncident(t.tx, t.actor, id)).row);
}

/**
 * The transition itself, for callers that already decided the actor may act (the ingest pipeline
 * acting for an integration on the incidents of its own alerts). `load` reads the current row.
 */
export async function applyTransition(
  t: TxContext,
  id: string,
  action: LifecycleAction,
  data: Record<string, unknown> = {},
  extra: Partial<Pick<IncidentTable, 'mergedIntoId'>> = {},
  load: () => Promise<IncidentRow> = async () => (await findIncidentRow(t.tx, id))!,
): Promise<TransitionResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await load();
    const from = row.status as IncidentStatus;
    const d = decide(from, action);
    if (d.kind === 'noop') return { row, changed: false };
    if (d.kind === 'illegal') throw conflict(d.reason, { status: from, action });
    const set: Partial<IncidentTable> = { status: d.to, updatedAt: t.now, ...extra };
    if (d.to === 'acknowledged') set.acknowledgedAt = t.now;
    if (d.to === 'resolved') set.resolvedAt = t.now;
    if (d.to === 'closed') set.closedAt = t.now;
    if (action === 'reopen') {
      set.resolvedAt = null;
      set.acknowledgedAt = null;
    }
    if (action === 'escalate') set.acknowledgedAt = null;
    const res = await t.tx.updateTable('incident').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) continue; // someone else moved it first: decide again
    await followAlerts(t, id, d.to);
    const topic = `incident.${PAST[action]}`;
    await appendTimeline(t, id, topic, { from, to: d.to, ...data });
    await recordAudit(t, { action: topic, targetType: 'incident', targetId: id, before: { status: from }, after: { status: d.to, ...data } });
    await recordOutbox(t, topic, id, { incidentId: id, from, to: d.to, ...data });
    await followLifecycle(t, id, action, data);
    return { row: (await findIncidentRow(t.tx, id))!, changed: true };
  }
  throw conflict('the incident is changing too quickly; try again');
}

/**
 * An incident's open alerts follow it (PagerDuty semantics): acknowledging the incident acknowledges
 * its triggered alerts; resolving, closing or declining it resolves them, so a later trigger with the
 * same key starts a new alert and never lands in this finished incident.
 */
async function followAlerts(t: TxContext, incidentId: string, to: IncidentStatus): Promise<void> {
  if (to === 'acknowledged') {
    await t.tx
      .updateTable('alert')
      .set({ status: 'acknowledged', acknowledgedAt: t.now })
      .where('incidentId', '=', incidentId)
      .where('status', '=', 'triggered')
      .execute();
  } else if (to === 'resolved' || to === 'closed' || to === 'declined') {
    await t.tx
      .updateTable('alert')
      .set({ status: 'resolved', resolvedAt: t.now })
      .where('incidentId', '=', incidentId)
      .where('resolvedAt', 'is', null)
      .execute();
  }
}
