import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ALERT_SEVERITIES, EVENT_ACTIONS, MAX_DEDUP_KEY, MAX_SUMMARY, type ParseResult } from '../event.js';
import { parsePagerDutyChange, parsePagerDutyEvent } from './parse.js';

const vector = (name: string): any => JSON.parse(readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8'));
const ctx = { receivedAt: '2026-11-22T09:00:00.000Z' };
const isIso = (s: unknown) => typeof s === 'string' && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s;
const codePoints = (s: string) => [...s].length;

/** What every parser result must look like, whatever came in. */
function assertWellFormed(r: ParseResult) {
  if (!r.ok) {
    assert.ok(r.errors.length > 0);
    for (const e of r.errors) assert.ok(e.field.length > 0 && e.message.length > 0, JSON.stringify(e));
    return;
  }
  assert.equal(r.events.length, 1);
  const e = r.events[0]!;
  assert.ok(isIso(e.occurredAt), e.occurredAt);
  assert.ok(codePoints(e.summary) <= MAX_SUMMARY);
  assert.ok(typeof e.details === 'object' && e.details !== null && !Array.isArray(e.details));
  for (const l of e.links) assert.match(l.href, /^https?:/);
  if (e.kind === 'change') return;
  assert.ok(EVENT_ACTIONS.includes(e.action));
  assert.ok(ALERT_SEVERITIES.includes(e.severity));
  assert.ok(e.dedupKey === null || codePoints(e.dedupKey) <= MAX_DEDUP_KEY);
  if (e.action !== 'trigger') assert.notEqual(e.dedupKey, null);
  else assert.ok(e.summary.trim().length > 0);
}

const bases = ['tv1-trigger.json', 'tv2-acknowledge.json', 'tv2-resolve.json', 'tv3-openapi-trigger.json', 'tv6-alertmanager-trigger.json'].map(vector);
const changeBases = ['tv5-change-docs.json', 'tv5-change-go-pagerduty.json'].map(vector);
const paths = [
  ['routing_key'], ['event_action'], ['dedup_key'], ['payload'], ['links'], ['images'], ['client'], ['client_url'],
  ['payload', 'summary'], ['payload', 'source'], ['payload', 'severity'], ['payload', 'timestamp'], ['payload', 'component'],
  ['payload', 'group'], ['payload', 'class'], ['payload', 'custom_details'], ['links', '0'], ['links', '0', 'href'],
];
/** Drop a key or replace a value somewhere (a wrong type, a huge string, an odd word). */
const mutation = fc.record({
  path: fc.constantFrom(...paths),
  value: fc.option(
    fc.oneof(fc.jsonValue(), fc.constantFrom('', ' ', 'trigger', 'resolve', 'critical', '+0000', 'x'.repeat(600_000), '決'.repeat(2000))),
    { nil: undefined },
  ),
});

function mutate(base: unknown, mutations: { path: string[]; value: unknown }[]): unknown {
  const body = structuredClone(base);
  for (const { path, value } of mutations) {
    let at: any = body;
    for (const key of path.slice(0, -1)) at = at !== null && typeof at === 'object' ? at[key] : undefined;
    if (at === null || typeof at !== 'object') continue;
    if (value === undefined) delete at[path.at(-1)!];
    else at[path.at(-1)!] = value;
  }
  return body;
}

describe('PagerDuty parsers never throw', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        assertWellFormed(parsePagerDutyEvent(body, ctx));
        assertWellFormed(parsePagerDutyChange(body, ctx));
      }),
      { numRuns: 1000 },
    );
  });
  it('on arbitrary objects with the right keys', () => {
    const loose = fc.record(
      { routing_key: fc.jsonValue(), event_action: fc.oneof(fc.constantFrom(...EVENT_ACTIONS), fc.jsonValue()), dedup_key: fc.jsonValue(), payload: fc.jsonValue() },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(loose, (body) => assertWellFormed(parsePagerDutyEvent(body, ctx))), { numRuns: 1000 });
  });
  it('on random mutations of the test vectors', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, ms) => {
        assertWellFormed(parsePagerDutyEvent(mutate(base, ms), ctx));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...changeBases), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, ms) => {
        assertWellFormed(parsePagerDutyChange(mutate(base, ms), ctx));
      }),
      { numRuns: 300 },
    );
  });
});
