import { ALERT_STATUSES, ListAlertsQuery } from '../../contracts/alert.js';
import type { ServiceContext } from '../context.js';
import { seesAllRestricted } from '../incident/access.js';
import { authorize } from '../shared/authorize.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { parseInput } from '../shared/parse.js';
import { parseStatusFilter } from '../shared/status-filter.js';
import { listAlertRows } from './rows.js';
import { type AlertView, viewAlert } from './view.js';

/** Alerts, most recently seen first; alerts of restricted incidents the actor may not see are absent. */
export async function listAlerts(ctx: ServiceContext, input: unknown): Promise<{ items: AlertView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'incident.read');
  const query = parseInput(ListAlertsQuery, input ?? {}, 'query');
  const rows = await listAlertRows(ctx.store.db, {
    serviceId: query.serviceId,
    integrationId: query.integrationId,
    statuses: parseStatusFilter(query.status, ALERT_STATUSES, 'alert'),
    before: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
    viewer: { userId: ctx.actor.userId, seesAllRestricted: seesAllRestricted(ctx.actor) },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ createdAt: last.lastSeenAt, id: last.id }) : null;
  return { items: page.map(viewAlert), nextCursor };
}
