import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyWebhook } from '../src/notify/channels/webhook/signature.js';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { type HttpSink, startHttpSink } from './helpers/http-sink.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';
import { inboxOf, linkIn, ok, postForm, settleOutbound } from './helpers/status.js';

const SECRET = 'subscriber-test-secret-0123456789abcdef0123';
const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

/**
 * Status-page subscribers end to end: the page's form, the confirmation e-mail in a real SMTP
 * server process, its link (GET shows a button, POST confirms), updates posted through the API
 * reaching the inbox once, per-component choices, unsubscribing by the link and by RFC 8058
 * one-click POST, Japanese pages, escaping, bad input, and the admin API with a webhook subscriber.
 */
describe(`status-page subscribers (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  let anon: Api;
  let smtp: SmtpSink;
  let hooks: HttpSink;
  let seq = 0;

  before(async () => {
    [smtp, hooks] = await Promise.all([startSmtpSink(), startHttpSink()]);
    ts = await startTestServer({
      env: { HIKESHI_SMTP_URL: smtp.url, HIKESHI_SMTP_FROM: 'Status <status@hikeshi.test>', HIKESHI_SECRET: SECRET, HIKESHI_OUTBOUND_ALLOW: '127.0.0.1' },
    });
    owner = api(ts.server.app, ts.token);
    anon = api(ts.server.app);
  });
  after(async () => {
    await ts?.close();
    await smtp?.close();
    await hooks?.close();
  });

  async function service(name: string): Promise<string> {
    return ok(await owner.post('/api/v1/services', { name }), 201, 'service').id;
  }
  /** A page with components API and Web, and DB in group Backend; each linked to its own service. */
  async function statusPage(opts: { language?: 'ja' | 'en'; name?: string; visibility?: 'public' | 'internal'; hostname?: string } = {}) {
    const n = ++seq;
    const slug = `page-${n}`;
    const page = ok(
      await owner.post('/api/v1/status-pages', {
        slug,
        name: opts.name ?? `Acme ${n}`,
        visibility: opts.visibility ?? 'public',
        language: opts.language ?? 'en',
        timeZone: 'Asia/Tokyo',
        ...(opts.hostname ? { hostname: opts.hostname } : {}),
      }),
      201,
      'page',
    );
    const services = { api: await service(`api-${n}`), web: await service(`web-${n}`), db: await service(`db-${n}`) };
    const component = async (name: string, serviceId: string, group?: string) =>
      ok(await owner.post(`/api/v1/status-pages/${page.id}/components`, { name, serviceId, ...(group ? { group } : {}) }), 201, 'component');
    const api_ = await component('API', services.api);
    const web = await component('Web', services.web);
    const dbc = await component('DB', services.db, 'Backend');
    return { id: page.id as string, slug, name: page.name as string, services, components: { api: api_.id as string, web: web.id as string, db: dbc.id as string, backend: dbc.groupId as string } };
  }
  type Page = Awaited<ReturnType<typeof statusPage>>;

  async function declare(serviceId: string, title = 'Checkout errors'): Promise<string> {
    return ok(await owner.post('/api/v1/incidents', { title, serviceId, severity: 'SEV2', urgency: 1 }), 201, 'incident').id;
  }
  async function postUpdate(page: Page, incidentId: string, status: string, message: string, title?: string) {
    ts.clock.advance(60_000);
    return ok(await owner.post(`/api/v1/incidents/${incidentId}/status-updates`, { statusPageId: page.id, status, message, ...(title ? { title } : {}) }), 201, 'status update');
  }
  const settle = () => settleOutbound(ts, smtp);
  const inbox = (address: string): ReceivedMail[] => inboxOf(smtp, address);
  const local = (u: URL) => `${u.pathname}${u.search}`;
  async function subscriber(pageId: string, address: string) {
    const list = ok(await owner.get(`/api/v1/status-pages/${pageId}/subscribers?limit=200`), 200, 'list');
    return (list.items as any[]).find((s) => s.address === address);
  }
  /** Subscribe by the page's form and follow the confirmation link (GET, then the button's POST). */
  async function confirmedSubscriber(page: Page, address: string, components: string[] = []): Promise<void> {
    ok(await postForm(anon, `/status/${page.slug}/subscribe`, [['email', address], ...components.map((c): [string, string] => ['component', c])]), 200, 'subscribe');
    await settle();
    const mail = inbox(address).at(-1)!;
    const confirm = linkIn(mail, 'confirm');
    ok(await postForm(anon, local(confirm), [['token', confirm.searchParams.get('token')!]]), 200, 'confirm');
  }

  it('subscribe by the form, confirm by the e-mailed link (GET shows a button, POST confirms), then each update arrives once', async () => {
    const page = await statusPage();
    const address = 'kenji@example.com';
    const answer = await postForm(anon, `/status/${page.slug}/subscribe`, [['email', 'Kenji@Example.com'], ['language', 'en']]);
    assert.equal(answer.status, 200);
    assert.match(String(answer.headers['content-type']), /^text\/html/);
    assert.match(String(answer.body), /Check your inbox/);
    assert.doesNotMatch(String(answer.body), /<script/i, 'no JavaScript');
    assert.equal((await subscriber(page.id, address)).status, 'pending_confirmation');

    await settle();
    const [confirmation] = inbox(address);
    assert.ok(confirmation, 'the confirmation e-mail arrived');
    assert.equal(confirmation.parsed.subject, `[${page.name}] Confirm your subscription to status updates`);
    const link = linkIn(confirmation, 'confirm');
    assert.equal(link.origin, 'http://hikeshi.test', 'links use HIKESHI_PUBLIC_URL');
    assert.match(link.pathname, new RegExp(`^/status/${page.slug}/subscribers/[0-9A-Z]{26}/confirm$`));

    // A mail scanner follows the GET: nothing changes, the page shows a button.
    const shown = await anon.get(local(link));
    assert.equal(shown.status, 200);
    assert.match(String(shown.body), /<form method="post">/);
    assert.match(String(shown.body), /Confirm subscription/);
    assert.equal(shown.headers['cache-control'], 'no-store');
    assert.equal((await subscriber(page.id, address)).status, 'pending_confirmation');

    const wrong = await postForm(anon, `${link.pathname}?token=AAAA${link.searchParams.get('token')!.slice(4)}`, []);
    assert.equal(wrong.status, 404, 'a tampered token confirms nothing');
    assert.equal((await subscriber(page.id, address)).status, 'pending_confirmation');

    const confirmed = await postForm(anon, local(link), [['token', link.searchParams.get('token')!]]);
    assert.equal(confirmed.status, 200);
    assert.match(String(confirmed.body), /Subscription confirmed/);
    assert.equal((await subscriber(page.id, address)).status, 'active');

    const incident = await declare(page.services.api, 'Elevated API errors');
    await postUpdate(page, incident, 'investigating', 'We are looking into elevated error rates.');
    await settle();
    ts.clock.advance(60 * 60_000);
    await settle();
    const updates = inbox(address).slice(1);
    assert.equal(updates.length, 1, 'the update arrived exactly once');
    const mail = updates[0]!.parsed;
    assert.equal(mail.subject, `[${page.name}] Investigating: Elevated API errors`);
    assert.match(mail.text ?? '', /We are looking into elevated error rates\./);
    assert.match(mail.text ?? '', /Affected components: API/);
    assert.match(mail.text ?? '', /Asia\/Tokyo/, 'the time in the page’s zone, named');
    assert.match(mail.text ?? '', new RegExp(`http://hikeshi\\.test/status/${page.slug}\\b`));
    linkIn(updates[0]!, 'unsubscribe');

    await postUpdate(page, incident, 'resolved', 'Fixed.');
    await settle();
    assert.deepEqual(
      inbox(address).slice(1).map((m) => m.parsed.subject),
      [`[${page.name}] Investigating: Elevated API errors`, `[${page.name}] Resolved: Elevated API errors`],
    );
  });

  it('an address that never confirmed gets the confirmation and nothing else', async () => {
    const page = await statusPage();
    ok(await anon.post(`/status/${page.slug}/subscribe`, { email: 'lazy@example.com' }), 202, 'subscribe');
    const incident = await declare(page.services.web);
    await postUpdate(page, incident, 'investigating', 'Looking.');
    await settle();
    assert.deepEqual(
      inbox('lazy@example.com').map((m) => m.parsed.subject),
      [`[${page.name}] Confirm your subscription to status updates`],
    );
  });

  it('subscribing again answers the same, and sends at most one confirmation per address in ten minutes', async () => {
    const page = await statusPage();
    const first = ok(await anon.post(`/status/${page.slug}/subscribe`, { email: 'twice@example.com' }), 202, 'first');
    const again = ok(await anon.post(`/status/${page.slug}/subscribe`, { email: 'twice@example.com' }), 202, 'again');
    assert.deepEqual(again, first);
    assert.deepEqual(Object.keys(first.subscriber).sort(), ['status'], 'no id: the answer does not tell whether or since when the address was subscribed');
    assert.equal(first.subscriber.status, 'pending_confirmation');
    await settle();
    assert.equal(inbox('twice@example.com').length, 1, 'one confirmation for two requests');
    ts.clock.advance(10 * 60_000 + 1000);
    ok(await anon.post(`/status/${page.slug}/subscribe`, { email: 'twice@example.com' }), 202, 'later');
    await settle();
    assert.equal(inbox('twice@example.com').length, 2, 'again after ten minutes');

    // A confirmed subscriber asking again: the same answer, and its subscription is unchanged.
    const link = linkIn(inbox('twice@example.com')[1]!, 'confirm');
    ok(await postForm(anon, local(link), [['token', link.searchParams.get('token')!]]), 200, 'confirm');
    ts.clock.advance(10 * 60_000 + 1000);
    const third = ok(await anon.post(`/status/${page.slug}/subscribe`, { email: 'twice@example.com', componentIds: [page.components.web] }), 202, 'confirmed again');
    assert.deepEqual(third, first);
    const sub = await subscriber(page.id, 'twice@example.com');
    assert.equal(sub.status, 'active');
    assert.equal(sub.componentIds, null, 'a request without the link does not narrow a confirmed subscription');
  });

  it('per component: a subscriber to API hears about API, not Web; a group subscriber hears about components added to it later', async () => {
    const page = await statusPage();
    await confirmedSubscriber(page, 'api-only@example.com', [page.components.api]);
    await confirmedSubscriber(page, 'backend@example.com', [page.components.backend]);
    await confirmedSubscriber(page, 'everything@example.com');
    const before = (a: string) => inbox(a).length;
    const counts = { api: before('api-only@example.com'), backend: before('backend@example.com'), all: before('everything@example.com') };

    await postUpdate(page, await declare(page.services.web, 'Web is slow'), 'investigating', 'Web only.');
    await settle();
    assert.equal(inbox('api-only@example.com').length, counts.api, 'API subscriber: nothing about Web');
    assert.equal(inbox('backend@example.com').length, counts.backend);
    assert.equal(inbox('everything@example.com').length, counts.all + 1);

    await postUpdate(page, await declare(page.services.api, 'API is down'), 'identified', 'API only.');
    await settle();
    assert.equal(inbox('api-only@example.com').length, counts.api + 1);
    assert.equal(inbox('api-only@example.com').at(-1)!.parsed.subject, `[${page.name}] Identified: API is down`);

    // A component added to the Backend group after the subscription (edge case 47).
    const cache = await service(`cache-${seq}`);
    ok(await owner.post(`/api/v1/status-pages/${page.id}/components`, { name: 'Cache', serviceId: cache, group: 'Backend' }), 201, 'cache');
    await postUpdate(page, await declare(cache, 'Cache misses'), 'investigating', 'Cache only.');
    await settle();
    assert.equal(inbox('backend@example.com').length, counts.backend + 1);
    assert.equal(inbox('backend@example.com').at(-1)!.parsed.subject, `[${page.name}] Investigating: Cache misses`);
    assert.equal(inbox('api-only@example.com').length, counts.api + 1, 'API subscriber: nothing about Cache');
  });

  it('unsubscribe by the link (a page with buttons; per-component choice) and by RFC 8058 one-click POST', async () => {
    const page = await statusPage();
    await confirmedSubscriber(page, 'leaver@example.com');
    await confirmedSubscriber(page, 'oneclick@example.com');
    await confirmedSubscriber(page, 'narrow@example.com', [page.components.api, page.components.web]);
    const incident = await declare(page.services.api);
    await postUpdate(page, incident, 'investigating', 'First.');
    await settle();

    // The link in the e-mail: GET shows the page and changes nothing; the button's POST unsubscribes.
    const leave = linkIn(inbox('leaver@example.com').at(-1)!, 'unsubscribe');
    const shown = await anon.get(local(leave));
    assert.equal(shown.status, 200);
    assert.match(String(shown.body), /Unsubscribe from all updates/);
    assert.doesNotMatch(String(shown.body), /name="component"/, 'a whole-page subscription has no component choices');
    assert.equal((await subscriber(page.id, 'leaver@example.com')).status, 'active');
    const done = await postForm(anon, local(leave), [['token', leave.searchParams.get('token')!], ['scope', 'all']]);
    assert.equal(done.status, 200);
    assert.match(String(done.body), /You are unsubscribed/);
    assert.equal((await subscriber(page.id, 'leaver@example.com')).status, 'unsubscribed');

    // One-click: what a mail client POSTs to the List-Unsubscribe URL (RFC 8058), nothing else.
    const mail = inbox('oneclick@example.com').at(-1)!.parsed;
    const header = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r?\n[ \t]+/g, '');
    const target = new URL(/<([^>]+)>/.exec(header)![1]!);
    const oneClick = await anon.raw('POST', local(target), 'List-Unsubscribe=One-Click', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(oneClick.status, 200);
    assert.equal((await subscriber(page.id, 'oneclick@example.com')).status, 'unsubscribed');

    // Per component: the page lists the subscription's components; stopping one keeps the other.
    const narrow = linkIn(inbox('narrow@example.com').at(-1)!, 'unsubscribe');
    const choices = await anon.get(local(narrow));
    assert.match(String(choices.body), new RegExp(`name="component" value="${page.components.web}"`));
    const some = await postForm(anon, local(narrow), [['token', narrow.searchParams.get('token')!], ['scope', 'components'], ['component', page.components.api]]);
    assert.equal(some.status, 200);
    assert.match(String(some.body), /You still receive updates about: Web/);
    const after1 = await subscriber(page.id, 'narrow@example.com');
    assert.equal(after1.status, 'active');
    assert.deepEqual(after1.componentIds, [page.components.web]);

    const counts = ['leaver', 'oneclick', 'narrow'].map((n) => inbox(`${n}@example.com`).length);
    await postUpdate(page, incident, 'monitoring', 'Second.');
    await settle();
    assert.deepEqual(
      ['leaver', 'oneclick', 'narrow'].map((n) => inbox(`${n}@example.com`).length),
      counts,
      'nobody who left hears about API any more',
    );
  });

  it('a Japanese page: confirmation, pages and updates in Japanese', async () => {
    const page = await statusPage({ language: 'ja', name: '決済基盤' });
    const answer = await postForm(anon, `/status/${page.slug}/subscribe`, [['email', 'yamada@example.jp']]);
    assert.match(String(answer.body), /メールをご確認ください/);
    assert.match(String(answer.body), /<html lang="ja">/);
    await settle();
    const confirmation = inbox('yamada@example.jp')[0]!;
    assert.equal(confirmation.parsed.subject, '[決済基盤] 更新通知の登録確認');
    const link = linkIn(confirmation, 'confirm');
    assert.match(String((await anon.get(local(link))).body), /登録を確定する/);
    assert.match(String((await postForm(anon, local(link), [['token', link.searchParams.get('token')!]])).body), /登録が完了しました/);
    await postUpdate(page, await declare(page.services.api, 'API 障害'), 'investigating', '原因を調査しています。', 'API の応答遅延');
    await settle();
    const update = inbox('yamada@example.jp')[1]!.parsed;
    assert.equal(update.subject, '[決済基盤] 調査中: API の応答遅延');
    assert.match(update.text ?? '', /状況: 調査中/);
    assert.match(update.text ?? '', /原因を調査しています。/);
    assert.match(update.text ?? '', /年.+月.+日.+Asia\/Tokyo/);
    assert.match(update.text ?? '', /配信の停止・変更/);
  });

  it('names, titles and messages are escaped in the e-mails’ HTML', async () => {
    const page = await statusPage({ name: `Acme ${XSS}` });
    ok(await owner.patch(`/api/v1/status-pages/${page.id}/components/${page.components.api}`, { name: `API ${XSS}` }), 200, 'rename');
    await confirmedSubscriber(page, 'xss@example.com');
    await postUpdate(page, await declare(page.services.api), 'investigating', `Body ${XSS}`, `Title ${XSS}`);
    await settle();
    const [confirmation, update] = inbox('xss@example.com');
    for (const mail of [confirmation!, update!]) {
      const html = String(mail.parsed.html);
      assert.doesNotMatch(html, /<script>|<img src=x/i, 'no markup from people’s text');
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    }
    assert.match(String(update!.parsed.html), /Title &lt;script&gt;/);
    assert.match(String(update!.parsed.html), /API &lt;script&gt;/);
    assert.match(String(update!.parsed.html), /Body &lt;script&gt;/);
    assert.equal(update!.parsed.subject, `[Acme ${XSS}] Investigating: Title ${XSS}`, 'the subject is plain text, as written');
    const unsubscribe = await anon.get(local(linkIn(update!, 'unsubscribe')));
    assert.doesNotMatch(String(unsubscribe.body), /<script>|<img src=x/i);
  });

  it('bad input is a 4xx naming the field, in JSON and as an HTML page for the form', async () => {
    const page = await statusPage();
    const bad = await anon.post(`/status/${page.slug}/subscribe`, { email: 'not-an-address' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.fields.map((f: any) => f.field), ['email']);
    const unknown = await anon.post(`/status/${page.slug}/subscribe`, { email: 'a@example.com', componentIds: ['01JD2Z3K4M5N6P7Q8R9S0TVWXY'] });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.error.details.fields.map((f: any) => f.field), ['componentIds']);
    assert.match(unknown.body.error.message, /01JD2Z3K4M5N6P7Q8R9S0TVWXY/);
    const extra = await anon.post(`/status/${page.slug}/subscribe`, { email: 'a@example.com', admin: true });
    assert.equal(extra.status, 400);
    const noPage = await anon.post('/status/no-such-page/subscribe', { email: 'a@example.com' });
    assert.equal(noPage.status, 404);
    assert.equal(noPage.body.error.details.fields[0].field, 'slug');

    const formBad = await postForm(anon, `/status/${page.slug}/subscribe`, [['email', 'nope'], ['component', 'zzz']]);
    assert.equal(formBad.status, 400);
    assert.match(String(formBad.headers['content-type']), /^text\/html/);
    assert.match(String(formBad.body), /<strong>email<\/strong>/);
    assert.match(String(formBad.body), /<strong>component/);
    const otherPage = await statusPage();
    const foreign = await postForm(anon, `/status/${page.slug}/subscribe`, [['email', 'b@example.com'], ['component', otherPage.components.api]]);
    assert.equal(foreign.status, 400, 'another page’s component is unknown here');
    assert.match(String(foreign.body), /<strong>component<\/strong>/);
    assert.equal(await subscriber(page.id, 'b@example.com'), undefined);
  });

  it('an internal page: subscribing needs a signed-in person', async () => {
    const page = await statusPage({ visibility: 'internal' });
    const json = await anon.post(`/status/${page.slug}/subscribe`, { email: 'outsider@example.com' });
    assert.equal(json.status, 401);
    const formAnswer = await postForm(anon, `/status/${page.slug}/subscribe`, [['email', 'outsider@example.com']]);
    assert.equal(formAnswer.status, 303);
    assert.equal(formAnswer.headers.location, `http://hikeshi.test/login?next=${encodeURIComponent(`/status/${page.slug}`)}`);
    const person = await createUser(ts, { role: 'observer' });
    ok(await api(ts.server.app, person.token).post(`/status/${page.slug}/subscribe`, { email: person.email }), 202, 'signed in');
    assert.equal((await subscriber(page.id, person.email)).status, 'pending_confirmation');
  });

  it('links of a page on a custom domain use that domain (edge case 48)', async () => {
    const host = `status-${seq + 1}.acme.test`;
    const page = await statusPage({ hostname: host });
    // The page's own form on its domain posts to /subscribe.
    ok(await anon.post('/subscribe', { email: 'domain@example.com' }, { host }), 202, 'subscribe');
    await settle();
    const link = linkIn(inbox('domain@example.com')[0]!, 'confirm');
    assert.equal(link.origin, `https://${host}`);
    assert.match(link.pathname, /^\/subscribers\/[0-9A-Z]{26}\/confirm$/);
    const shown = await anon.get(local(link), { host });
    assert.equal(shown.status, 200);
    assert.match(String(shown.body), /Confirm subscription/);
    ok(await postForm(anon, local(link), [['token', link.searchParams.get('token')!]], { host }), 200, 'confirm');
    assert.equal((await subscriber(page.id, 'domain@example.com')).status, 'active');
  });

  describe('admin API', () => {
    it('lists, adds (e-mail with double opt-in, webhook at once) and removes subscribers; administrators only', async () => {
      const page = await statusPage();
      const responder = await createUser(ts, { role: 'responder' });
      assert.equal((await api(ts.server.app, responder.token).get(`/api/v1/status-pages/${page.id}/subscribers`)).status, 403);
      assert.equal((await anon.get(`/api/v1/status-pages/${page.id}/subscribers`)).status, 401);

      const email = ok(await owner.post(`/api/v1/status-pages/${page.id}/subscribers`, { channel: 'email', address: 'ops@example.com', language: 'ja' }), 201, 'email');
      assert.equal(email.status, 'pending_confirmation');
      assert.equal(email.signingSecret, null);
      const hook = ok(
        await owner.post(`/api/v1/status-pages/${page.id}/subscribers`, { channel: 'webhook', address: `${hooks.url}/status-hook`, componentIds: [page.components.api] }),
        201,
        'webhook',
      );
      assert.equal(hook.status, 'active');
      assert.match(hook.signingSecret, /^whsec_/);
      assert.deepEqual(hook.componentIds, [page.components.api]);
      const dup = await owner.post(`/api/v1/status-pages/${page.id}/subscribers`, { channel: 'webhook', address: `${hooks.url}/status-hook` });
      assert.equal(dup.status, 409);
      const badUrl = await owner.post(`/api/v1/status-pages/${page.id}/subscribers`, { channel: 'webhook', address: 'ftp://x' });
      assert.equal(badUrl.status, 400);
      assert.equal(badUrl.body.error.details.fields[0].field, 'body.address');
      const list = ok(await owner.get(`/api/v1/status-pages/${page.id}/subscribers`), 200, 'list');
      assert.deepEqual(
        list.items.map((s: any) => [s.channel, s.address, s.status]),
        [
          ['email', 'ops@example.com', 'pending_confirmation'],
          ['webhook', `${hooks.url}/status-hook`, 'active'],
        ],
      );
      const openapi = ok(await owner.get('/api/v1/openapi.json'), 200, 'openapi');
      assert.ok(openapi.paths['/api/v1/status-pages/{id}/subscribers'].post);
      assert.ok(openapi.paths['/status/{slug}/subscribe'].post);

      // The webhook: a Statuspage-shaped body, signed with the secret the API showed.
      const incident = await declare(page.services.api, 'Payments API errors');
      await postUpdate(page, incident, 'identified', 'A bad deploy; rolling back.');
      await settle();
      const calls = hooks.requests.filter((r) => r.url === '/status-hook');
      assert.equal(calls.length, 1);
      const call = calls[0]!;
      const headers = { id: String(call.headers['webhook-id']), timestamp: String(call.headers['webhook-timestamp']), signature: String(call.headers['webhook-signature']) };
      assert.ok(verifyWebhook(hook.signingSecret, headers, call.body, Number(headers.timestamp)));
      const body = JSON.parse(call.body);
      assert.deepEqual(Object.keys(body), ['meta', 'page', 'incident']);
      assert.match(body.meta.unsubscribe, new RegExp(`^http://hikeshi\\.test/status/${page.slug}/subscribers/${hook.id}/unsubscribe\\?token=`));
      assert.deepEqual(body.page, { id: page.id, status_indicator: 'major', status_description: 'Partial System Outage' });
      assert.equal(body.incident.name, 'Payments API errors');
      assert.equal(body.incident.status, 'identified');
      assert.equal(body.incident.impact, 'major');
      assert.equal(body.incident.page_id, page.id);
      assert.equal(body.incident.incident_updates[0].body, 'A bad deploy; rolling back.');
      assert.deepEqual(
        body.incident.components.map((c: any) => [c.name, c.status]),
        [['API', 'partial_outage']],
      );
      // A Web incident does not reach the API-only webhook.
      await postUpdate(page, await declare(page.services.web), 'investigating', 'Web.');
      await settle();
      assert.equal(hooks.requests.filter((r) => r.url === '/status-hook').length, 1);

      assert.equal((await owner.delete(`/api/v1/status-pages/${page.id}/subscribers/${hook.id}`)).status, 204);
      assert.equal((await owner.delete(`/api/v1/status-pages/${page.id}/subscribers/${hook.id}`)).status, 404);
      assert.equal(ok(await owner.get(`/api/v1/status-pages/${page.id}/subscribers`), 200, 'list').items.length, 1);
    });
  });
});
