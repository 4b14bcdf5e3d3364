/**
 * Terminal output: column alignment that counts East Asian wide and fullwidth characters (漢字, かな,
 * ＡＢＣ, most emoji) as two columns and combining marks as zero, so Japanese titles line up.
 * Written by hand: the rule is a dozen ranges and the project keeps its dependency list short.
 */

/** Code point ranges (inclusive) that occupy no column. */
const ZERO_WIDTH: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], // combining diacritical marks
  [0x200b, 0x200f], // zero-width space, joiners, direction marks
  [0x3099, 0x309a], // combining (semi-)voiced sound marks
  [0xfe00, 0xfe0f], // variation selectors
  [0xe0100, 0xe01ef],
];

/** East Asian Wide (W) and Fullwidth (F) ranges, condensed from Unicode's EastAsianWidth.txt. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x26a1, 0x26a1],
  [0x26bd, 0x26be],
  [0x26d4, 0x26d4],
  [0x2705, 0x2705],
  [0x274c, 0x274c],
  [0x2b1b, 0x2b1c],
  [0x2e80, 0x303e], // CJK radicals, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // hiragana, katakana, bopomofo, Hangul compatibility, kanbun, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth ASCII and punctuation (halfwidth katakana FF61–FF9F stay narrow)
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd], // CJK extensions B and later
];

const inRanges = (cp: number, ranges: ReadonlyArray<readonly [number, number]>) => ranges.some(([a, b]) => cp >= a && cp <= b);

/** Columns one code point takes in a monospace terminal. */
export function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (inRanges(cp, ZERO_WIDTH)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

/** Columns a string takes in a monospace terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Pad on the right to `width` columns. */
export function padEndWidth(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** One line per value: newlines and tabs in user text must not break a table row. */
export function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ');
}

/** Columns separated by two spaces and aligned by display width; the last column is not padded. */
export function renderTable(rows: string[][], header?: string[]): string {
  const all = header ? [header, ...rows] : rows;
  if (all.length === 0) return '';
  const columns = Math.max(...all.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  return all
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : padEndWidth(cell, widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}
