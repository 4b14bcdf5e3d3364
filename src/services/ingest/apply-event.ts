import { randomUUID } from 'node:crypto';
import { decideAlertEvent, type OpenAlertStatus } from '../../domain/ingest/alert-state.js';
import type { AlertEvent } from '../../ingest/event.js';
import { prepared } from '../../store/prepared.js';
import type { Executor, TxContext } from '../context.js';
import type { BatchState } from './batch-state.js';
import { createAlert } from './create-alert.js';
import { acknowledgeAlert, resolveAlert } from './alert-transitions.js';
import type { KeyedIntegration } from './integration-actor.js';
import type { EventResult, IngestJob, JobScope } from './job.js';
import { recordEvent } from './record-event.js';

const openAlert = (ex: Executor, a: { serviceId: string; dedupKey: string }) =>
  ex.updateTable('alert').where('serviceId', '=', a.serviceId).where('dedupKey', '=', a.dedupKey).where('resolvedAt', 'is', null);
/** A trigger on the open alert: one more event on it. */
const bumpAlert = prepared((ex, a: { now: string; serviceId: string; dedupKey: string }) =>
  openAlert(ex, a)
    .set((eb) => ({ lastSeenAt: a.now, eventCount: eb('eventCount', '+', 1) }))
    .returning(['id', 'incidentId']),
);
/** A repeated member of an Alertmanager group notification: seen again, nothing new. */
const touchAlert = prepared((ex, a: { now: string; serviceId: string; dedupKey: string }) => openAlert(ex, a).set({ lastSeenAt: a.now }).returning(['id', 'incidentId']));

/**
 * One alert event (SPEC §4.1): event rules first (they may drop, suppress, re-key or route it), then
 * dedup among the service's *open* alerts, then PagerDuty's trigger/acknowledge/resolve semantics.
 * `groupKey` is set for Alertmanager group notifications, which repeat the whole group each time:
 * a repeated firing alert is then `unchanged`, not another event on the alert.
 */
export async function applyEvent(
  t: TxContext,
  state: BatchState,
  integration: KeyedIntegration,
  job: IngestJob,
  received: AlertEvent,
  groupKey: string | null,
  scope: JobScope,
): Promise<EventResult> {
  const rules = await state.evaluate(integration.serviceId, received);
  const event = rules.event;
  const serviceId = rules.serviceId;
  const dedupKey = event.dedupKey ?? (event.action === 'trigger' ? randomUUID() : null);
  const ruleReason: Record<string, unknown> = rules.matched ? { rules: rules.matched, ...(rules.routedBy ? { routedFrom: integration.serviceId } : {}) } : {};
  const log = (outcome: EventResult['outcome'], alertId: string | null, incidentId: string | null, reason: Record<string, unknown> = ruleReason) =>
    recordEvent(t, state.eventLog, { serviceId, dedupKey, outcome, alertId, incidentId, reason, event: { ...event, dedupKey } });

  if (rules.drop) return log('dropped', null, null, { ...ruleReason, droppedBy: rules.drop });
  if (dedupKey === null) return log('ignored', null, null, { ...ruleReason, why: 'no dedup key' });

  if (event.action === 'trigger') {
    // The hot path: one statement finds and bumps the open alert with this key.
    const bump = groupKey ? touchAlert : bumpAlert;
    const bumped = (await bump(t.tx, { now: t.now, serviceId, dedupKey })).rows[0];
    if (bumped) return log(groupKey ? 'unchanged' : 'appended', bumped.id, bumped.incidentId);
    return createAlert(t, state, { scope, senderKey: received.dedupKey, integration, group: job.group ?? null, event: { ...event, dedupKey }, serviceId, rules, groupKey, ruleReason });
  }

  const open =
    (await t.tx
      .selectFrom('alert')
      .select(['id', 'status', 'incidentId'])
      .where('serviceId', '=', serviceId)
      .where('dedupKey', '=', dedupKey)
      .where('resolvedAt', 'is', null)
      .executeTakeFirst()) ??
    // Rules may have re-keyed or routed the trigger: find it by what this sender called it.
    (rules.matched && received.dedupKey
      ? await t.tx
          .selectFrom('alert')
          .select(['id', 'status', 'incidentId'])
          .where('integrationId', '=', integration.id)
          .where('senderKey', '=', received.dedupKey)
          .where('resolvedAt', 'is', null)
          .executeTakeFirst()
      : undefined);
  const decision = decideAlertEvent(open ? { id: open.id, status: open.status as OpenAlertStatus } : null, event.action);
  switch (decision.kind) {
    case 'ignore':
      return log('ignored', open?.id ?? null, open?.incidentId ?? null, { ...ruleReason, why: decision.reason });
    case 'acknowledge':
      await acknowledgeAlert(t, open!, event);
      return log('acknowledged', open!.id, open!.incidentId);
    case 'resolve':
      await resolveAlert(t, open!, event);
      return log('resolved', open!.id, open!.incidentId);
    default:
      throw new Error(`unexpected decision ${decision.kind} for ${event.action}`);
  }
}
