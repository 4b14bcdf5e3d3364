import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { renderStatusPage } from './page.js';
import { SAMPLE_COMPONENTS, type SampleInput, sampleView } from './sample-view.js';

// ---- reading the rendered page the way a browser would (entities decoded) ----

const parse = (html: string) => parseDocument(html);
const classes = (el: Element) => (el.attribs.class ?? '').split(/\s+/);
const findAll = (root: Document | Element, test: (el: Element) => boolean) => DomUtils.findAll(test, root.children);
const byClass = (root: Document | Element, name: string) => findAll(root, (el) => classes(el).includes(name));
const byTag = (root: Document | Element, name: string) => findAll(root, (el) => el.name === name);
/** A component's day bars, oldest first. */
const barsOf = (root: Document | Element) => byClass(root, 'bars').flatMap((ol) => ol.children.filter((n): n is Element => n.type === 'tag'));
const byId = (root: Document, id: string) => findAll(root, (el) => el.attribs.id === id)[0];
const text = (node: Element) => DomUtils.textContent(node).trim();
const texts = (nodes: Element[]) => nodes.map(text);
/** The facts under an event's name: impact and status, in the order shown. */
const meta = (card: Element) => texts(byTag(byClass(card, 'event-meta')[0]!, 'span'));
const render = (input: SampleInput = {}, opts?: Parameters<typeof renderStatusPage>[1]) => {
  const view = sampleView(input);
  const html = renderStatusPage(view, opts);
  return { view, html, doc: parse(html) };
};

const NOW = '2026-11-22T09:30:00.000Z'; // 18:30 in Tokyo

const openIncident = (over: Partial<NonNullable<SampleInput['incidents']>[number]> = {}) => ({
  id: 'i-1',
  name: 'Slow API responses',
  severity: 'SEV3' as const,
  serviceIds: ['s-api'],
  startedAt: '2026-11-22T08:50:00.000Z',
  updates: [
    { status: 'investigating' as const, body: 'We are looking into it.', at: '2026-11-22T09:00:00.000Z' },
    { status: 'identified' as const, body: 'A database node is overloaded.\nWe are moving traffic away.', at: '2026-11-22T09:20:00.000Z' },
  ],
  ...over,
});

describe('status page HTML: the banner', () => {
  it('all operational: a green banner, every component operational, 14 quiet days', () => {
    const { doc, html } = render();
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    const banner = byClass(doc, 'banner')[0]!;
    assert.ok(classes(banner).includes('banner-operational'));
    assert.equal(text(byClass(banner, 'banner-text')[0]!), 'All systems operational');
    assert.equal(byId(doc, 'active-incidents'), undefined, 'no incident section when nothing is open');
    assert.deepEqual(texts(byClass(doc, 'name')), ['API', 'Web app', 'Email delivery']);
    assert.deepEqual(texts(byClass(doc, 'status')), ['Operational', 'Operational', 'Operational', 'Operational']);
    assert.equal(byClass(doc, 'day').length, 14);
    assert.deepEqual(new Set(texts(byClass(doc, 'quiet'))), new Set(['No incidents reported.']));
    assert.equal(byTag(doc, 'script').length, 0);
  });

  it('an open incident makes the page "degraded, incident in progress" even with every component green', () => {
    // no severity: it changes no component, but the page is at least minor while it is open
    const { view, doc } = render({ incidents: [openIncident({ severity: null })] });
    assert.equal(view.status.indicator, 'minor');
    assert.deepEqual(
      view.model.components.map((c) => c.status),
      ['operational', 'operational', 'operational', 'operational'],
    );
    const banner = byClass(doc, 'banner')[0]!;
    assert.ok(classes(banner).includes('banner-incident'));
    assert.equal(text(byClass(banner, 'banner-text')[0]!), 'Degraded — incident in progress');
    assert.deepEqual(texts(byClass(banner, 'banner-detail')), ['1 incident in progress']);
    assert.deepEqual(new Set(texts(byClass(doc, 'status'))), new Set(['Operational']));
    const active = byClass(doc, 'event')[0]!;
    assert.equal(text(byTag(active, 'h3')[0]!), 'Slow API responses');
  });

  it('once resolved the banner is green again and the incident moves to past incidents', () => {
    const incident = openIncident();
    incident.updates.push({ status: 'resolved', body: 'Fixed.', at: '2026-11-22T09:25:00.000Z' });
    const { doc } = render({ incidents: [incident] });
    assert.equal(text(byClass(doc, 'banner-text')[0]!), 'All systems operational');
    assert.equal(byId(doc, 'active-incidents'), undefined);
    const today = byClass(doc, 'day')[0]!;
    assert.equal(text(byTag(today, 'h4')[0]!), 'Slow API responses');
    assert.deepEqual(texts(byClass(today, 'update-status')), ['Resolved', 'Identified', 'Investigating']);
  });

  it('severities show as outages: SEV1 is a major outage, SEV2 a partial one', () => {
    const { doc } = render({
      incidents: [openIncident({ id: 'i-1', severity: 'SEV1' }), openIncident({ id: 'i-2', name: 'Login errors', severity: 'SEV2', serviceIds: ['s-web'] })],
    });
    assert.ok(classes(byClass(doc, 'banner')[0]!).includes('banner-critical'));
    assert.equal(text(byClass(doc, 'banner-text')[0]!), 'Major system outage');
    assert.deepEqual(texts(byClass(doc, 'banner-detail')), ['2 incidents in progress']);
    const statuses = byClass(doc, 'status');
    // group first (worst of its children), then API, Web app, Email delivery
    assert.deepEqual(texts(statuses), ['Major outage', 'Major outage', 'Partial outage', 'Operational']);
    assert.ok(classes(statuses[1]!).includes('tone-major'));
    assert.ok(classes(statuses[2]!).includes('tone-partial'));
    assert.deepEqual(byClass(doc, 'event').map(meta), [
      ['Impact: Critical', 'Identified'],
      ['Impact: Major', 'Identified'],
    ]);
  });
});

describe('status page HTML: incidents and maintenance', () => {
  it('updates newest first, with their status, message (line breaks kept) and time in the page zone', () => {
    const incident = openIncident();
    incident.updates.push({ status: 'monitoring', body: 'A fix is deployed.', at: '2026-11-22T09:28:00.000Z' });
    const { doc, html } = render({ incidents: [incident] });
    const card = byClass(doc, 'event')[0]!;
    assert.deepEqual(texts(byClass(card, 'update-status')), ['Monitoring', 'Identified', 'Investigating']);
    assert.deepEqual(texts(byClass(card, 'update-time')), ['2026-11-22 18:28 JST', '2026-11-22 18:20 JST', '2026-11-22 18:00 JST']);
    assert.equal(byClass(card, 'update-time').map((p) => byTag(p, 'time')[0]!.attribs.datetime)[1], '2026-11-22T09:20:00.000Z');
    assert.equal(DomUtils.textContent(byClass(card, 'update-body')[1]!), 'A database node is overloaded.\nWe are moving traffic away.');
    assert.match(html, /\.update-body\{[^}]*white-space:pre-line/);
    assert.equal(text(byClass(card, 'affected')[0]!), 'Affected components: API');
    assert.deepEqual(meta(card), ['Impact: Minor', 'Monitoring']);
  });

  it('a running maintenance is shown next to an open incident, not instead of it (edge case 44)', () => {
    const { doc } = render({
      incidents: [openIncident()],
      maintenances: [
        { id: 'm-next', name: 'Database upgrade', serviceIds: ['s-api'], startsAt: '2026-11-29T15:00:00.000Z', endsAt: '2026-11-29T17:00:00.000Z' },
        { id: 'm-now', name: 'Mail server upgrade', serviceIds: ['s-mail'], startsAt: '2026-11-22T09:00:00.000Z', endsAt: '2026-11-22T11:00:00.000Z', body: 'Mail may be delayed.' },
      ],
    });
    assert.ok(byId(doc, 'active-incidents'), 'incidents shown');
    assert.ok(byId(doc, 'maintenance'), 'maintenance shown');
    assert.equal(text(byClass(doc, 'banner-text')[0]!), 'Degraded — incident in progress');
    assert.deepEqual(texts(byClass(doc, 'banner-detail')), ['1 incident in progress', 'Scheduled maintenance in progress']);
    const section = byTag(doc, 'section').find((s) => s.attribs['aria-labelledby'] === 'maintenance')!;
    const cards = byClass(section, 'event');
    assert.deepEqual(texts(cards.map((c) => byTag(c, 'h3')[0]!)), ['Mail server upgrade', 'Database upgrade'], 'running first, then upcoming');
    assert.equal(text(byClass(cards[0]!, 'window')[0]!), '2026-11-22 18:00 JST – 2026-11-22 20:00 JST');
    assert.equal(text(byClass(cards[1]!, 'window')[0]!), '2026-11-30 00:00 JST – 2026-11-30 02:00 JST');
    assert.deepEqual(meta(cards[0]!), ['In progress', 'Impact: Maintenance']);
    assert.deepEqual(meta(cards[1]!), ['Scheduled', 'Impact: Maintenance']);
    assert.equal(text(byClass(cards[0]!, 'update-body')[0]!), 'Mail may be delayed.');
    // the mail component is under maintenance, the API degraded by the incident
    assert.deepEqual(texts(byClass(doc, 'status')), ['Degraded performance', 'Degraded performance', 'Operational', 'Under maintenance']);
  });

  it('a running maintenance alone: "Maintenance in progress"', () => {
    const { doc } = render({
      maintenances: [{ id: 'm-now', name: 'Mail server upgrade', serviceIds: ['s-mail'], startsAt: '2026-11-22T09:00:00.000Z', endsAt: '2026-11-22T11:00:00.000Z' }],
    });
    assert.ok(classes(byClass(doc, 'banner')[0]!).includes('banner-maintenance'));
    assert.equal(text(byClass(doc, 'banner-text')[0]!), 'Maintenance in progress');
    assert.deepEqual(texts(byClass(doc, 'banner-detail')), []);
  });

  it('past incidents are listed under their local date in the page zone (edge case 9)', () => {
    // 19:30 on Friday 20 November in New York is 00:30 UTC on the 21st
    const { doc } = render({
      timeZone: 'America/New_York',
      now: '2026-11-22T15:00:00.000Z',
      incidents: [
        {
          id: 'i-ny',
          name: 'Evening outage',
          severity: 'SEV2',
          serviceIds: ['s-web'],
          startedAt: '2026-11-21T00:30:00.000Z',
          updates: [
            { status: 'investigating', body: 'Looking.', at: '2026-11-21T00:35:00.000Z' },
            { status: 'resolved', body: 'Fixed.', at: '2026-11-21T01:30:00.000Z' },
          ],
        },
        {
          id: 'i-old',
          name: 'Three weeks ago',
          severity: 'SEV3',
          serviceIds: ['s-web'],
          startedAt: '2026-11-01T10:00:00.000Z',
          updates: [{ status: 'resolved', body: 'Fixed.', at: '2026-11-01T11:00:00.000Z' }],
        },
      ],
    });
    const days = byClass(doc, 'day');
    assert.equal(days.length, 14);
    assert.equal(text(byTag(days[0]!, 'h3')[0]!), 'Sun, Nov 22, 2026');
    assert.equal(text(byTag(days[13]!, 'h3')[0]!), 'Mon, Nov 9, 2026');
    const withIncident = days.filter((d) => byTag(d, 'h4').length > 0);
    assert.deepEqual(
      withIncident.map((d) => [text(byTag(d, 'h3')[0]!), text(byTag(d, 'h4')[0]!)]),
      [['Fri, Nov 20, 2026', 'Evening outage']],
    );
    assert.deepEqual(texts(byClass(withIncident[0]!, 'update-time')), ['2026-11-20 20:30 EST', '2026-11-20 19:35 EST']);
  });
});

describe('status page HTML: components and uptime', () => {
  it('groups head their components, in page order; "only if degraded" components hide while operational', () => {
    const components = [
      { id: 'c-cdn', name: 'CDN', serviceIds: ['s-cdn'] },
      ...SAMPLE_COMPONENTS,
      { id: 'c-hidden', name: 'Batch jobs', group: 'Core', serviceIds: ['s-batch'], onlyShowIfDegraded: true },
      { id: 'c-shown', name: 'Reports', serviceIds: ['s-rep'], onlyShowIfDegraded: true, manualStatus: 'partial_outage' as const },
    ];
    const { doc } = render({ components, groupDescriptions: { Core: 'The heart of it' } });
    const list = byClass(doc, 'components')[0]!;
    const top = list.children.filter((n): n is Element => n.type === 'tag');
    assert.deepEqual(
      top.map((li) => (classes(li).includes('group') ? `group:${text(byTag(li, 'h3')[0]!)}` : text(byClass(li, 'name')[0]!))),
      ['CDN', 'group:Core', 'Email delivery', 'Reports'],
    );
    const group = top[1]!;
    assert.deepEqual(texts(byClass(group, 'name')), ['API', 'Web app']);
    assert.equal(text(byClass(group, 'group-description')[0]!), 'The heart of it');
    assert.equal(text(byClass(top[3]!, 'status')[0]!), 'Partial outage');
  });

  it('90 bars per component; days without data say "No data", never a percentage', () => {
    const { view, doc } = render({
      components: [
        { id: 'c-new', name: 'New thing', serviceIds: ['s-new'], dataStart: '2026-11-12T15:00:00.000Z' }, // 10 local days and a bit
        { id: 'c-none', name: 'Not yet observed', serviceIds: ['s-none'], dataStart: NOW },
      ],
    });
    const [first, second] = byClass(doc, 'uptime');
    const bars = barsOf(first!);
    assert.equal(bars.length, 90);
    const days = view.uptime.get('c-new')!.days;
    assert.equal(days.filter((d) => d.uptime === null).length, 80, 'precondition: 80 days without data');
    bars.forEach((bar, i) => {
      const day = days[i]!;
      if (day.uptime === null) {
        assert.ok(classes(bar).includes('tone-nodata'), `${day.date} grey`);
        assert.doesNotMatch(text(bar), /%/, `${day.date} shows no figure`);
        assert.match(text(bar), /: No data$/);
      } else {
        assert.match(text(bar), /: 100%$/);
      }
    });
    assert.equal(bars.filter((b) => classes(b).includes('older')).length, 60, 'phones show the last 30');
    assert.equal(text(byClass(first!, 'uptime-figure')[0]!), '100% uptime');
    // nothing observed at all: the period reads "No data", not 100 %
    assert.equal(text(byClass(second!, 'uptime-figure')[0]!), 'No data');
    assert.ok(barsOf(second!).every((b) => /: No data$/.test(text(b))));
  });

  it('outage days carry the figure and the status; maintenance-only days are not counted', () => {
    const { view, doc } = render({
      components: [{ id: 'c-api', name: 'API', serviceIds: ['s-api'] }],
      incidents: [
        {
          id: 'i-p',
          name: 'Partial',
          severity: 'SEV2',
          serviceIds: ['s-api'],
          startedAt: '2026-11-20T03:00:00.000Z',
          updates: [
            { status: 'investigating', body: '…', at: '2026-11-20T03:00:00.000Z' },
            { status: 'resolved', body: '…', at: '2026-11-20T04:00:00.000Z' },
          ],
        },
      ],
      // all of 2026-11-18 in Tokyo
      maintenances: [{ id: 'm', name: 'Move', serviceIds: ['s-api'], startsAt: '2026-11-17T15:00:00.000Z', endsAt: '2026-11-18T15:00:00.000Z' }],
    });
    const days = view.uptime.get('c-api')!.days;
    const bars = barsOf(doc);
    const at = (date: string) => bars[days.findIndex((d) => d.date === date)]!;
    assert.equal(text(at('2026-11-20')), 'Fri, Nov 20, 2026: 98.75% — Partial outage');
    assert.ok(classes(at('2026-11-20')).includes('tone-partial'));
    assert.equal(text(at('2026-11-18')), 'Wed, Nov 18, 2026: Maintenance (not counted)');
    assert.ok(classes(at('2026-11-18')).includes('tone-maintenance'));
    // 60 partial minutes count 30 %: 18 down of 127,830 counted (90 days less the maintenance day and
    // the rest of today); 99.9859 is shown rounded down
    assert.equal(text(byClass(doc, 'uptime-figure')[0]!), '99.98% uptime');
  });
});

describe('status page HTML: head, feeds and the subscription form', () => {
  it('links the feeds and the JSON API under the base path, in the head and the footer', () => {
    const { doc } = render();
    const alternates = byTag(doc, 'link').filter((l) => l.attribs.rel === 'alternate');
    assert.deepEqual(
      alternates.map((l) => [l.attribs.type, l.attribs.href]),
      [
        ['application/atom+xml', '/status/acme/feed.atom'],
        ['application/rss+xml', '/status/acme/feed.rss'],
      ],
    );
    const footer = byTag(doc, 'footer')[0]!;
    assert.deepEqual(
      byTag(footer, 'a').map((a) => a.attribs.href),
      ['/status/acme/feed.atom', '/status/acme/feed.rss', '/status/acme/api/v2/summary.json'],
    );
    assert.ok(
      byTag(doc, 'meta').some((m) => m.attribs.name === 'viewport'),
      'viewport',
    );
    assert.ok(!byTag(doc, 'meta').some((m) => m.attribs.name === 'robots'), 'a public page may be indexed');
  });

  it('on a custom domain the links start at /', () => {
    const { doc } = render({ basePath: '' });
    assert.deepEqual(
      byTag(byTag(doc, 'footer')[0]!, 'a').map((a) => a.attribs.href),
      ['/feed.atom', '/feed.rss', '/api/v2/summary.json'],
    );
    assert.equal(byTag(doc, 'form')[0]!.attribs.action, '/subscribe');
  });

  it('the subscription form: email, optional components, the language, and a CSRF token when given', () => {
    const { doc } = render({ language: 'ja' }, { csrfToken: 'csrf-123' });
    const form = byTag(doc, 'form')[0]!;
    assert.equal(form.attribs.method, 'post');
    assert.equal(form.attribs.action, '/status/acme/subscribe');
    const inputs = byTag(form, 'input');
    const named = (name: string) => inputs.filter((i) => i.attribs.name === name);
    assert.equal(named('email')[0]!.attribs.type, 'email');
    assert.ok('required' in named('email')[0]!.attribs);
    assert.deepEqual(
      named('component').map((i) => [i.attribs.type, i.attribs.value]),
      [
        ['checkbox', 'c-api'],
        ['checkbox', 'c-web'],
        ['checkbox', 'c-mail'],
      ],
    );
    assert.deepEqual(
      named('language').map((i) => [i.attribs.type, i.attribs.value]),
      [['hidden', 'ja']],
    );
    assert.deepEqual(
      named('csrf').map((i) => [i.attribs.type, i.attribs.value]),
      [['hidden', 'csrf-123']],
    );
    assert.equal(byTag(render().doc, 'input').filter((i) => i.attribs.name === 'csrf').length, 0, 'no token, no field');
  });

  it('no form when e-mail is not configured; internal pages stay out of search engines', () => {
    const { doc } = render({ emailSubscriptions: false, visibility: 'internal' });
    assert.equal(byTag(doc, 'form').length, 0);
    assert.ok(byTag(doc, 'meta').some((m) => m.attribs.name === 'robots' && /noindex/.test(m.attribs.content!)));
    assert.equal(text(byClass(doc, 'badge')[0]!), 'Internal');
  });
});
