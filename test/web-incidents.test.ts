import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { signLink } from '../src/notify/render/links.js';
import { api } from './helpers/api.js';
import { startHttpSink } from './helpers/http-sink.js';
import { browserSkip, launchBrowser, login, newPage, screenshot, startWebServer, type WebServer } from './helpers/browser.js';

const SECRET = 'e2e-secret-0123456789abcdef0123456789abcdef';
const noOverflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

describe('web app: responding to an incident', { skip: browserSkip }, () => {
  let web: WebServer;
  let browser: Browser;
  let responder: { id: string; email: string; password: string };
  before(async () => {
    web = await startWebServer({ env: { HIKESHI_SECRET: SECRET, HIKESHI_OUTBOUND_ALLOW: '127.0.0.1' } });
    browser = await launchBrowser();
    const owner = api(web.ts.server.app, web.owner.token);
    const password = 'another long passphrase 77';
    const r = await owner.post('/api/v1/users', { name: 'Kenji Sato', email: 'kenji@example.com', role: 'responder', password, timeZone: 'America/Chicago' });
    assert.equal(r.status, 201);
    responder = { id: r.body.id, email: r.body.email, password };
    const s = await owner.post('/api/v1/services', { name: 'Checkout' });
    assert.equal(s.status, 201);
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  test('declare → seen live in a second browser → acknowledge → note → resolve', async () => {
    const a = await newPage(browser);
    const b = await newPage(browser);
    await login(b.page, `${web.url}/incidents`, responder.email, responder.password);
    await b.page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    await b.page.locator('.live-dot.connected').waitFor();

    await login(a.page, `${web.url}/incidents`, web.owner.email, web.owner.password);
    await a.page.getByRole('button', { name: 'Declare incident' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Declare an incident' });
    await dialog.getByLabel('What is happening?').fill('Checkout fails for card payments');
    await dialog.getByLabel('Affected service').selectOption({ label: 'Checkout' });
    await dialog.getByLabel('Severity').selectOption('SEV2');
    await dialog.getByLabel('Who is affected').selectOption('external');
    await dialog.getByLabel('Customers affected').selectOption('some');
    await screenshot(a.page, 'declare');
    await dialog.getByRole('button', { name: 'Declare' }).click();
    await a.page.getByRole('heading', { name: /Checkout fails for card payments/, level: 1 }).waitFor();
    assert.match(a.page.url(), /\/incidents\/[0-9A-Z]{26}$/);

    // The second person's list shows it without a reload (the live stream).
    const row = b.page.locator('.incident-row', { hasText: 'Checkout fails for card payments' });
    await row.waitFor();
    assert.match(await row.innerText(), /Triggered/);

    await a.page.getByRole('toolbar', { name: 'Responder actions' }).getByRole('button', { name: 'Acknowledge' }).click();
    await a.page.locator('.incident-head .badge.acknowledged').waitFor();
    await row.locator('.badge.acknowledged').waitFor();

    await a.page.getByLabel('Add a note (Markdown)').fill('Rolled back **payment-gateway** to v41');
    await a.page.getByRole('button', { name: 'Add note' }).click();
    const note = a.page.locator('.timeline .markdown', { hasText: 'Rolled back payment-gateway to v41' });
    await note.waitFor();
    assert.equal(await note.locator('strong').innerText(), 'payment-gateway');
    await a.page.locator('.timeline', { hasText: 'Acknowledged' }).waitFor();
    // Notes are Markdown rendered by the server; markup that could run script is gone.
    await a.page.getByLabel('Add a note (Markdown)').fill('xss probe <script>window.__xss=1</script><img src=x onerror="window.__xss=2"> [x](javascript:window.__xss=3)');
    await a.page.getByRole('button', { name: 'Add note' }).click();
    await a.page.locator('.timeline .markdown', { hasText: 'xss probe' }).waitFor();
    const hrefs = await a.page.locator('.timeline .markdown', { hasText: 'xss probe' }).locator('a').evaluateAll((as: { getAttribute(n: string): string | null }[]) => as.map((x) => x.getAttribute('href') ?? ''));
    assert.ok(hrefs.every((h) => !/^javascript:/i.test(h)), `no javascript: links: ${hrefs.join(', ')}`);
    assert.equal(await a.page.evaluate<unknown>('window.__xss'), undefined);
    assert.equal(await a.page.locator('.timeline .markdown script, .timeline .markdown [onerror]').count(), 0);
    // Reassess the impact as the response learns more.
    const assessment = a.page.locator('section', { has: a.page.getByRole('heading', { name: 'Impact assessment' }) });
    assert.match(await assessment.innerText(), /Customers/);
    await assessment.getByRole('button', { name: 'Edit' }).click();
    await assessment.getByLabel('Number of customers').fill('120');
    await assessment.getByLabel('Open support cases').fill('7');
    await assessment.getByRole('button', { name: 'Save' }).click();
    await assessment.locator('dd', { hasText: '120' }).waitFor();
    await a.page.locator('.timeline li', { hasText: 'Incident changed: assessment' }).waitFor();
    await screenshot(a.page, 'incident-detail');

    await a.page.getByRole('toolbar', { name: 'Responder actions' }).getByRole('button', { name: 'Resolve' }).click();
    await a.page.locator('.incident-head .badge.resolved').waitFor();
    await row.locator('.badge.resolved').waitFor();
    await screenshot(b.page, 'incidents-list');

    assert.deepEqual(a.errors, []);
    assert.deepEqual(b.errors, []);
    await a.context.close();
    await b.context.close();
  });

  test('switch to Japanese and back; the choice is saved to the profile', async () => {
    const { page, errors, context } = await newPage(browser);
    await login(page, `${web.url}/incidents`, web.owner.email, web.owner.password);
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: 'インシデント', level: 1 }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'インシデントを宣言' }).count(), 1);
    assert.equal(await page.evaluate<string>('document.documentElement.lang'), 'ja');
    await page.reload();
    await page.getByRole('heading', { name: 'インシデント', level: 1 }).waitFor();
    const me = await api(web.ts.server.app, web.owner.token).get(`/api/v1/users/${web.owner.id}`);
    assert.equal(me.body.locale, 'ja');
    // The time zone is named, in the viewer's profile zone (Asia/Tokyo), not the browser's (America/Chicago).
    assert.match(await page.locator('.zone-note').first().innerText(), /Asia\/Tokyo/);
    await page.locator('.incident-row').first().click();
    await page.getByRole('heading', { name: 'タイムライン' }).waitFor();
    await screenshot(page, 'incident-detail-ja');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on a 390-px phone, in Japanese: acknowledge, note, escalate and resolve, with nothing off-screen', async () => {
    const owner = api(web.ts.server.app, web.owner.token);
    const inc = await owner.post('/api/v1/incidents', { title: 'VPN に接続できない', type: 'outage', severity: 'SEV3' });
    assert.equal(inc.status, 201);
    const { page, errors, context } = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    await page.goto(web.url);
    // The login page speaks the browser's language.
    await page.getByRole('heading', { name: '火消しにログイン' }).waitFor();
    await page.locator('input[type=email]').fill(responder.email);
    await page.locator('input[type=password]').fill(responder.password);
    await page.locator('button[type=submit]').click();
    // The responder's profile was never changed, so the first login keeps Japanese (and saves it).
    await page.getByRole('heading', { name: 'インシデント', level: 1 }).waitFor();
    assert.ok((await noOverflow(page)) <= 390, 'list fits the screen');
    // The navigation is behind the menu button on a phone.
    assert.equal(await page.locator('#main-nav').isVisible(), false);
    await page.getByRole('button', { name: 'メニュー' }).click();
    assert.equal(await page.locator('#main-nav').isVisible(), true);
    await page.getByRole('button', { name: 'メニュー' }).click();

    await page.locator('.incident-row', { hasText: 'VPN に接続できない' }).click();
    const bar = page.getByRole('toolbar', { name: '対応操作' });
    await bar.getByRole('button', { name: '確認' }).tap();
    await page.locator('.incident-head .badge.acknowledged', { hasText: '確認済み' }).waitFor();
    await page.getByLabel('メモを追加（Markdown）').fill('VPN 装置を再起動しました');
    await page.getByRole('button', { name: 'メモを追加' }).tap();
    await page.locator('.timeline .markdown', { hasText: 'VPN 装置を再起動しました' }).waitFor();
    await bar.getByRole('button', { name: 'エスカレーション' }).tap();
    await page.locator('.timeline li', { hasText: 'エスカレーション' }).first().waitFor();
    assert.ok((await noOverflow(page)) <= 390, 'incident page fits the screen');
    await screenshot(page, 'phone-incident');
    await bar.getByRole('button', { name: '解決' }).tap();
    await page.locator('.incident-head .badge.resolved', { hasText: '解決済み' }).waitFor();
    const me = await owner.get(`/api/v1/users/${responder.id}`);
    assert.equal(me.body.locale, 'ja');
    assert.equal(me.body.timeZone, 'America/Chicago', 'a zone chosen when the account was made is kept');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a new account’s first login takes the browser’s language and zone; later logins keep the profile', async () => {
    const owner = api(web.ts.server.app, web.owner.token);
    const password = 'first login passphrase 31';
    const u = await owner.post('/api/v1/users', { name: '山田 花子', email: 'hanako@example.com', role: 'observer', password });
    assert.equal(u.body.locale, 'en');
    assert.equal(u.body.timeZone, 'UTC');
    const ja = await newPage(browser, { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    await login(ja.page, web.url, 'hanako@example.com', password);
    await ja.page.getByRole('heading', { name: 'インシデント', level: 1 }).waitFor();
    assert.match(await ja.page.locator('.zone-note').first().innerText(), /Asia\/Tokyo/);
    const after1 = await owner.get(`/api/v1/users/${u.body.id}`);
    assert.equal(after1.body.locale, 'ja');
    assert.equal(after1.body.timeZone, 'Asia/Tokyo');
    await ja.context.close();
    // From an English browser in Chicago later: the profile (now chosen) wins.
    const en = await newPage(browser, { locale: 'en-US', timezoneId: 'America/Chicago' });
    await login(en.page, web.url, 'hanako@example.com', password);
    await en.page.getByRole('heading', { name: 'インシデント', level: 1 }).waitFor();
    const after2 = await owner.get(`/api/v1/users/${u.body.id}`);
    assert.equal(after2.body.locale, 'ja');
    assert.equal(after2.body.timeZone, 'Asia/Tokyo');
    assert.deepEqual([...ja.errors, ...en.errors], []);
    await en.context.close();
  });

  test('the one-click link from a notification opens a page that works on a phone', async () => {
    const owner = api(web.ts.server.app, web.owner.token);
    const inc = await owner.post('/api/v1/incidents', { title: 'Mail delivery delayed', type: 'outage' });
    const token = signLink({ incidentId: inc.body.id, userId: responder.id, action: 'acknowledge', expiresAt: new Date(Date.now() + 3600_000) }, SECRET);
    const { page, errors, context } = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    const res = await page.goto(`${web.url}/respond/${token}`);
    assert.equal(res?.status(), 200);
    assert.ok((await noOverflow(page)) <= 390);
    const button = page.locator('form button[type=submit]');
    const box = await button.boundingBox();
    assert.ok(box && box.height >= 44 && box.width >= 200, `a big button: ${JSON.stringify(box)}`);
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/respond/')), button.tap()]);
    const after = await owner.get(`/api/v1/incidents/${inc.body.id}`);
    assert.equal(after.body.status, 'acknowledged');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('who was notified: a rate-limited Slack shows as queued while the webhook is delivered', async () => {
    const slack = await startHttpSink({ status: 429, headers: { 'retry-after': '900' }, body: 'rate_limited' });
    const hook = await startHttpSink();
    try {
      const owner = api(web.ts.server.app, web.owner.token);
      const u = await owner.post('/api/v1/users', { name: 'Mika Mori', email: 'mika@example.com', role: 'responder' });
      await owner.post(`/api/v1/users/${u.body.id}/contact-methods`, { type: 'slack', address: `${slack.url}/services/T/B/x` });
      await owner.post(`/api/v1/users/${u.body.id}/contact-methods`, { type: 'webhook', address: `${hook.url}/page` });
      const policy = await owner.post('/api/v1/escalation-policies', { name: 'Mika first', levels: [{ delayMinutes: 10, targets: [{ type: 'user', id: u.body.id }] }] });
      assert.equal(policy.status, 201, JSON.stringify(policy.body));
      const svc = await owner.post('/api/v1/services', { name: 'Payments', escalationPolicyId: policy.body.id });
      const inc = await owner.post('/api/v1/incidents', { title: 'Payments API errors', serviceId: svc.body.id });
      const { page, errors, context } = await newPage(browser);
      await login(page, `${web.url}/incidents/${inc.body.id}`, web.owner.email, web.owner.password);
      const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Who was notified' }) });
      // The job runner ticks on its own timer; the panel refetches when the page is reloaded.
      for (let i = 0; i < 40 && !(await panel.getByText(/Queued \(rate-limited\)/).count()); i++) {
        await new Promise((r) => setTimeout(r, 250));
        await page.reload();
        await panel.waitFor();
      }
      await panel.locator('li', { hasText: 'Slack' }).getByText(/Queued \(rate-limited\), next try/).waitFor();
      await panel.locator('li', { hasText: 'Webhook' }).getByText(/Delivered/).waitFor();
      assert.ok(hook.requests.length >= 1);
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await slack.close();
      await hook.close();
    }
  });
});
