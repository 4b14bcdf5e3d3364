import type { ServiceContext } from '../context.js';
import { readVisibleIncident } from '../incident/access.js';
import { authorize } from '../shared/authorize.js';
import { deliveryCounts, type StakeholderUpdateView, viewUpdate } from './update-view.js';

/** The incident's stakeholder updates, newest first, with how far their e-mails got. */
export async function listStakeholderUpdates(ctx: ServiceContext, incidentId: string): Promise<{ items: StakeholderUpdateView[]; nextCursor: null }> {
  authorize(ctx.actor, 'incident.read');
  await readVisibleIncident(ctx, incidentId, 'stakeholder updates');
  const db = ctx.store.db;
  // Oldest first to number them (第1報, 第2報 …); ids are time-ordered.
  const rows = await db.selectFrom('stakeholderUpdate').selectAll().where('incidentId', '=', incidentId).orderBy('createdAt').orderBy('id').execute();
  const audienceIds = [...new Set(rows.flatMap((r) => JSON.parse(r.audienceIds) as string[]))];
  const names = new Map<string, string>();
  if (audienceIds.length) {
    for (const a of await db.selectFrom('stakeholderAudience').select(['id', 'name']).where('id', 'in', audienceIds).execute()) names.set(a.id, a.name);
  }
  const delivery = await deliveryCounts(db, rows.map((r) => r.id));
  const items = rows.map((r, i) => viewUpdate(r, { sequence: i + 1, audienceNames: names, delivery: delivery.get(r.id)! }));
  return { items: items.reverse(), nextCursor: null };
}
