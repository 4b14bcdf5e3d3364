import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { canonicalInstant, loadScheduleRow } from './model.js';
import { onCallOf, type ScheduleOnCallView } from './oncall.js';

/** `GET /schedules/{id}/oncall?at=`: who is on call on one schedule (default: now). */
export async function getScheduleOnCall(ctx: ServiceContext, id: string, q: { at?: string }): Promise<ScheduleOnCallView> {
  authorize(ctx.actor, 'oncall.read');
  const at = canonicalInstant(q.at ?? ctx.clock.now().toISOString());
  const row = await loadScheduleRow(ctx.store.db, id);
  return (await onCallOf(ctx.store.db, [row], at))[0]!;
}

