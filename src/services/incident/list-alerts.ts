import { IncidentAlertsQuery } from '../../contracts/alert.js';
import { listAlertRows } from '../alert/rows.js';
import { type AlertView, viewAlert } from '../alert/view.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { parseInput } from '../shared/parse.js';
import { readVisibleIncident } from './access.js';

/** The alerts grouped into an incident, most recently seen first; 404 when the incident is not visible. */
export async function listIncidentAlerts(ctx: ServiceContext, incidentId: string, input: unknown): Promise<{ items: AlertView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'incident.read');
  const query = parseInput(IncidentAlertsQuery, input ?? {}, 'query');
  await readVisibleIncident(ctx, incidentId, 'alerts');
  const rows = await listAlertRows(ctx.store.db, {
    incidentId,
    before: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
    viewer: { userId: null, seesAllRestricted: true }, // the incident itself was checked above
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ createdAt: last.lastSeenAt, id: last.id }) : null;
  return { items: page.map(viewAlert), nextCursor };
}
