import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isFingerprint, labelsFingerprint } from './fingerprint.js';

describe('alert fingerprint (Prometheus LabelSet.Fingerprint)', () => {
  it('reproduces the interop.md TV-7 vectors', () => {
    // The first is confirmed by Grafana's webhook test; the other two are the §2.4 example's alerts.
    assert.equal(labelsFingerprint({ alertname: 'alert1', lbl1: 'val1' }), 'fac0861a85de433a');
    assert.equal(
      labelsFingerprint({ alertname: 'HighLatency', instance: 'api-1:8080', service: 'checkout', severity: 'critical' }),
      '04d9116c18976b10',
    );
    assert.equal(
      labelsFingerprint({ alertname: 'HighLatency', instance: 'api-2:8080', service: 'checkout', severity: 'critical' }),
      'f48fac529eaee5d3',
    );
  });

  it("reproduces the fingerprints of the §2.4 example's alerts from their labels", () => {
    const example = JSON.parse(readFileSync(new URL('./testdata/example-v4.json', import.meta.url), 'utf8'));
    assert.deepEqual(
      example.alerts.map((a: { labels: Record<string, string> }) => labelsFingerprint(a.labels)),
      example.alerts.map((a: { fingerprint: string }) => a.fingerprint),
    );
  });

  it('gives the empty label set the FNV-1a offset basis, as Prometheus does', () => {
    assert.equal(labelsFingerprint({}), 'cbf29ce484222325');
  });

  it('hashes UTF-8 and sorts names bytewise as Go does, not by UTF-16 units', () => {
    // Expected values computed independently (Python, sorted by UTF-8 bytes). JavaScript's default
    // sort would put U+1F600 (a surrogate pair) before U+FF01; Go puts it after.
    assert.equal(labelsFingerprint({ '\u{1F600}': 'b', '\uFF01': 'a' }), 'a62db0561d111fc3');
    assert.equal(labelsFingerprint({ alertname: 'ディスク容量', instance: 'db-1' }), '41a21f93e936bd17');
  });

  it('separates names from values, so moving a character across the boundary changes it', () => {
    assert.equal(labelsFingerprint({ a: 'bc' }), 'a0a3542c19b900ab');
    assert.equal(labelsFingerprint({ ab: 'c' }), '20ba9b3025a8b421');
  });

  it('does not depend on the order of the labels', () => {
    const entries = fc.uniqueArray(fc.tuple(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 })), {
      selector: ([name]) => name,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        entries.chain((es) => fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length, maxLength: es.length }))),
        ([inOrder, shuffled]) => labelsFingerprint(Object.fromEntries(inOrder)) === labelsFingerprint(Object.fromEntries(shuffled)),
      ),
    );
  });

  it('always prints 16 lowercase hex digits', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (labels) =>
        isFingerprint(labelsFingerprint(labels)),
      ),
    );
  });

  it('recognises well-formed fingerprints only', () => {
    assert.ok(isFingerprint('04d9116c18976b10'));
    for (const bad of ['04D9116C18976B10', '04d9116c18976b1', '04d9116c18976b100', 'xyz', '', 42, null, undefined]) {
      assert.equal(isFingerprint(bad), false, String(bad));
    }
  });
});
