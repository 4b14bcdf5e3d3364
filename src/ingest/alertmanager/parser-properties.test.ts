/**
 * Property tests shared by the parsers of the Alertmanager-shaped webhooks (this one and Grafana's).
 * This file registers no tests itself: alertmanager.test.ts and grafana.test.ts call
 * `parserProperties` with their parser and a valid payload.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import type { ParseContext, ParseResult } from '../event.js';

const ctx: ParseContext = { receivedAt: '2024-05-01T12:05:00.000Z' };
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** What every answer must look like, whatever the input. */
export function assertWellFormed(r: ParseResult): void {
  if (!r.ok) {
    assert.ok(r.errors.length > 0, 'a failure names at least one field');
    for (const e of r.errors) assert.ok(e.field.length > 0 && e.message.length > 0, JSON.stringify(e));
    return;
  }
  for (const e of r.events) {
    assert.equal(e.kind, 'alert');
    if (e.kind !== 'alert') continue;
    assert.match(e.dedupKey ?? '', /^[0-9a-f]{16}$/);
    assert.ok(['trigger', 'resolve'].includes(e.action));
    const length = [...e.summary].length;
    assert.ok(length > 0 && length <= 1024, `summary of ${length} code points`);
    assert.match(e.occurredAt, ISO);
    assert.equal(new Date(e.occurredAt).toISOString(), e.occurredAt);
    for (const v of Object.values(e.labels)) assert.equal(typeof v, 'string');
    for (const l of e.links) assert.match(l.href, /^https?:\/\//i);
    assert.equal(typeof JSON.stringify(e.details), 'string');
  }
  const keys = r.events.map((e) => (e.kind === 'alert' ? e.dedupKey : null));
  assert.deepEqual(r.group?.members, keys, 'the group lists each event once');
  assert.equal(new Set(keys).size, keys.length);
  assert.ok(r.group !== undefined && r.group.key.length > 0);
}

type Path = (string | number)[];
/** Every path into a JSON value (objects and arrays), the root excluded. */
function pathsOf(v: unknown, prefix: Path = []): Path[] {
  if (typeof v !== 'object' || v === null) return [];
  return Object.entries(v).flatMap(([k, child]) => {
    const p = [...prefix, Array.isArray(v) ? Number(k) : k];
    return [p, ...pathsOf(child, p)];
  });
}
/** Replace the value at `path`, or delete it when `value` is undefined. */
function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(undefined, 'firing', 'resolved', '4', '1', '', '0001-01-01T00:00:00Z', '2024-05-01T12:00:00+09:00', 'http://x'),
  fc.constantFrom('x'.repeat(5000), '決'.repeat(2000), '9999-12-31T23:59:59Z', -1, 1e300, null, [], {}),
);
const mutation = fc.record({ pick: fc.nat(), value: replacement });

export function parserProperties(parse: (body: unknown, ctx: ParseContext) => ParseResult, valid: () => unknown): void {
  it('gives ok or named field errors for arbitrary JSON, never a throw', () => {
    fc.assert(fc.property(fc.jsonValue(), (body) => assertWellFormed(parse(body, ctx))), { numRuns: 500 });
  });

  it('gives ok or named field errors for any mutation of a valid payload', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const body = valid();
        for (const { pick, value } of mutations) {
          const paths = pathsOf(body);
          if (paths.length === 0) break;
          setAt(body, paths[pick % paths.length]!, value);
        }
        assertWellFormed(parse(body, ctx));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives one event per distinct alert for arbitrary well-typed alerts', () => {
    const alert = fc.record(
      {
        status: fc.constantFrom('firing', 'resolved'),
        labels: fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }))),
        annotations: fc.dictionary(fc.constantFrom('summary', 'description', 'runbook_url'), fc.string()),
        startsAt: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
        endsAt: fc.string(),
        fingerprint: fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-f]{16}$/)),
      },
      { requiredKeys: ['status', 'labels'] },
    );
    fc.assert(
      fc.property(fc.array(alert, { maxLength: 8 }), (alerts) => {
        const body = Object.assign(valid() as object, { alerts });
        const r = parse(body, ctx);
        assert.ok(r.ok, JSON.stringify(r));
        assertWellFormed(r);
        assert.ok(r.events.length <= alerts.length && (alerts.length === 0 || r.events.length > 0));
        assert.equal(r.group?.status, r.events.some((e) => e.kind === 'alert' && e.action === 'trigger') ? 'firing' : 'resolved');
      }),
      { numRuns: 300 },
    );
  });
}
