import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { MaintenanceWindow } from '../../contracts/maintenance-window.js';
import { validation } from '../../domain/errors.js';
import { nextOccurrences, occurrenceAt } from '../../domain/ingest/maintenance.js';
import type { MaintenanceWindowTable } from '../../store/schema.js';
import type { Executor } from '../context.js';
import { timingOf } from './timing.js';

export type MaintenanceWindowView = z.infer<typeof MaintenanceWindow>;
type Row = Selectable<MaintenanceWindowTable>;

/** The state of a window at `now`: running, still to run, or done. */
export function windowState(row: Row, now: string) {
  const timing = timingOf(row);
  const current = occurrenceAt(timing, now);
  const next = nextOccurrences(timing, now, 3).find((o) => o.start > now) ?? null;
  const state = current ? ('active' as const) : next ? ('upcoming' as const) : ('past' as const);
  return { state, current, next };
}

export function viewMaintenanceWindow(row: Row, serviceIds: string[], now: string, statusPageIds: string[] = []): MaintenanceWindowView {
  const { state, current, next } = windowState(row, now);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    timeZone: row.timeZone,
    serviceIds,
    statusPageIds,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    recurrence: timingOf(row).recurrence,
    state,
    active: state === 'active',
    currentOccurrence: current,
    nextOccurrence: next,
    createdById: row.createdById,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the audit log keeps: the stored window, not what it means at one instant. */
export function auditRecord(v: MaintenanceWindowView) {
  const { state: _s, active: _a, currentOccurrence: _c, nextOccurrence: _n, ...stored } = v;
  return stored;
}

/** Service ids per window, sorted, in one query. */
export async function windowServiceIds(ex: Executor, windowIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(windowIds.map((id) => [id, []]));
  if (!windowIds.length) return out;
  const rows = await ex.selectFrom('maintenanceWindowService').select(['windowId', 'serviceId']).where('windowId', 'in', windowIds).orderBy('serviceId').execute();
  for (const r of rows) out.get(r.windowId)?.push(r.serviceId);
  return out;
}

/** Status page ids per window, sorted, in one query. */
export async function windowStatusPageIds(ex: Executor, windowIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(windowIds.map((id) => [id, []]));
  if (!windowIds.length) return out;
  const rows = await ex.selectFrom('maintenanceWindowStatusPage').select(['windowId', 'pageId']).where('windowId', 'in', windowIds).orderBy('pageId').execute();
  for (const r of rows) out.get(r.windowId)?.push(r.pageId);
  return out;
}

/** Replace a window's status pages (each must exist: a 4xx naming `statusPageIds` otherwise). */
export async function setWindowStatusPages(ex: Executor, windowId: string, pageIds: readonly string[]): Promise<void> {
  const ids = [...new Set(pageIds)];
  if (ids.length) {
    const found = new Set((await ex.selectFrom('statusPage').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw validation('statusPageIds', `no status page with id ${missing.join(', ')}`);
  }
  await ex.deleteFrom('maintenanceWindowStatusPage').where('windowId', '=', windowId).execute();
  if (ids.length) await ex.insertInto('maintenanceWindowStatusPage').values(ids.map((pageId) => ({ windowId, pageId }))).execute();
}
