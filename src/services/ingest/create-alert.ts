import { contentKey, decideGrouping, type GroupingDecision, type GroupingInput } from '../../domain/ingest/grouping.js';
import type { IncidentStatus } from '../../domain/incident/types.js';
import type { AlertEvent, GroupSnapshot } from '../../ingest/event.js';
import { newId } from '../../platform/ids.js';
import type { Insertable } from 'kysely';
import { prepared } from '../../store/prepared.js';
import type { AlertTable } from '../../store/schema.js';
import type { TxContext } from '../context.js';
import { applyTransition } from '../incident/transition.js';
import type { BatchState, RuleEffects } from './batch-state.js';
import { groupIncident } from './group-snapshot.js';
import { attachAlerts, openIncident } from './incident-from-alert.js';
import type { KeyedIntegration } from './integration-actor.js';
import type { EventResult, JobScope } from './job.js';
import { recordEvent } from './record-event.js';

export interface NewAlert {
  scope: JobScope;
  /** The sender's own key (null when it gave none). */
  senderKey: string | null;
  integration: KeyedIntegration;
  group: GroupSnapshot | null;
  event: AlertEvent & { dedupKey: string };
  serviceId: string;
  rules: RuleEffects;
  groupKey: string | null;
  ruleReason: Record<string, unknown>;
}

const MINUTE = 60_000;

const insertAlert = prepared((ex, row: Insertable<AlertTable>) => ex.insertInto('alert').values(row));

/**
 * A trigger with no open alert for its key: a new alert. Suppressed (by a rule or a maintenance
 * window) it is kept and pages nobody; otherwise it joins its Alertmanager group's open incident, or
 * the service's grouping decides (flapping reopen, time window, content, threshold hold, new incident).
 * The alert stores why.
 */
export async function createAlert(t: TxContext, state: BatchState, a: NewAlert): Promise<EventResult> {
  const { event, serviceId } = a;
  const config = await state.config(serviceId);
  const maintenance = a.rules.suppress ? null : await state.maintenanceOf(serviceId);
  const suppressedBy = a.rules.suppress
    ? { rule: a.rules.suppress.ruleId }
    : maintenance
      ? { maintenanceWindowId: maintenance.id, name: maintenance.name, until: maintenance.endsAt }
      : null;
  const fieldValues = config.grouping.mode === 'content' ? fieldValuesOf(event, config.grouping.fields) : {};
  const groupingKey = config.grouping.mode === 'content' ? contentKey(config.grouping.fields, fieldValues) : null;
  const alertId = newId();

  let decision: GroupingDecision | null = null;
  let grouping: Record<string, unknown> | null = null;
  let incidentId: string | null = null;
  if (!suppressedBy) {
    const group = a.groupKey ? (a.scope.groupIncidents.get(serviceId) ?? (await groupIncident(t, serviceId, a.groupKey))) : null;
    if (group) {
      decision = { kind: 'join', incidentId: group, reason: { rule: 'none' } };
      grouping = { rule: 'alertmanager_group', groupKey: a.group?.key ?? null };
    } else {
      decision = decideGrouping(config, await groupingInput(t, config, serviceId, event.dedupKey, fieldValues, groupingKey));
      grouping = decision.reason;
    }
  }
  const reason = { ...a.ruleReason, ...(suppressedBy ? { suppressedBy } : {}), ...(grouping ? { grouping } : {}) };

  if (decision?.kind === 'new_incident') incidentId = await openIncident(t, state, { alertId, event, serviceId, rules: a.rules, reason, groupingKey });
  else if (decision?.kind === 'join' || decision?.kind === 'reopen') incidentId = decision.incidentId;
  if (incidentId && a.groupKey && decision?.kind !== 'hold') a.scope.groupIncidents.set(serviceId, incidentId);

  await insertAlert(t.tx, {
      id: alertId,
      serviceId,
      integrationId: a.integration.id,
      dedupKey: event.dedupKey,
      status: suppressedBy ? 'suppressed' : 'triggered',
      summary: event.summary,
      severity: event.severity,
      source: event.source,
      eventCount: 1,
      incidentId,
      reason: JSON.stringify(reason),
      details: JSON.stringify(alertDetails(event)),
      firstSeenAt: t.now,
      lastSeenAt: t.now,
      resolvedAt: null,
      groupKey: a.groupKey,
      groupingKey,
    senderKey: a.senderKey,
  });

  if (decision?.kind === 'reopen') {
    await applyTransition(t, decision.incidentId, 'reopen', { alertId, dedupKey: event.dedupKey, reason: decision.reason });
  }
  if (decision?.kind === 'reopen') await attachAlerts(t, decision.incidentId, [{ alertId, event, reason }]);
  if (decision?.kind === 'join') a.scope.joins.set(decision.incidentId, [...(a.scope.joins.get(decision.incidentId) ?? []), { alertId, event, reason }]);
  if (decision?.kind === 'new_incident' && config.threshold) await adoptHeldAlerts(t, serviceId, incidentId!, groupingKey, config.threshold.windowMinutes);

  const outcome = suppressedBy ? 'suppressed' : decision?.kind === 'hold' ? 'held' : 'created';
  return recordEvent(t, state.eventLog, { serviceId, dedupKey: event.dedupKey, outcome, alertId, incidentId, reason, event });
}

/** The facts decideGrouping needs, read only when the service's settings use them. */
async function groupingInput(
  t: TxContext,
  config: Awaited<ReturnType<BatchState['config']>>,
  serviceId: string,
  dedupKey: string,
  fieldValues: Record<string, string | null>,
  groupingKey: string | null,
): Promise<GroupingInput> {
  const input: GroupingInput = { now: t.now, fieldValues, predecessor: null, candidates: [], recentMatching: 1 };
  if (config.flappingWindowMinutes > 0) {
    const p = await t.tx
      .selectFrom('alert')
      .leftJoin('incident', 'incident.id', 'alert.incidentId')
      .select(['alert.incidentId', 'alert.resolvedAt', 'incident.status'])
      .where('alert.serviceId', '=', serviceId)
      .where('alert.dedupKey', '=', dedupKey)
      .where('alert.resolvedAt', 'is not', null)
      .orderBy('alert.resolvedAt', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (p?.resolvedAt) input.predecessor = { incidentId: p.incidentId, incidentStatus: (p.status as IncidentStatus) ?? null, resolvedAt: p.resolvedAt };
  }
  if (config.grouping.mode !== 'none') {
    const rows = await t.tx
      .selectFrom('incident')
      .select(['id', 'status', 'createdAt', 'groupingKey'])
      .where('serviceId', '=', serviceId)
      .where('status', 'in', ['triggered', 'acknowledged'])
      .where('createdByType', '=', 'integration')
      .$if(config.grouping.mode === 'content', (q) => q.where('groupingKey', '=', groupingKey))
      .orderBy('createdAt', 'desc')
      .limit(20)
      .execute();
    input.candidates = rows.map((r) => ({ id: r.id, status: r.status as IncidentStatus, createdAt: r.createdAt, contentKey: r.groupingKey }));
  }
  if (config.threshold) {
    const since = new Date(Date.parse(t.now) - config.threshold.windowMinutes * MINUTE).toISOString();
    const row = await t.tx
      .selectFrom('alert')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('serviceId', '=', serviceId)
      .where('firstSeenAt', '>=', since)
      .where('status', '!=', 'suppressed')
      .$if(groupingKey !== null, (q) => q.where('groupingKey', '=', groupingKey))
      .executeTakeFirstOrThrow();
    input.recentMatching = Number(row.n) + 1;
  }
  return input;
}

/** Once a threshold opens an incident, the alerts it held in the window join it. */
async function adoptHeldAlerts(t: TxContext, serviceId: string, incidentId: string, groupingKey: string | null, windowMinutes: number): Promise<void> {
  const since = new Date(Date.parse(t.now) - windowMinutes * MINUTE).toISOString();
  const held = await t.tx
    .updateTable('alert')
    .set({ incidentId })
    .where('serviceId', '=', serviceId)
    .where('incidentId', 'is', null)
    .where('status', 'in', ['triggered', 'acknowledged'])
    .where('resolvedAt', 'is', null)
    .where('firstSeenAt', '>=', since)
    .$if(groupingKey !== null, (q) => q.where('groupingKey', '=', groupingKey))
    .executeTakeFirst();
  const n = Number(held.numUpdatedRows);
  if (n > 0) await t.tx.updateTable('incident').set((eb) => ({ alertCount: eb('alertCount', '+', n) })).where('id', '=', incidentId).execute();
}

/** Values of the content-grouping fields: `summary`, `source`, `severity`, `component`, `group`, `class`, `labels.x`, `details.x`. */
export function fieldValuesOf(event: AlertEvent, fields: string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of fields) out[f] = fieldValue(event, f);
  return out;
}

function fieldValue(event: AlertEvent, field: string): string | null {
  if (field.startsWith('labels.')) return Object.hasOwn(event.labels, field.slice(7)) ? event.labels[field.slice(7)]! : null;
  if (field.startsWith('details.')) {
    let v: unknown = event.details;
    for (const part of field.slice(8).split('.')) v = v && typeof v === 'object' && Object.hasOwn(v, part) ? (v as Record<string, unknown>)[part] : undefined;
    return v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);
  }
  const top = (event as unknown as Record<string, unknown>)[field];
  return typeof top === 'string' ? top : null;
}

/** What the alert keeps besides its columns: the first trigger's details, labels and links. */
function alertDetails(event: AlertEvent): Record<string, unknown> {
  return {
    ...event.details,
    ...(Object.keys(event.labels).length ? { labels: event.labels } : {}),
    ...(event.links.length ? { links: event.links } : {}),
    ...(event.component ? { component: event.component } : {}),
    ...(event.group ? { group: event.group } : {}),
    ...(event.class ? { class: event.class } : {}),
    ...(event.client ? { client: event.client, clientUrl: event.clientUrl } : {}),
  };
}
