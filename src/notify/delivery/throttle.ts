/**
 * Per-destination throttling of SMS and voice (edge case 26): carriers filter, and people stop
 * reading, a number that gets a burst of texts or calls. Before an SMS or voice attempt, the attempts
 * already made to the same number (any person, any incident, this channel) are counted in sliding
 * windows; over any limit, the attempt is not made and the notification waits until the earliest
 * instant every window has room again. Throttling only delays: the notification stays pending, so
 * it still goes out once there is room, unless the incident is acknowledged or resolved meanwhile
 * (then the lifecycle cancels it, like any pending page). E-mail, webhooks and chat are not throttled.
 *
 * What counts as sent: an attempt in flight (no outcome yet), delivered, or of unknown outcome (the
 * provider may have sent it). A transient or permanent failure means the provider refused it, so
 * nothing reached the phone.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import { appendSystemEntry } from './timeline.js';

const MINUTE = 60_000;

export interface DestinationLimit {
  /** At most this many attempts … */
  max: number;
  /** … in any window of this length (ms). */
  windowMs: number;
}

/** The limits, per channel, for one destination number. */
export const DESTINATION_LIMITS = {
  sms: [
    { max: 1, windowMs: 1 * MINUTE },
    { max: 5, windowMs: 15 * MINUTE },
    { max: 10, windowMs: 60 * MINUTE },
  ],
  voice: [
    { max: 1, windowMs: 2 * MINUTE },
    { max: 3, windowMs: 15 * MINUTE },
    { max: 5, windowMs: 60 * MINUTE },
  ],
} as const satisfies Record<string, readonly DestinationLimit[]>;

export type ThrottledChannel = keyof typeof DESTINATION_LIMITS;

export const isThrottledChannel = (channel: string): channel is ThrottledChannel => Object.hasOwn(DESTINATION_LIMITS, channel);

export interface ThrottleDecision {
  /** The earliest instant (ms) at which every window has room again. */
  until: number;
  /** The limits that are full now. */
  full: { max: number; windowMs: number; count: number }[];
}

/**
 * Whether one more attempt at `now` stays within `limits`, given the start times (ms) of earlier
 * attempts; null when it does. A window of length W holds the attempts started in (now − W, now], so
 * a full one has room again W after the attempt that fills it (the max-th most recent) started.
 */
export function throttleDecision(limits: readonly DestinationLimit[], sentAt: number[], now: number): ThrottleDecision | null {
  const recent = [...sentAt].sort((a, b) => b - a);
  let until = now;
  const full: ThrottleDecision['full'] = [];
  for (const l of limits) {
    const inside = recent.filter((t) => t > now - l.windowMs);
    if (inside.length < l.max) continue;
    full.push({ max: l.max, windowMs: l.windowMs, count: inside.length });
    until = Math.max(until, inside[l.max - 1]! + l.windowMs);
  }
  return full.length ? { until, full } : null;
}

/** Two-key advisory locks live apart from the one-key locks of start-up and migrations. */
const THROTTLE_LOCK_SPACE = 0x74687274; // "thrt"

/**
 * The throttle for one attempt on `channel` to `destination` at `now`, read in the claiming
 * transaction. On PostgreSQL a transaction-scoped advisory lock per number serialises this count with
 * the attempt row the caller then inserts, so two instances claiming pages to one number at once
 * cannot both pass a full window (SQLite transactions are serialised already).
 */
export async function destinationThrottle(
  tx: Transaction<Database> | Kysely<Database>,
  dialect: 'sqlite' | 'postgres' | undefined,
  channel: ThrottledChannel,
  destination: string,
  now: Date,
): Promise<ThrottleDecision | null> {
  const limits = DESTINATION_LIMITS[channel];
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${THROTTLE_LOCK_SPACE}, hashtext(${`${channel}:${destination}`}))`.execute(tx);
  const longest = Math.max(...limits.map((l) => l.windowMs));
  const rows = await tx
    .selectFrom('deliveryAttempt as a')
    .innerJoin('notification as n', 'n.id', 'a.notificationId')
    .select('a.startedAt')
    .where('a.destination', '=', destination)
    .where('a.startedAt', '>', new Date(now.getTime() - longest).toISOString())
    .where('n.channel', '=', channel)
    .where((eb) => eb.or([eb('a.outcome', 'is', null), eb('a.outcome', 'in', ['delivered', 'unknown'])]))
    .orderBy('a.startedAt', 'desc')
    .limit(Math.max(...limits.map((l) => l.max)))
    .execute();
  return throttleDecision(
    limits,
    rows.map((r) => Date.parse(r.startedAt)),
    now.getTime(),
  );
}

const minutes = (ms: number) => (ms % MINUTE === 0 ? `${ms / MINUTE} min` : `${ms / 1000} s`);

/** "sms to +819012345678: 1 sent in the last 1 min (limit 1)". */
export function throttleMessage(channel: string, destination: string, d: ThrottleDecision): string {
  const full = d.full.map((f) => `${f.count} sent in the last ${minutes(f.windowMs)} (limit ${f.max})`).join(', ');
  return `${channel} to ${destination} is throttled: ${full}; held until ${new Date(d.until).toISOString()}`;
}

/**
 * Hold a notification back for throttling, in the claiming transaction: it stays pending with its
 * next attempt at the instant the number has room again, and the row says it was throttled. The first
 * time a notification is held, the incident's timeline says so. Returns false when another attempt
 * took the notification meanwhile (nothing changed).
 */
export async function holdThrottled(
  tx: Transaction<Database>,
  n: { id: string; incidentId: string | null; userId: string; channel: string; attempts: number; deferredReason: string | null },
  destination: string,
  d: ThrottleDecision,
  facts: { at: string; userName: string },
): Promise<boolean> {
  const until = new Date(d.until).toISOString();
  const r = await tx
    .updateTable('notification')
    .set({ nextAttemptAt: until, deferredReason: 'throttled', deferredUntil: until, updatedAt: facts.at })
    .where('id', '=', n.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', n.attempts)
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<=', facts.at)]))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  if (n.incidentId && n.deferredReason !== 'throttled') {
    await appendSystemEntry(tx, n.incidentId, facts.at, 'notification.throttled', {
      notificationId: n.id,
      userId: n.userId,
      userName: facts.userName,
      channel: n.channel,
      until,
      limits: d.full,
      message: throttleMessage(n.channel, destination, d),
    });
  }
  return true;
}
