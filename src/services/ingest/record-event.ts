import type { AlertEvent } from '../../ingest/event.js';
import { newId } from '../../platform/ids.js';
import type { Insertable } from 'kysely';
import type { EventTable } from '../../store/schema.js';
import type { Executor, TxContext } from '../context.js';
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

/**
 * The event log (SPEC glossary: an event is stored as received): one row per alert event with what
 * it did and why, in the same transaction as its effect. Rows are buffered and written with one
 * multi-row insert per batch (EventLog.flush), before the commit: one round trip instead of one per
 * event, which is what PostgreSQL's throughput depends on.
 */
export function recordEvent(t: TxContext, log: EventLog, r: EventRecord): EventResult {
  const id = newId();
  log.push({
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

/** A batch's buffered event rows. */
export class EventLog {
  private rows: Insertable<EventTable>[] = [];

  push(row: Insertable<EventTable>): void {
    this.rows.push(row);
  }

  /** How many rows are buffered: a savepoint mark. */
  get size(): number {
    return this.rows.length;
  }

  /** Forget rows of a job that was rolled back to its savepoint. */
  truncate(size: number): void {
    this.rows.length = size;
  }

  /** Write the buffered rows (inside the batch's transaction, before it commits). */
  async flush(ex: Executor): Promise<void> {
    // 11 parameters a row: 500 rows stay far below SQLite's and PostgreSQL's parameter limits.
    for (let i = 0; i < this.rows.length; i += 500) await ex.insertInto('event').values(this.rows.slice(i, i + 500)).execute();
    this.rows = [];
  }
}
