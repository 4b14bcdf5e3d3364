import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { type Clock, systemClock } from './clock.js';

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
// Addresses

/** 16 bytes; an IPv4 address is held as IPv4-mapped IPv6 (::ffff:a.b.c.d). */
type IpBytes = Uint8Array;

function v4Bytes(ip: string): number[] | null {
  if (!net.isIPv4(ip)) return null;
  return ip.split('.').map(Number);
}

/** The 16-byte form of an IPv4 or IPv6 literal (zone id ignored), or null when it is neither. */
export function ipToBytes(input: string): IpBytes | null {
  const ip = input.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4 = v4Bytes(ip);
  if (v4) return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4]);
  if (!net.isIPv6(ip)) return null;
  let text = ip;
  const words: number[] = [];
  // A trailing dotted quad (::ffff:127.0.0.1) becomes two words.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let tail: number[] = [];
  if (quad) {
    const b = v4Bytes(quad[1]!);
    if (!b) return null;
    tail = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!];
    text = text.slice(0, -quad[1]!.length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((w) => Number.parseInt(w, 16)));
  const a = parse(head);
  const b = rest === undefined ? [] : parse(rest);
  const fill = 8 - a.length - b.length - tail.length;
  if (fill < 0 || (rest === undefined && fill !== 0)) return null;
  words.push(...a, ...new Array<number>(fill).fill(0), ...b, ...tail);
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[i * 2] = w >> 8;
    out[i * 2 + 1] = w & 0xff;
  });
  return out;
}

interface Cidr {
  bytes: IpBytes;
  prefix: number;
}

function parseCidr(text: string): Cidr | null {
  const [addr, len, extra] = text.split('/');
  if (addr === undefined || extra !== undefined) return null;
  const bytes = ipToBytes(addr);
  if (!bytes) return null;
  const isV4 = net.isIPv4(addr);
  const max = isV4 ? 32 : 128;
  if (len !== undefined && !/^\d{1,3}$/.test(len)) return null;
  const n = len === undefined ? max : Number(len);
  if (n > max) return null;
  return { bytes, prefix: isV4 ? n + 96 : n };
}

function inCidr(ip: IpBytes, c: Cidr): boolean {
  let bits = c.prefix;
  for (let i = 0; i < 16 && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip[i]! & mask) !== (c.bytes[i]! & mask)) return false;
  }
  return true;
}

const cidr = (text: string): Cidr => parseCidr(text)!;

/** Ranges that are not the public internet, each with the reason shown when a destination is refused. */
const BLOCKED: { range: Cidr; why: string }[] = [
  { range: cidr('0.0.0.0/8'), why: 'unspecified ("this network")' },
  { range: cidr('10.0.0.0/8'), why: 'private (RFC 1918)' },
  { range: cidr('100.64.0.0/10'), why: 'carrier-grade NAT (RFC 6598)' },
  { range: cidr('127.0.0.0/8'), why: 'loopback' },
  { range: cidr('169.254.0.0/16'), why: 'link-local (cloud metadata lives here)' },
  { range: cidr('172.16.0.0/12'), why: 'private (RFC 1918)' },
  { range: cidr('192.0.0.0/24'), why: 'IETF protocol assignments' },
  { range: cidr('192.168.0.0/16'), why: 'private (RFC 1918)' },
  { range: cidr('198.18.0.0/15'), why: 'benchmarking' },
  { range: cidr('224.0.0.0/4'), why: 'multicast' },
  { range: cidr('240.0.0.0/4'), why: 'reserved' },
  { range: cidr('::/128'), why: 'unspecified' },
  { range: cidr('::1/128'), why: 'loopback' },
  { range: cidr('fc00::/7'), why: 'unique local (private)' },
  { range: cidr('fe80::/10'), why: 'link-local' },
  { range: cidr('fec0::/10'), why: 'site-local' },
  { range: cidr('ff00::/8'), why: 'multicast' },
];

/** IPv6 forms that carry an IPv4 address: the embedded address is what gets reached. */
const EMBEDDING: { range: Cidr; at: number }[] = [
  { range: cidr('::/96'), at: 12 }, // IPv4-compatible (deprecated) ::a.b.c.d
  { range: cidr('64:ff9b::/96'), at: 12 }, // NAT64
  { range: cidr('64:ff9b:1::/48'), at: 12 }, // local-use NAT64
  { range: cidr('2002::/16'), at: 2 }, // 6to4
];

/** Why `ip` is not a public destination, or null when it is one. */
export function blockedReason(ip: string): string | null {
  const bytes = ipToBytes(ip);
  if (!bytes) return 'not an IP address';
  return blockedBytes(bytes);
}

function blockedBytes(bytes: IpBytes): string | null {
  for (const b of BLOCKED) if (inCidr(bytes, b.range)) return b.why;
  for (const e of EMBEDDING) {
    if (!inCidr(bytes, e.range)) continue;
    const v4 = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...bytes.subarray(e.at, e.at + 4)]);
    const inner = blockedBytes(v4);
    if (inner) return `${inner}, embedded in IPv6`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Allow-list (HIKESHI_OUTBOUND_ALLOW)

export interface OutboundAllowList {
  /** Exact host names (lower case) and `*.suffix` wildcards, trusted whatever they resolve to. */
  hosts: string[];
  /** Addresses and ranges that may be reached even though they are not public. */
  cidrs: string[];
}

export const EMPTY_ALLOW_LIST: OutboundAllowList = { hosts: [], cidrs: [] };

const HOST = /^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,62})?)(\.[a-z0-9_]([a-z0-9_-]{0,62})?)*$/;

/**
 * Parse HIKESHI_OUTBOUND_ALLOW: comma-separated host names (`hooks.corp.example`, `*.corp.example`),
 * addresses (`10.1.2.3`, `fd00::5`) and CIDRs (`10.0.0.0/8`). Throws an Error naming the first entry
 * that is none of these; empty or absent → nothing allowed beyond the public internet.
 */
export function parseOutboundAllow(value: string | undefined): OutboundAllowList {
  const list: OutboundAllowList = { hosts: [], cidrs: [] };
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim().toLowerCase().replace(/^\[|\]$/g, '');
    if (entry === '') continue;
    if (parseCidr(entry)) list.cidrs.push(entry);
    else if (HOST.test(entry) && !entry.includes('/')) list.hosts.push(entry);
    else {
      throw new Error(
        `HIKESHI_OUTBOUND_ALLOW: "${raw.trim()}" is not a host name, IP address or CIDR; use e.g. hooks.corp.example,*.corp.example,10.0.0.0/8,127.0.0.1`,
      );
    }
  }
  return list;
}

function hostAllowed(host: string, allow: OutboundAllowList): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return allow.hosts.some((e) => (e.startsWith('*.') ? h.endsWith(e.slice(1)) : h === e));
}

function addressAllowed(bytes: IpBytes, allow: OutboundAllowList): boolean {
  return allow.cidrs.some((c) => inCidr(bytes, parseCidr(c)!));
}

/** Why the resolved `addresses` of `host` may not be reached, or null when all may. */
export function destinationProblem(host: string, addresses: string[], allow: OutboundAllowList = EMPTY_ALLOW_LIST): string | null {
  if (hostAllowed(host, allow)) return null;
  for (const a of addresses) {
    const bytes = ipToBytes(a);
    if (!bytes) return `${a} is not an IP address`;
    const why = blockedBytes(bytes);
    if (why && !addressAllowed(bytes, allow)) {
      const shown = host === a ? a : `${host} (${a})`;
      return `refused to connect to ${shown}: ${why} addresses are not reachable unless an administrator allow-lists them in HIKESHI_OUTBOUND_ALLOW`;
    }
  }
  return null;
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
