/**
 * One delivery attempt of one notification (SPEC §4.4). The job runner calls this once per
 * notification per due time; attempts of different notifications are independent calls, so a slow or
 * failing channel never holds up another.
 *
 *   claim (tx) ──► render + send once (no transaction open) ──► record (tx)
 *
 * - Claim: a conditional update (status pending, attempts as read, no live lease) takes a lease and
 *   counts the attempt, and the attempt row is written before anything is sent. Two workers calling at
 *   once: one sends, the other gets `deferred` until the lease ends.
 * - A delivered notification is never sent again: later calls return `delivered` without sending.
 * - transient / unknown → pending with `retryAt` (backoff with jitter, Retry-After honoured); the next
 *   attempt carries the same idempotency key (webhook-id, Message-ID), so after an unknown outcome the
 *   receiver can drop the duplicate. After `maxAttempts` the notification fails.
 * - permanent → failed, never retried.
 * - A page whose incident was acknowledged (after the page was created) or closed, a reminder for a
 *   closed incident, and anything for a disabled person is cancelled instead of sent.
 * - SMS and voice to a number that had too many attempts lately are held back (throttle.ts): no
 *   attempt, the notification stays pending until the number has room (`throttled`).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { HttpOut } from '../../platform/http-out.js';
import { newId } from '../../platform/ids.js';
import type { Dialect } from '../../store/db.js';
import type { NotificationTable } from '../../store/schema-notifications.js';
import type { Database } from '../../store/schema.js';
import type { ChannelContext, DeliveryOutcome, DeliveryResult, NotifyConfig } from '../channel.js';
import type { MailTransport } from '../channels/email/transport.js';
import type { TelephonyProvider } from '../channels/telephony/provider.js';
import { CHANNELS, type ChannelRegistry, channelFor } from '../registry.js';
import { toLocale } from '../render/i18n.js';
import { type IncidentSummary, messageLinks, type Purpose, renderMessage, type ShiftFacts } from '../render/message.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './backoff.js';
import { destinationThrottle, holdThrottled, isThrottledChannel, throttleMessage } from './throttle.js';
import { appendSystemEntry } from './timeline.js';

export interface DeliveryDeps {
  db: Kysely<Database>;
  /** PostgreSQL serialises the throttle count per number with an advisory lock (throttle.ts). */
  dialect?: Dialect;
  clock: Clock;
  http: HttpOut;
  mail: MailTransport | null;
  telephony: TelephonyProvider | null;
  config: NotifyConfig;
  channels?: ChannelRegistry;
  /** [0, 1); Math.random unless a test pins it. */
  random?: () => number;
  retry?: RetryPolicy;
  /**
   * Called in the recording transaction when a notification about an incident is delivered or has
   * failed for good. Default: a `notification.sent` / `notification.failed` timeline entry by the
   * system actor. The composition root can pass one that also writes an outbox row (live stream).
   */
  onSettled?: (tx: Transaction<Database>, event: SettledEvent) => Promise<void>;
}

export interface SettledEvent {
  notification: Selectable<NotificationTable>;
  outcome: 'delivered' | 'failed';
  attempt: number;
  at: string;
  userName: string;
  message: string;
}

export type AttemptResult =
  /** Sent now (attempt set) or earlier (no attempt). */
  | { outcome: 'delivered'; status: 'delivered'; attempt?: number }
  | { outcome: 'transient' | 'unknown'; status: 'pending'; attempt: number; retryAt: string; message: string }
  /** Failed now (attempt set, `transient`/`unknown` when attempts ran out) or earlier. */
  | { outcome: 'permanent' | 'transient' | 'unknown'; status: 'failed'; attempt?: number; message: string }
  | { outcome: 'cancelled'; status: 'cancelled'; message: string }
  /** Not now: another attempt holds it, or its retry is not due yet. Call again at retryAt. */
  | { outcome: 'deferred'; status: 'pending'; retryAt: string }
  /** Not sent: its SMS/voice number had too many attempts lately. Call again at retryAt. */
  | { outcome: 'throttled'; status: 'pending'; retryAt: string; message: string };

type Claim =
  | { kind: 'done'; result: AttemptResult }
  | {
      kind: 'send';
      notification: Selectable<NotificationTable>;
      attempt: number;
      attemptId: string;
      address: string;
      recipient: { id: string; name: string; locale: string; timeZone: string };
      incident: IncidentSummary | null;
    };

const ERROR_MAX = 1000;

type IncidentRow = { summary: IncidentSummary; acknowledgedAt: string | null };

/** An incident as messages and the respond pages show it, with when it was acknowledged. */
export async function loadIncident(ex: Kysely<Database> | Transaction<Database>, id: string): Promise<IncidentRow | null> {
  const row = await ex
    .selectFrom('incident')
    .leftJoin('service', 'service.id', 'incident.serviceId')
    .select([
      'incident.id',
      'incident.number',
      'incident.title',
      'incident.status',
      'incident.severity',
      'incident.urgency',
      'incident.priority',
      'incident.startedAt',
      'incident.acknowledgedAt',
      'service.name as serviceName',
    ])
    .where('incident.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const { acknowledgedAt, serviceName, ...rest } = row;
  return { summary: { ...rest, number: Number(rest.number), urgency: Number(rest.urgency), serviceName: serviceName ?? null }, acknowledgedAt };
}

/** Why this notification should no longer go out, or null. */
function cancelReason(n: Selectable<NotificationTable>, incident: IncidentRow | null, disabled: boolean): string | null {
  if (disabled) return 'the person is disabled';
  if (!n.incidentId) return null;
  if (!incident) return 'the incident no longer exists';
  const purpose = n.purpose as Purpose;
  const { status } = incident.summary;
  const open = status === 'triggered' || status === 'acknowledged';
  if ((purpose === 'page' || purpose === 'reminder') && !open) return `the incident is ${status}`;
  if (purpose === 'page' && status === 'acknowledged' && incident.acknowledgedAt && incident.acknowledgedAt >= n.createdAt) {
    return 'the incident was acknowledged after this page was created';
  }
  return null;
}

async function claim(deps: DeliveryDeps, id: string, now: Date): Promise<Claim> {
  const at = now.toISOString();
  const policy = deps.retry ?? DEFAULT_RETRY_POLICY;
  return deps.db.transaction().execute(async (tx): Promise<Claim> => {
    const n = await tx.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirst();
    if (!n) return { kind: 'done', result: { outcome: 'cancelled', status: 'cancelled', message: `notification ${id} does not exist` } };
    if (n.status === 'delivered') return { kind: 'done', result: { outcome: 'delivered', status: 'delivered' } };
    if (n.status === 'cancelled') return { kind: 'done', result: { outcome: 'cancelled', status: 'cancelled', message: n.lastError ?? 'cancelled' } };
    if (n.status === 'failed') return { kind: 'done', result: { outcome: 'permanent', status: 'failed', message: n.lastError ?? 'failed' } };
    if (n.leaseUntil && n.leaseUntil > at) return { kind: 'done', result: { outcome: 'deferred', status: 'pending', retryAt: n.leaseUntil } };
    if (n.nextAttemptAt && n.nextAttemptAt > at) return { kind: 'done', result: { outcome: 'deferred', status: 'pending', retryAt: n.nextAttemptAt } };

    const user = await tx.selectFrom('appUser').select(['id', 'name', 'locale', 'timeZone', 'disabledAt']).where('id', '=', n.userId).executeTakeFirst();
    const incident = n.incidentId ? await loadIncident(tx, n.incidentId) : null;
    const method = n.contactMethodId
      ? await tx.selectFrom('contactMethod').select(['id', 'type', 'address']).where('id', '=', n.contactMethodId).executeTakeFirst()
      : undefined;

    const stop = async (status: 'cancelled' | 'failed', why: string): Promise<Claim> => {
      await tx
        .updateTable('notification')
        .set({ status, lastError: why, updatedAt: at, nextAttemptAt: null, leaseUntil: null })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
      return {
        kind: 'done',
        result: status === 'cancelled' ? { outcome: 'cancelled', status, message: why } : { outcome: 'permanent', status, message: why },
      };
    };
    const reason = cancelReason(n, incident, !user || user.disabledAt !== null);
    if (reason) return stop('cancelled', reason);
    if (!method || !user) return stop('failed', 'the contact method was removed');
    if (method.type !== n.channel) return stop('failed', `the contact method changed from ${n.channel} to ${method.type}`);

    if (isThrottledChannel(method.type)) {
      const held = await destinationThrottle(tx, deps.dialect, method.type, method.address, now);
      if (held) {
        const retryAt = new Date(held.until).toISOString();
        if (!(await holdThrottled(tx, n, method.address, held, { at, userName: user.name }))) {
          return { kind: 'done', result: { outcome: 'deferred', status: 'pending', retryAt: new Date(now.getTime() + policy.leaseMs).toISOString() } };
        }
        return { kind: 'done', result: { outcome: 'throttled', status: 'pending', retryAt, message: throttleMessage(method.type, method.address, held) } };
      }
    }

    const attempt = n.attempts + 1;
    const taken = await tx
      .updateTable('notification')
      .set({ attempts: attempt, leaseUntil: new Date(now.getTime() + policy.leaseMs).toISOString(), updatedAt: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('attempts', '=', n.attempts)
      .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<=', at)]))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) {
      return { kind: 'done', result: { outcome: 'deferred', status: 'pending', retryAt: new Date(now.getTime() + policy.leaseMs).toISOString() } };
    }
    // An earlier attempt whose worker died mid-send (its lease ran out) never learned its outcome.
    await tx
      .updateTable('deliveryAttempt')
      .set({ outcome: 'unknown', code: 'abandoned', error: 'the attempt stopped before it recorded an outcome (the process ended mid-send)' })
      .where('notificationId', '=', id)
      .where('outcome', 'is', null)
      .execute();
    const attemptId = newId();
    await tx
      .insertInto('deliveryAttempt')
      .values({
        id: attemptId,
        notificationId: id,
        attempt,
        startedAt: at,
        finishedAt: null,
        outcome: null,
        httpStatus: null,
        code: null,
        error: null,
        retryAt: null,
        destination: isThrottledChannel(method.type) ? method.address : null,
      })
      .execute();
    return {
      kind: 'send',
      notification: { ...n, attempts: attempt },
      attempt,
      attemptId,
      address: method.address,
      recipient: { id: user.id, name: user.name, locale: user.locale, timeZone: user.timeZone },
      incident: incident?.summary ?? null,
    };
  });
}

async function send(deps: DeliveryDeps, c: Extract<Claim, { kind: 'send' }>): Promise<DeliveryResult> {
  const n = c.notification;
  const channel = channelFor(n.channel, deps.channels ?? CHANNELS);
  if (!channel) return { outcome: 'permanent', status: null, code: 'unknown_channel', message: `no channel for contact type ${n.channel}` };
  const message = renderMessage({
    notificationId: n.id,
    purpose: n.purpose as Purpose,
    recipient: { id: c.recipient.id, name: c.recipient.name, locale: toLocale(c.recipient.locale), timeZone: c.recipient.timeZone },
    incident: c.incident,
    shift: n.purpose === 'shift' ? ((JSON.parse(n.data) as { shift?: ShiftFacts }).shift ?? null) : null,
    createdAt: n.createdAt,
    links: messageLinks({
      publicUrl: deps.config.publicUrl,
      secret: deps.config.secret,
      incidentId: n.incidentId,
      userId: n.userId,
      // From the notification's creation, not this attempt: every attempt carries the same links, so a
      // retry's body is byte-for-byte the first one's (receivers may compare them).
      expiresAt: new Date(Date.parse(n.createdAt) + deps.config.linkTtlMs),
    }),
  });
  const ctx: ChannelContext = {
    idempotencyKey: n.idempotencyKey,
    contactMethodId: n.contactMethodId ?? '',
    http: deps.http,
    mail: deps.mail,
    telephony: deps.telephony,
    clock: deps.clock,
    config: deps.config,
  };
  try {
    return await channel.send(message, c.address, ctx);
  } catch (err) {
    // A channel is not supposed to throw; if one does, we cannot know whether it sent.
    return { outcome: 'unknown', status: null, code: 'channel_error', message: `the ${n.channel} channel failed: ${(err as Error)?.message ?? String(err)}` };
  }
}

async function defaultOnSettled(tx: Transaction<Database>, e: SettledEvent): Promise<void> {
  const n = e.notification;
  if (!n.incidentId) return;
  await appendSystemEntry(tx, n.incidentId, e.at, e.outcome === 'delivered' ? 'notification.sent' : 'notification.failed', {
    notificationId: n.id,
    userId: n.userId,
    userName: e.userName,
    channel: n.channel,
    contactMethodId: n.contactMethodId,
    purpose: n.purpose,
    attempts: e.attempt,
    ...(e.outcome === 'failed' ? { error: e.message } : {}),
  });
}

async function record(deps: DeliveryDeps, c: Extract<Claim, { kind: 'send' }>, r: DeliveryResult, now: Date): Promise<AttemptResult> {
  const policy = deps.retry ?? DEFAULT_RETRY_POLICY;
  const finished = new Date(Math.max(now.getTime(), deps.clock.now().getTime()));
  const at = finished.toISOString();
  const error = r.outcome === 'delivered' ? null : r.message.slice(0, ERROR_MAX);
  const retryable = r.outcome === 'transient' || r.outcome === 'unknown';
  const exhausted = retryable && c.attempt >= policy.maxAttempts;
  const retryAt =
    retryable && !exhausted ? new Date(finished.getTime() + retryDelayMs(c.attempt, deps.random ?? Math.random, r.retryAfterMs, policy)).toISOString() : null;
  const n = c.notification;
  const onSettled = deps.onSettled ?? defaultOnSettled;

  return deps.db.transaction().execute(async (tx): Promise<AttemptResult> => {
    await tx
      .updateTable('deliveryAttempt')
      .set({ finishedAt: at, outcome: r.outcome, httpStatus: r.status, code: r.code, error, retryAt })
      .where('id', '=', c.attemptId)
      .execute();
    const settle = (outcome: 'delivered' | 'failed', message: string) =>
      onSettled(tx, { notification: n, outcome, attempt: c.attempt, at, userName: c.recipient.name, message });

    if (r.outcome === 'delivered') {
      // Delivered wins over anything that happened meanwhile (a cancel, another worker's failure).
      const u = await tx
        .updateTable('notification')
        .set({ status: 'delivered', deliveredAt: at, updatedAt: at, leaseUntil: null, nextAttemptAt: null, lastError: null })
        .where('id', '=', n.id)
        .where('status', '!=', 'delivered')
        .executeTakeFirst();
      if (Number(u.numUpdatedRows) === 1) await settle('delivered', r.message);
      return { outcome: 'delivered', status: 'delivered', attempt: c.attempt };
    }
    const final = !retryable || exhausted;
    const why = exhausted ? `gave up after ${c.attempt} attempts: ${error}` : (error ?? '');
    // Only the attempt that holds the claim decides; a cancel that came meanwhile stays.
    const u = await tx
      .updateTable('notification')
      .set(
        final
          ? { status: 'failed', updatedAt: at, leaseUntil: null, nextAttemptAt: null, lastError: why.slice(0, ERROR_MAX) }
          : { updatedAt: at, leaseUntil: null, nextAttemptAt: retryAt, lastError: why.slice(0, ERROR_MAX) },
      )
      .where('id', '=', n.id)
      .where('status', '=', 'pending')
      .where('attempts', '=', c.attempt)
      .executeTakeFirst();
    const changed = Number(u.numUpdatedRows) === 1;
    if (final) {
      if (changed) await settle('failed', why);
      return { outcome: r.outcome as Exclude<DeliveryOutcome, 'delivered'>, status: 'failed', attempt: c.attempt, message: why };
    }
    if (!changed) {
      const now2 = await tx.selectFrom('notification').select(['status', 'lastError']).where('id', '=', n.id).executeTakeFirst();
      if (now2?.status === 'cancelled') return { outcome: 'cancelled', status: 'cancelled', message: now2.lastError ?? 'cancelled' };
    }
    return { outcome: r.outcome as 'transient' | 'unknown', status: 'pending', attempt: c.attempt, retryAt: retryAt!, message: why };
  });
}

/** Try to deliver notification `notificationId` once, at `now`. Safe to call again at any time. */
export async function attemptDelivery(deps: DeliveryDeps, notificationId: string, now: Date): Promise<AttemptResult> {
  const c = await claim(deps, notificationId, now);
  if (c.kind === 'done') return c.result;
  const result = await send(deps, c);
  return record(deps, c, result, now);
}
