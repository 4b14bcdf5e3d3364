import { occurrenceAt } from '../../domain/ingest/maintenance.js';
import type { Executor } from '../context.js';
import { timingOf } from './timing.js';

export interface ActiveMaintenance {
  id: string;
  name: string;
  /** End of the running occurrence. */
  endsAt: string;
}

/**
 * For each given service inside a running maintenance window at `now`, that window (the one ending
 * last when several run). Called by ingestion in its transaction on every batch: one query over the
 * given services' windows (never other services'), then pure evaluation of each window once.
 */
export async function activeMaintenance(ex: Executor, serviceIds: string[], now: string): Promise<Map<string, ActiveMaintenance>> {
  const out = new Map<string, ActiveMaintenance>();
  const ids = [...new Set(serviceIds)];
  if (!ids.length) return out;
  const rows = await ex
    .selectFrom('maintenanceWindowService as s')
    .innerJoin('maintenanceWindow as w', 'w.id', 's.windowId')
    .select(['s.serviceId', 'w.id', 'w.name', 'w.timeZone', 'w.startsAt', 'w.endsAt', 'w.recurrence'])
    .where('s.serviceId', 'in', ids)
    .where('w.startsAt', '<=', now)
    .where((eb) => eb.or([eb('w.endsAt', 'is', null), eb('w.endsAt', '>', now)]))
    .execute();
  const running = new Map<string, string | null>();
  for (const r of rows) {
    if (!running.has(r.id)) running.set(r.id, occurrenceAt(timingOf(r), now)?.end ?? null);
    const end = running.get(r.id);
    if (!end) continue;
    const held = out.get(r.serviceId);
    if (!held || end > held.endsAt || (end === held.endsAt && r.id > held.id)) out.set(r.serviceId, { id: r.id, name: r.name, endsAt: end });
  }
  return out;
}
