import type { AddressInfo } from 'node:net';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AlertEvent } from '../ingest/event.js';
import { type InboundEmail, parseEmail } from '../ingest/email/parse.js';
import type { Clock } from '../platform/clock.js';
import type { Intake } from '../services/ingest/intake.js';
import { IntegrationKeyError, type JobResult } from '../services/ingest/job.js';

/** The pino-compatible part of a logger the listener needs. */
export interface SmtpLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SmtpListenerOptions {
  /** 0: a free port, readable from the result. */
  port: number;
  host: string;
  intake: Intake;
  /** The integration owning a key, or null. Checked at RCPT, so a wrong address fails before the body is sent. */
  findIntegration(key: string): Promise<{ type: string } | null>;
  clock: Clock;
  log: SmtpLog;
  /** Larger messages are refused with 552 (the limit is advertised with SIZE, RFC 1870). */
  maxMessageBytes?: number;
}

export interface SmtpListener {
  port: number;
  /** Stop accepting; sessions in progress get up to CLOSE_GRACE_MS to finish. */
  close(): Promise<void>;
}

const MIB = 1024 * 1024;
/** Senders put an event on at most this many integrations per message; more are answered 452 (try later). */
const MAX_RECIPIENTS = 20;
const CLOSE_GRACE_MS = 5_000;
const KEY = /^[a-z0-9]{32}$/;

/** An error whose text is the reply: smtp-server sends `<responseCode> <message>`. */
function reply(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

/** The integration key of `<key>@any.host` (lower-cased: senders and address books change case), or null. */
export function keyOfAddress(address: string): string | null {
  const at = address.lastIndexOf('@');
  const local = (at < 0 ? address : address.slice(0, at)).replace(/^"(.*)"$/, '$1').toLowerCase();
  return KEY.test(local) ? local : null;
}

/** Client text echoed in replies: short, printable. */
const shown = (s: string) => s.replace(/[^\x21-\x7e]/g, '?').slice(0, 100);

/**
 * The built-in SMTP listener for `email` integrations (SPEC §3 `HIKESHI_INBOUND_SMTP_PORT`): mail to
 * `<integration key>@<any host>` becomes one alert event per recipient integration (rules in
 * ingest/email/parse.ts). It is meant for a trusted network, or behind a mail relay: no AUTH, no
 * STARTTLS (so no certificate to manage), any sender; the integration key in the address is the
 * credential, as in the HTTP endpoints.
 *
 * Replies (enhanced status codes in the text):
 * - RCPT: not a key → 550 5.1.1; unknown key, or a key of another type → 550 5.1.1 naming it; rate
 *   limited → 451 4.7.1 (the sender retries later); the key lookup failed → 451 4.3.0.
 * - DATA: larger than `maxMessageBytes` → 552 5.3.4; stored → 250, sent only after the transaction
 *   committed (the mail is then durable, as a 202 is); the key vanished meanwhile → 550 5.1.1; any
 *   other failure → 451 4.3.0, so the sender keeps the mail and retries (a retry may repeat the event
 *   for a recipient that did commit; the dedup key makes that an append, not a second alert).
 */
export async function startSmtpListener(opts: SmtpListenerOptions): Promise<SmtpListener> {
  const { intake, log, clock } = opts;
  const maxBytes = opts.maxMessageBytes ?? MIB;
  const limitText = maxBytes % MIB === 0 ? `${maxBytes / MIB} MiB` : `${maxBytes} bytes`;

  async function checkRecipient(address: SMTPServerAddress, session: SMTPServerSession): Promise<Error | null> {
    const key = keyOfAddress(address.address);
    if (key === null) {
      return reply(550, `5.1.1 <${shown(address.address)}>: not an integration address; send to <integration key>@… (the key is 32 letters and digits, shown on the email integration)`);
    }
    let integration: { type: string } | null;
    try {
      integration = await opts.findIntegration(key);
    } catch (err) {
      log.error({ err, session: session.id }, 'smtp: integration lookup failed');
      return reply(451, '4.3.0 temporarily unable to check the recipient; try again later');
    }
    if (!integration) {
      log.info({ session: session.id, remoteAddress: session.remoteAddress }, 'smtp: unknown integration key');
      return reply(550, `5.1.1 ${key} is not an integration key of this Hikeshi; copy the address from the email integration`);
    }
    if (integration.type !== 'email') {
      return reply(550, `5.1.1 ${key} belongs to a ${integration.type} integration, not an email one; create an email integration and use its address`);
    }
    const wait = intake.admit(key, 1);
    if (wait !== null) return reply(451, `4.7.1 ${key}: more events than this integration's rate limit; try again in ${wait} s`);
    return null;
  }

  async function deliver(raw: Buffer, session: SMTPServerSession): Promise<string> {
    const keys = [...new Set(session.envelope.rcptTo.map((r) => keyOfAddress(r.address)).filter((k): k is string => k !== null))];
    if (keys.length === 0) throw reply(503, '5.5.1 no valid recipient');
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(raw, {
        skipImageLinks: true,
        skipTextToHtml: true,
        skipTextLinks: true,
        keepCidLinks: true,
        checksumAlgo: false,
        maxHtmlLengthToParse: maxBytes,
      });
    } catch (err) {
      log.warn({ err, session: session.id }, 'smtp: unparseable message');
      throw reply(554, '5.6.0 the message could not be parsed as MIME mail');
    }
    const event = parseEmail(inboundOf(parsed, session), { receivedAt: clock.now().toISOString() });
    const settled = await Promise.allSettled(keys.map((key) => intake.submit({ key, type: 'email', events: [event], requestId: session.id })));
    return answer(keys, settled, event, session);
  }

  function answer(keys: string[], settled: PromiseSettledResult<JobResult>[], event: AlertEvent, session: SMTPServerSession): string {
    const stored: JobResult[] = [];
    const gone: string[] = [];
    let failed = false;
    settled.forEach((s, i) => {
      if (s.status === 'fulfilled') stored.push(s.value);
      else if (s.reason instanceof IntegrationKeyError) gone.push(keys[i] ?? '');
      else {
        failed = true;
        log.error({ err: s.reason, session: session.id }, 'smtp: storing the event failed');
      }
    });
    if (failed) throw reply(451, '4.3.0 the event could not be stored right now; try again later');
    if (stored.length === 0) throw reply(550, `5.1.1 ${gone.join(', ')}: no longer an email integration key of this Hikeshi`);
    if (gone.length) log.warn({ session: session.id, keys: gone.length }, 'smtp: some recipients were deleted while the message was sent');
    const results = stored.flatMap((r) => r.events.map((e) => ({ integrationId: r.integration.id, ...e })));
    log.info({ session: session.id, action: event.action, dedupKey: event.dedupKey, results }, 'smtp: event stored');
    const said = results.slice(0, 4).map((e) => `${e.eventId} (${e.outcome})`);
    return `2.6.0 Accepted as event ${said.join(', ')}${results.length > said.length ? ' …' : ''}`;
  }

  const server = new SMTPServer({
    name: 'hikeshi',
    banner: 'Hikeshi: send alerts to <integration key>@this host',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    maxRecipients: MAX_RECIPIENTS,
    disableReverseLookup: true,
    closeTimeout: CLOSE_GRACE_MS,
    logger: false,
    onRcptTo(address, session, callback) {
      checkRecipient(address, session).then(
        (err) => callback(err ?? undefined),
        (err: unknown) => {
          log.error({ err, session: session.id }, 'smtp: RCPT failed');
          callback(reply(451, '4.3.0 temporary failure; try again later'));
        },
      );
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = (err: Error | null, message?: string) => {
        if (done) return;
        done = true;
        callback(err, message);
      };
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Past the limit the rest is read and dropped: the client must reach its final dot to get the 552.
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on('error', (err) => {
        log.warn({ err, session: session.id }, 'smtp: DATA stream failed');
        finish(reply(451, '4.3.0 the message was not received completely; try again'));
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxBytes) {
          finish(reply(552, `5.3.4 the message is larger than the ${limitText} this Hikeshi accepts`));
          return;
        }
        deliver(Buffer.concat(chunks), session).then(
          (message) => finish(null, message),
          (err: unknown) => {
            if (err instanceof Error && 'responseCode' in err) return finish(err);
            log.error({ err, session: session.id }, 'smtp: DATA failed');
            finish(reply(451, '4.3.0 temporary failure; try again later'));
          },
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client resetting its connection is its problem, never a crash of ours.
  server.on('error', (err: Error) => log.warn({ err }, 'smtp: connection error'));
  const port = (server.server.address() as AddressInfo).port;
  log.info({ port, host: opts.host }, 'smtp: listening for email integrations');

  let closing: Promise<void> | null = null;
  return {
    port,
    close: () => {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}

/** mailparser's result → the parser's input. */
function inboundOf(mail: ParsedMail, session: SMTPServerSession): InboundEmail {
  const sender = mail.from?.value.find((a) => a.address);
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  // Entries, not assignment: a header named `__proto__` must stay a header.
  const headers: [string, string][] = [];
  for (const [name, value] of mail.headers) {
    if (typeof value === 'string') headers.push([name, value]);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) headers.push([name, value.join(', ')]);
  }
  return {
    subject: mail.subject ?? null,
    from: sender?.address || envelopeFrom || null,
    fromName: sender?.name || null,
    to: [...addresses(mail.to), ...addresses(mail.cc)],
    recipients: session.envelope.rcptTo.map((r) => r.address),
    text: mail.text ?? null,
    html: typeof mail.html === 'string' ? mail.html : null,
    headers: Object.fromEntries(headers),
    // mailparser puts the current time in for an unparseable Date header; absent is absent.
    date: mail.headers.has('date') && mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
    messageId: mail.messageId ?? null,
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size })),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const flat = (v: AddressObject['value']): string[] => v.flatMap((a) => (a.group ? flat(a.group) : a.address ? [a.address] : []));
  return list.flatMap((o) => flat(o.value));
}
