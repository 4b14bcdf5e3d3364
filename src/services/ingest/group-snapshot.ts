import { type AlertEvent, type GroupSnapshot, plainAlertEvent } from '../../ingest/event.js';
import type { TxContext } from '../context.js';
import { resolveAlert } from './alert-transitions.js';
import { applyEvent } from './apply-event.js';
import type { BatchState } from './batch-state.js';
import type { KeyedIntegration } from './integration-actor.js';
import type { EventResult, IngestJob, JobScope } from './job.js';
import { recordEvent } from './record-event.js';

/**
 * The open incident of an Alertmanager group on this service, if any: alerts of one group share one
 * incident while it is open. A finished incident is never joined (a flapping reopen is decided by the
 * service's grouping settings instead).
 */
export async function groupIncident(t: TxContext, serviceId: string, groupKey: string): Promise<string | null> {
  const row = await t.tx
    .selectFrom('alert')
    .innerJoin('incident', 'incident.id', 'alert.incidentId')
    .select('incident.id')
    .where('alert.serviceId', '=', serviceId)
    .where('alert.groupKey', '=', groupKey)
    .where('incident.status', 'in', ['triggered', 'acknowledged'])
    .orderBy('incident.createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * One Alertmanager/Grafana notification: the whole current state of its group (interop.md).
 *
 * - Members firing again that are already open here are `unchanged`: one statement touches them all
 *   and one event row records the repeat (a notification is one inbound message).
 * - Other members go through applyEvent one by one (new alerts, resolves).
 * - An alert of this group open here but absent from a complete notification (none truncated) has
 *   resolved: Alertmanager drops a member from the group once its resolve was delivered, and with
 *   `send_resolved: false` never sends the resolve at all. With `truncatedAlerts > 0` absent alerts
 *   may just be cut off, so they are left as they are.
 *
 * Open members are found by what the sender calls them (the fingerprint, `sender_key`), so event
 * rules that re-key or route them do not break the snapshot.
 */
export async function applySnapshot(
  t: TxContext,
  state: BatchState,
  integration: KeyedIntegration,
  job: IngestJob,
  group: GroupSnapshot,
  groupKey: string,
  scope: JobScope,
  flushJoins: () => Promise<void>,
): Promise<EventResult[]> {
  const open = await t.tx
    .selectFrom('alert')
    .select(['id', 'serviceId', 'dedupKey', 'senderKey', 'incidentId', 'summary', 'severity', 'source'])
    .where('integrationId', '=', integration.id)
    .where('groupKey', '=', groupKey)
    .where('resolvedAt', 'is', null)
    .execute();
  const bySender = new Map(open.map((a) => [a.senderKey ?? a.dedupKey, a]));
  const results: (EventResult | null)[] = [];
  const repeated: { index: number; alert: (typeof open)[number] }[] = [];
  for (const event of job.events) {
    const known = event.action === 'trigger' && event.dedupKey !== null ? bySender.get(event.dedupKey) : undefined;
    if (known) {
      repeated.push({ index: results.length, alert: known });
      results.push(null);
      continue;
    }
    if (event.action !== 'trigger') await flushJoins();
    results.push(await applyEvent(t, state, integration, job, event, groupKey, scope));
  }
  if (repeated.length > 0) {
    const ids = repeated.map((r) => r.alert.id);
    await t.tx.updateTable('alert').set({ lastSeenAt: t.now }).where('id', 'in', ids).execute();
    const logged = recordEvent(t, state.eventLog, {
      serviceId: integration.serviceId,
      dedupKey: null,
      outcome: 'unchanged',
      alertId: null,
      incidentId: null,
      reason: { why: 'repeated in its group notification', groupKey: group.key, alertIds: ids },
      event: plainAlertEvent({ action: 'trigger', summary: `${ids.length} alert(s) repeated in group ${group.key}`, occurredAt: t.now }),
    });
    for (const r of repeated) results[r.index] = { ...logged, dedupKey: r.alert.dedupKey, alertId: r.alert.id, incidentId: r.alert.incidentId };
  }
  const out = results as EventResult[];
  if (group.truncated > 0) return out;
  await flushJoins();
  const present = new Set(group.members);
  const absent = open.filter((a) => !present.has(a.senderKey ?? a.dedupKey));
  if (absent.length === 0) return out;
  // Re-read: earlier events of this notification may have moved them (a threshold adopting held alerts).
  const now = new Map(
    (await t.tx.selectFrom('alert').select(['id', 'incidentId', 'resolvedAt']).where('id', 'in', absent.map((a) => a.id)).execute()).map((r) => [r.id, r]),
  );
  for (const stale of absent) {
    const current = now.get(stale.id);
    if (!current || current.resolvedAt) continue;
    const a = { ...stale, incidentId: current.incidentId };
    await resolveAlert(t, a, null, 'absent from its Alertmanager group notification');
    out.push(
      recordEvent(t, state.eventLog, {
        serviceId: a.serviceId,
        dedupKey: a.dedupKey,
        outcome: 'resolved',
        alertId: a.id,
        incidentId: a.incidentId,
        reason: { why: 'absent from its group notification', groupKey: group.key },
        event: plainAlertEvent({ action: 'resolve', summary: a.summary, occurredAt: t.now, dedupKey: a.dedupKey, source: a.source, severity: a.severity as AlertEvent['severity'] }),
      }),
    );
  }
  return out;
}
