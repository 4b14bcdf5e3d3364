import type { AlertEvent } from '../../ingest/event.js';
import type { TxContext } from '../context.js';
import { applyTransition } from '../incident/transition.js';
import { recordOutbox } from '../shared/outbox.js';
import { appendTimeline } from '../shared/timeline.js';

interface OpenAlertRef {
  id: string;
  incidentId: string | null;
}

const OPEN_INCIDENT = ['triggered', 'acknowledged'];

/** What the sender said with an acknowledge/resolve: timeline text only, never written over the alert. */
function saidWith(event: AlertEvent | null): Record<string, unknown> {
  return event ? { summary: event.summary, source: event.source } : {};
}

/** An acknowledge event: the alert is acknowledged, and its incident too if nobody has yet. */
export async function acknowledgeAlert(t: TxContext, alert: OpenAlertRef, event: AlertEvent): Promise<void> {
  await t.tx.updateTable('alert').set({ status: 'acknowledged', acknowledgedAt: t.now }).where('id', '=', alert.id).execute();
  if (!alert.incidentId) return;
  const incident = await t.tx.selectFrom('incident').select('status').where('id', '=', alert.incidentId).executeTakeFirst();
  if (incident?.status === 'triggered') {
    await applyTransition(t, alert.incidentId, 'acknowledge', { alertId: alert.id, dedupKey: event.dedupKey, ...saidWith(event) });
  }
}

/**
 * A resolve event (or a member missing from its Alertmanager group): the alert resolves, and its
 * incident resolves when this was its last open alert. Otherwise the timeline notes the partial
 * resolve and how many alerts remain.
 */
export async function resolveAlert(t: TxContext, alert: OpenAlertRef, event: AlertEvent | null, why?: string): Promise<void> {
  await t.tx.updateTable('alert').set({ status: 'resolved', resolvedAt: t.now }).where('id', '=', alert.id).execute();
  if (!alert.incidentId) return;
  const incident = await t.tx.selectFrom('incident').select('status').where('id', '=', alert.incidentId).executeTakeFirst();
  if (!incident || !OPEN_INCIDENT.includes(incident.status)) return;
  const remaining = await t.tx
    .selectFrom('alert')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('incidentId', '=', alert.incidentId)
    .where('resolvedAt', 'is', null)
    .executeTakeFirstOrThrow();
  const data = { alertId: alert.id, dedupKey: event?.dedupKey ?? null, ...saidWith(event), ...(why ? { why } : {}) };
  if (Number(remaining.n) === 0) {
    await applyTransition(t, alert.incidentId, 'resolve', { ...data, reason: 'all alerts resolved' });
    return;
  }
  await appendTimeline(t, alert.incidentId, 'alert.resolved', { ...data, openAlerts: Number(remaining.n) });
  await t.tx.updateTable('incident').set({ updatedAt: t.now }).where('id', '=', alert.incidentId).execute();
  await recordOutbox(t, 'alert.resolved', alert.incidentId, { incidentId: alert.incidentId, alertId: alert.id });
}
