import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type AuditRecord, type ChainProblem, canonicalJson, GENESIS_HASH, hashRecord, type StoredAudit, verifyChain } from './chain.js';

/** Link records into a chain the way recordAudit does. */
function chain(records: Omit<AuditRecord, 'seq'>[]): StoredAudit[] {
  let prev = GENESIS_HASH;
  return records.map((r, i) => {
    const rec = { ...r, seq: i + 1 };
    const hash = hashRecord(prev, rec);
    const row = { ...rec, prevHash: prev, hash };
    prev = hash;
    return row;
  });
}

const sample = (n: number) =>
  chain(
    Array.from({ length: n }, (_, i) => ({
      at: `2026-11-22T09:00:0${i % 10}.000Z`,
      actorType: 'user',
      actorId: `U${i}`,
      actorName: `user ${i}`,
      action: 'incident.acknowledged',
      targetType: 'incident',
      targetId: `I${i}`,
      before: JSON.stringify({ status: 'triggered' }),
      after: JSON.stringify({ status: 'acknowledged', n: i }),
      requestId: `R${i}`,
    })),
  );

/** The seq where the chain first goes wrong, whatever the kind of problem. */
const brokenAt = (p: ChainProblem) => (p.kind === 'gap' ? p.expectedSeq : p.kind === 'head_mismatch' ? p.lastSeq + 1 : p.seq);

describe('canonicalJson', () => {
  test('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: null }, c: 'ü' };
    const b = { c: 'ü', a: { x: null, y: [1, { p: 2, q: 1 }] }, b: 1 };
    assert.equal(canonicalJson(a), canonicalJson(b));
    assert.equal(canonicalJson(a), '{"a":{"x":null,"y":[1,{"p":2,"q":1}]},"b":1,"c":"ü"}');
  });

  test('drops undefined members and keeps array order', () => {
    assert.equal(canonicalJson({ a: undefined, b: [2, 1] }), '{"b":[2,1]}');
    assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
  });

  test('is stable under a JSON round trip with shuffled keys (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const shuffled = JSON.parse(JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x)));
        assert.equal(canonicalJson(shuffled), canonicalJson(v));
      }),
    );
  });

  test('a stored before/after whose keys were reordered (PostgreSQL jsonb) still verifies', () => {
    const rows = sample(3);
    rows[1] = { ...rows[1]!, after: '{"n":1,"status":"acknowledged"}' };
    assert.deepEqual(verifyChain(rows, 0, GENESIS_HASH).ok, true);
  });
});

describe('verifyChain', () => {
  test('a valid chain verifies and returns its end', () => {
    const rows = sample(5);
    assert.deepEqual(verifyChain(rows, 0, GENESIS_HASH), { ok: true, lastSeq: 5, lastHash: rows[4]!.hash });
    assert.deepEqual(verifyChain([], 0, GENESIS_HASH), { ok: true, lastSeq: 0, lastHash: GENESIS_HASH });
  });

  test('verifies in pages from where the previous page ended', () => {
    const rows = sample(7);
    const first = verifyChain(rows.slice(0, 3), 0, GENESIS_HASH);
    assert.ok(first.ok);
    assert.deepEqual(verifyChain(rows.slice(3), first.lastSeq, first.lastHash), { ok: true, lastSeq: 7, lastHash: rows[6]!.hash });
  });

  test('editing any field of any row is detected at that row', () => {
    const fields = ['at', 'actorType', 'actorId', 'actorName', 'action', 'targetType', 'targetId', 'before', 'after', 'requestId'] as const;
    for (let i = 0; i < 4; i++) {
      for (const field of fields) {
        const rows = sample(4);
        rows[i] = { ...rows[i]!, [field]: field === 'before' || field === 'after' ? '{"status":"forged"}' : 'forged' };
        const r = verifyChain(rows, 0, GENESIS_HASH);
        assert.deepEqual(r, { ok: false, problem: { kind: 'hash_mismatch', seq: i + 1 } }, `${field} of row ${i + 1}`);
      }
    }
  });

  test('a row re-hashed after editing breaks the next link', () => {
    const rows = sample(4);
    const edited = { ...rows[1]!, actorName: 'mallory' };
    rows[1] = { ...edited, hash: hashRecord(edited.prevHash, edited) };
    assert.deepEqual(verifyChain(rows, 0, GENESIS_HASH), { ok: false, problem: { kind: 'prev_mismatch', seq: 3 } });
  });

  test('deleting a middle row is a gap', () => {
    const rows = sample(5);
    rows.splice(2, 1);
    assert.deepEqual(verifyChain(rows, 0, GENESIS_HASH), { ok: false, problem: { kind: 'gap', expectedSeq: 3, foundSeq: 4 } });
  });

  test('deleting the first row is a gap at 1; deleting the last needs the head to notice', () => {
    assert.deepEqual(verifyChain(sample(3).slice(1), 0, GENESIS_HASH), { ok: false, problem: { kind: 'gap', expectedSeq: 1, foundSeq: 2 } });
    assert.equal(verifyChain(sample(3).slice(0, 2), 0, GENESIS_HASH).ok, true);
  });

  test('reordering rows is detected', () => {
    const rows = sample(4);
    [rows[1], rows[2]] = [rows[2]!, rows[1]!];
    assert.deepEqual(verifyChain(rows, 0, GENESIS_HASH), { ok: false, problem: { kind: 'gap', expectedSeq: 2, foundSeq: 3 } });
    // Renumbering the swapped rows to hide the swap breaks the hashes instead.
    const renumbered = rows.map((r, i) => ({ ...r, seq: i + 1 }));
    assert.deepEqual(verifyChain(renumbered, 0, GENESIS_HASH), { ok: false, problem: { kind: 'prev_mismatch', seq: 2 } });
  });
});

describe('verifyChain (property)', () => {
  const text = fc.string({ maxLength: 12 });
  const jsonText = fc.option(fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), { nil: null });
  const record = fc.record({
    at: fc.integer({ min: 0, max: 4e12 }).map((ms) => new Date(ms).toISOString()),
    actorType: fc.constantFrom('user', 'token', 'system'),
    actorId: fc.option(text, { nil: null }),
    actorName: fc.option(text, { nil: null }),
    action: text,
    targetType: text,
    targetId: fc.option(text, { nil: null }),
    before: jsonText,
    after: jsonText,
    requestId: fc.option(text, { nil: null }),
  });
  const field = fc.constantFrom('seq', 'prevHash', 'hash', 'at', 'actorType', 'actorId', 'actorName', 'action', 'targetType', 'targetId', 'before', 'after', 'requestId');

  test('a single-field mutation is reported at exactly the mutated row', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 15 }), fc.nat(), field, fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 5 }), (records, pick, key, junk, delta) => {
        const rows = chain(records);
        const i = pick % rows.length;
        const original = rows[i]!;
        let mutated: StoredAudit;
        if (key === 'seq') mutated = { ...original, seq: original.seq + delta };
        else if (key === 'hash' || key === 'prevHash') mutated = { ...original, [key]: hashRecord(original[key], original) };
        else if (key === 'before' || key === 'after') mutated = { ...original, [key]: JSON.stringify({ forged: junk }) };
        else mutated = { ...original, [key]: `${original[key] ?? ''}${junk}` };
        rows[i] = mutated;
        const r = verifyChain(rows, 0, GENESIS_HASH);
        assert.equal(r.ok, false);
        if (!r.ok) assert.equal(brokenAt(r.problem), original.seq);
      }),
      { numRuns: 300 },
    );
  });
});
