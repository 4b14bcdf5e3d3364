import { type ChainProblem, GENESIS_HASH, type StoredAudit, verifyChain } from '../../domain/audit/chain.js';
import type { Store } from '../../store/db.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../shared/authorize.js';

export type VerifyProblem = ChainProblem & {
  /** The first row that is not what the chain says it should be. */
  seq: number;
  message: string;
};

export type VerifyResult =
  | { ok: true; entries: number; headSeq: number }
  | { ok: false; entries: number; problem: VerifyProblem };

const PAGE = 1000;

function describe(p: ChainProblem): VerifyProblem {
  switch (p.kind) {
    case 'gap':
      return {
        ...p,
        seq: p.expectedSeq,
        message:
          p.foundSeq > p.expectedSeq
            ? `row ${p.expectedSeq} is missing (gap: the next row is ${p.foundSeq})`
            : `row ${p.foundSeq} is out of order (expected row ${p.expectedSeq})`,
      };
    case 'prev_mismatch':
      return { ...p, message: `row ${p.seq} does not link to row ${p.seq - 1} (prev_hash mismatch)` };
    case 'hash_mismatch':
      return { ...p, message: `row ${p.seq} was edited (hash mismatch)` };
    case 'head_mismatch':
      return p.lastSeq < p.headSeq
        ? { ...p, seq: p.lastSeq + 1, message: `rows ${p.lastSeq + 1}–${p.headSeq} are missing: the head says ${p.headSeq} rows, the log ends at row ${p.lastSeq} (the newest rows were deleted)` }
        : { ...p, seq: p.headSeq, message: `the head's hash does not match row ${p.headSeq} (head or newest row edited)` };
  }
}

/**
 * Walk the whole audit log in seq order, a page at a time, and check every link, then the head.
 * The head is read first: rows up to its seq were committed with it (recordAudit writes both in one
 * transaction), so a server appending while we read does not cause a false alarm, while deleting
 * the newest rows (which the chain alone cannot notice) leaves the log shorter than the head.
 * Only reads: safe against a live database.
 */
export async function verifyAuditLog(store: Pick<Store, 'db'>, opts: { pageSize?: number } = {}): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? PAGE;
  const { db } = store;
  const head = await db.selectFrom('auditHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const headSeq = Number(head?.seq ?? 0);
  const headHash = head?.hash ?? GENESIS_HASH;
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>', lastSeq)
      .where('seq', '<=', headSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    const r = verifyChain(rows.map(toStored), lastSeq, lastHash);
    if (!r.ok) {
      const problem = describe(r.problem);
      return { ok: false, entries: problem.seq - 1, problem };
    }
    lastSeq = r.lastSeq;
    lastHash = r.lastHash;
    if (rows.length < pageSize) break;
  }
  if (lastSeq !== headSeq || lastHash !== headHash) {
    return { ok: false, entries: lastSeq, problem: describe({ kind: 'head_mismatch', headSeq, lastSeq }) };
  }
  return { ok: true, entries: lastSeq, headSeq };
}

function toStored(r: StoredAudit): StoredAudit {
  // int8 columns come back as numbers on both dialects (store/db.ts), but stay defensive.
  return { ...r, seq: Number(r.seq) };
}

/** GET /api/v1/audit/verify: the same check, for callers allowed to read the audit log. */
export async function verifyAudit(ctx: ServiceContext): Promise<VerifyResult> {
  authorize(ctx.actor, 'audit.read');
  return verifyAuditLog(ctx.store);
}
