import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkip, launchBrowser, login, newPage, startWebServer, type WebServer } from './helpers/browser.js';

describe('web app: served by Hikeshi', { skip: browserSkip }, () => {
  let web: WebServer;
  let browser: Browser;
  before(async () => {
    web = await startWebServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  test('a deep link loads the app, which asks for a login and then shows the screen', async () => {
    const { page, errors, context } = await newPage(browser);
    const res = await page.goto(`${web.url}/incidents`);
    assert.equal(res?.status(), 200);
    assert.match(res?.headers()['content-security-policy'] ?? '', /default-src 'self'/);
    await login(page, `${web.url}/incidents`, web.owner.email, web.owner.password);
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('API paths keep their JSON 404; assets are cached for good', async () => {
    const api = await fetch(`${web.url}/api/v1/nope`, { headers: { accept: 'text/html' } });
    assert.equal(api.status, 404);
    assert.match(api.headers.get('content-type') ?? '', /json/);
    const html = await (await fetch(`${web.url}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(asset, 'index.html names its script');
    const a = await fetch(`${web.url}${asset}`);
    assert.equal(a.status, 200);
    assert.match(a.headers.get('cache-control') ?? '', /immutable/);
  });
});
