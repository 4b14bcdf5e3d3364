import { UpdateIntegrationBody } from '../../contracts/service.js';
import { notFound } from '../../domain/errors.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { applyHeartbeatSettings } from '../ingest/heartbeat.js';
import { type IntegrationView, viewIntegration } from '../service/view.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { findHeartbeat } from './heartbeat-row.js';

/** Rename an integration, change its rate limit, or enable/disable its heartbeat. */
export async function updateIntegration(ctx: ServiceContext, serviceId: string, integrationId: string, input: unknown): Promise<IntegrationView> {
  authorize(ctx.actor, 'service.manage');
  const body = parseInput(UpdateIntegrationBody, input);
  return inTransaction(ctx, async (t) => {
    const row = await t.tx.selectFrom('integration').selectAll().where('id', '=', integrationId).where('serviceId', '=', serviceId).executeTakeFirst();
    if (!row) throw notFound('integration', integrationId);
    const config = { ...(JSON.parse(row.config) as Record<string, unknown>), ...(body.rateLimitPerSecond ? { rateLimitPerSecond: body.rateLimitPerSecond } : {}) };
    const next = { ...row, name: body.name ?? row.name, config: JSON.stringify(config), updatedAt: t.now };
    await t.tx.updateTable('integration').set({ name: next.name, config: next.config, updatedAt: t.now }).where('id', '=', integrationId).execute();
    if (body.heartbeat) await applyHeartbeatSettings(t, integrationId, body.heartbeat);
    await recordAudit(t, {
      action: 'integration.updated',
      targetType: 'integration',
      targetId: integrationId,
      before: { name: row.name, config: row.config },
      after: { name: next.name, config: next.config, ...(body.heartbeat ? { heartbeat: body.heartbeat } : {}) },
    });
    return viewIntegration(next, ctx.publicUrl, await findHeartbeat(t.tx, integrationId));
  });
}
