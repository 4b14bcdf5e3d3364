import { type AlertEvent, plainAlertEvent } from '../../ingest/event.js';
import type { TxContext } from '../context.js';

export interface HeartbeatSettings {
  enabled: boolean;
  intervalMinutes: number;
}

const MINUTE = 60_000;
const plus = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * MINUTE).toISOString();

/** The dedup key of an integration's missed-heartbeat alert. */
export const HEARTBEAT_DEDUP_KEY = 'hikeshi:heartbeat';

/**
 * Save heartbeat settings (SPEC §4.1: only explicitly enabled heartbeats arm). Enabling arms it: the
 * first ping is due one interval from now. Changing the interval of an armed heartbeat moves the due
 * time to one interval after the last ping. Disabling disarms it.
 */
export async function applyHeartbeatSettings(t: TxContext, integrationId: string, s: HeartbeatSettings): Promise<void> {
  const row = await t.tx.selectFrom('heartbeat').selectAll().where('integrationId', '=', integrationId).executeTakeFirst();
  const armed = row?.enabled === 1;
  const next = !s.enabled
    ? { enabled: 0, state: 'off', dueAt: null }
    : armed
      ? { enabled: 1, state: row.state, dueAt: plus(row.lastPingAt ?? t.now, s.intervalMinutes) }
      : { enabled: 1, state: 'waiting', dueAt: plus(t.now, s.intervalMinutes) };
  if (row) {
    await t.tx.updateTable('heartbeat').set({ ...next, intervalMinutes: s.intervalMinutes, updatedAt: t.now }).where('integrationId', '=', integrationId).execute();
  } else {
    await t.tx.insertInto('heartbeat').values({ integrationId, ...next, intervalMinutes: s.intervalMinutes, lastPingAt: null, updatedAt: t.now }).execute();
  }
}

/**
 * A ping: recorded always; for an armed heartbeat the next one is due an interval later. Returns the
 * resolve event to apply when the heartbeat was down (its alert resolves).
 */
export async function recordPing(t: TxContext, integrationId: string): Promise<AlertEvent | null> {
  const row = await t.tx.selectFrom('heartbeat').selectAll().where('integrationId', '=', integrationId).executeTakeFirst();
  if (!row) {
    await t.tx.insertInto('heartbeat').values({ integrationId, enabled: 0, intervalMinutes: 5, state: 'off', lastPingAt: t.now, dueAt: null, updatedAt: t.now }).execute();
    return null;
  }
  if (row.enabled !== 1) {
    await t.tx.updateTable('heartbeat').set({ lastPingAt: t.now, updatedAt: t.now }).where('integrationId', '=', integrationId).execute();
    return null;
  }
  await t.tx
    .updateTable('heartbeat')
    .set({ lastPingAt: t.now, state: 'up', dueAt: plus(t.now, Number(row.intervalMinutes)), updatedAt: t.now })
    .where('integrationId', '=', integrationId)
    .execute();
  return row.state === 'down' ? heartbeatEvent('resolve', 'Heartbeat resumed', t.now, null) : null;
}

/**
 * The monitor found this heartbeat overdue. Conditional on the due time it saw, so with several
 * instances (or a retried job) exactly one alert is triggered per missed ping.
 */
export async function markMissed(t: TxContext, integrationId: string, name: string, dueAt: string): Promise<AlertEvent | null> {
  const res = await t.tx
    .updateTable('heartbeat')
    .set({ state: 'down', updatedAt: t.now })
    .where('integrationId', '=', integrationId)
    .where('enabled', '=', 1)
    .where('dueAt', '=', dueAt)
    .where('state', '!=', 'down')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return null;
  return heartbeatEvent('trigger', `Heartbeat missed: ${name} (no ping since ${dueAt})`, t.now, dueAt);
}

function heartbeatEvent(action: 'trigger' | 'resolve', summary: string, now: string, dueAt: string | null): AlertEvent {
  return plainAlertEvent({
    action,
    dedupKey: HEARTBEAT_DEDUP_KEY,
    summary,
    source: 'hikeshi',
    severity: 'error',
    class: 'heartbeat',
    details: dueAt ? { dueAt } : {},
    occurredAt: now,
    client: 'Hikeshi heartbeat',
  });
}
