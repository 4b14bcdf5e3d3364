import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseInstant, severityFromText, stringMap, truncate } from './shared.js';

describe('ingest helpers', () => {
  it('parses the instants monitoring tools send', () => {
    assert.equal(parseInstant('2015-07-17T08:42:58.315+0000'), '2015-07-17T08:42:58.315Z');
    assert.equal(parseInstant('2024-05-01T12:00:00.123456789Z'), '2024-05-01T12:00:00.123Z');
    assert.equal(parseInstant('2024-05-01T21:00:00+09:00'), '2024-05-01T12:00:00.000Z');
    assert.equal(parseInstant('0001-01-01T00:00:00Z'), null, "Go's zero time means 'not set'");
    assert.equal(parseInstant('yesterday'), null);
    assert.equal(parseInstant(12), null);
    assert.equal(parseInstant('2024-13-45T99:00:00Z'), null);
  });
  it('never throws and returns ISO or null for any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => {
      const r = parseInstant(s);
      return r === null || !Number.isNaN(Date.parse(r));
    }));
  });
  it('truncates long summaries by code point with an ellipsis', () => {
    assert.equal(truncate('決'.repeat(2000)).length, 1024);
    assert.ok(truncate('x'.repeat(2000)).endsWith('…'));
    assert.equal(truncate('short'), 'short');
  });
  it('keeps a label named __proto__ as a label', () => {
    const labels = stringMap(JSON.parse('{"__proto__":"x","a":"b","n":1}'));
    assert.deepEqual(Object.keys(labels).sort(), ['__proto__', 'a']);
    assert.equal(Object.getPrototypeOf(labels), Object.prototype);
  });

  it('maps severity words', () => {
    assert.equal(severityFromText('CRITICAL'), 'critical');
    assert.equal(severityFromText('P2'), 'error');
    assert.equal(severityFromText('warn'), 'warning');
    assert.equal(severityFromText('low'), 'info');
    assert.equal(severityFromText('banana'), 'warning');
    assert.equal(severityFromText(undefined, 'error'), 'error');
  });
});
