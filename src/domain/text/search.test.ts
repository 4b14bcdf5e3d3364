import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { incidentSearchText, normalizeForSearch } from './search.js';

describe('search normalisation', () => {
  it('folds full-width Latin, half-width katakana and case', () => {
    assert.equal(normalizeForSearch('ＡＰＩ'), 'api');
    assert.equal(normalizeForSearch('ｹｯｻｲ'), 'ケッサイ');
    assert.equal(normalizeForSearch('決済API'), '決済api');
    assert.ok(incidentSearchText('決済ＡＰＩの遅延', '').includes(normalizeForSearch('決済API')));
    assert.ok(incidentSearchText('ｹｯｻｲ ｴﾗｰ', '').includes(normalizeForSearch('ケッサイ')));
  });

  it('full-width and upper-case spellings of printable ASCII normalise to the same text', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
    const fullWidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    fc.assert(
      fc.property(ascii, (s) => {
        assert.equal(normalizeForSearch(fullWidth(s)), normalizeForSearch(s));
        assert.equal(normalizeForSearch(s.toUpperCase()), normalizeForSearch(s.toLowerCase()));
      }),
    );
  });
});
