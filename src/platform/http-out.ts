import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { type Clock, systemClock } from './clock.js';
import { destinationProblem, EMPTY_ALLOW_LIST, type OutboundAllowList } from './outbound-guard.js';

/**
 * The one outbound HTTP call (STYLE.md §10): every webhook, chat message and SMS/voice provider
 * request goes through `sendOutbound`. It
 * - refuses destinations in loopback, private, link-local, CGNAT, unspecified, multicast and reserved
 *   ranges (also when written as IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6) unless an
 *   administrator allow-lists them (HIKESHI_OUTBOUND_ALLOW: host names, addresses, CIDRs);
 * - resolves the host once, checks every address, and connects only to those checked addresses
 *   (a `lookup` that answers from the checked list), so DNS cannot change between check and connect;
 * - bounds the connection set-up and the whole exchange with timeouts, and the response body size;
 * - never follows redirects (a 3xx is a permanent failure: the receiver must be configured with
 *   its final URL, and following would need a fresh SSRF check per hop);
 * - classifies what happened so the caller knows whether to retry (see `classifyStatus`).
 */

export type OutboundOutcome = 'delivered' | 'transient' | 'permanent' | 'unknown';

export interface OutboundRequest {
  url: string;
  method?: 'POST' | 'PUT' | 'GET';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface OutboundResult {
  /**
   * delivered: a 2xx answer. transient: nothing usable reached the receiver or it asked us to come
   * back (5xx, 408, 425, 429, refused, reset before sending, DNS failure, connect timeout).
   * permanent: retrying cannot help (other 4xx, 3xx, refused by the SSRF guard, invalid URL).
   * unknown: the request was sent but no answer came (timeout or connection lost afterwards); the
   * receiver may have it, so a retry must carry the same idempotency key.
   */
  outcome: OutboundOutcome;
  /** The HTTP status when an answer arrived. */
  status: number | null;
  /** Short machine code: `http_503`, `timeout`, `connect_timeout`, `ECONNREFUSED`, `dns_failure`, `ssrf_refused`, `invalid_url`, `redirect` … */
  code: string;
  /** What happened, for a person reading the delivery record. */
  message: string;
  /** From Retry-After (seconds or HTTP date), when the receiver sent one. */
  retryAfterMs?: number;
  /** The response body as text, at most `maxResponseBytes` of it. */
  body: string;
  /** Whether the body was cut at `maxResponseBytes`. */
  truncated: boolean;
  /** The address connected to (after the SSRF check), when a connection was attempted. */
  address?: string;
}

export interface OutboundOptions {
  allow?: OutboundAllowList;
  /** TCP connection set-up (default 5 s). */
  connectTimeoutMs?: number;
  /** The whole exchange, from DNS to the last body byte (default 15 s; Standard Webhooks asks 15–30 s). */
  timeoutMs?: number;
  /** Response bytes kept; the connection is closed past them (default 64 KiB). */
  maxResponseBytes?: number;
  /** Host name resolution (default: the system resolver, every address). Tests pass their own. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** For Retry-After given as an HTTP date. */
  clock?: Clock;
  /** Sent when the request names none (default `Hikeshi`). */
  userAgent?: string;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** A bound `sendOutbound`: what channels receive in their context. */
export type HttpOut = (req: OutboundRequest) => Promise<OutboundResult>;

export function createHttpOut(options: OutboundOptions = {}): HttpOut {
  return (req) => sendOutbound(req, options);
}

// ---------------------------------------------------------------------------------------------------
// Classification

/** What an HTTP status means for delivery (the retry decision lives here, in one table). */
export function classifyStatus(status: number): OutboundOutcome {
  if (status >= 200 && status < 300) return 'delivered';
  if (status >= 500) return 'transient';
  // 408 Request Timeout, 425 Too Early, 429 Too Many Requests: come back later.
  if (status === 408 || status === 425 || status === 429) return 'transient';
  // 1xx as a final answer, 3xx (redirects are not followed), every other 4xx.
  return 'permanent';
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL', 'ECONNABORTED']);

function result(outcome: OutboundOutcome, code: string, message: string, extra: Partial<OutboundResult> = {}): OutboundResult {
  return { outcome, status: null, code, message, body: '', truncated: false, ...extra };
}

// ---------------------------------------------------------------------------------------------------
// The call

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/** One request, once. Never throws: every failure is an OutboundResult. */
export async function sendOutbound(req: OutboundRequest, options: OutboundOptions = {}): Promise<OutboundResult> {
  const allow = options.allow ?? EMPTY_ALLOW_LIST;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxResponseBytes ?? 64 * 1024;
  const clock = options.clock ?? systemClock;
  const started = Date.now();

  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return result('permanent', 'invalid_url', 'the URL is not valid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return result('permanent', 'invalid_url', `only http and https URLs are allowed, not ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === '') return result('permanent', 'invalid_url', 'the URL has no host');

  // Resolve once; connect only to what was checked.
  let addresses: ResolvedAddress[];
  if (net.isIP(host)) {
    addresses = [{ address: host, family: net.isIPv6(host) ? 6 : 4 }];
  } else {
    try {
      addresses = await withTimeout((options.resolve ?? systemResolve)(host), timeoutMs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'dns_failure';
      return result('transient', 'dns_failure', `could not resolve ${host} (${code})`);
    }
    if (addresses.length === 0) return result('transient', 'dns_failure', `${host} has no addresses`);
  }
  const refused = destinationProblem(
    host,
    addresses.map((a) => a.address),
    allow,
  );
  if (refused) return result('permanent', 'ssrf_refused', refused);

  const remaining = timeoutMs - (Date.now() - started);
  const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : Buffer.from(req.body);
  const headers: Record<string, string> = { 'user-agent': options.userAgent ?? 'Hikeshi', ...lowerKeys(req.headers ?? {}) };
  if (body) headers['content-length'] = String(body.length);

  return new Promise<OutboundResult>((resolve) => {
    let settled = false;
    let connected = false;
    let sent = false;
    let address: string | undefined;
    const timers: NodeJS.Timeout[] = [];
    const finish = (r: OutboundResult) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      request.destroy();
      resolve(address ? { ...r, address } : r);
    };

    const lookup = (_hostname: string, opts: { all?: boolean; family?: number }, cb: (...args: unknown[]) => void) => {
      const usable = addresses.filter((a) => !opts.family || opts.family === a.family);
      const list = usable.length > 0 ? usable : addresses;
      if (opts.all) cb(null, list);
      else cb(null, list[0]!.address, list[0]!.family);
    };

    const request = (url.protocol === 'https:' ? https : http).request({
      protocol: url.protocol,
      hostname: host,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: req.method ?? 'POST',
      headers,
      agent: false,
      lookup: lookup as never,
      ...(url.username || url.password ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` } : {}),
    });

    timers.push(
      setTimeout(() => {
        if (!connected) finish(result('transient', 'connect_timeout', `no connection within ${connectTimeoutMs} ms`));
      }, Math.min(connectTimeoutMs, Math.max(remaining, 1))),
      setTimeout(
        () => {
          if (sent) finish(result('unknown', 'timeout', `no answer within ${timeoutMs} ms after the request was sent; the receiver may have it`));
          else finish(result('transient', connected ? 'timeout' : 'connect_timeout', `the request could not be sent within ${timeoutMs} ms`));
        },
        Math.max(remaining, 1),
      ),
    );

    request.on('socket', (socket) => {
      const onConnect = () => {
        connected = true;
        address = socket.remoteAddress;
      };
      if (socket.connecting) socket.once('connect', onConnect);
      else onConnect();
    });
    request.on('finish', () => {
      if (connected) sent = true;
      else request.socket?.once('connect', () => (sent = true));
    });
    request.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? 'error';
      if (!connected || CONNECT_ERRORS.has(code)) {
        finish(result('transient', code, `could not connect: ${err.message}`));
      } else if (!sent) {
        finish(result('transient', code, `the connection failed before the request was sent: ${err.message}`));
      } else {
        finish(result('unknown', 'connection_lost', `the connection failed after the request was sent (${code}); the receiver may have it`));
      }
    });
    request.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const done = () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const outcome = classifyStatus(status);
        const retryAfter = header(res.headers['retry-after']);
        const retryAfterMs = outcome === 'transient' ? parseRetryAfter(retryAfter, clock.now()) : undefined;
        const message =
          outcome === 'delivered'
            ? `HTTP ${status}`
            : status >= 300 && status < 400
              ? `HTTP ${status}: redirects are not followed; configure the final URL${res.headers.location ? ` (${String(res.headers.location).slice(0, 200)})` : ''}`
              : `HTTP ${status}${text ? `: ${text.slice(0, 300)}` : ''}`;
        const code = status >= 300 && status < 400 ? 'redirect' : `http_${status}`;
        finish({ outcome, status, code, message, body: text, truncated, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
      };
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        const room = maxBytes - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          size = maxBytes;
          truncated = true;
          done();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', done);
      // The status is known: a body cut short does not change what the receiver answered.
      res.on('error', done);
      res.on('close', done);
    });

    request.end(body);
  });
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEOUT' })), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
