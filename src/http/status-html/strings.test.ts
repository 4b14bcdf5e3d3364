import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STATUS_LABELS } from '../../domain/status/feed.js';
import { STATUS_PAGE_STRINGS, type StatusPageStrings, stringsFor } from './strings.js';

/** Every string of a table, functions called with sample arguments, keyed by path. */
function flatten(s: StatusPageStrings): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') out.set(path, String(value(7, 'X')));
    else for (const [k, v] of Object.entries(value as object)) visit(v, `${path}.${k}`);
  };
  visit(s, '');
  return out;
}

const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
/** Keys that are the same words in both languages. */
const SAME = new Set(['.jsonApi', '.emailPlaceholder']);

describe('status page strings', () => {
  it('every Japanese string is Japanese, every English one English', () => {
    const ja = flatten(STATUS_PAGE_STRINGS.ja);
    const en = flatten(STATUS_PAGE_STRINGS.en);
    assert.deepEqual([...ja.keys()], [...en.keys()]);
    for (const [key, value] of ja) {
      assert.ok(value.trim().length > 0, `${key} is empty`);
      if (SAME.has(key)) continue;
      assert.match(value, JAPANESE, `ja${key} is not Japanese: ${value}`);
      assert.doesNotMatch(en.get(key)!, JAPANESE, `en${key}`);
    }
  });

  it('names update statuses as the feeds do, so the page and its feeds agree', () => {
    assert.deepEqual(STATUS_PAGE_STRINGS.ja.updateStatus, STATUS_LABELS.ja);
    assert.deepEqual(STATUS_PAGE_STRINGS.en.updateStatus, STATUS_LABELS.en);
  });

  it('words with no markup characters, so functions taking HTML stay well-formed', () => {
    for (const table of Object.values(STATUS_PAGE_STRINGS)) for (const [key, value] of flatten(table)) assert.doesNotMatch(value, /[<>&"]/, key);
  });

  it('an unknown language reads English', () => {
    assert.equal(stringsFor('fr'), STATUS_PAGE_STRINGS.en);
    assert.equal(stringsFor('ja'), STATUS_PAGE_STRINGS.ja);
  });
});
