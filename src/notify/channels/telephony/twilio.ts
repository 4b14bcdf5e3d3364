/**
 * A Twilio-compatible HTTP provider: `POST {baseUrl}/2010-04-01/Accounts/{sid}/Messages.json` with
 * form fields `To`, `From`, `Body`, and `…/Calls.json` with `To`, `From` and `Twiml` (or `Url`), HTTP
 * Basic auth with the account SID and auth token. The base URL is configurable, so compatible
 * services (and a local sink in tests) work. Form values are UTF-8 percent-encoded: Japanese survives.
 * An accepted request (201 with a `sid`) is `delivered` as far as we can know; the provider's later
 * status callbacks are not handled yet.
 */
import { fromHttp } from '../../channel.js';
import type { CallScript, TelephonyCallContext, TelephonyProvider } from './provider.js';

export interface TwilioOptions {
  /** Default https://api.twilio.com */
  baseUrl?: string;
  accountSid: string;
  authToken: string;
  /** The number (E.164) or sender id messages and calls come from. */
  from: string;
}

export function createTwilioProvider(opts: TwilioOptions): TelephonyProvider {
  const base = `${(opts.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(opts.accountSid)}`;
  const auth = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`, 'utf8').toString('base64')}`;
  const post = async (path: string, fields: Record<string, string>, ctx: TelephonyCallContext) => {
    const r = await ctx.http({
      url: `${base}/${path}`,
      method: 'POST',
      headers: {
        authorization: auth,
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        accept: 'application/json',
        'idempotency-key': ctx.idempotencyKey,
      },
      body: new URLSearchParams(fields).toString(),
    });
    const result = fromHttp(r);
    let sid: string | undefined;
    try {
      const parsed = JSON.parse(r.body) as { sid?: unknown; message?: unknown; code?: unknown };
      if (typeof parsed.sid === 'string') sid = parsed.sid;
      if (result.outcome !== 'delivered' && typeof parsed.message === 'string') {
        result.message = `HTTP ${r.status}: ${parsed.code !== undefined ? `${String(parsed.code)} ` : ''}${parsed.message}`;
      }
    } catch {
      /* not JSON: keep the wrapper's message */
    }
    return sid ? { ...result, providerId: sid } : result;
  };
  return {
    name: 'twilio',
    sendSms: (to, body, ctx) => post('Messages.json', { To: to, From: opts.from, Body: body }, ctx),
    placeCall: (to, script: CallScript, ctx) =>
      post('Calls.json', { To: to, From: opts.from, ...('twiml' in script ? { Twiml: script.twiml } : { Url: script.url }) }, ctx),
  };
}
