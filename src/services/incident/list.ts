import { ListIncidentsQuery } from '../../contracts/incident.js';
import { INCIDENT_STATUSES } from '../../domain/incident/types.js';
import { listIncidentRows } from '../../store/queries/incident.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { parseInput } from '../shared/parse.js';
import { parseStatusFilter } from '../shared/status-filter.js';
import { seesAllRestricted } from './access.js';
import { type IncidentView, viewIncidents } from './view.js';

/** Newest first, keyset-paginated. Restricted incidents the actor may not see are simply absent. */
export async function listIncidents(ctx: ServiceContext, input: unknown): Promise<{ items: IncidentView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'incident.read');
  const query = parseInput(ListIncidentsQuery, input ?? {}, 'query');
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  const numberMatch = query.q?.match(/^(?:INC-)?(\d{1,12})$/i);
  const rows = await listIncidentRows(ctx.store.db, {
    statuses: parseStatusFilter(query.status, INCIDENT_STATUSES, 'incident'),
    serviceId: query.serviceId,
    type: query.type,
    severity: query.severity,
    priority: query.priority,
    visibility: query.visibility,
    q: query.q || undefined,
    number: numberMatch ? Number(numberMatch[1]) : undefined,
    updatedSince: query.updatedSince ? new Date(query.updatedSince).toISOString() : undefined,
    before,
    limit: query.limit + 1,
    viewer: { userId: ctx.actor.userId, seesAllRestricted: seesAllRestricted(ctx.actor) },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
  return { items: await viewIncidents(ctx.store.db, page), nextCursor };
}
