/**
 * A voice call through the configured provider, speaking the page twice in the recipient's language
 * (TwiML `<Say language="ja-JP">`). Acknowledging by keypress needs a callback route and is not
 * part of this channel: an answered call is not an acknowledgement (edge case 3.4 #29).
 */
import type { Channel } from '../../channel.js';
import { notConfigured } from '../../channel.js';
import type { RenderedMessage } from '../../render/message.js';

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function voiceTwiml(m: RenderedMessage): string {
  const lang = m.locale === 'ja' ? 'ja-JP' : 'en-US';
  const say = `<Say language="${lang}">${xml(m.speech)}</Say>`;
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${say}<Pause length="1"/>${say}</Response>`;
}

export const voiceChannel: Channel<'voice'> = {
  type: 'voice',
  async send(message, address, ctx) {
    if (!ctx.telephony) return notConfigured('A voice provider');
    return ctx.telephony.placeCall(address, { twiml: voiceTwiml(message) }, { http: ctx.http, idempotencyKey: ctx.idempotencyKey });
  },
};
