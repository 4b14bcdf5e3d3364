/**
 * Outgoing SMTP (HIKESHI_SMTP_URL) through nodemailer. The channel sees only `MailTransport`, so a
 * test can hand it any SMTP server and the composition root builds the real one once.
 */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<key@host>`: the same on every attempt of one notification. */
  messageId: string;
  headers: Record<string, string>;
  date: Date;
}

export interface MailSent {
  messageId: string;
  /** The server's final reply, e.g. `250 OK: queued as 1234`. */
  response: string;
}

/** Sends one message; rejects with nodemailer's error (responseCode, code, command) when it fails. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<MailSent>;
  close(): void;
}

export interface SmtpOptions {
  /** Connection set-up (default 10 s). */
  connectionTimeoutMs?: number;
  /** Silence on an open connection, e.g. waiting for the reply to the message (default 30 s). */
  socketTimeoutMs?: number;
}

/** A transport for `smtp://[user:pass@]host:port` or `smtps://…` (nodemailer's URL form). */
export function createSmtpTransport(smtpUrl: string, opts: SmtpOptions = {}): MailTransport {
  // The URL's own settings (host, port, auth, ?query options) win over these defaults.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: opts.connectionTimeoutMs ?? 10_000,
    greetingTimeout: opts.connectionTimeoutMs ?? 10_000,
    socketTimeout: opts.socketTimeoutMs ?? 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: mail.headers,
        date: mail.date,
      });
      return { messageId: String(info.messageId), response: String(info.response ?? '') };
    },
    close: () => transporter.close(),
  };
}
