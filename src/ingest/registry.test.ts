import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsers } from './registry.js';

describe('ingest registry', () => {
  it('has one parser per format, each saying which format it is', () => {
    for (const [format, parser] of Object.entries(parsers)) assert.equal(parser.format, format);
    assert.deepEqual(Object.keys(parsers).sort(), ['alertmanager', 'generic', 'grafana', 'opsgenie', 'pagerduty', 'pagerduty-change']);
  });
  it('every parser answers garbage with field errors instead of throwing', () => {
    for (const parser of Object.values(parsers)) {
      for (const body of [null, 42, 'x', [], {}, { alerts: 'no' }]) {
        const r = parser.parse(body, { receivedAt: '2026-11-22T00:00:00.000Z' });
        if (!r.ok) assert.ok(r.errors.length > 0 && r.errors.every((e) => e.field.length > 0), `${parser.format} ${JSON.stringify(body)}`);
      }
    }
  });
});
