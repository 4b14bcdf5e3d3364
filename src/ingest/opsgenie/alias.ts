import { createHash } from 'node:crypto';
import { MAX_DEDUP_KEY } from '../event.js';

/**
 * Marks a dedup key made by hashing an alias. Aliases that already start with it are hashed too, so a
 * sender cannot make a literal alias equal to the hashed form of another one: the mapping stays
 * one-to-one (up to SHA-256 collisions).
 */
export const HASHED_ALIAS_PREFIX = 'og-sha256:';

/**
 * The dedup key for an Opsgenie alias. Opsgenie allows aliases up to 512 characters, our dedup keys
 * hold MAX_DEDUP_KEY (255, PagerDuty's limit). Rejecting longer aliases would break senders that work
 * with Opsgenie, so an alias longer than that (counted in UTF-16 units, the stricter measure) becomes
 * `og-sha256:<64 hex>` (74 characters). Create, close and acknowledge all go through here, so the same
 * alias always finds the same alert. Shorter aliases, such as Alertmanager's 64-hex group hash, are
 * kept unchanged.
 *
 * The hash is over the UTF-16 code units (`utf16le`), not UTF-8: UTF-8 encoding replaces lone
 * surrogates with U+FFFD, which would make distinct (if odd) aliases share one key.
 */
export function dedupKeyFromAlias(alias: string): string {
  if (alias.length <= MAX_DEDUP_KEY && !alias.startsWith(HASHED_ALIAS_PREFIX)) return alias;
  return HASHED_ALIAS_PREFIX + createHash('sha256').update(alias, 'utf16le').digest('hex');
}
