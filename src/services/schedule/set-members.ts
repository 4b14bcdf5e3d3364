import { SetLayerMembersBody } from '../../contracts/schedule.js';
import { notFound, validation } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { recordScheduleChanged } from './changed.js';
import { checkMembers, checkSchedule } from './check.js';
import { appendMemberPeriod } from './layers.js';
import { canonicalInstant, layerModel, loadSchedule, lockSchedule } from './model.js';
import { type ScheduleView, viewSchedule } from './view.js';

/**
 * Change a layer's members from an instant (now by default, never in the past): shifts before it
 * stay as they were (SPEC §4.3, edge cases 11–12). Adding someone changes neither who is on call now
 * nor the others' order; a removed person is never on call after the change. Changes already
 * scheduled at or after the instant are replaced by this one.
 */
export async function setLayerMembers(ctx: ServiceContext, scheduleId: string, layerId: string, input: unknown): Promise<ScheduleView> {
  authorize(ctx.actor, 'schedule.manage');
  const body = parseInput(SetLayerMembersBody, input);
  return inTransaction(ctx, async (t) => {
    await lockSchedule(t.tx, scheduleId);
    const { row, layers } = await loadSchedule(t.tx, scheduleId);
    const stored = layers.find((l) => l.id === layerId);
    if (!stored) throw notFound('schedule layer', layerId);
    const from = body.effectiveFrom ? canonicalInstant(body.effectiveFrom) : t.now;
    if (Date.parse(from) < Date.parse(t.now)) {
      throw validation('effectiveFrom', `${from} is in the past (now is ${t.now}); a member change applies from now or later and never rewrites the past`);
    }
    const layer = layerModel(stored);
    await checkMembers(t.tx, [{ members: body.members, field: (j) => `members.${j}`, known: new Set(layer.members.flatMap((p) => p.members)) }]);
    const changed = { ...layer, members: appendMemberPeriod(layer.members, { from, members: body.members, effective: body.effective ?? 'at' }) };
    checkSchedule({ timeZone: row.timeZone, layers: [changed], overrides: [] });
    const before = await viewSchedule(t.tx, row, layers, t.now);
    await t.tx.updateTable('scheduleLayer').set({ memberPeriods: JSON.stringify(changed.members), updatedAt: t.now }).where('id', '=', layerId).execute();
    await t.tx.updateTable('schedule').set({ updatedAt: t.now }).where('id', '=', scheduleId).execute();
    const after = await viewSchedule(
      t.tx,
      { ...row, updatedAt: t.now },
      layers.map((l) => (l.id === layerId ? { ...l, memberPeriods: JSON.stringify(changed.members), updatedAt: t.now } : l)),
      t.now,
    );
    await recordAudit(t, { action: 'schedule.members_changed', targetType: 'schedule', targetId: scheduleId, before, after });
    await recordScheduleChanged(t, scheduleId);
    return after;
  });
}
