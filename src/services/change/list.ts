import { ListChangesQuery } from '../../contracts/change.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { parseInput } from '../shared/parse.js';
import { type ChangeView, viewChange } from './view.js';

/** Change events, most recent first, optionally for one service and a time range. */
export async function listChanges(ctx: ServiceContext, input: unknown): Promise<{ items: ChangeView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'service.read');
  const q = parseInput(ListChangesQuery, input ?? {}, 'query');
  let query = ctx.store.db.selectFrom('changeEvent').selectAll();
  if (q.serviceId) query = query.where('serviceId', '=', q.serviceId);
  if (q.since) query = query.where('occurredAt', '>=', new Date(q.since).toISOString());
  if (q.until) query = query.where('occurredAt', '<=', new Date(q.until).toISOString());
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    query = query.where((eb) => eb.or([eb('occurredAt', '<', c.createdAt), eb.and([eb('occurredAt', '=', c.createdAt), eb('id', '<', c.id)])]));
  }
  const rows = await query.orderBy('occurredAt', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map(viewChange), nextCursor: rows.length > q.limit && last ? encodeCursor({ createdAt: last.occurredAt, id: last.id }) : null };
}
