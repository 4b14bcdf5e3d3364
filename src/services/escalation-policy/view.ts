import type { EscalationLevel, PolicyShape } from '../../domain/escalation/policy.js';
import type { EscalationPolicyTable } from '../../store/schema-oncall.js';
import type { Executor } from '../context.js';

export interface EscalationPolicyView {
  id: string;
  name: string;
  description: string;
  repeat: number;
  ackTimeoutMinutes: number | null;
  levels: { delayMinutes: number; targets: { type: 'user' | 'schedule'; id: string; name: string | null }[] }[];
  serviceIds: string[];
  createdAt: string;
  updatedAt: string;
}

export function policyShape(row: Pick<EscalationPolicyTable, 'repeat' | 'levels' | 'ackTimeoutMinutes'>): PolicyShape {
  return { repeat: row.repeat, levels: JSON.parse(row.levels) as EscalationLevel[], ackTimeoutMinutes: row.ackTimeoutMinutes };
}

/** Rows → views, with each target's current name and the services that use each policy (three queries). */
export async function viewPolicies(ex: Executor, rows: EscalationPolicyTable[]): Promise<EscalationPolicyView[]> {
  if (rows.length === 0) return [];
  const shapes = rows.map(policyShape);
  const targets = shapes.flatMap((p) => p.levels.flatMap((l) => l.targets));
  const userIds = [...new Set(targets.filter((t) => t.type === 'user').map((t) => t.id))];
  const scheduleIds = [...new Set(targets.filter((t) => t.type === 'schedule').map((t) => t.id))];
  const names = new Map<string, string>();
  if (userIds.length) for (const u of await ex.selectFrom('appUser').select(['id', 'name']).where('id', 'in', userIds).execute()) names.set(`user:${u.id}`, u.name);
  if (scheduleIds.length) for (const s of await ex.selectFrom('schedule').select(['id', 'name']).where('id', 'in', scheduleIds).execute()) names.set(`schedule:${s.id}`, s.name);
  const services = await ex
    .selectFrom('service')
    .select(['id', 'escalationPolicyId'])
    .where(
      'escalationPolicyId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((r, i) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    repeat: r.repeat,
    ackTimeoutMinutes: r.ackTimeoutMinutes,
    levels: shapes[i]!.levels.map((l) => ({
      delayMinutes: l.delayMinutes,
      targets: l.targets.map((t) => ({ type: t.type, id: t.id, name: names.get(`${t.type}:${t.id}`) ?? null })),
    })),
    serviceIds: services.filter((s) => s.escalationPolicyId === r.id).map((s) => s.id),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}
