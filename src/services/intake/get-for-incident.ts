import { DomainError } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { readVisibleIncident } from '../incident/access.js';
import { authorize } from '../shared/authorize.js';
import { type IntakeReportView, selectReports, viewReport } from './view.js';

/** The report an incident came from: whoever may see the incident may read it; 404 when it has none. */
export async function getIntakeReportOf(ctx: ServiceContext, incidentId: string): Promise<IntakeReportView> {
  authorize(ctx.actor, 'incident.read');
  await readVisibleIncident(ctx, incidentId, 'intake report');
  const row = await selectReports(ctx.store.db).where('r.incidentId', '=', incidentId).orderBy('r.createdAt').executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', `incident ${incidentId} was not reported through the help portal: it has no intake report`);
  return viewReport(row);
}
