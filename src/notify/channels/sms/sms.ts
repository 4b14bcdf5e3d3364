/**
 * SMS through the configured provider: `[Hikeshi] INC-42 SEV1 <title> (<service>)` and the
 * acknowledge link, cut to HIKESHI_SMS_MAX_SEGMENTS with the link kept whole.
 */
import type { Channel } from '../../channel.js';
import { notConfigured } from '../../channel.js';
import { STRINGS } from '../../render/i18n.js';
import type { RenderedMessage } from '../../render/message.js';
import { fitSms } from './segments.js';

export function smsText(m: RenderedMessage, maxSegments: number): string {
  const inc = m.input.incident;
  if (!inc) return fitSms(`[Hikeshi] ${m.subject}. ${m.summary}`, '', maxSegments);
  const head = `[Hikeshi] ${m.ref} ${inc.severity} ${inc.title}${inc.serviceName ? ` (${inc.serviceName})` : ''}`;
  const ack = m.actions.find((a) => a.kind === 'acknowledge') ?? m.actions.find((a) => a.kind === 'open');
  const tail = ack ? ` ${ack.kind === 'acknowledge' ? `${STRINGS[m.locale].smsAck} ` : ''}${ack.url}` : '';
  return fitSms(head, tail, maxSegments);
}

export const smsChannel: Channel<'sms'> = {
  type: 'sms',
  async send(message, address, ctx) {
    if (!ctx.telephony) return notConfigured('An SMS provider');
    return ctx.telephony.sendSms(address, smsText(message, ctx.config.smsMaxSegments), { http: ctx.http, idempotencyKey: ctx.idempotencyKey });
  },
};
