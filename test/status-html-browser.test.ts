import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { showTime } from '../src/http/status-html/format.js';
import { api } from './helpers/api.js';
import { browserSkip, launchBrowser, screenshot, startWebServer, type WebServer } from './helpers/browser.js';
import { createService } from './helpers/factories.js';

/**
 * The status page as a reader gets it (SPEC §4.5): server-rendered HTML in a real Chromium with
 * JavaScript turned off, built through the API the way an operator builds it, in the page's language
 * and time zone whatever the reader's, and inert to markup stored in any text field.
 */
describe('status page HTML in a browser without JavaScript', { skip: browserSkip }, () => {
  let web: WebServer;
  let browser: Browser;
  let owner: ReturnType<typeof api>;
  before(async () => {
    web = await startWebServer();
    browser = await launchBrowser();
    owner = api(web.ts.server.app, web.ts.token);
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  const created = async (path: string, body: Record<string, unknown>) => {
    const r = await owner.post(path, body);
    assert.equal(r.status, 201, `${path}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const postUpdate = async (incidentId: string, body: Record<string, unknown>) => {
    const r = await owner.post(`/api/v1/incidents/${incidentId}/status-updates`, body);
    assert.ok(r.status === 200 || r.status === 201, JSON.stringify(r.body));
    return r.body;
  };

  /** A reader in Chicago with JavaScript off; `dialogs` collects any alert() that runs. */
  async function reader(locale = 'en-US'): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled: false, locale, timezoneId: 'America/Chicago', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return { context, page, dialogs };
  }

  test('a Japanese page: banner, components, the incident and its updates, times in the page zone', async () => {
    const service = await createService(web.ts, { name: 'Payments API' });
    const statusPage = await created('/api/v1/status-pages', { slug: 'acme-ja', name: 'アクメ株式会社', visibility: 'public', language: 'ja', timeZone: 'Asia/Tokyo' });
    await created(`/api/v1/status-pages/${statusPage.id}/components`, { name: '決済 API', group: '基盤', serviceId: service.id });
    await created(`/api/v1/status-pages/${statusPage.id}/components`, { name: '管理画面', group: '基盤' });
    const incident = await created('/api/v1/incidents', { title: 'internal: db-7 overloaded', serviceId: service.id, severity: 'SEV2' });
    await postUpdate(incident.id, { statusPageId: statusPage.id, status: 'investigating', message: '決済の一部が失敗しています。\n調査を進めています。', title: '決済の遅延' });
    await postUpdate(incident.id, { statusPageId: statusPage.id, status: 'identified', message: '原因を特定しました。' });

    const { context, page, dialogs } = await reader('en-US');
    const res = await page.goto(`${web.url}/status/acme-ja`);
    assert.equal(res?.status(), 200);
    assert.match(res?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.equal(await page.locator('script').count(), 0);

    await page.getByRole('heading', { level: 1, name: 'アクメ株式会社' }).waitFor();
    assert.equal((await page.locator('.banner-text').innerText()).trim(), '一部のシステムが停止しています');
    assert.match(await page.locator('.banner').innerText(), /対応中のインシデント：1件/);

    // components under their group, with status words, and 90 bars each (the last 30 on a phone)
    const group = page.locator('.group');
    assert.equal((await group.locator('h3').innerText()).trim(), '基盤');
    assert.deepEqual(await group.locator('.component .name').allInnerTexts(), ['決済 API', '管理画面']);
    assert.deepEqual((await group.locator('.component .status').allInnerTexts()).map((t) => t.trim()), ['一部停止', '稼働中']);
    const bars = page.locator('.component').first().locator('.bars > li');
    assert.equal(await bars.count(), 90);
    assert.ok(await bars.last().isVisible());
    // a day's figure shows on hover, without script
    const today = bars.last().locator('span');
    const width = async () => (await today.boundingBox())?.width ?? 0;
    assert.ok((await width()) <= 1, 'hidden (to the eye) until hovered');
    await bars.last().hover();
    assert.ok((await width()) > 50, 'shown on hover');
    assert.match(await today.innerText(), /^\d{4}年\d{1,2}月\d{1,2}日\(.\)：/);

    // the incident, by its public name (not the internal title), updates newest first
    const card = page.locator('section[aria-labelledby="active-incidents"] .event').first();
    assert.equal((await card.locator('h3').innerText()).trim(), '決済の遅延');
    assert.doesNotMatch(await page.locator('body').innerText(), /db-7/);
    assert.deepEqual((await card.locator('.update-status').allInnerTexts()).map((t) => t.trim()), ['原因特定', '調査中']);
    assert.deepEqual(await card.locator('.update-body').allInnerTexts(), ['原因を特定しました。', '決済の一部が失敗しています。\n調査を進めています。']);
    const times = await card.locator('.update-time time').evaluateAll((els) => els.map((e) => [e.getAttribute('datetime'), e.textContent]));
    for (const [iso, text] of times) assert.equal(text, showTime(iso!, 'Asia/Tokyo', 'ja').text, 'shown in Tokyo time for a reader in Chicago');
    assert.match(times[0]![1]!, /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} JST$/);
    assert.match(await card.locator('.affected').innerText(), /影響を受けるコンポーネント：決済 API/);
    // the feeds and the JSON API are linked, and the links work
    const atom = await page.locator('footer a', { hasText: 'Atom' }).getAttribute('href');
    assert.equal(atom, '/status/acme-ja/feed.atom');
    assert.equal((await fetch(`${web.url}${atom}`)).status, 200);
    assert.equal((await fetch(`${web.url}/status/acme-ja/api/v2/summary.json`)).status, 200);
    await screenshot(page, 'status-page-ja');
    assert.deepEqual(dialogs, []);
    await context.close();
  });

  test('an open incident marks the page degraded even while every component is operational', async () => {
    const linked = await createService(web.ts, { name: 'Search' });
    const elsewhere = await createService(web.ts, { name: 'Batch' });
    const statusPage = await created('/api/v1/status-pages', { slug: 'green', name: 'Green Co', visibility: 'public', language: 'en', timeZone: 'America/New_York' });
    await created(`/api/v1/status-pages/${statusPage.id}/components`, { name: 'Search', serviceId: linked.id });
    const incident = await created('/api/v1/incidents', { title: 'Batch jobs late', serviceId: elsewhere.id, severity: 'SEV4' });
    await postUpdate(incident.id, { statusPageId: statusPage.id, status: 'investigating', message: 'Some reports are late.' });

    const { context, page } = await reader('ja-JP');
    await page.goto(`${web.url}/status/green`);
    assert.equal((await page.locator('.banner-text').innerText()).trim(), 'Degraded — incident in progress');
    assert.equal((await page.locator('.component .status').innerText()).trim(), 'Operational');
    assert.equal((await page.locator('section[aria-labelledby="active-incidents"] h3').innerText()).trim(), 'Batch jobs late');
    assert.match(await page.locator('.update-time').innerText(), / E[SD]T$/);

    await postUpdate(incident.id, { statusPageId: statusPage.id, status: 'resolved', message: 'All reports are out.' });
    await page.reload();
    assert.equal((await page.locator('.banner-text').innerText()).trim(), 'All systems operational');
    assert.equal(await page.locator('section[aria-labelledby="active-incidents"]').count(), 0);
    assert.equal((await page.locator('.day').first().locator('h4').innerText()).trim(), 'Batch jobs late');
    await context.close();
  });

  test('markup stored through the API is shown as text and never runs', async () => {
    const xss = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const service = await createService(web.ts, { name: 'Mail' });
    const statusPage = await created('/api/v1/status-pages', { slug: 'xss', name: `Acme ${xss}`, description: `About ${xss}`, visibility: 'public', language: 'en' });
    await created(`/api/v1/status-pages/${statusPage.id}/components`, { name: `Mail ${xss}`, description: `javascript:alert(3)`, group: `Group ${xss}`, serviceId: service.id });
    const incident = await created('/api/v1/incidents', { title: 'Mail delayed', serviceId: service.id, severity: 'SEV3' });
    await postUpdate(incident.id, { statusPageId: statusPage.id, status: 'investigating', message: `Body ${xss}`, title: `Incident ${xss}` });

    const { context, page, dialogs } = await reader();
    await page.goto(`${web.url}/status/xss`);
    assert.equal((await page.locator('h1').innerText()).trim(), `Acme ${xss}`);
    assert.equal((await page.locator('.group-head h3').innerText()).trim(), `Group ${xss}`);
    assert.equal((await page.locator('.component .name').innerText()).trim(), `Mail ${xss}`);
    assert.equal((await page.locator('section[aria-labelledby="active-incidents"] h3').innerText()).trim(), `Incident ${xss}`);
    assert.equal((await page.locator('.update-body').innerText()).trim(), `Body ${xss}`);
    assert.equal(await page.locator('script').count(), 0);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('[onerror], [onclick], [onmouseover]').count(), 0);
    assert.equal(await page.locator('a[href^="javascript" i]').count(), 0);
    // the same page with JavaScript on: still nothing runs (escaping, and the CSP as a second wall)
    const live = await browser.newContext();
    const livePage = await live.newPage();
    livePage.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await livePage.goto(`${web.url}/status/xss`);
    await livePage.locator('h1').waitFor();
    assert.deepEqual(dialogs, []);
    await live.close();
    await context.close();
  });

  test('an unknown page is a 404 page in the reader language', async () => {
    const { context, page } = await reader('ja-JP');
    const res = await page.goto(`${web.url}/status/no-such-page`);
    assert.equal(res?.status(), 404);
    assert.equal((await page.locator('h1').innerText()).trim(), 'ステータスページが見つかりません');
    await context.close();
  });
});
