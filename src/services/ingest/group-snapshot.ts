import type { GroupSnapshot } from '../../ingest/event.js';
import type { TxContext } from '../context.js';
import { resolveAlert } from './alert-transitions.js';
import type { KeyedIntegration } from './integration-actor.js';
import type { EventResult } from './job.js';
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
 * Every notification carries the whole group (interop.md: Alertmanager strips an alert from the group
 * once its resolve was sent, and with `send_resolved: false` never sends the resolve at all). So an
 * alert of this group that is open here but absent from a complete notification (none truncated) has
 * resolved. With `truncatedAlerts > 0` absent alerts may just be cut off: they are left as they are.
 */
export async function resolveAbsentMembers(t: TxContext, integration: KeyedIntegration, group: GroupSnapshot, groupKey: string): Promise<EventResult[]> {
  if (group.truncated > 0) return [];
  const present = new Set(group.members);
  const open = await t.tx
    .selectFrom('alert')
    .select(['id', 'serviceId', 'dedupKey', 'incidentId', 'summary', 'severity', 'source'])
    .where('integrationId', '=', integration.id)
    .where('groupKey', '=', groupKey)
    .where('resolvedAt', 'is', null)
    .execute();
  const out: EventResult[] = [];
  for (const a of open) {
    if (present.has(a.dedupKey)) continue;
    await resolveAlert(t, a, null, 'absent from its Alertmanager group notification');
    out.push(
      await recordEvent(t, {
        serviceId: a.serviceId,
        dedupKey: a.dedupKey,
        outcome: 'resolved',
        alertId: a.id,
        incidentId: a.incidentId,
        reason: { why: 'absent from its group notification', groupKey: group.key },
        event: {
          kind: 'alert',
          action: 'resolve',
          dedupKey: a.dedupKey,
          summary: a.summary,
          source: a.source,
          severity: a.severity as 'info',
          component: null,
          group: null,
          class: null,
          labels: {},
          details: {},
          links: [],
          occurredAt: t.now,
          client: null,
          clientUrl: null,
        },
      }),
    );
  }
  return out;
}
