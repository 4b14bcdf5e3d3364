/**
 * SMS and voice go through a provider (SPEC §4.4). The channels know only this interface; the
 * Twilio-compatible HTTP provider (twilio.ts) is the one shipped, and another provider is one more
 * implementation. Providers send through the outbound HTTP wrapper they are given.
 */
import type { HttpOut } from '../../../platform/http-out.js';
import type { DeliveryResult } from '../../channel.js';

export interface TelephonyCallContext {
  http: HttpOut;
  /** The notification's idempotency key, sent as `Idempotency-Key` for providers that honour it. */
  idempotencyKey: string;
}

export type CallScript = { twiml: string } | { url: string };

export interface TelephonyProvider {
  readonly name: string;
  sendSms(to: string, body: string, ctx: TelephonyCallContext): Promise<DeliveryResult>;
  placeCall(to: string, script: CallScript, ctx: TelephonyCallContext): Promise<DeliveryResult>;
}
