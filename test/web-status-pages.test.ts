import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api } from './helpers/api.js';
import { browserSkip, launchBrowser, login, newPage, screenshot, signedIn, startWebServer, type WebServer } from './helpers/browser.js';

/**
 * Status pages and communicating from an incident, in a real browser: an administrator builds a page
 * with two components (one linked to a service), an incident is declared, updates are posted from the
 * incident page, and the public page opened in the same browser tells the same story. Then a
 * stakeholder update is previewed and sent, and the same screens read in Japanese.
 */
describe('web app: status pages and communicating from an incident', { skip: browserSkip }, () => {
  let web: WebServer;
  let browser: Browser;
  let owner: ReturnType<typeof api>;
  let serviceId = '';
  let pageId = '';
  let incidentId = '';

  before(async () => {
    web = await startWebServer({ locale: 'en', timeZone: 'Asia/Tokyo' });
    browser = await launchBrowser();
    owner = api(web.ts.server.app, web.owner.token);
    const svc = await owner.post('/api/v1/services', { name: 'Payments API', tier: 1 });
    assert.equal(svc.status, 201, JSON.stringify(svc.body));
    serviceId = svc.body.id;
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  const componentsOf = async (id: string) => {
    const r = await owner.get(`/api/v1/status-pages/${id}/components`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.items as { id: string; name: string; group: string | null; serviceId: string | null; position: number; manualStatus: string | null; status: string }[];
  };
  const byPosition = <T extends { position: number }>(xs: T[]) => [...xs].sort((a, b) => a.position - b.position);

  test('an administrator creates a page with two components, one linked to a service, orders them and sets a status by hand', async () => {
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/incidents`);
    await page.getByRole('navigation').getByRole('link', { name: 'Status pages' }).click();
    await page.getByRole('heading', { name: 'Status pages', level: 1 }).waitFor();
    await page.getByText('No status pages yet').waitFor();

    await page.getByRole('button', { name: 'New status page' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Acme status');
    await dialog.getByLabel('Slug').fill('acme');
    await dialog.getByRole('radio', { name: /Public/ }).check();
    await dialog.getByLabel('Page language').selectOption('en');
    await dialog.getByLabel('Time zone').fill('Asia/Tokyo');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Acme status', level: 1 }).waitFor();
    pageId = new URL(page.url()).pathname.split('/').pop() ?? '';
    assert.match(pageId, /^[0-9A-Z]{26}$/);
    const stored = await owner.get(`/api/v1/status-pages/${pageId}`);
    assert.deepEqual(
      { slug: stored.body.slug, visibility: stored.body.visibility, language: stored.body.language, timeZone: stored.body.timeZone, hostname: stored.body.hostname },
      { slug: 'acme', visibility: 'public', language: 'en', timeZone: 'Asia/Tokyo', hostname: null },
    );
    // The page's public address, as a link out of the app.
    assert.equal(await page.getByRole('link', { name: 'Open the public page' }).getAttribute('href'), '/status/acme');

    // Two components in one group; the second one linked to the service.
    const add = page.getByRole('form', { name: 'Add component' });
    await add.getByLabel('Component name').fill('Web shop');
    await add.getByLabel('Group').fill('Shop');
    await add.getByRole('button', { name: 'Add component' }).click();
    await page.getByRole('row', { name: /Web shop/ }).waitFor();
    await add.getByLabel('Component name').fill('Checkout');
    await add.getByLabel('Group').fill('Shop');
    await add.getByLabel('Service').selectOption({ label: 'Payments API' });
    await add.getByRole('button', { name: 'Add component' }).click();
    const checkout = page.getByRole('row', { name: /Checkout/ });
    await checkout.getByText('Service: Payments API').waitFor();
    let components = byPosition(await componentsOf(pageId));
    assert.deepEqual(
      components.map((c) => [c.name, c.group, c.serviceId]),
      [
        ['Web shop', 'Shop', null],
        ['Checkout', 'Shop', serviceId],
      ],
    );
    // The group is shown as a heading row over its components.
    await page.getByRole('rowheader', { name: 'Shop' }).or(page.getByRole('columnheader', { name: 'Shop' })).waitFor();

    // Checkout first: the new order is on the server, and on screen.
    await page.getByRole('button', { name: 'Move Checkout up' }).click();
    await page.locator('tr[data-component]').first().locator('strong', { hasText: /^Checkout$/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Move Checkout up' }).isDisabled(), true);
    components = byPosition(await componentsOf(pageId));
    assert.deepEqual(
      components.map((c) => c.name),
      ['Checkout', 'Web shop'],
    );
    const names = await page.locator('tr[data-component] strong').allTextContents();
    assert.deepEqual(names, ['Checkout', 'Web shop']);

    // A status by hand, then back to automatic.
    await page.getByLabel('Status of Web shop').selectOption('under_maintenance');
    await page.getByRole('row', { name: /Web shop/ }).getByText('set by hand').waitFor();
    let shop = (await componentsOf(pageId)).find((c) => c.name === 'Web shop');
    assert.equal(shop?.manualStatus, 'under_maintenance');
    assert.equal(shop?.status, 'under_maintenance');
    await page.getByLabel('Status of Web shop').selectOption('');
    await page.getByRole('row', { name: /Web shop/ }).getByText('set by hand').waitFor({ state: 'detached' });
    shop = (await componentsOf(pageId)).find((c) => c.name === 'Web shop');
    assert.equal(shop?.manualStatus, null);
    assert.equal(shop?.status, 'operational');

    // A webhook subscriber for Checkout only, then removed.
    const sub = page.getByRole('form', { name: 'Add subscriber' });
    await sub.getByLabel('Channel').selectOption('webhook');
    await sub.getByLabel('Address').fill('https://hooks.example.com/status');
    await sub.getByRole('checkbox', { name: 'Checkout' }).check();
    await sub.getByRole('button', { name: 'Add subscriber' }).click();
    const subRow = page.getByRole('row', { name: /hooks\.example\.com/ });
    await subRow.getByText('Active').waitFor();
    await subRow.getByRole('cell', { name: 'Checkout', exact: true }).waitFor();
    const subs = await owner.get(`/api/v1/status-pages/${pageId}/subscribers`);
    assert.deepEqual(
      subs.body.items.map((s: { channel: string; address: string; componentIds: string[] | null }) => [s.channel, s.address, s.componentIds]),
      [['webhook', 'https://hooks.example.com/status', [components[0]?.id]]],
    );
    await subRow.getByRole('button', { name: 'Remove' }).click();
    await subRow.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No subscribers yet.').waitFor();
    assert.equal((await owner.get(`/api/v1/status-pages/${pageId}/subscribers`)).body.items.length, 0);

    // Bad input is said next to the form, naming the field.
    await add.getByLabel('Component name').fill('   ');
    await add.getByRole('button', { name: 'Add component' }).click();
    await add.getByRole('alert').getByText(/name/).waitFor();

    assert.deepEqual(await unlabelled(page), []);
    await screenshot(page, 'status-page-detail');
    await page.getByRole('link', { name: 'Status pages' }).first().click();
    await page.getByRole('link', { name: 'Open the public page of Acme status' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('updates posted from the incident page reach the public page, opened in the same browser', async () => {
    const inc = await owner.post('/api/v1/incidents', { title: 'Card payments failing', type: 'outage', severity: 'SEV2', serviceId });
    assert.equal(inc.status, 201, JSON.stringify(inc.body));
    incidentId = inc.body.id;
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/incidents/${incidentId}`);
    const panel = page.getByRole('region', { name: 'Communicate' });
    await panel.waitFor();
    const form = panel.getByRole('form', { name: 'Status page update' });
    // One page: already chosen (once the list has loaded). The public title starts as the incident's title.
    await form.getByLabel('Status page').locator(`option[value="${pageId}"]`).waitFor({ state: 'attached' });
    assert.equal(await form.getByLabel('Status page').inputValue(), pageId);
    assert.equal(await form.getByLabel('Public title').inputValue(), 'Card payments failing');
    assert.equal(await form.getByRole('radio', { name: 'Investigating' }).isChecked(), true);
    await panel.getByText('Nothing has been posted to a status page about this incident yet.').waitFor();

    await form.getByLabel('Public title').fill('Payments are failing');
    await form.getByLabel('Message').fill('We are investigating failed card payments.');
    await form.getByRole('button', { name: 'Post update' }).click();
    await form.getByText('Posted to Acme status.').waitFor();
    const history = panel.getByRole('article', { name: 'On Acme status' });
    await history.getByText('We are investigating failed card payments.').waitFor();
    // The form now follows what the page shows: the next update keeps the title and the status.
    assert.equal(await form.getByLabel('Public title').inputValue(), 'Payments are failing');
    assert.equal(await form.getByLabel('Message').inputValue(), '');

    await form.getByRole('radio', { name: 'Identified' }).check();
    await form.getByLabel('Message').fill('A certificate expired at the card processor; renewing it.');
    await form.getByRole('button', { name: 'Post update' }).click();
    await history.getByText('A certificate expired at the card processor; renewing it.').waitFor();
    // Newest first.
    const messages = await history.locator('li .message').allTextContents();
    assert.deepEqual(messages, ['A certificate expired at the card processor; renewing it.', 'We are investigating failed card payments.']);
    assert.equal(await history.locator('.badge').first().textContent(), 'Identified');
    const posted = await owner.get(`/api/v1/incidents/${incidentId}/status-updates`);
    assert.deepEqual(
      posted.body.items.map((p: { pageId: string; title: string; status: string; updates: unknown[] }) => [p.pageId, p.title, p.status, p.updates.length]),
      [[pageId, 'Payments are failing', 'identified', 2]],
    );
    assert.deepEqual(await unlabelled(page), []);
    await screenshot(page, 'incident-communicate');

    // The component linked to the service follows the incident (SEV2: partial outage).
    const checkout = (await componentsOf(pageId)).find((c) => c.name === 'Checkout');
    assert.equal(checkout?.status, 'partial_outage');

    // The public page, through the link on the incident page.
    await history.getByRole('link', { name: 'Open Acme status' }).click();
    await page.waitForURL(`${web.url}/status/acme`);
    const body = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    assert.match(body, /Payments are failing/);
    assert.match(body, /A certificate expired at the card processor; renewing it\./);
    assert.match(body, /We are investigating failed card payments\./);
    assert.match(body, /Partial outage/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a stakeholder update: preview renders the e-mail, send records it with its delivery counts', async () => {
    const audience = await owner.post('/api/v1/stakeholder-audiences', { name: 'Leadership', kind: 'executives', language: 'en', emails: ['cfo@example.com', 'cto@example.com'] });
    assert.equal(audience.status, 201, JSON.stringify(audience.body));
    const { page, errors, context } = await signedIn(browser, web);
    await page.goto(`${web.url}/incidents/${incidentId}`);
    const form = page.getByRole('form', { name: 'Stakeholder update' });
    await form.waitFor();
    await page.getByText('No stakeholder updates have been sent about this incident yet.').waitFor();
    // Nothing to send before an audience is chosen.
    assert.equal(await form.getByRole('button', { name: 'Send' }).isDisabled(), true);
    await form.getByRole('checkbox', { name: /Leadership/ }).check();
    await form.getByRole('radio', { name: /Executive summary/ }).check();
    await form.getByLabel('Impact', { exact: true }).fill('Card payments fail for about 30 % of customers.');
    await form.getByLabel('Next update', { exact: true }).selectOption('30');
    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = form.getByRole('region', { name: 'Preview of the e-mail' });
    await preview.waitFor();
    assert.match((await preview.getByTestId('stakeholder-subject').textContent()) ?? '', /Card payments failing|Payments/);
    assert.match((await preview.getByTestId('stakeholder-text').textContent()) ?? '', /Card payments fail for about 30 % of customers\./);
    await preview.getByText('Recipients: 2').waitFor();

    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByText('Sent. Recipients: 2.').waitFor();
    const sent = page.getByRole('listitem', { name: 'Update 1' });
    await sent.getByText('Leadership').waitFor();
    await sent.getByText(/Delivered: \d+/).waitFor();
    const updates = await owner.get(`/api/v1/incidents/${incidentId}/stakeholder-updates`);
    assert.equal(updates.body.items.length, 1);
    assert.equal(updates.body.items[0].format, 'executive');
    assert.equal(updates.body.items[0].recipientCount, 2);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('in Japanese: the screens and the status labels, and an administrator’s page in Japanese', async () => {
    const password = 'correct horse battery staple 43';
    const made = await owner.post('/api/v1/users', { name: '佐藤 健二', email: 'kenji.sato@example.com', role: 'admin', password, locale: 'ja', timeZone: 'Asia/Tokyo' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const { page, errors, context } = await newPage(browser, { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    await login(page, web.url, 'kenji.sato@example.com', password);
    await page.getByRole('navigation').getByRole('link', { name: 'ステータスページ' }).click();
    await page.getByRole('heading', { name: 'ステータスページ', level: 1 }).waitFor();
    await page.getByRole('cell', { name: '公開', exact: true }).waitFor();

    await page.getByRole('button', { name: 'ステータスページを作成' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名前', { exact: true }).fill('社内システム稼働状況');
    await dialog.getByLabel('スラッグ').fill('it');
    await dialog.getByRole('radio', { name: /社内/ }).check();
    await dialog.getByLabel('ページの言語').selectOption('ja');
    await dialog.getByRole('button', { name: '作成' }).click();
    await page.getByRole('heading', { name: '社内システム稼働状況', level: 1 }).waitFor();
    const add = page.getByRole('form', { name: 'コンポーネントを追加' });
    await add.getByLabel('コンポーネント名').fill('決済');
    await add.getByLabel('サービス').selectOption({ label: 'Payments API' });
    await add.getByRole('button', { name: 'コンポーネントを追加' }).click();
    await page.getByRole('row', { name: /決済/ }).getByText('サービス: Payments API').waitFor();
    await page.getByRole('row', { name: /決済/ }).getByText('一部停止').or(page.getByRole('row', { name: /決済/ }).getByText('稼働中')).first().waitFor();
    const itPage = (await owner.get('/api/v1/status-pages')).body.items.find((p: { slug: string }) => p.slug === 'it');
    assert.equal(itPage?.language, 'ja');
    assert.equal(itPage?.visibility, 'internal');

    await page.goto(`${web.url}/incidents/${incidentId}`);
    const panel = page.getByRole('region', { name: '情報発信' });
    await panel.waitFor();
    const form = panel.getByRole('form', { name: 'ステータスページへの投稿' });
    for (const label of ['調査中', '原因特定', '経過観察中', '解決済み']) await form.getByRole('radio', { name: label, exact: true }).waitFor();
    await form.getByLabel('ステータスページ').selectOption({ label: '社内システム稼働状況' });
    // A page this incident is not on yet: investigating, under the incident's own title.
    assert.equal(await form.getByRole('radio', { name: '調査中', exact: true }).isChecked(), true);
    assert.equal(await form.getByLabel('公開タイトル').inputValue(), 'Card payments failing');
    await form.getByLabel('公開タイトル').fill('カード決済の障害');
    await form.getByRole('radio', { name: '原因特定', exact: true }).check();
    await form.getByLabel('メッセージ').fill('決済代行会社の証明書の期限切れが原因です。');
    await form.getByRole('button', { name: '更新を投稿' }).click();
    await form.getByText('社内システム稼働状況 に投稿しました。').waitFor();
    await panel.getByRole('article', { name: '社内システム稼働状況 への投稿' }).getByText('決済代行会社の証明書の期限切れが原因です。').waitFor();
    await panel.getByRole('form', { name: 'ステークホルダーへの報告' }).getByText('経営層向けサマリー').waitFor();
    await panel.getByRole('listitem', { name: '第1報' }).waitFor();
    await screenshot(page, 'incident-communicate-ja');

    // The internal page, read by a signed-in person, in the page's language.
    await page.goto(`${web.url}/status/it`);
    const body = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    assert.match(body, /カード決済の障害/);
    assert.match(body, /原因特定/);
    assert.match(body, /決済代行会社の証明書の期限切れが原因です。/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a responder sees the pages but cannot change them, and is told why', async () => {
    const password = 'correct horse battery staple 44';
    const made = await owner.post('/api/v1/users', { name: 'Ren Ito', email: 'ren.ito@example.com', role: 'responder', password, locale: 'en', timeZone: 'Asia/Tokyo' });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const { page, errors, context } = await newPage(browser);
    await login(page, web.url, 'ren.ito@example.com', password);
    await page.goto(`${web.url}/status-pages`);
    await page.getByRole('link', { name: 'Acme status', exact: true }).click();
    await page.getByRole('heading', { name: 'Acme status', level: 1 }).waitFor();
    await page.getByText('Only administrators and owners can change status pages.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'New status page' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Delete status page' }).count(), 0);
    assert.equal(await page.getByRole('form', { name: 'Add component' }).count(), 0);
    assert.equal(await page.getByRole('region', { name: 'Subscribers' }).count(), 0);
    assert.equal(await page.getByLabel('Status of Checkout').isDisabled(), true);
    assert.equal(await page.getByRole('region', { name: 'Settings' }).getByLabel('Name', { exact: true }).isDisabled(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/** Visible controls of the page without an accessible name (a label, aria-label, or their own text). */
const UNLABELLED = `[...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]')]
  .filter((el) => el.offsetParent !== null)
  .filter((el) => {
    if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.closest('label')) return false;
    if (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')) return false;
    return !((el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent.trim());
  })
  .map((el) => el.outerHTML.slice(0, 120))`;
const unlabelled = (page: Page) => page.evaluate<string[]>(UNLABELLED);
