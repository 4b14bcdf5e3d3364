import type { ErrorCode } from '../domain/errors.js';

/**
 * The one table from the API's `error.code` to the CLI's exit status (STYLE §4; HTTP statuses are in
 * `http/errors.ts`). Scripts can branch on these:
 *
 *   0  success
 *   1  internal error, unknown code, or the server could not be reached
 *   2  VALIDATION       — fix the arguments
 *   3  UNAUTHENTICATED / FORBIDDEN — set --token or HIKESHI_TOKEN, or use a token allowed to do this
 *   4  NOT_FOUND
 *   5  CONFLICT         — the action is illegal in the current state (e.g. acknowledging a closed incident);
 *                         also `hikeshi audit verify` when the audit chain is broken (see AUDIT_BROKEN)
 *   6  LIMIT_EXCEEDED
 *   7  UNAVAILABLE
 */
export const EXIT_CODES: Record<ErrorCode, number> = {
  VALIDATION: 2,
  UNAUTHENTICATED: 3,
  FORBIDDEN: 3,
  NOT_FOUND: 4,
  CONFLICT: 5,
  LIMIT_EXCEEDED: 6,
  UNAVAILABLE: 7,
};

export const EXIT_OK = 0;
/** INTERNAL, an unknown code, a network failure or an unexpected answer. */
export const EXIT_FAILURE = 1;
/**
 * `hikeshi audit verify` found a broken chain. It shares 5 with CONFLICT on purpose: the stored log
 * contradicts its own hashes. Every other verify failure (no database, bad config) is 1, 2 or 7.
 */
export const EXIT_AUDIT_BROKEN = 5;

export function exitCodeFor(code: string): number {
  return Object.hasOwn(EXIT_CODES, code) ? EXIT_CODES[code as ErrorCode] : EXIT_FAILURE;
}

/** An error the CLI reports as `error: <message> (<code>, request <requestId>)` and exits with. */
export class CliError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'CliError';
  }

  get exitCode(): number {
    return exitCodeFor(this.code);
  }

  /** The one stderr line. */
  describe(): string {
    return `error: ${this.message} (${this.code}${this.requestId ? `, request ${this.requestId}` : ''})`;
  }
}
