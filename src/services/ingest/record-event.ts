import type { AlertEvent } from '../../ingest/event.js';
import { newId } from '../../platform/ids.js';
import type { Insertable } from 'kysely';
import { prepared } from '../../store/prepared.js';
import type { EventTable } from '../../store/schema.js';
import type { TxContext } from '../context.js';
import type { EventOutcome, EventResult } from './job.js';

export interface EventRecord {
  serviceId: string;
  dedupKey: string | null;
  outcome: EventOutcome;
  alertId: string | null;
  incidentId: string | null;
  reason?: Record<string, unknown>;
  event: AlertEvent;
}

const insertEvent = prepared((ex, row: Insertable<EventTable>) => ex.insertInto('event').values(row));

/**
 * The event log (SPEC glossary: an event is stored as received): one row per alert event with what
 * it did and why, in the same transaction as its effect.
 */
export async function recordEvent(t: TxContext, r: EventRecord): Promise<EventResult> {
  const id = newId();
  await insertEvent(t.tx, {
    id,
    serviceId: r.serviceId,
    integrationId: t.actor.id,
    alertId: r.alertId,
    action: r.event.action,
    dedupKey: r.dedupKey,
    outcome: r.outcome,
    reason: JSON.stringify(r.reason ?? {}),
    data: JSON.stringify(r.event),
    occurredAt: r.event.occurredAt,
    receivedAt: t.now,
  });
  return { eventId: id, dedupKey: r.dedupKey, outcome: r.outcome, alertId: r.alertId, incidentId: r.incidentId };
}
