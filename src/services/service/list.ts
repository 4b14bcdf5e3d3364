import { sql } from 'kysely';
import { ListServicesQuery } from '../../contracts/service.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { parseInput } from '../shared/parse.js';
import { type ServiceView, viewService } from './view.js';

/** Services by name. */
export async function listServices(ctx: ServiceContext, input: unknown): Promise<{ items: ServiceView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'service.read');
  const q = parseInput(ListServicesQuery, input ?? {}, 'query');
  let query = ctx.store.db.selectFrom('service').selectAll();
  if (q.teamId) query = query.where('teamId', '=', q.teamId);
  if (q.q) {
    const pattern = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => sql<boolean>`lower(${eb.ref('name')}) like ${pattern} escape '\\'`);
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor, 'text');
    query = query.where((eb) => eb.or([eb('name', '>', c.createdAt), eb.and([eb('name', '=', c.createdAt), eb('id', '>', c.id)])]));
  }
  const rows = await query.orderBy('name').orderBy('id').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(viewService),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ createdAt: last.name, id: last.id }) : null,
  };
}
