import { sql } from 'kysely';
import { ListUsersQuery } from '../../contracts/user.js';
import { validation } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { type UserView, viewUser } from './view.js';

/** Keyset cursor over (name, id); shared/cursor.ts is for (createdAt, id) and checks for an instant. */
function decodeNameCursor(s: string): { name: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') return { name: v[0], id: v[1] };
  } catch {
    // fall through
  }
  throw validation('cursor', 'not a cursor this API issued; pass the nextCursor value from the previous page');
}

/** People by name (disabled ones included, marked as such). */
export async function listUsers(ctx: ServiceContext, input: unknown): Promise<{ items: UserView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'user.read');
  const q = parseInput(ListUsersQuery, input ?? {}, 'query');
  let query = ctx.store.db.selectFrom('appUser').selectAll();
  if (q.role) query = query.where('role', '=', q.role);
  if (q.q) {
    const pattern = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([sql<boolean>`lower(${eb.ref('name')}) like ${pattern} escape '\\'`, sql<boolean>`${eb.ref('email')} like ${pattern} escape '\\'`]),
    );
  }
  if (q.cursor) {
    const c = decodeNameCursor(q.cursor);
    query = query.where((eb) => eb.or([eb('name', '>', c.name), eb.and([eb('name', '=', c.name), eb('id', '>', c.id)])]));
  }
  const rows = await query.orderBy('name').orderBy('id').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(viewUser),
    nextCursor: rows.length > q.limit && last ? Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url') : null,
  };
}
