import path from 'node:path';
import { z } from 'zod';
import type { TwilioOptions } from '../notify/channels/telephony/twilio.js';
import { type OutboundAllowList, parseOutboundAllow } from './outbound-guard.js';

/**
 * The one typed configuration object, parsed once at start from the environment (SPEC §3).
 * Leaf modules never read process.env: they receive the parts of Config they need.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `undefined` → embedded SQLite file `<dataDir>/hikeshi.db`. */
  databaseUrl: string | undefined;
  bootstrapToken: string | undefined;
  publicUrl: string;
  secret: string | undefined;
  smtpUrl: string | undefined;
  smtpFrom: string | undefined;
  inboundSmtpPort: number | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Which proxies to believe about the client address (X-Forwarded-For): false (default), true (any),
   * a hop count, or a list of addresses/CIDRs. Login throttling counts per client address.
   */
  trustProxy: boolean | number | string[];
  /** Events per second all integrations together may send (SPEC §4.1's global cap). */
  ingestGlobalRateLimit: number;
  /** Private, loopback and link-local destinations outbound notifications may reach (SSRF allow-list). */
  outboundAllow: OutboundAllowList;
  /** A Twilio-compatible SMS and voice provider, when HIKESHI_SMS_ACCOUNT_SID is set. */
  telephony: TwilioOptions | null;
}

const port = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number between 0 and 65535`)
    .transform(Number)
    .refine((n) => n >= 0 && n <= 65535, `${name} must be a whole number between 0 and 65535`);

const optional = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());

const schema = z.object({
  PORT: port('PORT').default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  HIKESHI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine(
      (u) => /^(postgres|postgresql):\/\//.test(u) || /^(sqlite|file):/.test(u),
      'DATABASE_URL must start with postgres:// (PostgreSQL) or sqlite: (a SQLite file); leave it unset for the embedded default',
    )
    .optional(),
  HIKESHI_BOOTSTRAP_TOKEN: z
    .string()
    .min(16, 'HIKESHI_BOOTSTRAP_TOKEN must be at least 16 characters (it becomes an owner API token)')
    .max(200, 'HIKESHI_BOOTSTRAP_TOKEN must be at most 200 characters')
    .regex(/^\S+$/, 'HIKESHI_BOOTSTRAP_TOKEN must not contain spaces')
    .optional(),
  HIKESHI_PUBLIC_URL: z.url({ message: 'HIKESHI_PUBLIC_URL must be an absolute URL such as https://hikeshi.example.com' }).optional(),
  HIKESHI_SECRET: z.string().min(32, 'HIKESHI_SECRET must be at least 32 characters; generate one with `openssl rand -hex 32`').optional(),
  HIKESHI_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'HIKESHI_SMTP_URL must look like smtp://host:port').optional(),
  HIKESHI_SMTP_FROM: z.string().min(3).optional(),
  HIKESHI_INBOUND_SMTP_PORT: port('HIKESHI_INBOUND_SMTP_PORT').optional(),
  HIKESHI_INGEST_RATE_LIMIT: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'HIKESHI_INGEST_RATE_LIMIT must be a whole number of events per second, at least 1')
    .transform(Number)
    .default(100_000),
  HIKESHI_OUTBOUND_ALLOW: z.string().max(10_000).optional(),
  HIKESHI_SMS_URL: z.url({ message: 'HIKESHI_SMS_URL must be the base URL of a Twilio-compatible API such as https://api.twilio.com' }).optional(),
  HIKESHI_SMS_ACCOUNT_SID: z.string().min(1).max(200).optional(),
  HIKESHI_SMS_AUTH_TOKEN: z.string().min(1).max(500).optional(),
  HIKESHI_SMS_FROM: z.string().min(1).max(100).optional(),
  HIKESHI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HIKESHI_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'HIKESHI_TRUST_PROXY must be true, false, a hop count, or comma-separated proxy addresses/CIDRs such as 10.0.0.0/8,127.0.0.1',
    )
    .default('false'),
});

function parseTrustProxy(v: string): boolean | number | string[] {
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim());
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse the environment into a Config, or throw a ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = optional(env[key]);
    if (v !== undefined) cleaned[key] = v;
  }
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0] ?? '')}: ${i.message}`));
  }
  const c = parsed.data;
  const portNumber = c.PORT;
  return {
    port: portNumber,
    host: c.HOST,
    dataDir: path.resolve(c.HIKESHI_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    bootstrapToken: c.HIKESHI_BOOTSTRAP_TOKEN,
    publicUrl: (c.HIKESHI_PUBLIC_URL ?? `http://localhost:${portNumber}`).replace(/\/+$/, ''),
    secret: c.HIKESHI_SECRET,
    smtpUrl: c.HIKESHI_SMTP_URL,
    smtpFrom: c.HIKESHI_SMTP_FROM,
    inboundSmtpPort: c.HIKESHI_INBOUND_SMTP_PORT,
    logLevel: c.HIKESHI_LOG_LEVEL,
    trustProxy: parseTrustProxy(c.HIKESHI_TRUST_PROXY),
    ingestGlobalRateLimit: c.HIKESHI_INGEST_RATE_LIMIT,
    outboundAllow: outboundAllowOf(c.HIKESHI_OUTBOUND_ALLOW),
    telephony: telephonyOf(c),
  };
}

/** SMS and voice need an account, a token and a sender; a partial setting is refused, not ignored. */
function telephonyOf(c: { HIKESHI_SMS_URL?: string; HIKESHI_SMS_ACCOUNT_SID?: string; HIKESHI_SMS_AUTH_TOKEN?: string; HIKESHI_SMS_FROM?: string }): TwilioOptions | null {
  const set = [c.HIKESHI_SMS_ACCOUNT_SID, c.HIKESHI_SMS_AUTH_TOKEN, c.HIKESHI_SMS_FROM].filter((v) => v !== undefined).length;
  if (set === 0) return null;
  if (set < 3) throw new ConfigError(['HIKESHI_SMS_ACCOUNT_SID, HIKESHI_SMS_AUTH_TOKEN and HIKESHI_SMS_FROM: set all three to send SMS and voice calls, or none']);
  return { baseUrl: c.HIKESHI_SMS_URL, accountSid: c.HIKESHI_SMS_ACCOUNT_SID!, authToken: c.HIKESHI_SMS_AUTH_TOKEN!, from: c.HIKESHI_SMS_FROM! };
}

function outboundAllowOf(value: string | undefined): OutboundAllowList {
  try {
    return parseOutboundAllow(value);
  } catch (err) {
    throw new ConfigError([(err as Error).message]);
  }
}
