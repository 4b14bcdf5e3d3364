import type { EscalationLevel } from '../../domain/escalation/policy.js';
import { conflict } from '../../domain/errors.js';
import { type Executor, inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { recordScheduleChanged } from './changed.js';
import { loadSchedule, lockSchedule } from './model.js';
import { viewSchedule } from './view.js';

/** Escalation policies with a level that pages this schedule (LIKE narrows, the parse decides). */
export async function policiesTargeting(ex: Executor, scheduleId: string): Promise<{ id: string; name: string }[]> {
  const rows = await ex.selectFrom('escalationPolicy').select(['id', 'name', 'levels']).where('levels', 'like', `%${scheduleId}%`).orderBy('name').execute();
  return rows
    .filter((p) => (JSON.parse(p.levels) as EscalationLevel[]).some((l) => l.targets.some((t) => t.type === 'schedule' && t.id === scheduleId)))
    .map((p) => ({ id: p.id, name: p.name }));
}

/**
 * Delete a schedule with its layers and overrides. Refused while an escalation policy pages it: the
 * level would silently page nobody.
 */
export async function deleteSchedule(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx.actor, 'schedule.manage');
  await inTransaction(ctx, async (t) => {
    await lockSchedule(t.tx, id);
    const { row, layers } = await loadSchedule(t.tx, id);
    const policies = await policiesTargeting(t.tx, id);
    if (policies.length) {
      throw conflict(`escalation policies ${policies.map((p) => `"${p.name}" (${p.id})`).join(', ')} page this schedule; remove it from their levels first`, {
        escalationPolicyIds: policies.map((p) => p.id),
      });
    }
    const before = await viewSchedule(t.tx, row, layers, t.now);
    await t.tx.deleteFrom('scheduleOverride').where('scheduleId', '=', id).execute();
    await t.tx.deleteFrom('scheduleLayer').where('scheduleId', '=', id).execute();
    await t.tx.deleteFrom('schedule').where('id', '=', id).execute();
    await recordAudit(t, { action: 'schedule.deleted', targetType: 'schedule', targetId: id, before });
    await recordScheduleChanged(t, id);
  });
}
