import { IncidentChangesQuery } from '../../contracts/change.js';
import { impactedServiceIds } from '../../store/queries/incident.js';
import { readVisibleIncident } from '../incident/access.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { type ChangeView, viewChange } from './view.js';

/**
 * What changed on an incident's services (primary and impacted) from `hours` before its impact
 * started until it resolved (or now): the first question in every review, "what did we deploy?".
 */
export async function listIncidentChanges(ctx: ServiceContext, incidentId: string, input: unknown): Promise<{ items: ChangeView[]; nextCursor: null }> {
  authorize(ctx.actor, 'incident.read');
  const q = parseInput(IncidentChangesQuery, input ?? {}, 'query');
  const incident = await readVisibleIncident(ctx, incidentId, 'changes');
  const services = [...new Set([...(incident.serviceId ? [incident.serviceId] : []), ...((await impactedServiceIds(ctx.store.db, [incidentId])).get(incidentId) ?? [])])];
  if (!services.length) return { items: [], nextCursor: null };
  const from = new Date(Date.parse(incident.startedAt) - q.hours * 3_600_000).toISOString();
  const until = incident.resolvedAt ?? ctx.clock.now().toISOString();
  const rows = await ctx.store.db
    .selectFrom('changeEvent')
    .selectAll()
    .where('serviceId', 'in', services)
    .where('occurredAt', '>=', from)
    .where('occurredAt', '<=', until)
    .orderBy('occurredAt', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return { items: rows.map(viewChange), nextCursor: null };
}
