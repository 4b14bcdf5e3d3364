import net from 'node:net';

/**
 * Where outbound requests may go (the SSRF guard of platform/http-out.ts): address parsing, the
 * refused ranges (loopback, private, link-local, CGNAT, unspecified, multicast, reserved, also inside
 * IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6), and the administrator's allow-list
 * (HIKESHI_OUTBOUND_ALLOW).
 */

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
