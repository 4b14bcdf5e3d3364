import { createHash } from 'node:crypto';
import { type AlertEvent, type AlertSeverity, type EventAction, MAX_DEDUP_KEY, MAX_SUMMARY, type ParseContext } from '../event.js';
import { severityFromText, truncate } from '../shared.js';

/**
 * One received mail, already decoded (MIME, RFC 2047 subjects in ISO-2022-JP, UTF-8 …) by the SMTP
 * adapter. Everything is optional in practice: appliances send odd mail, and this parser never throws.
 */
export interface InboundEmail {
  subject: string | null;
  /** The From header's address, else the envelope sender (MAIL FROM); null for a bounce (`MAIL FROM:<>`). */
  from: string | null;
  /** The From header's display name. */
  fromName: string | null;
  /** The To and Cc header addresses. */
  to: string[];
  /** The envelope recipients (RCPT TO) this copy was accepted for: the integration addresses. */
  recipients: string[];
  /** The plain text body (mailparser derives it from HTML when the mail has no text part). */
  text: string | null;
  html: string | null;
  /** Header values by lower-case name (repeated headers joined with ", "). */
  headers: Record<string, string>;
  /** The Date header (ISO-8601 or RFC 5322 text), null when absent. */
  date: string | null;
  messageId: string | null;
  attachments: { filename: string | null; contentType: string; size: number }[];
}

/** Body text kept in the event's details; the rest is cut (mail from backup appliances carries whole logs). */
export const MAX_BODY = 64 * 1024;
/** Header values and counts kept in details. */
const MAX_HEADER_VALUE = 1024;
const MAX_HEADERS = 50;
const MAX_ATTACHMENTS = 20;
/** A Date header further off than this from the receive time is a device with a wrong clock: ignored. */
const MAX_DATE_PAST_MS = 7 * 24 * 3600_000;
const MAX_DATE_FUTURE_MS = 10 * 60_000;

/** Marks a dedup key made by hashing a long subject or header; see dedupKeyFrom. */
export const HASHED_KEY_PREFIX = 'email-sha256:';

/**
 * A mail → one alert event. The rules (README "Email integrations"):
 *
 * - **Action**: `X-Hikeshi-Action: trigger|acknowledge|resolve` when present; else the subject's
 *   leading status marker (after any `Re:`/`Fwd:`): a resolve marker (`Resolved:`, `Resolved in 5m:`
 *   (Zabbix), `RESOLVED`, `OK:`, `[OK]`, `Recovery`, `Recovered`, `Cleared`, `Up:`, `[Success]`,
 *   `復旧`, `【復旧】`, `障害復旧`, `解消`, `回復`, `正常` …) resolves; an acknowledge marker (`ACK`,
 *   `Acknowledged:`, Zabbix's `Updated problem in …:`, `確認済み`, `対応中`) acknowledges; anything else
 *   triggers. Markers are matched case-insensitively before `:`/`：`, inside brackets
 *   (`[OK]`, `【復旧】`, `(Resolved)`) or before ` - `; before a plain space only when written in
 *   capitals (`RESOLVED Disk full`) or in Japanese, so "Recovery of the database failed" stays a trigger.
 * - **Dedup key**: the `X-Hikeshi-Dedup-Key` header when present; else the subject with `Re:`/`Fwd:`
 *   prefixes and every leading status marker removed — trigger markers too (`Problem:`, `[Failed]`,
 *   `CRITICAL:`, `障害:`, `【障害】`, `** PROBLEM` …) — and a trailing state (`is CRITICAL`, `is OK`,
 *   `is down`) dropped, NFKC-normalised (full-width and half-width forms agree) with runs of white
 *   space made one. So Zabbix's "Problem: X" and "Resolved: X", Nagios' "** PROBLEM … is CRITICAL **"
 *   and "** RECOVERY … is OK **", Veeam's "[Failed] X" and "[Success] X" pair up. A key longer than
 *   MAX_DEDUP_KEY becomes `email-sha256:<hex>`. An empty subject gives no key (the pipeline makes one).
 * - **Summary**: the subject without those prefixes and markers (the whole subject when nothing is
 *   left; the first non-empty body line when there is no subject), white space collapsed, truncated
 *   to MAX_SUMMARY.
 * - **Severity**: `X-Hikeshi-Severity` (critical, error, warning, info and the usual synonyms); else a
 *   `Severity:` line in the body (Zabbix's "Problem severity: High", `深刻度:`/`重要度:`); else keywords
 *   in the subject; else `warning`. Words: disaster, critical, emergency, fatal, 緊急, 重大, 致命 →
 *   critical; average, 軽度 → warning; high, error, major, failed, failure, 重度, 障害, エラー, 失敗 →
 *   error; warning, minor, 警告, 注意 → warning; in a severity line also information, low, 情報 → info.
 * - **Source**: the sender's address. **Client**: the `X-Mailer` header.
 * - **occurredAt**: the Date header, unless it is more than 7 days before or 10 minutes after the
 *   receive time (devices with unset clocks); then the receive time.
 * - **Details**: from, to, recipients, subject, messageId, date, the body text (cut at MAX_BODY
 *   characters, with `bodyTruncated` and `bodyLength`), attachment names/types/sizes, and the `X-*`
 *   headers (up to 50, mail-system noise such as `X-MS-*`, `X-Google-*`, `X-Spam-*` left out).
 */
export function parseEmail(mail: InboundEmail, ctx: ParseContext): AlertEvent {
  const headers = mail.headers;
  const subject = clean(mail.subject ?? '');
  const body = mail.text ?? (mail.html ? htmlToText(mail.html) : '');
  const split = splitSubject(subject);

  const headerKey = clean(headers['x-hikeshi-dedup-key'] ?? '');
  const derivedKey = subjectKey(split.rest);
  const dedupKey = headerKey ? dedupKeyFrom(headerKey) : derivedKey ? dedupKeyFrom(derivedKey) : null;

  const summaryText = split.rest || subject || firstLine(body) || '(no subject)';

  const source = mail.from?.trim() ? truncate(mail.from.trim(), 255) : null;
  const client = clean(headers['x-mailer'] ?? '');

  return {
    kind: 'alert',
    action: actionFromHeader(headers['x-hikeshi-action']) ?? split.action ?? 'trigger',
    dedupKey,
    summary: truncate(summaryText, MAX_SUMMARY),
    source,
    severity: severityOf(headers['x-hikeshi-severity'], body, subject),
    component: null,
    group: null,
    class: null,
    labels: {},
    details: detailsOf(mail, subject, body),
    links: [],
    occurredAt: occurredAt(mail.date, ctx.receivedAt),
    client: client ? truncate(client, 255) : null,
    clientUrl: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Subject markers

const RESOLVE_WORDS = [
  'resolved', 'resolve', 'recovered', 'recovery', 'cleared', 'clear', 'ok', 'up', 'normal', 'success', 'succeeded',
  '障害復旧', '復旧', '解消', '回復', '正常', '復帰', '成功',
];
const ACK_WORDS = ['acknowledged', 'acknowledgement', 'acknowledgment', 'ack', 'updated problem', '確認済み', '確認済', '対応中'];
const TRIGGER_WORDS = [
  'problem', 'alert', 'alarm', 'firing', 'triggered', 'trouble', 'critical', 'disaster', 'emergency', 'error', 'failed', 'failure',
  'fail', 'warning', 'warn', 'down', '障害発生', '障害', '発生', '異常', '警告', '緊急', '重大', '注意', 'エラー', '失敗', 'アラート',
];
const ACTION_OF = new Map<string, EventAction>([
  ...RESOLVE_WORDS.map((w) => [w, 'resolve'] as const),
  ...ACK_WORDS.map((w) => [w, 'acknowledge'] as const),
  ...TRIGGER_WORDS.map((w) => [w, 'trigger'] as const),
]);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, so `障害復旧` wins over `障害` and `acknowledged` over `ack`. */
const LONGEST_FIRST = [...ACTION_OF.keys()].sort((a, b) => b.length - a.length);
const WORDS = LONGEST_FIRST.map(escapeRegExp).join('|');
const STARS = String.raw`(?:\*{1,3}\s*)?`;
/** `[OK]`, `【復旧】`, `(Resolved)`, optionally followed by `:` or ` - `. */
const BRACKETED = new RegExp(String.raw`^${STARS}[\[【［(（<〈]\s*(${WORDS})\s*[\]】］)）>〉]\s*(?:[:：]\s*|[-–—](?:\s+|$))?`, 'iu');
/** `Resolved:`, `Resolved in 1h 5m:` (Zabbix), `復旧 (5m):`, `PROBLEM - `. */
const DELIMITED = new RegExp(String.raw`^${STARS}(${WORDS})(?:\s+in\s+\d[0-9a-z ]{0,30}|\s*[(（][^()（）]{0,40}[)）])?\s*(?:[:：]\s*|[-–—](?:\s+|$))`, 'iu');
/** `RESOLVED Disk full`, `** PROBLEM Service Alert`, `復旧 web-1`: capitals (or Japanese) and a space. */
const SPACED = new RegExp(String.raw`^${STARS}(${LONGEST_FIRST.map((w) => escapeRegExp(w.toUpperCase())).join('|')})(?:\s+|$)`, 'u');
/** `Re:`, `Fwd:`, `FW:`, `AW:`, `WG:`, `Re[2]:`, `返信:`, `転送:`. */
const REPLY = /^(?:re|fwd?|aw|wg|sv|antw|返信|転送)\s*(?:\[\d{1,4}\]|\(\d{1,4}\))?\s*[:：]\s*/iu;
/** A trailing state, as in Nagios' "host/service is CRITICAL **" or an uptime check's "web is down". */
const TRAILING_STATE = /\s+is\s+(?:up|down|unreachable|ok|warning|critical|unknown)\s*[!.]?$/i;

export interface SplitSubject {
  /** The first status marker's action; null when the subject has none. */
  action: EventAction | null;
  /** The subject without reply prefixes and status markers (and without Nagios' closing `**`). */
  rest: string;
}

/** Peel reply prefixes and status markers off the front of a (cleaned) subject. */
export function splitSubject(subject: string): SplitSubject {
  let rest = subject;
  let action: EventAction | null = null;
  let stars = false;
  // Bounded: each round removes at least one character; 16 markers is more than any real subject has.
  for (let round = 0; round < 16; round++) {
    const reply = REPLY.exec(rest);
    if (reply) {
      rest = rest.slice(reply[0].length);
      continue;
    }
    const m = BRACKETED.exec(rest) ?? DELIMITED.exec(rest) ?? SPACED.exec(rest);
    if (!m || m[0].length === 0) break;
    if (m[0].startsWith('*')) stars = true;
    action ??= ACTION_OF.get((m[1] ?? '').toLowerCase()) ?? null;
    rest = rest.slice(m[0].length);
  }
  if (stars) rest = rest.replace(/\s*\*+$/, '');
  return { action, rest: rest.trim() };
}

/** The dedup key text of a subject remainder: NFKC, one space, no trailing `**` or state; '' when nothing is left. */
function subjectKey(rest: string): string {
  return clean(rest.normalize('NFKC')).replace(/\s*\*+$/, '').replace(TRAILING_STATE, '').trim();
}

/**
 * A dedup key of at most MAX_DEDUP_KEY UTF-16 units (the stricter count): longer text, or text that
 * already looks hashed, becomes `email-sha256:<64 hex>`, so the mapping stays one-to-one.
 */
export function dedupKeyFrom(text: string): string {
  if (text.length <= MAX_DEDUP_KEY && !text.startsWith(HASHED_KEY_PREFIX)) return text;
  return HASHED_KEY_PREFIX + createHash('sha256').update(text, 'utf16le').digest('hex');
}

function actionFromHeader(value: string | undefined): EventAction | null {
  const v = value?.trim().toLowerCase();
  if (v === 'trigger') return 'trigger';
  if (v === 'acknowledge' || v === 'ack') return 'acknowledge';
  if (v === 'resolve' || v === 'resolved') return 'resolve';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Severity

const CRITICAL = /\b(?:disaster|critical|emergency|fatal)\b|緊急|重大|致命/i;
const AVERAGE = /\baverage\b|軽度/i;
const ERROR = /\b(?:high|error|errors|major|failed|failure)\b|重度|障害|エラー|失敗/i;
const WARNING = /\b(?:warning|warn|minor|medium)\b|警告|注意/i;
const INFO = /\b(?:information|info|informational|low|not classified|notice)\b|情報|未分類/i;
/** Zabbix's "Problem severity: High", "Severity: critical", "深刻度: 重度の障害". Searched in the body's first 8 KB. */
const SEVERITY_LINE = /^[ \t]*(?:(?:problem|trigger|event|alert)[ \t]+)?(?:severity|深刻度|重要度|重大度)[ \t]*[:：=][ \t]*([^\r\n]{1,60})/imu;

/** Free text → severity, in the order that keeps Zabbix's "軽度の障害" a warning and "致命的な障害" critical. */
function severityOfWords(text: string, withInfo: boolean): AlertSeverity | null {
  if (CRITICAL.test(text)) return 'critical';
  if (AVERAGE.test(text)) return 'warning';
  if (ERROR.test(text)) return 'error';
  if (WARNING.test(text)) return 'warning';
  if (withInfo && INFO.test(text)) return 'info';
  return null;
}

function severityOf(header: string | undefined, body: string, subject: string): AlertSeverity {
  const fromBody = SEVERITY_LINE.exec(body.slice(0, 8192))?.[1];
  const fallback = (fromBody ? severityOfWords(fromBody, true) : null) ?? severityOfWords(subject, false) ?? 'warning';
  return header?.trim() ? severityFromText(header, fallback) : fallback;
}

// ---------------------------------------------------------------------------------------------
// Details

const NOISY_HEADER = /^x-(?:ms-|microsoft-|google-|gm-|received|spam|virus|forefront-|proofpoint-|mimecast-|ses-|originating-)/;

function detailsOf(mail: InboundEmail, subject: string, body: string): Record<string, unknown> {
  const details: Record<string, unknown> = {
    from: mail.from ? (mail.fromName ? `${mail.fromName} <${mail.from}>` : mail.from) : null,
    to: mail.to.slice(0, MAX_HEADERS),
    recipients: mail.recipients.slice(0, MAX_HEADERS),
    subject: truncate(subject, MAX_SUMMARY),
    messageId: mail.messageId ? truncate(mail.messageId, 998) : null,
    date: mail.date,
  };
  if (body.length > MAX_BODY) {
    details.body = cutAt(body, MAX_BODY);
    details.bodyTruncated = true;
    details.bodyLength = body.length;
  } else {
    details.body = body;
  }
  if (mail.attachments.length) {
    details.attachments = mail.attachments.slice(0, MAX_ATTACHMENTS).map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size }));
  }
  // Own properties via fromEntries, so a header named `x-__proto__` cannot reach the prototype.
  const xs = Object.entries(mail.headers)
    .filter(([name, value]) => name.startsWith('x-') && !NOISY_HEADER.test(name) && typeof value === 'string')
    .slice(0, MAX_HEADERS)
    .map(([name, value]) => [name, truncate(value, MAX_HEADER_VALUE)]);
  if (xs.length) details.headers = Object.fromEntries(xs);
  return details;
}

function occurredAt(date: string | null, receivedAt: string): string {
  if (!date) return receivedAt;
  const t = Date.parse(date);
  const received = Date.parse(receivedAt);
  if (Number.isNaN(t) || t < received - MAX_DATE_PAST_MS || t > received + MAX_DATE_FUTURE_MS) return receivedAt;
  return new Date(t).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Text

/** One line: control characters and runs of white space become one space. */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

function firstLine(body: string): string {
  for (const line of body.slice(0, 8192).split(/\r?\n/)) {
    const l = clean(line);
    if (l) return l;
  }
  return '';
}

/** Only used when the adapter gave HTML without text: tags out, a few entities in (linear time). */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Cut at `max` UTF-16 units without splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
