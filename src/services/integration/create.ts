import { CreateIntegrationBody } from '../../contracts/service.js';
import { newId, newIntegrationKey } from '../../platform/ids.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { applyHeartbeatSettings } from '../ingest/heartbeat.js';
import { loadService } from '../service/get.js';
import { findHeartbeat } from './heartbeat-row.js';
import { type IntegrationView, viewIntegration } from '../service/view.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';

/** Attach an inbound source to a service; its key is 32 chars of [a-z0-9] (SPEC §3). */
export async function createIntegration(ctx: ServiceContext, serviceId: string, input: unknown): Promise<IntegrationView> {
  authorize(ctx.actor, 'service.manage');
  const body = parseInput(CreateIntegrationBody, input);
  return inTransaction(ctx, async (t) => {
    await loadService(t.tx, serviceId);
    const config = JSON.stringify(body.rateLimitPerSecond ? { rateLimitPerSecond: body.rateLimitPerSecond } : {});
    const row = { id: newId(), serviceId, type: body.type, name: body.name, key: newIntegrationKey(), config, createdAt: t.now, updatedAt: t.now };
    await t.tx.insertInto('integration').values(row).execute();
    if (body.heartbeat) await applyHeartbeatSettings(t, row.id, body.heartbeat);
    // The key is a secret: the audit row records that one exists, never its value.
    await recordAudit(t, { action: 'integration.created', targetType: 'integration', targetId: row.id, after: { serviceId, type: row.type, name: row.name, config, heartbeat: body.heartbeat ?? null } });
    return viewIntegration(row, ctx.publicUrl, await findHeartbeat(t.tx, row.id));
  });
}
