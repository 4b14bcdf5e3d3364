import { type PathLevel, type ReadinessWarning, readinessWarnings } from '../../domain/escalation/readiness.js';
import type { Executor, ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';
import { isSelf } from '../user/access.js';
import { loadUser } from '../user/get.js';
import { escalationPaths } from './paths.js';

/**
 * Readiness of several people at once (three queries and the paths), judged on the escalation levels
 * that page them (only those `onPath` keeps, when given).
 */
export async function readinessOf(ex: Executor, userIds: string[], now: string, onPath: (p: PathLevel) => boolean = () => true): Promise<Map<string, ReadinessWarning[]>> {
  if (!userIds.length) return new Map();
  const methods = await ex.selectFrom('contactMethod').select(['id', 'userId', 'type']).where('userId', 'in', userIds).execute();
  const rules = await ex.selectFrom('notificationRule').select(['id', 'userId', 'urgency', 'contactMethodId', 'delayMinutes']).where('userId', 'in', userIds).execute();
  const paths = await escalationPaths(ex, userIds, now);
  return new Map(
    userIds.map((id) => [
      id,
      readinessWarnings({
        contactMethods: methods.filter((m) => m.userId === id),
        rules: rules.filter((r) => r.userId === id),
        paths: (paths.get(id) ?? []).filter(onPath),
      }),
    ]),
  );
}

/**
 * What stops paging from reaching a person as they expect (edge cases 18 and 56): no contact method,
 * no high-urgency rule, a rule that comes after the escalation has moved on, being on an escalation
 * path without a high-urgency rule (rules in domain/escalation/readiness.ts). Like the rules
 * themselves: the person, or anyone with user.read.
 */
export async function getNotificationReadiness(ctx: ServiceContext, userId: string): Promise<{ warnings: ReadinessWarning[] }> {
  if (!isSelf(ctx.actor, userId)) authorize(ctx.actor, 'user.read');
  await loadUser(ctx.store.db, userId);
  const now = ctx.clock.now().toISOString();
  return { warnings: (await readinessOf(ctx.store.db, [userId], now)).get(userId) ?? [] };
}
