import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ALERT_SEVERITIES, type AlertEvent, EVENT_ACTIONS, MAX_DEDUP_KEY, MAX_SUMMARY, type ParseResult } from '../event.js';
import * as fx from './fixtures.js';
import { parseOpsgenieAction, parseOpsgenieCreate } from './index.js';

const ctx = { receivedAt: '2024-05-01T12:00:00.000Z' };

/** What every result must look like, whatever came in. */
function assertWellFormed(r: ParseResult): void {
  if (!r.ok) {
    assert.ok(r.errors.length > 0);
    for (const e of r.errors) assert.ok(e.field.length > 0 && e.message.length > 0);
    return;
  }
  assert.equal(r.events.length, 1);
  const e = r.events[0] as AlertEvent;
  assert.equal(e.kind, 'alert');
  assert.ok(EVENT_ACTIONS.includes(e.action) && ALERT_SEVERITIES.includes(e.severity));
  assert.ok(e.dedupKey === null || (e.dedupKey.length > 0 && e.dedupKey.length <= MAX_DEDUP_KEY));
  assert.ok(e.summary.trim().length > 0 && [...e.summary].length <= MAX_SUMMARY);
  for (const v of Object.values(e.labels)) assert.equal(typeof v, 'string');
  assert.ok(!Number.isNaN(Date.parse(e.occurredAt)));
}

describe('opsgenie parsers never throw', () => {
  it('on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (body) => assertWellFormed(parseOpsgenieCreate(body, ctx))), { numRuns: 500 });
    const type = fc.option(fc.constantFrom('alias', 'id', 'tiny', 'Alias', ''), { nil: undefined });
    fc.assert(fc.property(fc.constantFrom('close', 'acknowledge' as const), fc.string(), type, fc.jsonValue(), (a, id, t, body) => {
      assertWellFormed(parseOpsgenieAction(a, id, t, body, ctx));
    }), { numRuns: 500 });
  });

  it('on the vectors with fields removed, replaced or added', () => {
    const base = fc.constantFrom<Record<string, unknown>>(fx.DOCS_CREATE, fx.AM_CREATE, fx.AM_CREATE_CONFIGURED);
    const key = fc.constantFrom(...Object.keys(fx.AM_CREATE_CONFIGURED), 'responders', 'visibleTo', '__proto__', 'x');
    const edit = fc.tuple(key, fc.option(fc.jsonValue(), { nil: undefined }));
    let accepted = 0;
    fc.assert(fc.property(base, fc.array(edit, { maxLength: 4 }), (b, edits) => {
      const body: Record<string, unknown> = { ...b };
      for (const [k, v] of edits) {
        if (v === undefined) delete body[k];
        else Object.defineProperty(body, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      const r = parseOpsgenieCreate(body, ctx);
      assertWellFormed(r);
      if (r.ok) accepted++;
    }), { numRuns: 1000 });
    assert.ok(accepted > 100, `only ${accepted} of 1000 mutated bodies were accepted: the property says little`);
  });
});
