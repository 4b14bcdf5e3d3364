import type { ReadinessCode, ReadinessWarning } from '../../domain/escalation/readiness.js';
import type { ServiceContext } from '../context.js';
import { loadScheduleRow } from '../schedule/model.js';
import { authorize } from '../shared/authorize.js';
import { currentAndFutureMembers } from './paths.js';
import { readinessOf } from './readiness.js';

/** What a schedule's report shows of its members' own reports: what concerns being paged through it. */
const SCHEDULE_CODES = new Set<ReadinessCode>(['no_contact_method', 'rule_unreachable', 'on_escalation_path_without_high_rule']);

export interface ScheduleReadiness {
  schedule: { id: string; name: string };
  members: { id: string; name: string; contactMethods: number; highUrgencyRules: number }[];
  warnings: (ReadinessWarning & { user: { id: string; name: string } })[];
}

/**
 * Whether a schedule's people can be paged (edge case 56): its current and future members (member
 * lists in force now or later, overrides from now on), each with a warning when they have no contact
 * method, and, for the levels of escalation policies that page this schedule, when they have no
 * high-urgency rule or a rule that comes after the level hands over. Needs oncall.read and user.read
 * (it tells things about people).
 */
export async function getScheduleReadiness(ctx: ServiceContext, scheduleId: string): Promise<ScheduleReadiness> {
  authorize(ctx.actor, 'oncall.read');
  authorize(ctx.actor, 'user.read');
  const db = ctx.store.db;
  const row = await loadScheduleRow(db, scheduleId);
  const now = ctx.clock.now().toISOString();
  const [members] = await currentAndFutureMembers(db, [scheduleId], now);
  const ids = members?.userIds ?? [];
  const users = ids.length ? await db.selectFrom('appUser').select(['id', 'name']).where('id', 'in', ids).orderBy('name').orderBy('id').execute() : [];
  const methods = ids.length ? await db.selectFrom('contactMethod').select('userId').where('userId', 'in', ids).execute() : [];
  const high = ids.length ? await db.selectFrom('notificationRule').select('userId').where('userId', 'in', ids).where('urgency', '=', 'high').execute() : [];
  // Judged on the levels that page this schedule only: what the schedule's page needs to show.
  const readiness = await readinessOf(
    db,
    users.map((u) => u.id),
    now,
    (p) => p.via.type === 'schedule' && p.via.id === scheduleId,
  );
  const warnings: ScheduleReadiness['warnings'] = [];
  for (const u of users) {
    for (const w of readiness.get(u.id) ?? []) {
      if (SCHEDULE_CODES.has(w.code)) {
        warnings.push({ ...w, user: { id: u.id, name: u.name }, message: `${u.name}: ${w.message}` });
      }
    }
  }
  return {
    schedule: { id: row.id, name: row.name },
    members: users.map((u) => ({
      id: u.id,
      name: u.name,
      contactMethods: methods.filter((m) => m.userId === u.id).length,
      highUrgencyRules: high.filter((r) => r.userId === u.id).length,
    })),
    warnings,
  };
}
