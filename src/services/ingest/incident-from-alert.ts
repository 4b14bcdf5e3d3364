import type { Insertable } from 'kysely';
import { pagingUrgency } from '../../domain/ingest/config.js';
import { impactFromAssessment, priorityOf } from '../../domain/incident/priority.js';
import { defaultVisibility } from '../../domain/incident/types.js';
import { renderMarkdown } from '../../domain/text/markdown.js';
import { incidentSearchText } from '../../domain/text/search.js';
import type { AlertEvent } from '../../ingest/event.js';
import { newId } from '../../platform/ids.js';
import { prepared } from '../../store/prepared.js';
import { nextIncidentNumber } from '../../store/queries/incident.js';
import type { IncidentTable } from '../../store/schema.js';
import type { TxContext } from '../context.js';
import { startEscalation } from '../escalation/start.js';
import { recordOutbox } from '../shared/outbox.js';
import { appendTimeline } from '../shared/timeline.js';
import type { BatchState, RuleEffects } from './batch-state.js';

const insertIncident = prepared((ex, row: Insertable<IncidentTable>) => ex.insertInto('incident').values(row));
const insertImpactedService = prepared((ex, row: { incidentId: string; serviceId: string }) => ex.insertInto('incidentService').values(row));

export interface AlertRef {
  alertId: string;
  event: AlertEvent & { dedupKey: string };
  reason: Record<string, unknown>;
}

/**
 * Open an incident for a new alert (SPEC §4.2: declared automatically from alerts). Severity and
 * urgency come from the alert's severity through the service's maps, unless a rule set them; the
 * priority from the impact × urgency matrix. The outbox row is what [oncall] pages on, with the
 * paging urgency (high for urgency 1–2, low for 3).
 */
export async function openIncident(
  t: TxContext,
  state: BatchState,
  a: AlertRef & { serviceId: string; rules: RuleEffects; groupingKey: string | null },
): Promise<string> {
  const config = await state.config(a.serviceId);
  const impact = impactFromAssessment(undefined);
  const urgency = config.urgencyMap[a.event.severity];
  const priority = a.rules.priority ?? priorityOf(await state.priorityMatrix(), impact, urgency);
  const severity = a.rules.incidentSeverity ?? config.severityMap[a.event.severity];
  const type = a.rules.incidentType ?? 'outage';
  const visibility = defaultVisibility(type);
  const title = a.event.summary.length > 500 ? `${a.event.summary.slice(0, 499)}…` : a.event.summary;
  const startedAt = a.event.occurredAt < t.now ? a.event.occurredAt : t.now;
  const id = newId();
  await insertIncident(t.tx, {
      id,
      number: await nextIncidentNumber(t.tx),
      title,
      description: '',
      searchText: incidentSearchText(title, ''),
      status: 'triggered',
      type,
      severity,
      impact,
      urgency,
      priority,
      serviceId: a.serviceId,
      visibility,
      assessment: '{}',
      coordinationUrl: null,
      alertCount: 1,
      mergedIntoId: null,
      createdByType: 'integration',
      createdById: t.actor.id,
      startedAt,
      createdAt: t.now,
      updatedAt: t.now,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      groupingKey: a.groupingKey,
  });
  await insertImpactedService(t.tx, { incidentId: id, serviceId: a.serviceId });
  await appendTimeline(t, id, 'incident.declared', {
    title,
    type,
    severity,
    priority,
    impact,
    urgency,
    visibility,
    startedAt,
    alertId: a.alertId,
    dedupKey: a.event.dedupKey,
    reason: a.reason,
  });
  for (const note of a.rules.notes) {
    await appendTimeline(t, id, 'note.added', { body: note.body, html: renderMarkdown(note.body), ruleId: note.ruleId });
  }
  await recordOutbox(t, 'incident.declared', id, { incidentId: id, alertId: a.alertId, urgency: pagingUrgency(urgency) });
  await startEscalation(t, id, a.serviceId);
  return id;
}

/**
 * New alerts join an open incident (grouping, their Alertmanager group, or a flapping reopen): one
 * count update, one timeline entry and one outbox row per incident, however many alerts a
 * notification brought.
 */
export async function attachAlerts(t: TxContext, incidentId: string, alerts: AlertRef[]): Promise<void> {
  if (alerts.length === 0) return;
  await t.tx
    .updateTable('incident')
    .set((eb) => ({ alertCount: eb('alertCount', '+', alerts.length), updatedAt: t.now }))
    .where('id', '=', incidentId)
    .execute();
  const [first] = alerts as [AlertRef];
  const entry = (a: AlertRef) => ({ alertId: a.alertId, dedupKey: a.event.dedupKey, summary: a.event.summary, severity: a.event.severity });
  await appendTimeline(t, incidentId, 'alert.added', {
    ...entry(first),
    reason: first.reason,
    ...(alerts.length > 1 ? { count: alerts.length, alerts: alerts.slice(0, 100).map(entry) } : {}),
  });
  await recordOutbox(t, 'alert.added', incidentId, { incidentId, alertIds: alerts.slice(0, 100).map((a) => a.alertId) });
}
