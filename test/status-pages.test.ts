import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { FakeClock } from '../src/platform/clock.js';
import { type Api, api } from './helpers/api.js';
import { createService, createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/**
 * Status pages through the API as a user drives them (SPEC §3, §4.5): pages and components, updates
 * posted from incidents, the Statuspage v2 JSON checked field by field against
 * reference/interop.md §5.3, feeds, internal pages, custom domains and maintenance.
 */
const PAGE_KEYS = ['id', 'name', 'time_zone', 'updated_at', 'url'];
const COMPONENT_KEYS = ['created_at', 'description', 'group', 'group_id', 'id', 'name', 'only_show_if_degraded', 'page_id', 'position', 'showcase', 'start_date', 'status', 'updated_at'];
const INCIDENT_KEYS = ['components', 'created_at', 'id', 'impact', 'incident_updates', 'monitoring_at', 'name', 'page_id', 'resolved_at', 'shortlink', 'started_at', 'status', 'updated_at'];
const UPDATE_KEYS = ['affected_components', 'body', 'created_at', 'custom_tweet', 'deliver_notifications', 'display_at', 'id', 'incident_id', 'status', 'tweet_id', 'updated_at'];
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const keys = (o: object) => Object.keys(o).sort();

describe(`status pages (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let anon: Api;
  let api1: string;
  let web1: string;
  before(async () => {
    ts = await startTestServer({ clock: new FakeClock('2026-11-22T09:00:00.000Z') });
    a = api(ts.server.app, ts.token);
    anon = api(ts.server.app);
    api1 = (await createService(ts, { name: 'API' })).id;
    web1 = (await createService(ts, { name: 'Web' })).id;
  });
  after(() => ts.close());

  const fieldOf = (r: { body: any }) => r.body?.error?.details?.fields?.[0]?.field?.replace(/^(body|query)\./, '');
  const declare = async (over: Record<string, unknown> = {}) => {
    const r = await a.post('/api/v1/incidents', { title: 'Elevated API errors', serviceId: api1, severity: 'SEV2', ...over });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body as { id: string; title: string };
  };
  const newPage = async (slug: string, over: Record<string, unknown> = {}) => {
    const r = await a.post('/api/v1/status-pages', { slug, name: `Page ${slug}`, visibility: 'public', timeZone: 'Asia/Tokyo', ...over });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body as { id: string; slug: string; url: string };
  };
  const component = async (pageId: string, body: Record<string, unknown>) => {
    const r = await a.post(`/api/v1/status-pages/${pageId}/components`, body);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body as { id: string; status: string; groupId: string | null };
  };

  it('creates, reads, changes and deletes a page, refusing bad and duplicate input with the field named', async () => {
    const p = await newPage('acme', { description: 'Acme の稼働状況', language: 'ja' });
    assert.deepEqual(
      { slug: p.slug, url: p.url },
      { slug: 'acme', url: 'http://hikeshi.test/status/acme' },
    );
    assert.equal((await a.get(`/api/v1/status-pages/${p.id}`)).body.language, 'ja');
    assert.equal((await a.post('/api/v1/status-pages', { slug: 'acme', name: 'x', visibility: 'public' })).status, 409);
    for (const [body, field] of [
      [{ slug: 'Bad Slug', name: 'x', visibility: 'public' }, 'slug'],
      [{ slug: 'ok', name: 'x', visibility: 'secret' }, 'visibility'],
      [{ slug: 'ok', name: 'x', visibility: 'public', timeZone: 'Mars/Base' }, 'timeZone'],
      [{ slug: 'ok', name: 'x', visibility: 'public', hostname: 'https://status.example.com/' }, 'hostname'],
      [{ slug: 'ok', name: 'x', visibility: 'public', colour: 'red' }, ''],
    ] as const) {
      const r = await a.post('/api/v1/status-pages', body);
      assert.equal(r.status, 400, JSON.stringify(r.body));
      if (field) assert.equal(fieldOf(r), field, JSON.stringify(r.body));
    }
    const changed = await a.patch(`/api/v1/status-pages/${p.id}`, { name: 'Acme 株式会社', hostname: 'Status.Acme.Example' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual({ name: changed.body.name, hostname: changed.body.hostname, url: changed.body.url }, { name: 'Acme 株式会社', hostname: 'status.acme.example', url: 'https://status.acme.example' });
    const other = await newPage('other');
    assert.equal((await a.patch(`/api/v1/status-pages/${other.id}`, { hostname: 'status.acme.example' })).status, 409);
    assert.equal((await a.delete(`/api/v1/status-pages/${other.id}`)).status, 204);
    assert.equal((await a.get(`/api/v1/status-pages/${other.id}`)).status, 404);
    assert.deepEqual((await a.get('/api/v1/status-pages')).body.items.map((x: any) => x.slug), ['acme']);
  });

  it('lets only admins change pages, while responders post updates', async () => {
    const responder = await createUser(ts, { role: 'responder' });
    const r = api(ts.server.app, responder.token);
    assert.equal((await r.post('/api/v1/status-pages', { slug: 'nope', name: 'x', visibility: 'public' })).status, 403);
    assert.equal((await r.get('/api/v1/status-pages')).status, 200);
  });

  it('derives component statuses from posted incidents (worst wins), a hand-set status overriding, and groups the worst of theirs', async () => {
    const p = await newPage('derive');
    const cApi = await component(p.id, { name: 'API', group: 'Platform', serviceId: api1 });
    const cWeb = await component(p.id, { name: 'Website', group: 'Platform', serviceId: web1 });
    const cDocs = await component(p.id, { name: 'Docs' });
    assert.equal(cApi.groupId, cWeb.groupId);
    const sev3 = await declare({ title: 'Slow web', serviceId: web1, severity: 'SEV3' });
    const sev1 = await declare({ title: 'Web down', serviceId: web1, severity: 'SEV1' });
    const sev2 = await declare({ title: 'API errors', serviceId: api1, severity: 'SEV2' });
    // declared but not posted: the page does not change
    let list = (await a.get(`/api/v1/status-pages/${p.id}/components`)).body.items;
    assert.deepEqual(list.map((c: any) => c.status), ['operational', 'operational', 'operational']);
    for (const inc of [sev3, sev1, sev2]) {
      const r = await a.post(`/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: p.id, status: 'investigating', message: 'Looking into it' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    list = (await a.get(`/api/v1/status-pages/${p.id}/components`)).body.items;
    assert.deepEqual(
      list.map((c: any) => [c.name, c.group, c.status]),
      [
        ['API', 'Platform', 'partial_outage'],
        ['Website', 'Platform', 'major_outage'],
        ['Docs', null, 'operational'],
      ],
    );
    const summary = (await anon.get('/status/derive/api/v2/summary.json')).body;
    assert.deepEqual(summary.status, { indicator: 'critical', description: 'Major System Outage' });
    const group = summary.components.find((c: any) => c.group);
    assert.deepEqual({ status: group.status, components: group.components }, { status: 'major_outage', components: [cApi.id, cWeb.id] });
    assert.equal(summary.incidents.length, 3);

    // set by hand: overrides incidents; null: automatic again
    const manual = await a.patch(`/api/v1/status-pages/${p.id}/components/${cDocs.id}`, { manualStatus: 'under_maintenance' });
    assert.equal(manual.body.status, 'under_maintenance');
    const webOk = await a.patch(`/api/v1/status-pages/${p.id}/components/${cWeb.id}`, { manualStatus: 'operational' });
    assert.equal(webOk.body.status, 'operational');
    assert.equal((await a.patch(`/api/v1/status-pages/${p.id}/components/${cWeb.id}`, { manualStatus: null })).body.status, 'major_outage');
    assert.equal(fieldOf(await a.patch(`/api/v1/status-pages/${p.id}/components/${cWeb.id}`, { manualStatus: 'broken' })), 'manualStatus');

    // resolving on the page takes the incident off the active list and the component back
    await a.post(`/api/v1/incidents/${sev1.id}/status-updates`, { statusPageId: p.id, status: 'resolved', message: 'Fixed' });
    list = (await a.get(`/api/v1/status-pages/${p.id}/components`)).body.items;
    assert.equal(list.find((c: any) => c.id === cWeb.id).status, 'degraded_performance');
  });

  it('shows "incident in progress" while an incident is unresolved even when every component is operational', async () => {
    const p = await newPage('green');
    await component(p.id, { name: 'Docs' });
    const inc = await declare({ title: 'Login issues for some users', serviceId: undefined, severity: 'SEV3' });
    await a.post(`/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: p.id, status: 'investigating', message: 'Some users cannot log in' });
    const s = (await anon.get('/status/green/api/v2/summary.json')).body;
    assert.deepEqual(s.components.map((c: any) => c.status), ['operational']);
    assert.deepEqual(s.status, { indicator: 'minor', description: 'Minor Service Outage' });
    await a.post(`/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: p.id, status: 'resolved', message: 'Fixed' });
    assert.deepEqual((await anon.get('/status/green/api/v2/status.json')).body.status, { indicator: 'none', description: 'All Systems Operational' });
  });

  it('serves every Statuspage v2 document with the reference shapes, field by field, with CORS open', async () => {
    ts.clock.set('2026-11-22T10:00:00.000Z');
    const p = await newPage('shapes', { timeZone: 'America/New_York' });
    const c = await component(p.id, { name: 'API', serviceId: api1, description: 'Public REST API' });
    const inc = await declare({ title: 'Internal title', startedAt: '2026-11-22T09:55:00.000Z' });
    ts.clock.set('2026-11-22T10:01:00.000Z');
    const first = await a.post(`/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: p.id, status: 'investigating', message: 'We are investigating elevated error rates.', title: 'Elevated API errors' });
    assert.equal(first.status, 201);
    ts.clock.set('2026-11-22T10:05:00.000Z');
    const second = await a.post(`/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: p.id, status: 'identified', message: 'A bad deploy was identified; rolling back.' });
    assert.deepEqual(second.body.updates.map((u: any) => u.status), ['identified', 'investigating']);
    assert.equal(second.body.title, 'Elevated API errors', 'the public title stays once set');

    const r = await anon.get('/status/shapes/api/v2/summary.json');
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^application\/json/);
    assert.equal(r.headers['access-control-allow-origin'], '*');
    const s = r.body;
    assert.deepEqual(keys(s), ['components', 'incidents', 'page', 'scheduled_maintenances', 'status']);
    assert.deepEqual(keys(s.page), PAGE_KEYS);
    assert.deepEqual(s.page, { id: p.id, name: 'Page shapes', url: 'http://hikeshi.test/status/shapes', time_zone: 'America/New_York', updated_at: '2026-11-22T10:05:00.000Z' });
    assert.deepEqual(s.status, { indicator: 'major', description: 'Partial System Outage' });
    const [comp] = s.components;
    assert.deepEqual(keys(comp), COMPONENT_KEYS);
    assert.deepEqual(
      { ...comp, created_at: ISO_Z.test(comp.created_at), updated_at: ISO_Z.test(comp.updated_at) },
      {
        id: c.id,
        name: 'API',
        status: 'partial_outage',
        created_at: true,
        updated_at: true,
        position: comp.position,
        description: 'Public REST API',
        showcase: true,
        start_date: comp.start_date,
        group_id: null,
        page_id: p.id,
        group: false,
        only_show_if_degraded: false,
      },
    );
    assert.equal(typeof comp.position, 'number');
    const [incident] = s.incidents;
    assert.deepEqual(keys(incident), INCIDENT_KEYS);
    assert.deepEqual(
      { ...incident, incident_updates: incident.incident_updates.length, components: incident.components.map((x: any) => x.id) },
      {
        id: first.body.id,
        name: 'Elevated API errors',
        status: 'identified',
        impact: 'major',
        created_at: '2026-11-22T10:01:00.000Z',
        updated_at: '2026-11-22T10:05:00.000Z',
        started_at: '2026-11-22T09:55:00.000Z',
        monitoring_at: null,
        resolved_at: null,
        shortlink: `http://hikeshi.test/status/shapes/incidents/${first.body.id}`,
        page_id: p.id,
        incident_updates: 2,
        components: [c.id],
      },
    );
    const [newest, oldest] = incident.incident_updates;
    for (const u of [newest, oldest]) assert.deepEqual(keys(u), UPDATE_KEYS);
    assert.deepEqual(
      { id: newest.id, status: newest.status, body: newest.body, incident_id: newest.incident_id, created_at: newest.created_at, display_at: newest.display_at, updated_at: newest.updated_at, deliver_notifications: newest.deliver_notifications, custom_tweet: newest.custom_tweet, tweet_id: newest.tweet_id },
      { id: second.body.updates[0].id, status: 'identified', body: 'A bad deploy was identified; rolling back.', incident_id: first.body.id, created_at: '2026-11-22T10:05:00.000Z', display_at: '2026-11-22T10:05:00.000Z', updated_at: '2026-11-22T10:05:00.000Z', deliver_notifications: true, custom_tweet: null, tweet_id: null },
    );
    assert.equal(oldest.status, 'investigating');

    // the other documents are the same objects, filtered
    assert.deepEqual((await anon.get('/status/shapes/api/v2/status.json')).body, { page: s.page, status: s.status });
    assert.deepEqual((await anon.get('/status/shapes/api/v2/components.json')).body, { page: s.page, components: s.components });
    assert.deepEqual((await anon.get('/status/shapes/api/v2/incidents/unresolved.json')).body, { page: s.page, incidents: s.incidents });
    assert.deepEqual((await anon.get('/status/shapes/api/v2/incidents.json')).body.incidents.map((i: any) => i.id), [first.body.id]);
    for (const doc of ['scheduled-maintenances', 'scheduled-maintenances/upcoming', 'scheduled-maintenances/active']) {
      assert.deepEqual((await anon.get(`/status/shapes/api/v2/${doc}.json`)).body, { page: s.page, scheduled_maintenances: [] }, doc);
    }

    ts.clock.set('2026-11-22T10:30:00.000Z');
    await a.post(`/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: p.id, status: 'monitoring', message: 'Rolled back; watching.' });
    ts.clock.set('2026-11-22T11:00:00.000Z');
    await a.post(`/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: p.id, status: 'resolved', message: 'Resolved.' });
    assert.deepEqual((await anon.get('/status/shapes/api/v2/incidents/unresolved.json')).body.incidents, []);
    const all = (await anon.get('/status/shapes/api/v2/incidents.json')).body.incidents;
    assert.deepEqual(
      { status: all[0].status, monitoring_at: all[0].monitoring_at, resolved_at: all[0].resolved_at, updates: all[0].incident_updates.map((u: any) => u.status) },
      { status: 'resolved', monitoring_at: '2026-11-22T10:30:00.000Z', resolved_at: '2026-11-22T11:00:00.000Z', updates: ['resolved', 'monitoring', 'identified', 'investigating'] },
    );
    assert.deepEqual((await anon.get('/status/shapes/api/v2/status.json')).body.status.indicator, 'none');

    // unknown documents and pages: 404 with a hint, still readable cross-origin
    const unknown = await anon.get('/status/shapes/api/v2/secrets.json');
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error.message, /summary\.json/);
    assert.equal((await anon.get('/status/nope/api/v2/summary.json')).status, 404);
    const preflight = await anon.raw('OPTIONS', '/status/shapes/api/v2/summary.json', undefined, { origin: 'https://widget.example', 'access-control-request-method': 'GET' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
  });

  it('publishes Atom and RSS feeds of the page’s incidents with every update', async () => {
    ts.clock.set('2026-11-22T12:00:00.000Z');
    const p = await newPage('feeds', { language: 'ja' });
    await component(p.id, { name: 'API', serviceId: api1 });
    const inc = await declare({ title: '決済の遅延' });
    await a.post(`/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: p.id, status: 'investigating', message: '調査しています' });
    ts.clock.set('2026-11-22T12:10:00.000Z');
    await a.post(`/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: p.id, status: 'identified', message: '原因を特定しました <b>DB</b>' });
    const atom = await anon.get('/status/feeds/feed.atom');
    assert.equal(atom.status, 200);
    assert.match(String(atom.headers['content-type']), /^application\/atom\+xml/);
    assert.match(atom.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="ja"/);
    assert.match(atom.body, /<title>決済の遅延<\/title>/);
    assert.match(atom.body, /調査しています/);
    assert.match(atom.body, /原因特定/);
    assert.doesNotMatch(atom.body, /<b>DB<\/b>/, 'update bodies are escaped text, not markup');
    const rss = await anon.get('/status/feeds/feed.rss');
    assert.match(String(rss.headers['content-type']), /^application\/rss\+xml/);
    assert.match(rss.body, /<item>[\s\S]*決済の遅延[\s\S]*<\/item>/);
    assert.match(rss.body, /http:\/\/hikeshi.test\/status\/feeds\/incidents\//);
  });

  it('answers gzip to readers who accept it, the same page either way', async () => {
    const p = await newPage('gzip');
    await component(p.id, { name: 'API' });
    for (const path of ['/status/gzip', '/status/gzip/api/v2/summary.json', '/status/gzip/feed.atom']) {
      const plain = await ts.server.app.inject({ method: 'GET', url: path });
      const zipped = await ts.server.app.inject({ method: 'GET', url: path, headers: { 'accept-encoding': 'gzip, br' } });
      assert.equal(zipped.headers['content-encoding'], 'gzip', path);
      assert.match(String(zipped.headers.vary), /accept-encoding/, path);
      assert.equal(plain.headers['content-encoding'], undefined, path);
      assert.equal(gunzipSync(zipped.rawPayload).toString('utf8'), plain.body, path);
      assert.ok(zipped.rawPayload.length < plain.rawPayload.length, path);
    }
  });

  it('keeps internal pages to signed-in readers and never shares them across origins', async () => {
    const p = await newPage('internal', { visibility: 'internal' });
    await component(p.id, { name: 'VPN' });
    const html = await anon.get('/status/internal');
    assert.equal(html.status, 302);
    assert.equal(html.headers.location, 'http://hikeshi.test/login?next=%2Fstatus%2Finternal');
    for (const path of ['/status/internal/api/v2/summary.json', '/status/internal/feed.atom']) {
      const r = await anon.get(path);
      assert.equal(r.status, 401, path);
      assert.equal(r.headers['access-control-allow-origin'], undefined, path);
    }
    const observer = await createUser(ts, { role: 'observer' });
    const signed = await api(ts.server.app, observer.token).get('/status/internal/api/v2/summary.json');
    assert.equal(signed.status, 200);
    assert.equal(signed.headers['access-control-allow-origin'], undefined);
    assert.match(String(signed.headers['cache-control']), /no-store/);
    assert.equal((await api(ts.server.app, observer.token).get('/status/internal')).status, 200);
  });

  it('serves a page bound to a custom domain at that host’s / and /api/v2/…, with its links there', async () => {
    const p = await newPage('custom', { hostname: 'status.custom.example' });
    await component(p.id, { name: 'API', serviceId: api1 });
    const host = { host: 'status.custom.example' };
    const root = await anon.get('/', host);
    assert.equal(root.status, 200);
    assert.match(String(root.headers['content-type']), /^text\/html/);
    assert.match(root.body, /Page custom/);
    assert.match(root.body, /href="\/feed\.atom"/);
    const json = await anon.get('/api/v2/summary.json', { host: 'Status.Custom.Example:443' });
    assert.equal(json.status, 200);
    assert.equal(json.body.page.url, 'https://status.custom.example');
    assert.equal(json.headers['access-control-allow-origin'], '*');
    const feed = await anon.get('/feed.rss', host);
    assert.match(feed.body, /<link>https:\/\/status.custom.example<\/link>/);
    // other hosts are not affected; the binding follows a change of host name at once
    assert.notEqual((await anon.get('/api/v2/summary.json')).status, 200);
    await a.patch(`/api/v1/status-pages/${p.id}`, { hostname: null });
    assert.equal((await anon.get('/api/v2/summary.json', host)).status, 404);
  });

  it('shows scheduled maintenance next to incidents; it starts and ends itself, across the 2026 DST change', async () => {
    ts.clock.set('2026-10-20T12:00:00.000Z');
    const p = await newPage('maint', { timeZone: 'America/New_York' });
    const c = await component(p.id, { name: 'API', serviceId: api1 });
    // every Sunday 01:30–02:30 New York: EDT (UTC-4) until 1 November 2026, EST (UTC-5) after
    const w = await a.post('/api/v1/maintenance-windows', {
      name: 'Weekly database maintenance',
      description: 'Failover test',
      timeZone: 'America/New_York',
      serviceIds: [api1],
      statusPageIds: [p.id],
      startsAt: '2026-10-20T00:00:00Z',
      recurrence: { frequency: 'weekly', daysOfWeek: ['sun'], startTime: '01:30', durationMinutes: 60 },
    });
    assert.equal(w.status, 201, JSON.stringify(w.body));
    assert.deepEqual(w.body.statusPageIds, [p.id]);
    assert.equal(fieldOf(await a.post('/api/v1/maintenance-windows', { name: 'x', timeZone: 'UTC', serviceIds: [api1], statusPageIds: ['01JD2Z3K4M5N6P7Q8R9S0TVWXY'], startsAt: '2026-11-01T00:00:00Z', endsAt: '2026-11-01T01:00:00Z' })), 'statusPageIds');

    const upcoming = async () => (await anon.get('/status/maint/api/v2/scheduled-maintenances/upcoming.json')).body.scheduled_maintenances;
    let [m] = await upcoming();
    assert.deepEqual(
      { status: m.status, impact: m.impact, scheduled_for: m.scheduled_for, scheduled_until: m.scheduled_until, components: m.components.map((x: any) => x.id) },
      { status: 'scheduled', impact: 'maintenance', scheduled_for: '2026-10-25T05:30:00.000Z', scheduled_until: '2026-10-25T06:30:00.000Z', components: [c.id] },
    );
    ts.clock.set('2026-10-26T00:00:00.000Z');
    [m] = await upcoming();
    assert.equal(m.scheduled_for, '2026-11-01T05:30:00.000Z', '01:30 EDT on the morning the clocks go back (before the 02:00 change)');
    ts.clock.set('2026-11-02T00:00:00.000Z');
    [m] = await upcoming();
    assert.deepEqual([m.scheduled_for, m.scheduled_until], ['2026-11-08T06:30:00.000Z', '2026-11-08T07:30:00.000Z'], '01:30 EST after the change');

    // inside the occurrence: active, the component under maintenance, the page says so
    ts.clock.set('2026-11-08T07:00:00.000Z');
    let s = (await anon.get('/status/maint/api/v2/summary.json')).body;
    assert.deepEqual(s.scheduled_maintenances.map((x: any) => x.status), ['in_progress']);
    assert.equal(s.components[0].status, 'under_maintenance');
    assert.deepEqual(s.status, { indicator: 'maintenance', description: 'Service Under Maintenance' });
    assert.equal((await anon.get('/status/maint/api/v2/scheduled-maintenances/active.json')).body.scheduled_maintenances.length, 1);

    // an incident during maintenance: both shown, the outage wins on the component
    const inc = await declare({ title: 'Failover failed', severity: 'SEV1' });
    await a.post(`/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: p.id, status: 'investigating', message: 'Failover did not complete' });
    s = (await anon.get('/status/maint/api/v2/summary.json')).body;
    assert.equal(s.incidents.length, 1);
    assert.equal(s.scheduled_maintenances.length, 1);
    assert.equal(s.components[0].status, 'major_outage');
    assert.equal(s.status.indicator, 'critical');
    await a.post(`/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: p.id, status: 'resolved', message: 'Done' });

    // after it: completed, the next one upcoming
    ts.clock.set('2026-11-08T08:00:00.000Z');
    s = (await anon.get('/status/maint/api/v2/summary.json')).body;
    assert.equal(s.components[0].status, 'operational');
    [m] = await upcoming();
    assert.equal(m.scheduled_for, '2026-11-15T06:30:00.000Z');
  });

  it('answers bad status updates with the field named, and hides restricted incidents from those who cannot see them', async () => {
    const p = await newPage('bad-updates');
    const inc = await declare();
    for (const [body, field] of [
      [{ statusPageId: p.id, status: 'fixed', message: 'x' }, 'status'],
      [{ statusPageId: p.id, status: 'investigating', message: '' }, 'message'],
      [{ statusPageId: '01JD2Z3K4M5N6P7Q8R9S0TVWXY', status: 'investigating', message: 'x' }, 'statusPageId'],
      [{ statusPageId: p.id, status: 'investigating', message: 'x', extra: 1 }, ''],
    ] as const) {
      const r = await a.post(`/api/v1/incidents/${inc.id}/status-updates`, body);
      assert.equal(r.status, 400, JSON.stringify(r.body));
      if (field) assert.equal(fieldOf(r), field);
    }
    const secret = await declare({ type: 'security', title: 'Credential leak' });
    const responder = await createUser(ts, { role: 'responder' });
    const r = api(ts.server.app, responder.token);
    assert.equal((await r.post(`/api/v1/incidents/${secret.id}/status-updates`, { statusPageId: p.id, status: 'investigating', message: 'x' })).status, 404);
    assert.equal((await r.get(`/api/v1/incidents/${secret.id}/status-updates`)).status, 404);
    // nothing reached the page
    assert.deepEqual((await anon.get('/status/bad-updates/api/v2/incidents.json')).body.incidents, []);
    // posted on purpose by someone who sees it: shown under its public title only
    await a.post(`/api/v1/incidents/${secret.id}/status-updates`, { statusPageId: p.id, status: 'investigating', message: 'Some accounts need a password reset', title: 'Account security notice' });
    const shown = (await anon.get('/status/bad-updates/api/v2/incidents.json')).body.incidents;
    assert.deepEqual(shown.map((i: any) => i.name), ['Account security notice']);
    assert.doesNotMatch(JSON.stringify(shown), /Credential leak/);
    const timeline = (await a.get(`/api/v1/incidents/${secret.id}/timeline`)).body.items;
    assert.ok(timeline.some((e: any) => e.action === 'status_update.posted' && e.data.statusPageId === p.id));
  });
});
