import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { api } from './helpers/api.js';
import { browserSkip, launchBrowser, login, newPage, startWebServer, type WebServer } from './helpers/browser.js';

/** Controls without an accessible name, described for the failure message. */
const UNLABELLED = `(() => {
  const named = (el) => {
    if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return true;
    if (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')) return true;
    if (el.closest('label')) return true;
    if ((el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent.trim()) return true;
    if (el.getAttribute('title')) return true;
    return false;
  };
  return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]')]
    .filter((el) => el.offsetParent !== null && !el.closest('[aria-hidden=true]') && !named(el))
    .map((el) => el.outerHTML.slice(0, 120));
})()`;

/** WCAG contrast ratio of an element's text against its effective background. */
const CONTRAST = `((selector) => {
  const rgb = (s) => (s.match(/[0-9.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  return [...document.querySelectorAll(selector)].slice(0, 5).map((el) => {
    let bg = el;
    while (bg && (getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)' || getComputedStyle(bg).backgroundColor === 'transparent')) bg = bg.parentElement;
    const fg = lum(rgb(getComputedStyle(el).color));
    const b = lum(rgb(bg ? getComputedStyle(bg).backgroundColor : 'rgb(255,255,255)'));
    return (Math.max(fg, b) + 0.05) / (Math.min(fg, b) + 0.05);
  });
})`;

describe('web app: accessibility basics', { skip: browserSkip }, () => {
  let web: WebServer;
  let browser: Browser;
  let incidentId: string;
  let statusPageId: string;
  before(async () => {
    web = await startWebServer();
    browser = await launchBrowser();
    const owner = api(web.ts.server.app, web.owner.token);
    const svc = await owner.post('/api/v1/services', { name: 'Mail' });
    const inc = await owner.post('/api/v1/incidents', { title: 'Mail is slow', serviceId: svc.body.id, severity: 'SEV2' });
    incidentId = inc.body.id;
    const sp = await owner.post('/api/v1/status-pages', { slug: 'a11y', name: 'Internal', visibility: 'internal' });
    statusPageId = sp.body.id;
    await owner.post(`/api/v1/status-pages/${statusPageId}/components`, { name: 'Mail', serviceId: svc.body.id });
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  const screens = () => [
    '/incidents',
    `/incidents/${incidentId}`,
    '/oncall',
    '/schedules',
    '/escalation-policies',
    '/escalation-policies/new',
    '/services',
    '/people',
    '/profile',
    '/status-pages',
    `/status-pages/${statusPageId}`,
    '/help',
    '/stakeholder-audiences',
  ];

  test('every control on every main screen has a label', async () => {
    const { page, errors, context } = await newPage(browser);
    await login(page, `${web.url}/incidents`, web.owner.email, web.owner.password);
    for (const path of screens()) {
      await page.goto(`${web.url}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await page.evaluate<string[]>(UNLABELLED), [], `unlabelled controls on ${path}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('text meets WCAG AA contrast (4.5:1) on the main surfaces', async () => {
    const { page, context } = await newPage(browser);
    await login(page, `${web.url}/incidents/${incidentId}`, web.owner.email, web.owner.password);
    await page.locator('.incident-head .badge').first().waitFor();
    for (const selector of ['main h1', '.muted', '.badge', '.button.primary', '.zone-note', '.sidebar a', 'dl.facts dt']) {
      const ratios = await page.evaluate<number[]>(`${CONTRAST}(${JSON.stringify(selector)})`);
      assert.ok(ratios.length > 0, `${selector} is on the page`);
      for (const r of ratios) assert.ok(r >= 4.5, `${selector}: contrast ${r.toFixed(2)} < 4.5`);
    }
    await context.close();
  });

  test('keyboard only: skip to content, then acknowledge with Tab and Enter', async () => {
    const { page, errors, context } = await newPage(browser);
    await login(page, `${web.url}/incidents/${incidentId}`, web.owner.email, web.owner.password);
    await page.getByRole('button', { name: 'Acknowledge' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate<string>('document.activeElement.className'), 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate<string>('document.activeElement.id'), 'main');
    let found = false;
    for (let i = 0; i < 10 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await page.evaluate<string>('document.activeElement.textContent')) === 'Acknowledge';
    }
    assert.ok(found, 'Acknowledge is reachable with Tab from the content');
    // A visible focus indicator.
    assert.notEqual(await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle'), 'none');
    await page.keyboard.press('Enter');
    await page.locator('.incident-head .badge.acknowledged').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a live update does not shift the layout', async () => {
    const owner = api(web.ts.server.app, web.owner.token);
    const inc = await owner.post('/api/v1/incidents', { title: 'Printer queue stuck', severity: 'SEV3' });
    const { page, errors, context } = await newPage(browser);
    await login(page, `${web.url}/incidents/${inc.body.id}`, web.owner.email, web.owner.password);
    await page.locator('.live-dot.connected').waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.evaluate(`window.__cls = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift' })`);
    // Someone else acknowledges and writes a note: the page updates live.
    await owner.post(`/api/v1/incidents/${inc.body.id}/acknowledge`);
    await owner.post(`/api/v1/incidents/${inc.body.id}/notes`, { body: 'Looking at the spooler' });
    await page.locator('.incident-head .badge.acknowledged').waitFor();
    await page.locator('.timeline .markdown', { hasText: 'Looking at the spooler' }).waitFor();
    await page.waitForTimeout(300);
    const cls = await page.evaluate<number>('window.__cls');
    assert.ok(cls < 0.05, `cumulative layout shift ${cls}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
