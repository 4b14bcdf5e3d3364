import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api } from './helpers/api.js';
import { browserSkip, launchBrowser, newPage, screenshot, signedIn, startWebServer, type WebServer } from './helpers/browser.js';

/**
 * The administration screens in a real browser: a service and its Alertmanager integration (the
 * snippet's URL really takes an Alertmanager webhook), a person and a team, and my own profile
 * (contact method, notification rule, language, a phone-sized screen).
 */
describe('web app: services, people and profile', { skip: browserSkip }, () => {
  let web: WebServer;
  let browser: Browser;
  let owner: ReturnType<typeof api>;
  before(async () => {
    web = await startWebServer({ locale: 'en', timeZone: 'Asia/Tokyo' });
    browser = await launchBrowser();
    owner = api(web.ts.server.app, web.owner.token);
    const policy = await owner.post('/api/v1/escalation-policies', {
      name: 'Payments primary',
      repeat: 0,
      levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: web.owner.id }] }],
    });
    assert.equal(policy.status, 201, JSON.stringify(policy.body));
    for (const name of ['社内Wi-Fi', 'Customer portal']) assert.equal((await owner.post('/api/v1/services', { name, tier: 2 })).status, 201);
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  test('create a service and an Alertmanager integration: the key is shown once and the snippet works', async () => {
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/services`);
    await page.getByRole('heading', { name: 'Services', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New service' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Payments API');
    await dialog.getByLabel('Description').fill('Card payments for the web shop');
    await dialog.getByLabel('Escalation policy').selectOption({ label: 'Payments primary' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Payments API', level: 1 }).waitFor();
    const serviceId = new URL(page.url()).pathname.split('/').pop() ?? '';
    assert.match(serviceId, /^[0-9A-Z]{26}$/);

    await page.getByRole('button', { name: 'Add integration' }).click();
    await page.getByRole('radio', { name: /Prometheus Alertmanager/ }).check();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Prometheus prod');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    const key = (await page.getByTestId('integration-key').textContent())?.trim() ?? '';
    assert.match(key, /^[a-z0-9]{32}$/);
    await page.getByText('It will not be shown again').waitFor();
    const yaml = (await page.locator('[data-snippet=alertmanagerWebhook] pre').textContent()) ?? '';
    assert.match(yaml, /^receivers:$/m);
    assert.match(yaml, /webhook_configs:/);
    const url = /url: (\S+)/.exec(yaml)?.[1] ?? '';
    assert.equal(url, `${web.url}/api/v1/integrations/${key}/alertmanager`);
    await screenshot(page, 'integration-snippets');
    await page.getByRole('button', { name: 'I have copied the key' }).click();
    // Afterwards the list shows only the key's first characters, and the setup uses a placeholder.
    const row = page.getByRole('row', { name: /Prometheus prod/ });
    await row.waitFor();
    assert.equal(await page.getByText(key).count(), 0);
    await row.getByRole('button', { name: 'Setup' }).click();
    assert.match((await page.locator('[data-snippet=alertmanagerWebhook] pre').textContent()) ?? '', /<integration-key>/);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();

    // What Alertmanager would send, to the URL from the snippet.
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Alertmanager/0.25.0' },
      body: JSON.stringify({
        version: '4',
        groupKey: '{}:{alertname="HighLatency"}',
        truncatedAlerts: 0,
        status: 'firing',
        receiver: 'hikeshi',
        groupLabels: { alertname: 'HighLatency' },
        commonLabels: { alertname: 'HighLatency', severity: 'critical' },
        commonAnnotations: {},
        externalURL: 'http://alertmanager:9093',
        alerts: [
          {
            status: 'firing',
            labels: { alertname: 'HighLatency', severity: 'critical', instance: 'pay-1' },
            annotations: { summary: 'p99 latency above 2 s on pay-1' },
            startsAt: new Date().toISOString(),
            endsAt: '0001-01-01T00:00:00Z',
            generatorURL: 'http://prometheus:9090/graph',
            fingerprint: 'a1b2c3d4e5f60718',
          },
        ],
      }),
    });
    assert.ok(res.status >= 200 && res.status < 300, `webhook answered ${res.status} ${await res.text()}`);
    const incidents = await owner.get(`/api/v1/incidents?serviceId=${serviceId}`);
    assert.equal(incidents.body.items.length, 1, JSON.stringify(incidents.body));

    await page.goto(`${web.url}/services`);
    await page.getByRole('link', { name: 'Payments API' }).waitFor();
    await screenshot(page, 'services');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('create a person, then a team with that person', async () => {
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/people`);
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Kenji Sato');
    await dialog.getByLabel('E-mail').fill('kenji@example.com');
    await dialog.getByLabel('Role').selectOption('responder');
    await dialog.getByLabel('Language').selectOption('ja');
    await dialog.getByLabel('Time zone').fill('Asia/Tokyo');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const row = page.getByRole('row', { name: /Kenji Sato/ });
    await row.waitFor();
    assert.equal(await row.getByRole('combobox', { name: 'Role of Kenji Sato' }).inputValue(), 'responder');
    const users = await owner.get('/api/v1/users?q=kenji');
    const kenji = users.body.items[0];
    assert.equal(kenji.locale, 'ja');
    assert.equal(kenji.timeZone, 'Asia/Tokyo');

    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Payments SRE');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Payments SRE', level: 1 }).waitFor();
    await page.getByLabel('Find a person').fill('Kenji');
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Kenji Sato (kenji@example.com)' });
    await page.getByRole('button', { name: 'Add to team' }).click();
    await page.getByRole('button', { name: 'Remove Kenji Sato from the team' }).waitFor();
    const teams = await owner.get('/api/v1/teams');
    const team = await owner.get(`/api/v1/teams/${teams.body.items.find((x: { name: string }) => x.name === 'Payments SRE').id}`);
    assert.deepEqual(
      team.body.members.map((m: { userId: string }) => m.userId),
      [kenji.id],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('my profile: a contact method, a high-urgency rule, and the language switched to Japanese and back', async () => {
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/profile`);
    await page.getByRole('heading', { name: 'My profile', level: 1 }).waitFor();
    // The server's readiness check: nothing to page yet.
    await page.getByText('You have no contact method: a page reaches nobody.').waitFor();
    const add = page.locator('form[aria-labelledby=add-contact]');
    await add.getByLabel('Channel').selectOption('email');
    await add.getByLabel('Address').fill('not-an-address');
    await add.getByRole('button', { name: 'Add contact method' }).click();
    // The server's own message, naming the field and the expected form.
    await add.getByRole('alert').getByText(/address.*e-mail address/).waitFor();
    await add.getByLabel('Address').fill('aiko.pager@example.com');
    await add.getByRole('button', { name: 'Add contact method' }).click();
    await page.locator('.contact-item', { hasText: 'aiko.pager@example.com' }).waitFor();

    const high = page.locator('form[aria-label="Add a High urgency rule"]');
    await high.getByLabel('Contact method').selectOption({ label: 'E-mail: aiko.pager@example.com' });
    await high.getByLabel('Delay (minutes)').fill('0');
    await high.getByRole('button', { name: 'Add rule' }).click();
    await page.locator('.urgency-rules', { hasText: 'High urgency' }).getByText('At once:').waitFor();
    const rules = await owner.get(`/api/v1/users/${web.owner.id}/notification-rules`);
    assert.deepEqual(
      rules.body.items.map((r: { urgency: string; delayMinutes: number; contactMethod: { address: string } }) => [r.urgency, r.delayMinutes, r.contactMethod.address]),
      [['high', 0, 'aiko.pager@example.com']],
    );
    // Everything set: the readiness warnings are gone.
    await page.getByRole('heading', { name: 'Before you are paged' }).waitFor({ state: 'detached' });

    const quiet = page.locator('form[aria-labelledby=quiet-hours]');
    await quiet.getByLabel('Hold low-urgency pages during quiet hours').check();
    await quiet.getByLabel('From').fill('22:00');
    await quiet.getByLabel('Until').fill('07:00');
    await quiet.getByRole('button', { name: 'Save' }).click();
    await quiet.getByText('Quiet hours 22:00–07:00 saved.').waitFor();
    assert.deepEqual((await owner.get(`/api/v1/users/${web.owner.id}`)).body.quietHours, { start: '22:00', end: '07:00' });

    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'profile');
    await page.setViewportSize({ width: 1280, height: 800 });

    await switchLanguage(page, 'ja');
    await page.getByRole('heading', { name: 'プロフィール', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'インシデント' }).waitFor();
    await page.getByRole('heading', { name: '通知ルール' }).waitFor();
    assert.equal(await page.evaluate('document.documentElement.lang'), 'ja');
    assert.equal((await owner.get(`/api/v1/users/${web.owner.id}`)).body.locale, 'ja');
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { name: 'My profile', level: 1 }).waitFor();
    assert.equal((await owner.get(`/api/v1/users/${web.owner.id}`)).body.locale, 'en');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the profile fits a 390-px phone screen', async () => {
    const { page, errors, context } = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    // login() waits for the sidebar, which a phone keeps behind the menu button.
    await page.goto(`${web.url}/profile`);
    await page.locator('input[type=email]').fill(web.owner.email);
    await page.locator('input[type=password]').fill(web.owner.password);
    await page.locator('button[type=submit]').click();
    await page.getByRole('heading', { name: 'My profile', level: 1 }).waitFor();
    await page.locator('.contact-item').first().waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= 390, `the page is ${width} px wide`);
    await page.goto(`${web.url}/services`);
    await page.getByRole('link', { name: 'Payments API' }).waitFor();
    assert.ok((await page.evaluate<number>('document.documentElement.scrollWidth')) <= 390);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/** The profile's own language field (ja/en), saved: the whole app follows at once. */
async function switchLanguage(page: Page, lang: 'ja' | 'en') {
  const form = page.locator('form[aria-labelledby=profile-basics]');
  await form.locator('select').first().selectOption(lang);
  await form.getByRole('button', { name: lang === 'ja' ? 'Save' : '保存' }).click();
}
