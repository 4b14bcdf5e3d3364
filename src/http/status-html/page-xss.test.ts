import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { renderMessagePage } from './message-page.js';
import { renderStatusPage } from './page.js';
import { sampleView } from './sample-view.js';

const PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', "' onmouseover='alert(1)' x='", '</style><script>alert(1)</script>', '&lt;script&gt;'];

const all = (doc: Document, test: (el: Element) => boolean) => DomUtils.findAll(test, doc.children);
const text = (el: Element) => DomUtils.textContent(el).trim();

/** A page where every text that comes from data carries the payload. */
function hostileView(p: string) {
  const view = sampleView({
    language: 'en',
    name: `Acme ${p}`,
    description: `About ${p}`,
    basePath: `/status/${p}`,
    groupDescriptions: { [`Core ${p}`]: `Group ${p}` },
    components: [
      { id: `c-api${p}`, name: `API ${p}`, description: `Desc ${p}`, group: `Core ${p}`, serviceIds: ['s-api'] },
      { id: 'c-mail', name: `Mail ${p}`, serviceIds: ['s-mail'] },
    ],
    incidents: [
      {
        id: `i-1${p}`,
        name: `Incident ${p}`,
        severity: 'SEV2',
        serviceIds: ['s-api'],
        startedAt: '2026-11-22T08:00:00.000Z',
        updates: [{ status: 'investigating', body: `Body ${p}\nline ${p}`, at: '2026-11-22T08:10:00.000Z' }],
      },
      {
        id: `i-2${p}`,
        name: `Past ${p}`,
        severity: 'SEV3',
        serviceIds: ['s-mail'],
        startedAt: '2026-11-20T08:00:00.000Z',
        updates: [{ status: 'resolved', body: `Fixed ${p}`, at: '2026-11-20T09:00:00.000Z' }],
      },
    ],
    maintenances: [
      { id: `m-1${p}`, name: `Upgrade ${p}`, serviceIds: ['s-mail'], startsAt: '2026-11-22T09:00:00.000Z', endsAt: '2026-11-22T11:00:00.000Z', body: `Note ${p}` },
      { id: `m-2${p}`, name: `Later ${p}`, serviceIds: ['s-api'], startsAt: '2026-11-25T09:00:00.000Z', endsAt: '2026-11-25T11:00:00.000Z', body: `Later note ${p}` },
    ],
  });
  return view;
}

function assertInert(html: string, p: string) {
  assert.doesNotMatch(html, /<script/i, 'no script element');
  assert.doesNotMatch(html, /<img/i, 'no img element');
  const doc = parseDocument(html);
  const dangerous = all(doc, (el) => ['script', 'img', 'iframe', 'object', 'embed', 'svg', 'base'].includes(el.name));
  assert.deepEqual(
    dangerous.map((el) => el.name),
    [],
  );
  for (const el of all(doc, () => true)) {
    for (const [name, value] of Object.entries(el.attribs)) {
      assert.doesNotMatch(name, /^on/i, `<${el.name}> got an event handler attribute from ${JSON.stringify(p)}`);
      if (['href', 'action', 'src'].includes(name)) {
        assert.match(value, /^\/(?!\/)/, `<${el.name} ${name}="${value}"> stays on this site`);
        assert.doesNotMatch(value, /[<>"' ]/, `${name} is encoded`);
      }
    }
  }
  // the head holds exactly what we put there
  const meta = all(doc, (el) => el.name === 'meta').map((m) => m.attribs.name ?? m.attribs.charset);
  assert.deepEqual(meta, ['utf-8', 'viewport', 'color-scheme', 'referrer']);
  assert.equal(all(doc, (el) => el.name === 'style').length, 1);
  return doc;
}

describe('status page HTML: text from data is text (XSS)', () => {
  for (const p of PAYLOADS) {
    it(`renders ${JSON.stringify(p)} inert, as text, in every field`, () => {
      const html = renderStatusPage(hostileView(p), { csrfToken: `tok${p}` });
      const doc = assertInert(html, p);
      const textOf = (test: (el: Element) => boolean) => all(doc, test).map(text);
      const cls = (name: string) => (el: Element) => (el.attribs.class ?? '').split(' ').includes(name);
      // each field shows the payload verbatim: escaped, neither dropped nor double-escaped
      assert.deepEqual(textOf((el) => el.name === 'h1'), [`Acme ${p}`]);
      assert.deepEqual(textOf((el) => el.name === 'title'), [`Acme ${p} status`]);
      assert.deepEqual(textOf(cls('description')), [`About ${p}`]);
      assert.deepEqual(textOf((el) => el.name === 'h3' && el.parent !== null && (el.parent as Element).attribs?.class === 'group-head'), [`Core ${p}`]);
      assert.deepEqual(textOf(cls('group-description')), [`Group ${p}`]);
      assert.deepEqual(textOf(cls('name')), [`API ${p}`, `Mail ${p}`]);
      assert.deepEqual(textOf((el) => cls('component-description')(el) && !cls('group-description')(el)), [`Desc ${p}`]);
      assert.ok(textOf((el) => el.name === 'h3').includes(`Incident ${p}`));
      assert.ok(textOf((el) => el.name === 'h3').includes(`Upgrade ${p}`));
      assert.ok(textOf((el) => el.name === 'h3').includes(`Later ${p}`));
      assert.ok(textOf((el) => el.name === 'h4').includes(`Past ${p}`));
      const bodies = all(doc, cls('update-body')).map((el) => DomUtils.textContent(el));
      assert.ok(bodies.includes(`Body ${p}\nline ${p}`));
      for (const b of [`Fixed ${p}`, `Note ${p}`, `Later note ${p}`]) assert.ok(bodies.includes(b), b);
      assert.ok(textOf(cls('affected')).includes(`Affected components: API ${p}`));
      // attribute values come back exactly
      const inputs = all(doc, (el) => el.name === 'input');
      assert.deepEqual(
        inputs.filter((i) => i.attribs.name === 'component').map((i) => i.attribs.value),
        [`c-api${p}`, 'c-mail'],
      );
      assert.deepEqual(
        inputs.filter((i) => i.attribs.name === 'csrf').map((i) => i.attribs.value),
        [`tok${p}`],
      );
      const labels = all(doc, (el) => el.name === 'link' && el.attribs.rel === 'alternate').map((l) => l.attribs.title);
      assert.deepEqual(labels, [`Acme ${p} status (Atom)`, `Acme ${p} status (RSS)`]);
      // ids from data are reduced to safe characters
      for (const el of all(doc, (e) => e.name === 'article')) assert.match(el.attribs.id!, /^[A-Za-z0-9_-]+$/);
    });
  }

  it('the base path is encoded segment by segment and stays a path on this site', () => {
    const html = renderStatusPage(sampleView({ basePath: 'javascript:alert(1)//x' }));
    const doc = parseDocument(html);
    const hrefs = all(doc, (el) => el.name === 'a' || el.name === 'link').map((a) => a.attribs.href);
    assert.deepEqual(hrefs.slice(0, 2), ['/javascript%3Aalert%281%29/x/feed.atom', '/javascript%3Aalert%281%29/x/feed.rss']);
    assert.ok(hrefs.every((h) => h?.startsWith('/') && !h.startsWith('//')));
  });

  it('message pages escape their texts and drop links that are not http(s) or local paths', () => {
    for (const p of PAYLOADS) {
      const html = renderMessagePage({ language: 'en', title: `T ${p}`, message: `M ${p}`, pageName: `N ${p}`, backHref: p });
      assert.doesNotMatch(html, /<script|<img/i);
      const doc = parseDocument(html);
      assert.deepEqual(all(doc, (el) => el.name === 'h1').map(text), [`T ${p}`]);
      assert.equal(all(doc, (el) => el.name === 'a').length, 0, `no link to ${p}`);
      for (const el of all(doc, () => true)) for (const name of Object.keys(el.attribs)) assert.doesNotMatch(name, /^on/i);
    }
  });
});
