/**
 * The one shape of a notification channel (STYLE.md §9): `{ type, send(message, address, ctx) }`.
 * A channel sends once and says what happened; it never retries, sleeps or touches the database:
 * delivery/attempt.ts records the attempt and decides about the next one.
 */
import type { ContactType } from '../domain/access/credentials.js';
import type { Clock } from '../platform/clock.js';
import type { HttpOut, OutboundOutcome } from '../platform/http-out.js';
import type { MailTransport } from './channels/email/transport.js';
import type { TelephonyProvider } from './channels/telephony/provider.js';
import type { RenderedMessage } from './render/message.js';

export type DeliveryOutcome = OutboundOutcome;

export interface DeliveryResult {
  /** delivered | transient | permanent | unknown (see platform/http-out.ts for the HTTP table). */
  outcome: DeliveryOutcome;
  /** The HTTP status, or the SMTP reply code for e-mail, when the receiver answered. */
  status: number | null;
  /** Short machine code (`http_429`, `timeout`, `ssrf_refused`, `smtp_550`, `not_configured` …). */
  code: string;
  /** For the person reading the delivery record. */
  message: string;
  /** The receiver asked us to wait this long (Retry-After). */
  retryAfterMs?: number;
  /** The provider's id for what it accepted (an SMS sid, the SMTP Message-ID). */
  providerId?: string;
}

/** What the composition root supplies from Config (SPEC §3) to the channels. */
export interface NotifyConfig {
  /** HIKESHI_PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** HIKESHI_SECRET (or the generated one): signs links and derives webhook signing secrets. */
  secret: string;
  /** HIKESHI_SMTP_FROM, e.g. `Hikeshi <hikeshi@example.com>`. */
  smtpFrom: string | undefined;
  /** Longest SMS, in segments (HIKESHI_SMS_MAX_SEGMENTS, default 4): the text is cut to fit, the link kept. */
  smsMaxSegments: number;
  /** How long acknowledge/resolve links in a message work (default 24 h). */
  linkTtlMs: number;
}

export const DEFAULT_SMS_MAX_SEGMENTS = 4;
export const DEFAULT_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export interface ChannelContext {
  /** The notification's idempotency key: the same on every attempt (webhook-id, Message-ID). */
  idempotencyKey: string;
  /** The contact method being sent to (webhook signing secrets are derived from its id). */
  contactMethodId: string;
  /** The one outbound HTTP function (SSRF guard, timeouts, classification). */
  http: HttpOut;
  /** SMTP, when HIKESHI_SMTP_URL is set. */
  mail: MailTransport | null;
  /** The SMS/voice provider, when one is configured. */
  telephony: TelephonyProvider | null;
  clock: Clock;
  config: NotifyConfig;
}

export interface Channel<T extends ContactType = ContactType> {
  type: T;
  send(message: RenderedMessage, address: string, ctx: ChannelContext): Promise<DeliveryResult>;
}

/** The result shape from the HTTP wrapper's answer. */
export function fromHttp(r: {
  outcome: OutboundOutcome;
  status: number | null;
  code: string;
  message: string;
  retryAfterMs?: number;
}): DeliveryResult {
  return {
    outcome: r.outcome,
    status: r.status,
    code: r.code,
    message: r.message,
    ...(r.retryAfterMs !== undefined ? { retryAfterMs: r.retryAfterMs } : {}),
  };
}

export function notConfigured(what: string): DeliveryResult {
  return { outcome: 'permanent', status: null, code: 'not_configured', message: `${what} is not configured on this server` };
}

/**
 * A chat incoming webhook (Slack, Mattermost, Teams): POST the channel's JSON payload to the address
 * (the webhook URL) through the outbound wrapper; any 2xx is delivered.
 */
export function jsonWebhookChannel<T extends ContactType>(type: T, payload: (message: RenderedMessage) => unknown): Channel<T> {
  return {
    type,
    async send(message, address, ctx) {
      const r = await ctx.http({ url: address, method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(payload(message)) });
      return fromHttp(r);
    },
  };
}
