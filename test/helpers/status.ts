import assert from 'node:assert/strict';
import type { Api } from './api.js';
import type { TestServer } from './server.js';
import type { ReceivedMail, SmtpSink } from './smtp-sink.js';

/** Helpers of the status-page subscriber tests: forms, the job runner, the SMTP sink, e-mailed links. */

export const ok = <T = any>(r: { status: number; body: T }, status: number, what: string): T => {
  assert.equal(r.status, status, `${what}: ${JSON.stringify(r.body)}`);
  return r.body;
};

/** POST an application/x-www-form-urlencoded form, as a browser with JavaScript off does. */
export function postForm(a: Api, url: string, fields: [string, string][], headers: Record<string, string> = {}) {
  const body = fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return a.raw('POST', url, body, { ...headers, 'content-type': 'application/x-www-form-urlencoded' });
}

/** Run every due job (e-mails, webhooks, notices) until none is left, then wait until the sink has every e-mail sent. */
export async function settleOutbound(ts: TestServer, smtp: SmtpSink): Promise<void> {
  for (let i = 0; i < 20 && (await ts.server.jobs.tick(ts.clock.now())) > 0; i++);
  const sent = await ts.server.store.db
    .selectFrom('outboundAttempt')
    .innerJoin('outboundMessage', 'outboundMessage.id', 'outboundAttempt.messageId')
    .select('outboundAttempt.id')
    .where('outboundMessage.channel', '=', 'email')
    .where('outboundAttempt.outcome', '=', 'delivered')
    .execute();
  await smtp.waitFor(sent.length);
}

export const inboxOf = (smtp: SmtpSink, address: string): ReceivedMail[] => smtp.messages.filter((m) => m.envelope.to.includes(address));

/** The confirm or unsubscribe link in a subscriber e-mail. */
export function linkIn(mail: ReceivedMail, kind: 'confirm' | 'unsubscribe'): URL {
  const m = new RegExp(`https?://[^\\s"<>]+/subscribers/[^\\s"<>/]+/${kind}\\?token=[A-Za-z0-9_-]+`).exec(mail.parsed.text ?? '');
  assert.ok(m, `a ${kind} link in: ${mail.parsed.text}`);
  return new URL(m[0]);
}
