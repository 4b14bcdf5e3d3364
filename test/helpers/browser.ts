import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { FakeClock } from '../../src/platform/clock.js';
import { WEB_DIR } from '../../src/http/web.js';
import { api } from './api.js';
import { startTestServer, type TestServer } from './server.js';

/** Debian's chromium (.ci/run installs it with apt-get). */
export const CHROMIUM = process.env.HIKESHI_CHROMIUM ?? '/usr/bin/chromium';
/** Why browser tests cannot run here, or null when they can. */
export const browserSkip: string | false =
  process.env.HIKESHI_BROWSER_TESTS === '0'
    ? 'HIKESHI_BROWSER_TESTS=0'
    : !existsSync(CHROMIUM) ? `no ${CHROMIUM} (apt-get install chromium)` : !existsSync(path.join(WEB_DIR, 'index.html')) ? 'web app not built (npm run build)' : false;

export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

export interface WebServer {
  ts: TestServer;
  url: string;
  /** An owner who logs in with a password. */
  owner: { id: string; email: string; password: string; token: string };
  close(): Promise<void>;
}

/**
 * A real Hikeshi (SQLite unless DATABASE_URL says otherwise) listening on 127.0.0.1 with the built
 * web app, its job runner ticking on a timer, and an owner who can log in.
 */
export async function startWebServer(opts: { env?: Record<string, string>; locale?: 'en' | 'ja'; timeZone?: string } = {}): Promise<WebServer> {
  const ts = await startTestServer({ env: opts.env, clock: new RealishClock(), jobTickMs: 200 });
  await ts.server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = ts.server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const password = 'correct horse battery staple 42';
  const owner = api(ts.server.app, ts.token);
  const created = await owner.post('/api/v1/users', {
    name: 'Aiko Tanaka',
    email: `aiko-${Math.random().toString(36).slice(2, 8)}@example.com`,
    role: 'owner',
    password,
    locale: opts.locale ?? 'en',
    timeZone: opts.timeZone ?? 'Asia/Tokyo',
  });
  if (created.status !== 201) throw new Error(`owner: ${created.status} ${JSON.stringify(created.body)}`);
  const minted = await owner.post(`/api/v1/users/${created.body.id}/tokens`, { name: 'e2e' });
  return {
    ts,
    url: `http://127.0.0.1:${port}`,
    owner: { id: created.body.id, email: created.body.email, password, token: minted.body.token },
    close: () => ts.close(),
  };
}

/** A FakeClock that follows real time, so the browser and the server agree on "now". */
class RealishClock extends FakeClock {
  constructor() {
    super(new Date().toISOString());
  }
  override now(): Date {
    return new Date();
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A new context (own cookies) with page errors collected; fails the test if the app throws. */
export async function newPage(
  browser: Browser,
  opts: { viewport?: { width: number; height: number }; locale?: string; timezoneId?: string; isMobile?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    locale: opts.locale ?? 'en-US',
    timezoneId: opts.timezoneId ?? 'America/Chicago',
    isMobile: opts.isMobile ?? false,
    hasTouch: opts.isMobile ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  page.setDefaultTimeout(10_000);
  return { context, page, errors };
}

export async function login(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.locator('button[type=submit]').click();
  // #main, not the navigation: on a phone the navigation is behind the menu button.
  await page.locator('.shell #main').waitFor();
}

/** A new page logged in as the web server's owner. */
export async function signedIn(browser: Browser, web: WebServer, opts: Parameters<typeof newPage>[1] = {}): Promise<Awaited<ReturnType<typeof newPage>>> {
  const p = await newPage(browser, opts);
  await login(p.page, web.url, web.owner.email, web.owner.password);
  return p;
}

/** Saves docs/screenshots/<name>.png when HIKESHI_SCREENSHOTS=1 (so test runs leave the tree clean). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.HIKESHI_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
