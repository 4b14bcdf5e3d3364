import { ListIntakeReportsQuery } from '../../contracts/intake.js';
import type { ServiceContext } from '../context.js';
import { seesAllRestricted } from '../incident/access.js';
import { authorize } from '../shared/authorize.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { parseInput } from '../shared/parse.js';
import { type IntakeReportView, selectReports, viewReport } from './view.js';

/**
 * Reports, newest first (keyset-paginated); `flagged=true` is the security team's queue. A report
 * whose incident became restricted (escalated to security) is listed only for those who may see that
 * incident, filtered in SQL like the incident list.
 */
export async function listIntakeReports(ctx: ServiceContext, input: unknown): Promise<{ items: IntakeReportView[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'intake.read');
  const query = parseInput(ListIntakeReportsQuery, input ?? {}, 'query');
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  const uid = ctx.actor.userId;
  let q = selectReports(ctx.store.db);
  if (query.flagged) q = q.where('r.securityFlag', '=', query.flagged === 'true' ? 1 : 0);
  if (!seesAllRestricted(ctx.actor)) {
    q = q.where((eb) =>
      eb.or([
        eb('i.visibility', '=', 'public'),
        ...(uid
          ? [eb.exists(eb.selectFrom('incidentParticipant as p').select('p.userId').whereRef('p.incidentId', '=', 'i.id').where('p.userId', '=', uid))]
          : []),
      ]),
    );
  }
  if (before) {
    q = q.where((eb) => eb.or([eb('r.createdAt', '<', before.createdAt), eb.and([eb('r.createdAt', '=', before.createdAt), eb('r.id', '<', before.id)])]));
  }
  const rows = await q.orderBy('r.createdAt', 'desc').orderBy('r.id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(viewReport), nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
}
