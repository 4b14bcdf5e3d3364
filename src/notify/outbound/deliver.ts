/**
 * One delivery attempt of one outbound message (enqueue.ts): a status-page subscriber's
 * confirmation, update or maintenance notice, a stakeholder update. The job runner calls it once
 * per run of the message's `outbound.deliver` job (handlers.ts); one job per message, so a failing
 * subscriber never holds up another.
 *
 *   claim (tx) ──► send once (no transaction open) ──► record (tx)
 *
 * - Claim: a message already delivered, failed or cancelled is not sent again; a message to a
 *   subscriber who unsubscribed since it was created is cancelled. Otherwise a conditional update
 *   (status pending, attempts as read) counts the attempt and the `outbound_attempt` row is written
 *   before anything is sent. An attempt still in flight (no outcome yet, younger than the retry
 *   policy's leaseMs) is the message's lease: another run is deferred until it ends or goes stale.
 *   So two runs racing for one message give one attempt. (The job's lease already keeps two runners
 *   apart; this keeps a stale or duplicate run from sending twice.)
 * - Send: e-mail through the MailTransport with the e-mail channel's From and Message-ID scheme
 *   (`<idempotency key@public host>`), `Auto-Submitted`, and for a subscriber's news RFC 8058
 *   one-click unsubscribe headers; a webhook as a Standard-Webhooks-signed POST through the one HTTP
 *   wrapper (SSRF guard), `webhook-id` = the idempotency key. Every attempt carries the same key and
 *   the same body, so a receiver can drop a duplicate after an unknown outcome.
 * - Record: delivered → delivered; transient/unknown → pending, retried at `retryAt` (backoff with
 *   jitter, Retry-After honoured) until the retry policy's maxAttempts; permanent → failed. A webhook
 *   that answers 410 Gone has been taken down: its subscriber is unsubscribed (Standard Webhooks).
 */
import type { Selectable } from 'kysely';
import { newId } from '../../platform/ids.js';
import { pageUrl } from '../../domain/status/page-url.js';
import type { OutboundMessageTable } from '../../store/schema-status.js';
import { type DeliveryResult, fromHttp, notConfigured } from '../channel.js';
import { classifySmtpError, messageIdFor, senderOf } from '../channels/email/email.js';
import { webhookSigningSecret } from '../channels/webhook/secret.js';
import { signWebhook } from '../channels/webhook/signature.js';
import type { DeliveryDeps } from '../delivery/attempt.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../delivery/backoff.js';
import { SUBSCRIBER_NEWS } from './enqueue.js';
import { subscriberLink } from './subscriber-links.js';

export type OutboundAttemptResult =
  /** Sent now (attempt set) or earlier (no attempt). */
  | { outcome: 'delivered'; status: 'delivered'; attempt?: number }
  | { outcome: 'transient' | 'unknown'; status: 'pending'; attempt: number; retryAt: string; message: string }
  /** Failed now (attempt set; `transient`/`unknown` when attempts ran out) or earlier. */
  | { outcome: 'permanent' | 'transient' | 'unknown'; status: 'failed'; attempt?: number; message: string }
  | { outcome: 'cancelled'; status: 'cancelled'; message: string }
  /** Another run holds it now: call again at retryAt. */
  | { outcome: 'deferred'; status: 'pending'; retryAt: string };

type Message = Selectable<OutboundMessageTable>;

type Claim =
  | { kind: 'done'; result: OutboundAttemptResult }
  | { kind: 'send'; message: Message; attempt: number; attemptId: string; unsubscribeUrl: string | null };

const ERROR_MAX = 1000;

async function claim(deps: DeliveryDeps, id: string, now: Date): Promise<Claim> {
  const at = now.toISOString();
  const policy = deps.retry ?? DEFAULT_RETRY_POLICY;
  return deps.db.transaction().execute(async (tx): Promise<Claim> => {
    const m = await tx.selectFrom('outboundMessage').selectAll().where('id', '=', id).executeTakeFirst();
    if (!m) return { kind: 'done', result: { outcome: 'cancelled', status: 'cancelled', message: `outbound message ${id} does not exist` } };
    if (m.status === 'delivered') return { kind: 'done', result: { outcome: 'delivered', status: 'delivered' } };
    if (m.status === 'cancelled') return { kind: 'done', result: { outcome: 'cancelled', status: 'cancelled', message: m.lastError ?? 'cancelled' } };
    if (m.status === 'failed') return { kind: 'done', result: { outcome: 'permanent', status: 'failed', message: m.lastError ?? 'failed' } };

    let unsubscribeUrl: string | null = null;
    if (m.subscriberId) {
      const sub = await tx
        .selectFrom('statusSubscriber')
        .innerJoin('statusPage', 'statusPage.id', 'statusSubscriber.pageId')
        .select(['statusSubscriber.id', 'statusSubscriber.unsubscribedAt', 'statusPage.slug', 'statusPage.hostname'])
        .where('statusSubscriber.id', '=', m.subscriberId)
        .executeTakeFirst();
      const why = !sub ? 'the subscriber was removed' : sub.unsubscribedAt ? 'the subscriber unsubscribed' : null;
      if (why) {
        await tx.updateTable('outboundMessage').set({ status: 'cancelled', lastError: why, updatedAt: at }).where('id', '=', id).where('status', '=', 'pending').execute();
        return { kind: 'done', result: { outcome: 'cancelled', status: 'cancelled', message: why } };
      }
      // Computed per attempt from the page as it is now: a custom domain bound since still gets the link.
      if ((SUBSCRIBER_NEWS as readonly string[]).includes(m.purpose)) unsubscribeUrl = subscriberLink(pageUrl(sub!, deps.config.publicUrl), deps.config.secret, 'unsubscribe', sub!.id);
    }

    // An attempt in flight is the message's lease: another run waits until it ends or goes stale.
    const staleBefore = new Date(now.getTime() - policy.leaseMs).toISOString();
    const inFlight = await tx
      .selectFrom('outboundAttempt')
      .select('startedAt')
      .where('messageId', '=', id)
      .where('outcome', 'is', null)
      .where('startedAt', '>', staleBefore)
      .executeTakeFirst();
    if (inFlight) {
      return { kind: 'done', result: { outcome: 'deferred', status: 'pending', retryAt: new Date(Date.parse(inFlight.startedAt) + policy.leaseMs).toISOString() } };
    }

    const attempt = m.attempts + 1;
    const taken = await tx
      .updateTable('outboundMessage')
      .set({ attempts: attempt, updatedAt: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('attempts', '=', m.attempts)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) {
      return { kind: 'done', result: { outcome: 'deferred', status: 'pending', retryAt: new Date(now.getTime() + policy.leaseMs).toISOString() } };
    }
    // An earlier attempt whose run died mid-send (stale now) never learned its outcome.
    await tx
      .updateTable('outboundAttempt')
      .set({ outcome: 'unknown', code: 'abandoned', error: 'the attempt stopped before it recorded an outcome (the process ended mid-send)' })
      .where('messageId', '=', id)
      .where('outcome', 'is', null)
      .execute();
    const attemptId = newId();
    await tx
      .insertInto('outboundAttempt')
      .values({ id: attemptId, messageId: id, attempt, startedAt: at, finishedAt: null, outcome: null, statusCode: null, code: null, error: null })
      .execute();
    return { kind: 'send', message: { ...m, attempts: attempt }, attempt, attemptId, unsubscribeUrl };
  });
}

async function sendEmail(deps: DeliveryDeps, m: Message, unsubscribeUrl: string | null): Promise<DeliveryResult> {
  if (!deps.mail) return notConfigured('Outgoing e-mail (HIKESHI_SMTP_URL)');
  const { publicUrl } = deps.config;
  const from = senderOf(deps.config);
  const messageId = messageIdFor(m.idempotencyKey, publicUrl);
  try {
    const sent = await deps.mail.send({
      from,
      to: m.address,
      subject: m.subject,
      text: m.bodyText,
      html: m.bodyHtml,
      messageId,
      date: deps.clock.now(),
      headers: {
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
        'X-Hikeshi-Message': m.idempotencyKey,
        // RFC 8058: a mail client may POST `List-Unsubscribe=One-Click` to the URL, no page shown.
        ...(unsubscribeUrl ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
      },
    });
    const reply = Number(/^(\d{3})/.exec(sent.response)?.[1] ?? 250);
    return { outcome: 'delivered', status: reply, code: `smtp_${reply}`, message: sent.response || '250 accepted', providerId: messageId };
  } catch (err) {
    return classifySmtpError(err);
  }
}

async function sendWebhook(deps: DeliveryDeps, m: Message): Promise<DeliveryResult> {
  const body = m.bodyJson ?? 'null';
  const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
  const secret = webhookSigningSecret(deps.config.secret, m.signingId ?? m.subscriberId ?? m.id);
  const r = await deps.http({
    url: m.address,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': m.idempotencyKey,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(secret, m.idempotencyKey, timestamp, body),
    },
    body,
  });
  return fromHttp(r);
}

async function send(deps: DeliveryDeps, c: Extract<Claim, { kind: 'send' }>): Promise<DeliveryResult> {
  try {
    if (c.message.channel === 'email') return await sendEmail(deps, c.message, c.unsubscribeUrl);
    if (c.message.channel === 'webhook') return await sendWebhook(deps, c.message);
    return { outcome: 'permanent', status: null, code: 'unknown_channel', message: `no outbound channel ${c.message.channel}` };
  } catch (err) {
    // Nothing above is supposed to throw; if it does, we cannot know whether it sent.
    return { outcome: 'unknown', status: null, code: 'channel_error', message: `the ${c.message.channel} send failed: ${(err as Error)?.message ?? String(err)}` };
  }
}

async function record(deps: DeliveryDeps, c: Extract<Claim, { kind: 'send' }>, r: DeliveryResult, now: Date): Promise<OutboundAttemptResult> {
  const policy = deps.retry ?? DEFAULT_RETRY_POLICY;
  const finished = new Date(Math.max(now.getTime(), deps.clock.now().getTime()));
  const at = finished.toISOString();
  const error = r.outcome === 'delivered' ? null : r.message.slice(0, ERROR_MAX);
  const retryable = r.outcome === 'transient' || r.outcome === 'unknown';
  const exhausted = retryable && c.attempt >= policy.maxAttempts;
  const retryAt =
    retryable && !exhausted ? new Date(finished.getTime() + retryDelayMs(c.attempt, deps.random ?? Math.random, r.retryAfterMs, policy)).toISOString() : null;
  const m = c.message;

  return deps.db.transaction().execute(async (tx): Promise<OutboundAttemptResult> => {
    await tx
      .updateTable('outboundAttempt')
      .set({ finishedAt: at, outcome: r.outcome, statusCode: r.status, code: r.code, error })
      .where('id', '=', c.attemptId)
      .execute();
    if (r.outcome === 'delivered') {
      // Delivered wins over anything that happened meanwhile (an unsubscribe while it was on the wire).
      await tx
        .updateTable('outboundMessage')
        .set({ status: 'delivered', deliveredAt: at, updatedAt: at, lastError: null })
        .where('id', '=', m.id)
        .where('status', '!=', 'delivered')
        .execute();
      return { outcome: 'delivered', status: 'delivered', attempt: c.attempt };
    }
    if (m.channel === 'webhook' && r.status === 410 && m.subscriberId) {
      await tx.updateTable('statusSubscriber').set({ unsubscribedAt: at, updatedAt: at }).where('id', '=', m.subscriberId).where('unsubscribedAt', 'is', null).execute();
    }
    const final = !retryable || exhausted;
    const why = (exhausted ? `gave up after ${c.attempt} attempts: ${error}` : (error ?? '')).slice(0, ERROR_MAX);
    // Only the run that holds this attempt decides; a cancel that came meanwhile stays.
    await tx
      .updateTable('outboundMessage')
      .set(final ? { status: 'failed', updatedAt: at, lastError: why } : { updatedAt: at, lastError: why })
      .where('id', '=', m.id)
      .where('status', '=', 'pending')
      .where('attempts', '=', c.attempt)
      .execute();
    if (final) return { outcome: r.outcome as 'permanent' | 'transient' | 'unknown', status: 'failed', attempt: c.attempt, message: why };
    return { outcome: r.outcome as 'transient' | 'unknown', status: 'pending', attempt: c.attempt, retryAt: retryAt!, message: why };
  });
}

/** Try to deliver outbound message `messageId` once, at `now`. Safe to call again at any time. */
export async function deliverOutbound(deps: DeliveryDeps, messageId: string, now: Date): Promise<OutboundAttemptResult> {
  const c = await claim(deps, messageId, now);
  if (c.kind === 'done') return c.result;
  const result = await send(deps, c);
  return record(deps, c, result, now);
}
