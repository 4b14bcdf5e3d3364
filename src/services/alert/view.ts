import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Alert } from '../../contracts/alert.js';
import type { AlertTable } from '../../store/schema.js';

export type AlertView = z.infer<typeof Alert>;
export type AlertRow = Selectable<AlertTable>;

/** JSON columns written by ingestion; a row that is not an object reads as {} rather than a 500. */
function jsonObject(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function viewAlert(r: AlertRow): AlertView {
  return {
    id: r.id,
    serviceId: r.serviceId,
    integrationId: r.integrationId,
    dedupKey: r.dedupKey,
    status: r.status as AlertView['status'],
    summary: r.summary,
    severity: r.severity as AlertView['severity'],
    source: r.source,
    eventCount: Number(r.eventCount),
    incidentId: r.incidentId,
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
    resolvedAt: r.resolvedAt,
    reason: jsonObject(r.reason),
    details: jsonObject(r.details),
  };
}
