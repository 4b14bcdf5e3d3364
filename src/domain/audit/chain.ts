import { createHash } from 'node:crypto';

/**
 * The audit log is a hash chain: hash_n = SHA-256(hash_{n-1} || canonical(entry_n)). Editing or
 * deleting any row breaks every later link; the head row (last seq + hash) catches truncation.
 */
export interface AuditRecord {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the hash does not depend on key order (PostgreSQL jsonb reorders). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** `before`/`after` are JSON text; they are hashed by their parsed canonical form. */
function canonicalPayload(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function hashRecord(prevHash: string, r: AuditRecord): string {
  const body = canonicalJson({
    seq: r.seq,
    at: r.at,
    actorType: r.actorType,
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    before: canonicalPayload(r.before),
    after: canonicalPayload(r.after),
    requestId: r.requestId,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

export type ChainProblem =
  | { kind: 'gap'; expectedSeq: number; foundSeq: number }
  | { kind: 'prev_mismatch'; seq: number }
  | { kind: 'hash_mismatch'; seq: number }
  | { kind: 'head_mismatch'; headSeq: number; lastSeq: number };

export interface StoredAudit extends AuditRecord {
  prevHash: string;
  hash: string;
}

/**
 * Walk rows in seq order and report the first broken link. `startSeq`/`startHash` let a caller verify
 * in pages; the head is checked by the caller after the last page.
 */
export function verifyChain(rows: StoredAudit[], startSeq: number, startHash: string): { ok: true; lastSeq: number; lastHash: string } | { ok: false; problem: ChainProblem } {
  let expected = startSeq + 1;
  let prev = startHash;
  for (const row of rows) {
    if (row.seq !== expected) return { ok: false, problem: { kind: 'gap', expectedSeq: expected, foundSeq: row.seq } };
    if (row.prevHash !== prev) return { ok: false, problem: { kind: 'prev_mismatch', seq: row.seq } };
    if (hashRecord(prev, row) !== row.hash) return { ok: false, problem: { kind: 'hash_mismatch', seq: row.seq } };
    prev = row.hash;
    expected++;
  }
  return { ok: true, lastSeq: expected - 1, lastHash: prev };
}
