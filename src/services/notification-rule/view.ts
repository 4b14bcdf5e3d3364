import type { NotificationRuleTable } from '../../store/schema-oncall.js';
import type { Executor } from '../context.js';

export interface NotificationRuleView {
  id: string;
  userId: string;
  urgency: 'high' | 'low';
  contactMethodId: string;
  contactMethod: { type: string; address: string; label: string };
  delayMinutes: number;
  createdAt: string;
}

/** A person's rules with their contact methods, by urgency then delay. */
export async function rulesOf(ex: Executor, userId: string): Promise<NotificationRuleView[]> {
  const rows = await ex
    .selectFrom('notificationRule as r')
    .innerJoin('contactMethod as c', 'c.id', 'r.contactMethodId')
    .select(['r.id', 'r.userId', 'r.urgency', 'r.contactMethodId', 'r.delayMinutes', 'r.createdAt', 'c.type', 'c.address', 'c.label'])
    .where('r.userId', '=', userId)
    .orderBy('r.urgency')
    .orderBy('r.delayMinutes')
    .orderBy('r.id')
    .execute();
  return rows.map(view);
}

export function view(r: Pick<NotificationRuleTable, 'id' | 'userId' | 'urgency' | 'contactMethodId' | 'delayMinutes' | 'createdAt'> & { type: string; address: string; label: string }): NotificationRuleView {
  return {
    id: r.id,
    userId: r.userId,
    urgency: r.urgency as 'high' | 'low',
    contactMethodId: r.contactMethodId,
    contactMethod: { type: r.type, address: r.address, label: r.label },
    delayMinutes: r.delayMinutes,
    createdAt: r.createdAt,
  };
}
