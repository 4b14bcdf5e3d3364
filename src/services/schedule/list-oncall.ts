import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { canonicalInstant } from './model.js';
import { onCallOf, type ScheduleOnCallView } from './oncall.js';

/** `GET /oncall?at=`: every schedule by name with who is on call (the "on call now" page, the CLI). */
export async function listOnCall(ctx: ServiceContext, q: { at?: string }): Promise<{ at: string; items: ScheduleOnCallView[]; nextCursor: null }> {
  authorize(ctx.actor, 'oncall.read');
  const at = canonicalInstant(q.at ?? ctx.clock.now().toISOString());
  const rows = await ctx.store.db.selectFrom('schedule').selectAll().orderBy('name').orderBy('id').execute();
  return { at, items: await onCallOf(ctx.store.db, rows, at), nextCursor: null };
}
