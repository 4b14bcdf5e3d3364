/**
 * Building delivery dependencies from configuration, once, at the composition root (main.ts /
 * server.ts). Kept here so the wiring is one call: `createDeliveryDeps(store.db, clock, settings)`.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../platform/clock.js';
import { createHttpOut } from '../platform/http-out.js';
import { EMPTY_ALLOW_LIST, type OutboundAllowList } from '../platform/outbound-guard.js';
import type { Database } from '../store/schema.js';
import { DEFAULT_LINK_TTL_MS, DEFAULT_SMS_MAX_SEGMENTS } from './channel.js';
import { createSmtpTransport } from './channels/email/transport.js';
import { createTwilioProvider, type TwilioOptions } from './channels/telephony/twilio.js';
import type { DeliveryDeps } from './delivery/attempt.js';

export interface NotifySettings {
  publicUrl: string;
  /** The resolved HIKESHI_SECRET (services/auth/secret.ts). */
  secret: string;
  smtpUrl?: string;
  smtpFrom?: string;
  /** parseOutboundAllow(HIKESHI_OUTBOUND_ALLOW). */
  outboundAllow?: OutboundAllowList;
  /** A Twilio-compatible provider for SMS and voice, when configured. */
  telephony?: TwilioOptions | null;
  smsMaxSegments?: number;
  linkTtlMs?: number;
}

export function createDeliveryDeps(db: Kysely<Database>, clock: Clock, s: NotifySettings): DeliveryDeps & { close(): void } {
  const mail = s.smtpUrl ? createSmtpTransport(s.smtpUrl) : null;
  return {
    db,
    clock,
    http: createHttpOut({ allow: s.outboundAllow ?? EMPTY_ALLOW_LIST, clock }),
    mail,
    telephony: s.telephony ? createTwilioProvider(s.telephony) : null,
    config: {
      publicUrl: s.publicUrl.replace(/\/+$/, ''),
      secret: s.secret,
      smtpFrom: s.smtpFrom,
      smsMaxSegments: s.smsMaxSegments ?? DEFAULT_SMS_MAX_SEGMENTS,
      linkTtlMs: s.linkTtlMs ?? DEFAULT_LINK_TTL_MS,
    },
    close: () => mail?.close(),
  };
}
