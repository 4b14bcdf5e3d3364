import type { z } from 'zod';
import type { Incident } from '../../contracts/incident.js';
import { formatIncidentNumber } from '../../domain/incident/types.js';
import {
  actorNames,
  impactedServiceIds,
  type IncidentRow,
  roleHolders,
} from '../../store/queries/incident.js';
import type { Executor } from '../context.js';

export type IncidentView = z.infer<typeof Incident>;

/** Build the API view of incident rows (batched: one query per related table, not per row). */
export async function viewIncidents(ex: Executor, rows: IncidentRow[]): Promise<IncidentView[]> {
  const ids = rows.map((r) => r.id);
  const [impacted, roles, names] = await Promise.all([impactedServiceIds(ex, ids), roleHolders(ex, ids), actorNames(ex, rows)]);
  return rows.map((r) => ({
    id: r.id,
    number: Number(r.number),
    reference: formatIncidentNumber(Number(r.number)),
    title: r.title,
    description: r.description,
    status: r.status as IncidentView['status'],
    type: r.type as IncidentView['type'],
    severity: r.severity as IncidentView['severity'],
    impact: r.impact as IncidentView['impact'],
    urgency: r.urgency as IncidentView['urgency'],
    priority: r.priority as IncidentView['priority'],
    serviceId: r.serviceId,
    impactedServiceIds: impacted.get(r.id) ?? [],
    visibility: r.visibility as IncidentView['visibility'],
    assessment: JSON.parse(r.assessment),
    coordinationUrl: r.coordinationUrl,
    alertCount: r.alertCount,
    mergedIntoId: r.mergedIntoId,
    roles: Object.fromEntries(
      roles.filter((h) => h.incidentId === r.id).map((h) => [h.role, { userId: h.userId, name: h.name, assignedAt: h.assignedAt }]),
    ),
    createdBy: {
      type: r.createdByType as IncidentView['createdBy']['type'],
      id: r.createdById,
      name: r.createdById ? (names.get(r.createdById) ?? 'unknown') : 'Hikeshi',
    },
    startedAt: r.startedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    acknowledgedAt: r.acknowledgedAt,
    resolvedAt: r.resolvedAt,
    closedAt: r.closedAt,
  }));
}

export async function viewIncident(ex: Executor, row: IncidentRow): Promise<IncidentView> {
  return (await viewIncidents(ex, [row]))[0]!;
}
