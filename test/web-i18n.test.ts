import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

/**
 * The web app is complete in Japanese and English: every key in both, no empty text, the same
 * {{placeholders}} on both sides, and every key the code names with a literal exists.
 */
type Tree = { [k: string]: string | Tree };

function leaves(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

// Loaded by path: the web app is type-checked by its own tsconfig (web/tsconfig.json), not the server's.
const resourcesPath = path.resolve(import.meta.dirname, '..', 'web', 'src', 'i18n', 'resources.ts');
const { areaMessages } = (await import(resourcesPath)) as { areaMessages: Record<string, { en: Tree; ja: Tree }> };

const en = new Map<string, string>();
const ja = new Map<string, string>();
for (const [area, m] of Object.entries(areaMessages)) {
  for (const [k, v] of leaves(m.en, area)) en.set(k, v);
  for (const [k, v] of leaves(m.ja, area)) ja.set(k, v);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.(tsx?|ts)$/.test(n) ? [p] : [];
  });
}

describe('web i18n: Japanese and English complete', () => {
  test('the same keys in both languages', () => {
    assert.deepEqual([...ja.keys()].filter((k) => !en.has(k)), [], 'keys only in Japanese');
    assert.deepEqual([...en.keys()].filter((k) => !ja.has(k)), [], 'keys missing in Japanese');
  });

  test('no empty messages', () => {
    assert.deepEqual([...en].filter(([, v]) => !v.trim()).map(([k]) => `en ${k}`), []);
    assert.deepEqual([...ja].filter(([, v]) => !v.trim()).map(([k]) => `ja ${k}`), []);
  });

  test('the same placeholders on both sides', () => {
    const bad = [...en].filter(([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(ja.get(k) ?? '')));
    assert.deepEqual(
      bad.map(([k]) => k),
      [],
    );
  });

  test('Japanese text is Japanese (not English copied over)', () => {
    const same = [...en].filter(([k, v]) => ja.get(k) === v && /[a-z]{4,}/.test(v) && !/^(English|日本語)$/.test(v)).map(([k]) => k);
    // Product names and codes may stay the same; prose may not.
    assert.ok(same.length <= Math.max(5, en.size * 0.03), `untranslated: ${same.join(', ')}`);
  });

  test('every literal key the code uses exists', () => {
    const root = path.resolve(import.meta.dirname, '..', 'web', 'src');
    const missing: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        const key = m[1]!;
        if (!en.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('a missing Japanese key is caught (the check can fail)', () => {
    const broken = new Map(ja);
    broken.delete([...en.keys()][0]!);
    assert.notEqual([...en.keys()].filter((k) => !broken.has(k)).length, 0);
  });
});
