import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api } from './helpers/api.js';
import { browserSkip, launchBrowser, login, newPage, screenshot, signedIn, startWebServer, type WebServer } from './helpers/browser.js';

/**
 * Stakeholder audiences in a real browser: an administrator working in Japanese finds the screen from
 * an incident's Communicate panel, creates an executives audience with two people and an extra address
 * (a bad address is refused, naming it), changes it, makes and deletes a whole-company one, and then
 * previews a stakeholder update to it from the incident. A responder reads the list but cannot change it.
 */
describe('web app: stakeholder audiences', { skip: browserSkip }, () => {
  let web: WebServer;
  let browser: Browser;
  let owner: ReturnType<typeof api>;
  let incidentId = '';
  let kenji = '';
  let hanako = '';
  const responderPassword = 'correct horse battery staple 45';

  before(async () => {
    web = await startWebServer({ locale: 'ja', timeZone: 'Asia/Tokyo' });
    browser = await launchBrowser();
    owner = api(web.ts.server.app, web.owner.token);
    const person = async (body: Record<string, unknown>) => {
      const r = await owner.post('/api/v1/users', { timeZone: 'Asia/Tokyo', locale: 'ja', ...body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id as string;
    };
    kenji = await person({ name: '佐藤 健二', email: 'kenji.sato@example.com', role: 'responder' });
    hanako = await person({ name: '鈴木 花子', email: 'hanako.suzuki@example.com', role: 'observer' });
    await person({ name: 'Ren Ito', email: 'ren.ito@example.com', role: 'responder', locale: 'en', password: responderPassword });
    const svc = await owner.post('/api/v1/services', { name: 'Payments API', tier: 1 });
    assert.equal(svc.status, 201, JSON.stringify(svc.body));
    const inc = await owner.post('/api/v1/incidents', { title: 'カード決済の障害', type: 'outage', severity: 'SEV2', serviceId: svc.body.id });
    assert.equal(inc.status, 201, JSON.stringify(inc.body));
    incidentId = inc.body.id;
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  const audiences = async () => {
    const r = await owner.get('/api/v1/stakeholder-audiences');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.items as { id: string; name: string; kind: string; language: string; allUsers: boolean; userIds: string[]; emails: string[] }[];
  };

  test('an administrator in Japanese creates, changes and deletes audiences, then previews an update to one', async () => {
    const { page, errors, context } = await signedIn(browser, web, { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

    // No audience yet: the incident's Communicate panel links to the screen that makes them.
    await page.goto(`${web.url}/incidents/${incidentId}`);
    const panel = page.getByRole('region', { name: '情報発信' });
    await panel.getByText('送信先はまだありません。').waitFor();
    await panel.getByRole('link', { name: '関係者への連絡先' }).click();
    await page.waitForURL(`${web.url}/stakeholder-audiences`);
    await page.getByRole('heading', { name: '関係者への連絡先', level: 1 }).waitFor();
    await page.getByText('送信先はまだありません。作成すると').waitFor();
    assert.equal(await page.getByRole('navigation').getByRole('link', { name: '関係者への連絡先' }).getAttribute('aria-current'), 'page');

    // Executives, in Japanese, two people and an extra address; a bad address is refused by name.
    await page.getByRole('button', { name: '送信先を作成' }).click();
    let dialog = page.getByRole('dialog', { name: '送信先を作成' });
    await dialog.getByLabel('名前', { exact: true }).fill('経営会議');
    await dialog.getByLabel('種類').selectOption('executives');
    await dialog.getByLabel('メールの言語').selectOption('ja');
    assert.equal(await dialog.getByRole('checkbox', { name: /社内の全員に送る/ }).isChecked(), false);
    const people = dialog.getByRole('group', { name: 'ユーザー', exact: true });
    await people.getByText('ユーザーは選択されていません。').waitFor();
    await people.getByLabel('追加するユーザー').selectOption({ label: '佐藤 健二' });
    await people.getByRole('button', { name: 'ユーザーを追加' }).click();
    await people.getByLabel('追加するユーザー').selectOption({ label: '鈴木 花子' });
    await people.getByRole('button', { name: 'ユーザーを追加' }).click();
    await people.getByRole('button', { name: '鈴木 花子 を外す' }).waitFor();
    // Someone already chosen is not offered again.
    assert.equal(await people.getByLabel('追加するユーザー').locator('option', { hasText: '佐藤 健二' }).count(), 0);
    await dialog.getByLabel('その他のメールアドレス').fill('board@example.com\nnot-an-address\n');
    assert.deepEqual(await unlabelled(page), []);
    await dialog.getByRole('button', { name: '作成', exact: true }).click();
    await dialog.getByRole('alert').getByText(/emails\.1/).waitFor();
    await dialog.getByText(/^not-an-address: must be an e-mail address/).waitFor();
    assert.equal((await audiences()).length, 0);
    await dialog.getByLabel('その他のメールアドレス').fill('board@example.com\n');
    await screenshot(page, 'stakeholder-audience-dialog-ja');
    await dialog.getByRole('button', { name: '作成', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    let row = page.getByRole('row', { name: /経営会議/ });
    await row.getByText('経営層').waitFor();
    await row.getByText('日本語').waitFor();
    await row.getByText('ユーザー: 2 人').waitFor();
    await row.getByText('その他のアドレス: 1 件').waitFor();
    let stored = await audiences();
    assert.equal(stored.length, 1);
    const id = stored[0]?.id;
    assert.deepEqual(
      { ...stored[0], id: undefined, userIds: [...(stored[0]?.userIds ?? [])].sort(), createdAt: undefined, updatedAt: undefined },
      { id: undefined, name: '経営会議', kind: 'executives', language: 'ja', allUsers: false, userIds: [kenji, hanako].sort(), emails: ['board@example.com'], createdAt: undefined, updatedAt: undefined },
    );

    // Changed: a new name, one person fewer, one more address.
    await row.getByRole('button', { name: '経営会議 を編集' }).click();
    dialog = page.getByRole('dialog', { name: '経営会議 を編集' });
    assert.equal(await dialog.getByLabel('名前', { exact: true }).inputValue(), '経営会議');
    assert.equal(await dialog.getByLabel('その他のメールアドレス').inputValue(), 'board@example.com');
    await dialog.getByLabel('名前', { exact: true }).fill('経営会議（役員）');
    await dialog.getByRole('button', { name: '鈴木 花子 を外す' }).click();
    await dialog.getByRole('button', { name: '鈴木 花子 を外す' }).waitFor({ state: 'detached' });
    await dialog.getByLabel('その他のメールアドレス').fill('board@example.com\nceo-office@example.com');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    row = page.getByRole('row', { name: /経営会議（役員）/ });
    await row.getByText('ユーザー: 1 人').waitFor();
    await row.getByText('その他のアドレス: 2 件').waitFor();
    await row.getByText('佐藤 健二').waitFor();
    stored = await audiences();
    assert.deepEqual(
      stored.map((a) => [a.id, a.name, a.userIds, a.emails]),
      [[id, '経営会議（役員）', [kenji], ['board@example.com', 'ceo-office@example.com']]],
    );

    // The whole company: chosen for "all employees", shown as everyone; then deleted after a confirm.
    await page.getByRole('button', { name: '送信先を作成' }).click();
    dialog = page.getByRole('dialog', { name: '送信先を作成' });
    await dialog.getByLabel('名前', { exact: true }).fill('全社');
    await dialog.getByLabel('種類').selectOption('all_employees');
    assert.equal(await dialog.getByRole('checkbox', { name: /社内の全員に送る/ }).isChecked(), true);
    // Everyone covers every person: nobody to pick.
    assert.equal(await dialog.getByRole('group', { name: 'ユーザー', exact: true }).count(), 0);
    await dialog.getByRole('button', { name: '作成', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const everyone = page.getByRole('row', { name: /全社/ });
    await everyone.getByText('社内の全員').waitFor();
    await everyone.getByText('全社員').waitFor();
    assert.deepEqual(
      (await audiences()).filter((a) => a.name === '全社').map((a) => [a.kind, a.allUsers]),
      [['all_employees', true]],
    );
    assert.deepEqual(await unlabelled(page), []);
    await screenshot(page, 'stakeholder-audiences-ja');
    await everyone.getByRole('button', { name: '削除' }).click();
    await everyone.getByText('全社 を削除しますか？').waitFor();
    assert.equal((await audiences()).length, 2, 'nothing is deleted before the confirmation');
    await everyone.getByRole('button', { name: '削除' }).click();
    await everyone.waitFor({ state: 'detached' });
    assert.deepEqual(
      (await audiences()).map((a) => a.name),
      ['経営会議（役員）'],
    );

    // The incident's Communicate panel offers it; a preview is written in its language to its people.
    // Within the app (no reload): the list the panel read before is refreshed by the changes.
    await page.getByRole('navigation').getByRole('link', { name: 'インシデント', exact: true }).click();
    await page.getByRole('link', { name: /カード決済の障害/ }).click();
    const form = page.getByRole('form', { name: 'ステークホルダーへの報告' });
    await form.getByRole('checkbox', { name: /経営会議（役員）.*経営層/ }).check();
    await form.getByLabel('影響', { exact: true }).fill('カード決済の約3割が失敗しています。');
    await form.getByRole('button', { name: 'プレビュー' }).click();
    const preview = form.getByRole('region', { name: 'メールのプレビュー' });
    await preview.getByText('宛先数: 3').waitFor();
    assert.match((await preview.getByTestId('stakeholder-subject').textContent()) ?? '', /【障害報告】.*第1報/);
    assert.match((await preview.getByTestId('stakeholder-text').textContent()) ?? '', /カード決済の約3割が失敗しています。/);
    assert.deepEqual(await unlabelled(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a responder reads the audiences but cannot change them', async () => {
    const { page, errors, context } = await newPage(browser);
    await login(page, web.url, 'ren.ito@example.com', responderPassword);
    await page.getByRole('navigation').getByRole('link', { name: 'Stakeholder audiences' }).click();
    await page.getByRole('heading', { name: 'Stakeholder audiences', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /経営会議（役員）/ });
    await row.getByText('Executives').waitFor();
    await row.getByText('日本語').waitFor();
    await row.getByText('People: 1').waitFor();
    await row.getByText('Other addresses: 2').waitFor();
    await page.getByText('Only administrators and owners can change audiences.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'New audience' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /Edit|Delete/ }).count(), 0);
    assert.equal(await page.getByRole('columnheader', { name: 'Actions' }).count(), 0);
    assert.deepEqual(await unlabelled(page), []);
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
