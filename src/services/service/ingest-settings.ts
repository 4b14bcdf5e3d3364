import type { z } from 'zod';
import { IngestSettings } from '../../contracts/ingest-settings.js';
import { ingestConfigOf, type ServiceIngestConfig } from '../../domain/ingest/config.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { recordAudit } from '../shared/audit.js';
import { authorize } from '../shared/authorize.js';
import { parseInput } from '../shared/parse.js';
import { loadService } from './get.js';

export type IngestSettingsView = z.output<typeof IngestSettings>;

function view(c: ServiceIngestConfig): IngestSettingsView {
  return { grouping: c.grouping as IngestSettingsView['grouping'], threshold: c.threshold, flappingWindowMinutes: c.flappingWindowMinutes, severityMap: c.severityMap, urgencyMap: c.urgencyMap };
}

/** How the service turns alerts into incidents, with the defaults filled in. */
export async function getIngestSettings(ctx: ServiceContext, serviceId: string): Promise<IngestSettingsView> {
  authorize(ctx.actor, 'service.read');
  const row = await loadService(ctx.store.db, serviceId);
  return view(ingestConfigOf(JSON.parse(row.ingestConfig)));
}

/** Replace the service's grouping, threshold, flapping and severity/urgency settings (validated whole). */
export async function setIngestSettings(ctx: ServiceContext, serviceId: string, input: unknown): Promise<IngestSettingsView> {
  authorize(ctx.actor, 'service.manage');
  const body = parseInput(IngestSettings, input);
  return inTransaction(ctx, async (t) => {
    const row = await loadService(t.tx, serviceId);
    const next = JSON.stringify(body);
    await t.tx.updateTable('service').set({ ingestConfig: next, updatedAt: t.now }).where('id', '=', serviceId).execute();
    await recordAudit(t, { action: 'service.ingest_settings_changed', targetType: 'service', targetId: serviceId, before: JSON.parse(row.ingestConfig), after: body });
    return view(ingestConfigOf(body as Partial<ServiceIngestConfig>));
  });
}
