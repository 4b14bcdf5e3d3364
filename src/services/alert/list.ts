import { ALERT_STATUSES, ListAlertsQuery } from '../../contracts/alert.js';
import { validation } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { seesAllRestricted } from '../incident/access.js';
import { authorize } from '../shared/authorize.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { parseInput } from '../shared/parse.js';
import { listAlertRows } from './rows.js';
import { type AlertView, viewAlert } from './view.js';

function parseStatuses(s: string | undefined): string[] | undefined {
  if (!s) return undefined;
  const out = new Set<string>();
  for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (part === 'open') {
      out.add('triggered');
      out.add('acknowledged');
    } else if ((ALERT_STATUSES as readonly string[]).includes(part)) out.add(part);
    else throw validation('status', `unknown alert status "${part}"; use ${ALERT_STATUSES.join(', ')} or open`);
  }
  return [...out];
}

/** Alerts, most recently seen first; alerts of restricted incidents the actor may not see are absent. */
export async function listAlerts(ctx: ServiceContext, input: unknown): Promise<{ items: AlertView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'incident.read');
  const query = parseInput(ListAlertsQuery, input ?? {}, 'query');
  const rows = await listAlertRows(ctx.store.db, {
    serviceId: query.serviceId,
    integrationId: query.integrationId,
    statuses: parseStatuses(query.status),
    before: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
    viewer: { userId: ctx.actor.userId, seesAllRestricted: seesAllRestricted(ctx.actor) },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ createdAt: last.lastSeenAt, id: last.id }) : null;
  return { items: page.map(viewAlert), nextCursor };
}
