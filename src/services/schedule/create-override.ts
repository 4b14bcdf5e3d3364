import { CreateOverrideBody } from '../../contracts/schedule.js';
import { validation } from '../../domain/errors.js';
import { newId } from '../../platform/ids.js';
import { type Executor, inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { requireUser } from '../shared/exists.js';
import { parseInput } from '../shared/parse.js';
import { recordScheduleChanged } from './changed.js';
import { canonicalInstant, lockSchedule } from './model.js';
import { type OverrideView, viewOverrides } from './view.js';

/** The add overrides of a person on a schedule that overlap [start, end). */
function overlappingAdds(ex: Executor, scheduleId: string, userId: string, start: string, end: string) {
  return ex
    .selectFrom('scheduleOverride')
    .select(['id', 'startsAt', 'endsAt'])
    .where('scheduleId', '=', scheduleId)
    .where('userId', '=', userId)
    .where('replacesUserId', 'is', null)
    .where('startsAt', '<', end)
    .where('endsAt', '>', start)
    .orderBy('startsAt')
    .execute();
}

/**
 * Override the final schedule for a period (SPEC §3): userId and replacesUserId replace a person,
 * userId alone adds one, replacesUserId alone removes one (nobody from a lower layer steps in).
 * Overrides apply over the layers in the order they were created.
 */
export async function createOverride(ctx: ServiceContext, scheduleId: string, input: unknown): Promise<OverrideView> {
  authorize(ctx.actor, 'override.manage');
  const body = parseInput(CreateOverrideBody, input);
  const start = canonicalInstant(body.start);
  const end = canonicalInstant(body.end);
  if (Date.parse(end) <= Date.parse(start)) throw validation('end', `must be after start (${start})`);
  const userId = body.userId ?? null;
  const replacesUserId = body.replacesUserId ?? null;
  if (userId === null && replacesUserId === null) {
    throw validation('userId', 'give userId (add someone), replacesUserId (remove someone) or both (replace someone)');
  }
  if (userId !== null && userId === replacesUserId) {
    throw validation('replacesUserId', 'a person cannot replace themselves; choose someone else, or leave replacesUserId out to add them');
  }
  return inTransaction(ctx, async (t) => {
    await lockSchedule(t.tx, scheduleId);
    if (userId !== null) await requireUser(t.tx, 'userId', userId);
    if (replacesUserId !== null) {
      // Taking a disabled person off a rotation is allowed: that is how their turns get covered.
      const u = await t.tx.selectFrom('appUser').select('id').where('id', '=', replacesUserId).executeTakeFirst();
      if (!u) throw validation('replacesUserId', `no user with id ${replacesUserId}`);
    }
    if (userId !== null && replacesUserId === null) {
      const [other] = await overlappingAdds(t.tx, scheduleId, userId, start, end);
      if (other) {
        throw validation('start', `overlaps override ${other.id}, which already adds this person from ${other.startsAt} to ${other.endsAt}; change or delete that one, or pick times that do not overlap`);
      }
    }
    const row = { id: newId(), scheduleId, startsAt: start, endsAt: end, userId, replacesUserId, createdById: t.actor.userId, createdAt: t.now };
    await t.tx.insertInto('scheduleOverride').values(row).execute();
    const [view] = await viewOverrides(t.tx, [row]);
    await recordAudit(t, { action: 'schedule.override_created', targetType: 'schedule', targetId: scheduleId, after: view });
    await recordScheduleChanged(t, scheduleId);
    return view!;
  });
}
