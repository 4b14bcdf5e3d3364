import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BANNER_COLOURS, PALETTES, STYLE, toneOf } from './styles.js';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('status page styles', () => {
  for (const [scheme, p] of Object.entries(PALETTES)) {
    it(`${scheme}: text meets WCAG AA (4.5:1), bars and dots 3:1`, () => {
      for (const [what, fg, bg] of [
        ['ink on card', p.ink, p.card],
        ['ink on page', p.ink, p.page],
        ['muted on card', p.muted, p.card],
        ['muted on page', p.muted, p.page],
        ['link on page', p.link, p.page],
        ['link on card', p.link, p.card],
        ...Object.entries(p.text).map(([tone, c]) => [`${tone} text on card`, c, p.card]),
      ] as const) {
        assert.ok(contrast(fg, bg) >= 4.5, `${what}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1`);
      }
      for (const [tone, c] of Object.entries(p.fill)) {
        assert.ok(contrast(c, p.card) >= 3, `${tone} fill ${c} on ${p.card} is ${contrast(c, p.card).toFixed(2)}:1`);
      }
    });
  }

  it('banner text meets WCAG AA on every banner', () => {
    for (const [kind, c] of Object.entries(BANNER_COLOURS)) {
      assert.ok(contrast(c.text, c.background) >= 4.5, `${kind}: ${contrast(c.text, c.background).toFixed(2)}:1`);
    }
  });

  it('the stylesheet loads nothing from anywhere', () => {
    assert.doesNotMatch(STYLE, /url\(|@import|expression\(/i);
  });

  it('every status has its own tone, no data its grey', () => {
    const statuses = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage', 'no_data'] as const;
    assert.equal(new Set(statuses.map(toneOf)).size, statuses.length);
    assert.equal(toneOf('no_data'), 'nodata');
  });
});
