import type { Selectable } from 'kysely';
import { ListMaintenanceWindowsQuery } from '../../contracts/maintenance-window.js';
import type { MaintenanceWindowTable } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { type Cursor, decodeCursor, encodeCursor } from '../shared/cursor.js';
import { parseInput } from '../shared/parse.js';
import { type MaintenanceWindowView, viewMaintenanceWindow, windowServiceIds, windowState, windowStatusPageIds } from './view.js';

const BATCH = 200;

/**
 * Windows by start, latest first, optionally for one service and in one state at the clock's now.
 * SQL narrows by the stored instants (endsAt is the end of the last occurrence); whether a recurring
 * window runs now is decided by the domain, so pages are filled batch by batch.
 */
export async function listMaintenanceWindows(ctx: ServiceContext, input: unknown): Promise<{ items: MaintenanceWindowView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'service.read');
  const q = parseInput(ListMaintenanceWindowsQuery, input ?? {}, 'query');
  const now = ctx.clock.now().toISOString();
  const db = ctx.store.db;
  let cursor: Cursor | null = q.cursor ? decodeCursor(q.cursor) : null;
  const page: Selectable<MaintenanceWindowTable>[] = [];
  let more = false;

  async function fetchBatch(after: Cursor | null) {
    let query = db.selectFrom('maintenanceWindow').selectAll();
    if (q.serviceId) {
      const serviceId = q.serviceId;
      query = query.where('id', 'in', (eb) => eb.selectFrom('maintenanceWindowService').select('windowId').where('serviceId', '=', serviceId));
    }
    if (q.state === 'past') query = query.where('endsAt', 'is not', null).where('endsAt', '<=', now);
    if (q.state === 'active') query = query.where('startsAt', '<=', now);
    if (q.state === 'active' || q.state === 'upcoming') query = query.where((eb) => eb.or([eb('endsAt', 'is', null), eb('endsAt', '>', now)]));
    if (after) query = query.where((eb) => eb.or([eb('startsAt', '<', after.createdAt), eb.and([eb('startsAt', '=', after.createdAt), eb('id', '<', after.id)])]));
    return query.orderBy('startsAt', 'desc').orderBy('id', 'desc').limit(BATCH).execute();
  }

  for (;;) {
    const rows = await fetchBatch(cursor);
    for (const row of rows) {
      if (q.state && windowState(row, now).state !== q.state) continue;
      if (page.length === q.limit) {
        more = true;
        break;
      }
      page.push(row);
    }
    const last = rows[rows.length - 1];
    if (more || rows.length < BATCH || !last) break;
    cursor = { createdAt: last.startsAt, id: last.id };
  }
  const services = await windowServiceIds(db, page.map((r) => r.id));
  const pages = await windowStatusPageIds(db, page.map((r) => r.id));
  const lastItem = page[page.length - 1];
  return {
    items: page.map((r) => viewMaintenanceWindow(r, services.get(r.id) ?? [], now, pages.get(r.id) ?? [])),
    nextCursor: more && lastItem ? encodeCursor({ createdAt: lastItem.startsAt, id: lastItem.id }) : null,
  };
}
