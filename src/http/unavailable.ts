/**
 * Database failures that are the environment's, not a bug: the server cannot reach its database, the
 * database is read-only, full, or shutting down. They answer 503 UNAVAILABLE with Retry-After, so
 * clients retry instead of giving up (and monitoring sees "unavailable", not "bug").
 */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const SQLITE = /^SQLITE_(BUSY|LOCKED|FULL|READONLY|IOERR|CANTOPEN|PROTOCOL)/;
// PostgreSQL SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (operator
// intervention: shutdown, crash recovery), 25006 (read-only transaction), 40001/40P01 (serialisation).
const PG = /^(08|53)[0-9A-Z]{3}$|^57P0[1-4]$|^25006$|^40001$|^40P01$/;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK.has(code) || SQLITE.test(code) || PG.test(code))) return true;
  const message = String((err as { message?: unknown }).message ?? '');
  return /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|driver has already been destroyed|terminating connection/i.test(message);
}
