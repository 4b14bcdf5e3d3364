import type { z } from 'zod';
import type { PostedIncident } from '../../contracts/status-page.js';
import { impactOfSeverity } from '../../domain/status/page-status.js';
import type { IncidentUpdateStatus, Severity } from '../../domain/status/types.js';
import type { Executor } from '../context.js';

export type PostedIncidentView = z.infer<typeof PostedIncident>;

/** Every page an incident was posted to, with its updates newest first (for the incident's people). */
export async function postedIncidents(ex: Executor, incidentId: string, severity: string | null): Promise<PostedIncidentView[]> {
  const rows = await ex
    .selectFrom('statusIncident')
    .innerJoin('statusPage', 'statusPage.id', 'statusIncident.pageId')
    .select([
      'statusIncident.id',
      'statusIncident.pageId',
      'statusPage.slug as pageSlug',
      'statusPage.name as pageName',
      'statusIncident.title',
      'statusIncident.status',
      'statusIncident.createdAt',
      'statusIncident.updatedAt',
      'statusIncident.resolvedAt',
    ])
    .where('statusIncident.incidentId', '=', incidentId)
    .orderBy('statusPage.name')
    .execute();
  if (!rows.length) return [];
  const updates = await ex
    .selectFrom('statusUpdate')
    .leftJoin('appUser', 'appUser.id', 'statusUpdate.createdById')
    .select(['statusUpdate.id', 'statusUpdate.statusIncidentId', 'statusUpdate.status', 'statusUpdate.body', 'statusUpdate.createdAt', 'statusUpdate.createdById', 'appUser.name as createdByName'])
    .where(
      'statusUpdate.statusIncidentId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('statusUpdate.createdAt', 'desc')
    .orderBy('statusUpdate.id', 'desc')
    .execute();
  const impact = impactOfSeverity((severity as Severity | null) ?? null);
  return rows.map((r) => ({
    id: r.id,
    pageId: r.pageId,
    pageSlug: r.pageSlug,
    pageName: r.pageName,
    incidentId,
    title: r.title,
    status: r.status as IncidentUpdateStatus,
    impact,
    updates: updates
      .filter((u) => u.statusIncidentId === r.id)
      .map((u) => ({
        id: u.id,
        status: u.status as IncidentUpdateStatus,
        message: u.body,
        createdAt: u.createdAt,
        createdBy: u.createdById ? { id: u.createdById, name: u.createdByName ?? '' } : null,
      })),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    resolvedAt: r.resolvedAt,
  }));
}
