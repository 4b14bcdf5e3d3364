/**
 * E-mail over SMTP (HIKESHI_SMTP_URL, From HIKESHI_SMTP_FROM). The Message-ID is derived from the
 * idempotency key, so every attempt of one notification carries the same Message-ID and a receiving
 * system (or a person's mail client threading) can tell a retry from a new page.
 */
import type { Channel, DeliveryResult } from '../../channel.js';
import { notConfigured } from '../../channel.js';
import { emailHtml, emailText } from './format.js';

/** `<key@host-of-HIKESHI_PUBLIC_URL>`. */
export function messageIdFor(idempotencyKey: string, publicUrl: string): string {
  let host = 'hikeshi.invalid';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    /* keep the fallback */
  }
  return `<${idempotencyKey}@${host.replace(/^\[|\]$/g, '')}>`;
}

/** HIKESHI_SMTP_FROM, else `Hikeshi <hikeshi@<host of HIKESHI_PUBLIC_URL>>`. */
export function senderOf(config: { smtpFrom: string | undefined; publicUrl: string }): string {
  return config.smtpFrom ?? `Hikeshi <hikeshi@${new URL(config.publicUrl).hostname || 'localhost'}>`;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

/** Errors nodemailer raises before any of the message can have been handed over. */
const BEFORE_SENDING = new Set(['ECONNECTION', 'EDNS', 'ETLS', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND']);

/**
 * SMTP replies say what happened: 4xx try later, 5xx never (a 550 for an unknown mailbox will not
 * improve). Without a reply: failing to connect is transient; losing the connection or timing out
 * while the message may have been handed over is unknown (the retry carries the same Message-ID).
 */
export function classifySmtpError(err: unknown): DeliveryResult {
  const e = (err ?? {}) as SmtpError;
  const reply = e.response ? ` (${String(e.response).slice(0, 300)})` : '';
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    const outcome = e.responseCode >= 500 ? 'permanent' : 'transient';
    return { outcome, status: e.responseCode, code: `smtp_${e.responseCode}`, message: `the mail server refused${e.command ? ` ${e.command}` : ''}: ${e.message ?? ''}${reply}` };
  }
  const code = e.code ?? 'error';
  if (code === 'EAUTH') return { outcome: 'permanent', status: null, code: 'smtp_auth', message: `the mail server refused our login: ${e.message ?? ''}` };
  if (BEFORE_SENDING.has(code) || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(e.message ?? '')) {
    return { outcome: 'transient', status: null, code, message: `could not reach the mail server: ${e.message ?? code}` };
  }
  return { outcome: 'unknown', status: null, code, message: `the mail server connection failed mid-transaction (${e.message ?? code}); it may have the message` };
}

export const emailChannel: Channel<'email'> = {
  type: 'email',
  async send(message, address, ctx) {
    if (!ctx.mail) return notConfigured('Outgoing e-mail (HIKESHI_SMTP_URL)');
    const from = senderOf(ctx.config);
    const messageId = messageIdFor(ctx.idempotencyKey, ctx.config.publicUrl);
    const inc = message.input.incident;
    try {
      const sent = await ctx.mail.send({
        from,
        to: address,
        subject: message.subject,
        text: emailText(message),
        html: emailHtml(message),
        messageId,
        date: ctx.clock.now(),
        headers: {
          'Auto-Submitted': 'auto-generated',
          'X-Auto-Response-Suppress': 'All',
          'X-Hikeshi-Notification': ctx.idempotencyKey,
          ...(inc ? { 'X-Hikeshi-Incident': inc.id } : {}),
        },
      });
      const reply = Number(/^(\d{3})/.exec(sent.response)?.[1] ?? 250);
      return { outcome: 'delivered', status: reply, code: `smtp_${reply}`, message: sent.response || '250 accepted', providerId: messageId };
    } catch (err) {
      return classifySmtpError(err);
    }
  },
};
