import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CliError, exitCodeFor } from './exit-codes.js';
import { displayWidth, oneLine, padEndWidth, renderTable } from './output.js';

describe('displayWidth', () => {
  test('counts East Asian wide and fullwidth characters as two columns', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('決済APIの遅延'), 13);
    assert.equal(displayWidth('ＡＢＣ'), 6);
    assert.equal(displayWidth('ｶﾀｶﾅ'), 4); // halfwidth katakana stay narrow
    assert.equal(displayWidth('한국'), 4);
    assert.equal(displayWidth('🔥'), 2);
    assert.equal(displayWidth('é'), 1); // e + combining acute
    assert.equal(displayWidth('が'), 2); // か + combining voiced mark
  });

  test('pads to a display width', () => {
    assert.equal(padEndWidth('障害', 6), '障害  ');
    assert.equal(padEndWidth('toolong', 3), 'toolong');
  });
});

describe('renderTable', () => {
  test('aligns columns after Japanese cells', () => {
    const out = renderTable([
      ['INC-1', '決済APIの遅延', 'SEV2'],
      ['INC-10', 'DB', 'SEV1'],
    ], ['ID', 'TITLE', 'SEV']);
    const lines = out.trimEnd().split('\n');
    const col = (line: string) => displayWidth(line.slice(0, line.indexOf('SEV')));
    assert.deepEqual(lines.map(col), [23, 23, 23]);
    assert.equal(lines[1], 'INC-1   決済APIの遅延  SEV2');
  });

  test('keeps user text on one line', () => {
    assert.equal(oneLine('a\nb\tc'), 'a b c');
    assert.equal(renderTable([]), '');
  });
});

describe('exit codes', () => {
  test('one table from API error code to exit status', () => {
    assert.deepEqual(
      ['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'LIMIT_EXCEEDED', 'UNAVAILABLE', 'INTERNAL', 'NETWORK', 'toString'].map(exitCodeFor),
      [2, 3, 3, 4, 5, 6, 7, 1, 1, 1],
    );
    assert.equal(new CliError('NOT_FOUND', 'incident INC-9 does not exist', 'R1').describe(), 'error: incident INC-9 does not exist (NOT_FOUND, request R1)');
  });
});
