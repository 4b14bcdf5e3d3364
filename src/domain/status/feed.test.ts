import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { atomFeed, type FeedEntry, type FeedPage, rssFeed } from './feed.js';
import { escapeXml } from './xml.js';

const page: FeedPage = {
  name: 'Acme',
  url: 'https://status.acme.test',
  feedUrl: 'https://status.acme.test/feed.atom?lang=ja&x="1"',
  language: 'en',
  timeZone: 'America/New_York',
  updatedAt: '2026-01-01T00:00:00Z',
};
const entry = (id: string, name: string, updates: FeedEntry['updates'], createdAt = updates[0]?.displayAt ?? '2026-01-01T00:00:00Z'): FeedEntry => ({
  id,
  name,
  createdAt,
  updatedAt: createdAt,
  updates,
});
const XSS = '<script>alert("x")</script> & ]]> \'quoted\'';

/** The five predefined entities and numeric references, decoded once (what an XML parser does). */
const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e]!,
  );

/** A strict-enough well-formedness check: balanced tags, quoted attributes, no stray `<` or `&`. */
function assertWellFormed(xml: string): void {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  const body = xml.slice(xml.indexOf('\n') + 1);
  const stack: string[] = [];
  let last = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const text = body.slice(last, m.index);
    assert.ok(!/[<>]/.test(text), `stray markup in text: ${text.slice(0, 80)}`);
    assert.ok(!/&(?!(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text), `bare & in text: ${text.slice(0, 80)}`);
    const [, close, name, , selfClosing] = m;
    if (close) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else if (!selfClosing) stack.push(name!);
    last = m.index + m[0].length;
  }
  assert.equal(body.slice(last).trim(), '');
  assert.deepEqual(stack, [], 'every element is closed');
}
const between = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);

const history: FeedEntry[] = [
  entry('inc_1', `Payments down ${XSS}`, [
    { status: 'investigating', body: `First line ${XSS}\nsecond line`, displayAt: '2026-01-16T00:30:00Z' },
    { status: 'resolved', body: '決済が復旧しました。', displayAt: '2026-01-16T02:00:00Z' },
  ]),
  entry('mnt 2', 'ネットワーク機器の更新', [{ status: 'scheduled', body: '深夜に実施します', displayAt: '2026-01-10T12:00:00Z' }]),
];

describe('Atom feed', () => {
  const xml = atomFeed(page, history);

  it('is well formed; markup in names and messages arrives as text, never as markup or CDATA', () => {
    assertWellFormed(xml);
    assert.ok(!xml.includes('<script'));
    assert.ok(!xml.includes(']]>'));
    assert.ok(!xml.includes('CDATA'));
    const title = between(xml, 'title')[1]!;
    assert.equal(decodeXml(title), `Payments down ${XSS}`);
    const html = decodeXml(between(xml, 'content')[0]!);
    assert.ok(!html.includes('<script'), 'the HTML a reader renders holds no script element');
    assert.ok(html.includes(escapeXml(`First line ${XSS}`)), 'the message is escaped text inside the HTML');
    assert.ok(html.includes('First line') && html.includes('<br>second line'), 'line breaks become <br>');
  });

  it('carries Japanese text as UTF-8', () => {
    assert.ok(xml.includes('<title>ネットワーク機器の更新</title>'));
    assert.ok(decodeXml(between(xml, 'content')[0]!).includes('決済が復旧しました。'));
    assert.ok(atomFeed({ ...page, language: 'ja' }, history).includes('<title>Acme 稼働状況の履歴</title>'));
  });

  it('has the feed and entry metadata Atom requires, with links on the page URL', () => {
    assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="en">/);
    assert.deepEqual(between(xml, 'id'), ['https://status.acme.test', 'https://status.acme.test/incidents/inc_1', 'https://status.acme.test/incidents/mnt%202']);
    assert.ok(xml.includes('<link rel="self" type="application/atom+xml" href="https://status.acme.test/feed.atom?lang=ja&amp;x=&quot;1&quot;"/>'));
    assert.deepEqual(between(xml, 'updated'), ['2026-01-16T02:00:00.000Z', '2026-01-16T02:00:00.000Z', '2026-01-10T12:00:00.000Z']);
    assert.deepEqual(between(xml, 'published'), ['2026-01-16T00:30:00.000Z', '2026-01-10T12:00:00.000Z']);
    assert.ok(xml.includes('<author><name>Acme</name></author>'));
  });

  it('dates each update in the page zone with the zone named, newest first, statuses in the page language', () => {
    const html = decodeXml(between(xml, 'content')[0]!);
    assert.ok(html.indexOf('Resolved') < html.indexOf('Investigating'), 'newest first');
    assert.ok(html.includes('<small>2026-01-15 19:30 America/New_York (UTC-05:00)</small>'), 'the local date of 00:30 UTC');
    const ja = decodeXml(between(atomFeed({ ...page, language: 'ja' }, history), 'content')[0]!);
    assert.ok(ja.includes('<strong>調査中</strong>') && ja.includes('<strong>解決済み</strong>'));
  });

  it('lists the most recently updated first, at most `limit`; an empty feed is dated by the page', () => {
    const many = Array.from({ length: 60 }, (_, k) => entry(`i${k}`, `#${k}`, [{ status: 'resolved', body: 'x', displayAt: new Date(Date.UTC(2026, 0, 1, 0, k)).toISOString() }]));
    const ids = between(atomFeed(page, many), 'id').slice(1);
    assert.equal(ids.length, 50);
    assert.equal(ids[0], 'https://status.acme.test/incidents/i59');
    assert.equal(between(atomFeed(page, many, 3), 'id').length, 4);
    const empty = atomFeed(page, []);
    assertWellFormed(empty);
    assert.deepEqual(between(empty, 'updated'), ['2026-01-01T00:00:00.000Z']);
  });
});

describe('RSS 2.0 feed', () => {
  const xml = rssFeed({ ...page, language: 'ja', feedUrl: 'https://status.acme.test/feed.rss' }, history);

  it('is well formed, escapes everything, and keeps Japanese as is', () => {
    assertWellFormed(xml);
    assert.ok(!xml.includes('<script') && !xml.includes(']]>'));
    assert.equal(decodeXml(between(xml, 'title')[1]!), `Payments down ${XSS}`);
    assert.ok(xml.includes('<title>ネットワーク機器の更新</title>'));
    assert.ok(!decodeXml(between(xml, 'description')[1]!).includes('<script'));
  });

  it('has the channel and item elements, with RFC 822 dates', () => {
    assert.ok(xml.includes('<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'));
    assert.deepEqual(between(xml, 'language'), ['ja']);
    assert.deepEqual(between(xml, 'lastBuildDate'), ['Fri, 16 Jan 2026 02:00:00 GMT']);
    assert.deepEqual(between(xml, 'pubDate'), ['Fri, 16 Jan 2026 00:30:00 GMT', 'Sat, 10 Jan 2026 12:00:00 GMT']);
    assert.ok(xml.includes('<guid isPermaLink="true">https://status.acme.test/incidents/inc_1</guid>'));
    assert.ok(xml.includes('<atom:link href="https://status.acme.test/feed.rss" rel="self" type="application/rss+xml"/>'));
  });
});

/** The characters of `s` that XML 1.0 allows (its Char production), by code point. */
const xmlChars = (s: string) =>
  [...s]
    .filter((c) => {
      const p = c.codePointAt(0)!;
      return p === 0x9 || p === 0xa || p === 0xd || (p >= 0x20 && p <= 0xd7ff) || (p >= 0xe000 && p <= 0xfffd) || p >= 0x10000;
    })
    .join('');

describe('XML escaping', () => {
  it('drops characters XML cannot carry and keeps every other character', () => {
    assert.equal(escapeXml('a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf\uD800g'), 'abcdefg');
    assert.equal(escapeXml('tab\tnl\ncr\r😀日本'), 'tab\tnl\ncr\r😀日本');
  });

  it('any text survives a feed round trip and leaves it well formed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", ']', '\u0000', '\uD800', '\uDC00', 'a', '日') })), fc.string({ unit: 'grapheme' }), (name, body) => {
        const xml = atomFeed(page, [entry('x', name, [{ status: 'identified', body, displayAt: '2026-01-16T00:30:00Z' }])]);
        assertWellFormed(xml);
        assert.equal(decodeXml(between(xml, 'title')[1]!), xmlChars(name));
      }),
      { numRuns: 200 },
    );
  });
});
