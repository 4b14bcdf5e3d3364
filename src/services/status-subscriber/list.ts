import { z } from 'zod';
import { Limit } from '../../contracts/common.js';
import { SUBSCRIBER_STATUSES } from '../../contracts/status-subscriber.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { parseInput } from '../shared/parse.js';
import { pageById } from './load.js';
import { type StatusSubscriberView, viewSubscriber } from './view.js';

export const ListStatusSubscribersQuery = z.strictObject({
  status: z.enum(SUBSCRIBER_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: Limit,
});

/** A page's subscribers, oldest first (addresses are personal data: administrators only). */
export async function listStatusSubscribers(ctx: ServiceContext, pageId: string, input: unknown): Promise<{ items: StatusSubscriberView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'status_page.manage');
  const q = parseInput(ListStatusSubscribersQuery, input ?? {}, 'query');
  const page = await pageById(ctx.store.db, pageId);
  let query = ctx.store.db.selectFrom('statusSubscriber').selectAll().where('pageId', '=', page.id);
  if (q.status === 'unsubscribed') query = query.where('unsubscribedAt', 'is not', null);
  if (q.status === 'active') query = query.where('unsubscribedAt', 'is', null).where('confirmedAt', 'is not', null);
  if (q.status === 'pending_confirmation') query = query.where('unsubscribedAt', 'is', null).where('confirmedAt', 'is', null);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    query = query.where((eb) => eb.or([eb('createdAt', '>', c.createdAt), eb.and([eb('createdAt', '=', c.createdAt), eb('id', '>', c.id)])]));
  }
  const rows = await query.orderBy('createdAt').orderBy('id').limit(q.limit + 1).execute();
  const page1 = rows.slice(0, q.limit);
  const last = page1[page1.length - 1];
  return { items: page1.map((r) => viewSubscriber(r, ctx.secret)), nextCursor: rows.length > q.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
}
