import { createHash, randomBytes } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * ulid asks its PRNG for one value per character (16 per new millisecond); the default PRNG makes a
 * crypto call each time. A pooled buffer of crypto-random bytes gives the same quality (a byte per
 * character; 256 is a multiple of the 32-letter alphabet, so no bias) at a fraction of the cost.
 */
let pool = randomBytes(4096);
let at = 0;
function pooledRandom(): number {
  if (at >= pool.length) {
    pool = randomBytes(4096);
    at = 0;
  }
  return pool[at++]! / 256;
}

const nextUlid = monotonicFactory(pooledRandom);

/** Sortable, unique ids for every row (SQLite reuses integer rowids; we never depend on them). */
export function newId(): string {
  return nextUlid();
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BASE62 = `${ALNUM}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

/** Random string over an alphabet with rejection sampling (no modulo bias). */
export function randomString(length: number, alphabet = BASE62): string {
  let out = '';
  const limit = 256 - (256 % alphabet.length);
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** An integration key: 32 characters of [a-z0-9], like a PagerDuty routing key (SPEC §3). */
export function newIntegrationKey(): string {
  return randomString(32, ALNUM);
}

/** An API token: a recognisable prefix (secret scanners) and 190 bits of randomness. */
export function newApiToken(): string {
  return `hks_${randomString(32)}`;
}

/** A session cookie value: 256 bits. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** High-entropy secrets are stored as SHA-256 (ASVS 6.5.2); only the hash is kept. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
