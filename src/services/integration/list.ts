import type { ServiceContext } from '../context.js';
import { loadService } from '../service/get.js';
import { type IntegrationView, viewIntegration } from '../service/view.js';
import { authorize } from '../shared/authorize.js';

/** A service's integrations with their keys: reading keys needs service.manage (admins). */
export async function listIntegrations(ctx: ServiceContext, serviceId: string): Promise<{ items: IntegrationView[]; nextCursor: null }> {
  authorize(ctx.actor, 'service.manage');
  await loadService(ctx.store.db, serviceId);
  const rows = await ctx.store.db.selectFrom('integration').selectAll().where('serviceId', '=', serviceId).orderBy('id').execute();
  const ids = rows.map((r) => r.id);
  const beats = ids.length ? await ctx.store.db.selectFrom('heartbeat').selectAll().where('integrationId', 'in', ids).execute() : [];
  const byId = new Map(beats.map((b) => [b.integrationId, b]));
  return { items: rows.map((r) => viewIntegration(r, ctx.publicUrl, byId.get(r.id) ?? null)), nextCursor: null };
}
