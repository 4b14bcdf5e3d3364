import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { api } from './helpers/api.js';
import { browserSkip, launchBrowser, login, newPage, screenshot, startWebServer, type WebServer } from './helpers/browser.js';

/**
 * The intake portal in a real browser (SPEC §4.5): an employee opens /help in Japanese, sees the
 * internal status page first ("is this a known problem?"), reports a problem with a security "yes",
 * and gets the confirmation; the incident page shows the report with its security flag, and triage
 * escalates the inquiry to an outage.
 */
describe('web app: the intake portal (/help)', { skip: browserSkip }, () => {
  let web: WebServer;
  let browser: Browser;
  let employee: { id: string; email: string; password: string };
  /** Whether this server has the status-page API (it is being built alongside). */
  let statusPages = false;

  before(async () => {
    web = await startWebServer({ locale: 'ja' });
    browser = await launchBrowser();
    const owner = api(web.ts.server.app, web.owner.token);
    const password = 'an employee passphrase 2026';
    const u = await owner.post('/api/v1/users', { name: '山田 花子', email: 'hanako@example.com', role: 'observer', password, locale: 'ja', timeZone: 'Asia/Tokyo' });
    assert.equal(u.status, 201, JSON.stringify(u.body));
    employee = { id: u.body.id, email: u.body.email, password };

    const vpn = await owner.post('/api/v1/services', { name: 'VPN' });
    const page = await owner.post('/api/v1/status-pages', { slug: 'corp', name: '社内システム', visibility: 'internal', language: 'ja', timeZone: 'Asia/Tokyo' });
    statusPages = page.status === 201;
    if (statusPages) {
      assert.equal((await owner.post(`/api/v1/status-pages/${page.body.id}/components`, { name: 'VPN接続', serviceId: vpn.body.id })).status, 201);
      assert.equal((await owner.post(`/api/v1/status-pages/${page.body.id}/components`, { name: 'メール' })).status, 201);
      const inc = await owner.post('/api/v1/incidents', { title: 'VPN gateway down', serviceId: vpn.body.id, severity: 'SEV2' });
      const posted = await owner.post(`/api/v1/incidents/${inc.body.id}/status-updates`, {
        statusPageId: page.body.id,
        status: 'identified',
        title: 'VPNに接続しにくい状態',
        message: 'VPN装置を再起動しています',
      });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
    }
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  let reportedId = '';

  test('an employee reads the internal status, then reports a problem with a security "yes"', async () => {
    const { page, errors, context } = await newPage(browser, { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    await login(page, `${web.url}/help`, employee.email, employee.password);
    await page.getByRole('heading', { name: '問い合わせ・障害の報告', level: 1 }).waitFor();
    const known = page.getByRole('region', { name: '既知の障害ですか？' });
    await known.waitFor();
    if (statusPages) {
      const corp = known.getByRole('article', { name: '社内システム' });
      await corp.getByText('VPNに接続しにくい状態').waitFor();
      assert.match(await corp.innerText(), /VPN装置を再起動しています/);
      assert.match(await corp.innerText(), /原因特定/, 'the update status, in Japanese');
      assert.match(await corp.innerText(), /VPN接続: 一部停止/, 'SEV2 on the linked service: partial outage');
      assert.doesNotMatch(await corp.innerText(), /メール:/, 'operational components are not listed');
      assert.equal(await corp.getByRole('link', { name: '社内システム のステータスページを開く' }).getAttribute('href'), '/status/corp');
    } else {
      await known.getByText('社内ステータスページはまだ公開されていません。').waitFor();
    }
    await screenshot(page, 'help-ja');
    // Every control has a label; every radio button sits in a fieldset whose legend asks the question.
    const unlabelled = await page.evaluate<string[]>(`[...document.querySelectorAll('main input, main select, main textarea')]
      .filter((el) => !(el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')) && !el.closest('label'))
      .map((el) => el.outerHTML.slice(0, 120))`);
    assert.deepEqual(unlabelled, []);
    const radiosWithoutLegend = await page.evaluate<number>(
      `[...document.querySelectorAll('main input[type=radio]')].filter((el) => !el.closest('fieldset')?.querySelector(':scope > legend')?.textContent.trim()).length`,
    );
    assert.equal(radiosWithoutLegend, 0);
    assert.equal(await page.locator('main input[type=radio]').count(), 5 + 3 * 3);

    // The form, filled the way a person would: labels, radio groups with legends, local time.
    const hourAgo = new Date(Date.now() - 3_600_000);
    hourAgo.setUTCSeconds(0, 0);
    const tokyoWall = new Date(hourAgo.getTime() + 9 * 3_600_000).toISOString().slice(0, 16);
    await page.getByLabel('何が起きていますか？（1行で）').fill('添付を開いたら画面が変 <img src=x onerror="window.__xss=1">');
    await page.getByLabel('いつから起きていますか？').fill(tokyoWall);
    const affected = page.getByRole('group', { name: '誰が影響を受けていますか？' });
    await affected.getByLabel('自分だけ').check();
    await page.getByLabel('何ができなくなっていますか？').fill('<script>window.__xss=2</script>経費精算システムが開けない');
    await page.getByLabel('端末の種類').selectOption({ label: 'Windows PC' });
    await page.getByLabel('機種・OS（任意）').fill('ThinkPad / Windows 11');
    // Submitting without the security answers is refused by the browser (every question is required).
    await page.getByRole('button', { name: '報告する' }).click();
    assert.equal(await page.getByRole('heading', { name: 'ご報告ありがとうございます' }).count(), 0);
    const security = page.getByRole('group', { name: 'セキュリティに関する質問' });
    await security.getByRole('group', { name: '不審なメール・リンク・添付ファイルを開きましたか？' }).getByLabel('はい').check();
    await security.getByRole('group', { name: /端末の動作がおかしいですか？/ }).getByLabel('わからない').check();
    await security.getByRole('group', { name: '心当たりのないログインやパスワード変更の通知を受け取りましたか？' }).getByLabel('いいえ').check();
    await page.getByRole('button', { name: '報告する' }).click();

    const done = page.getByRole('region', { name: 'ご報告ありがとうございます' });
    await done.waitFor();
    const text = await done.innerText();
    const ref = /(INC-\d+) として記録しました。/.exec(text)?.[1];
    assert.ok(ref, text);
    assert.match(text, /セキュリティチームに知らせました/);
    assert.match(text, /電源は切らず/);
    await screenshot(page, 'help-done-ja');

    // What the server recorded: the answers as typed, flagged, when it started in the employee's zone.
    const reports = (await api(web.ts.server.app, web.owner.token).get('/api/v1/intake-reports?flagged=true')).body.items;
    assert.equal(reports.length, 1);
    const r = reports[0];
    assert.equal(r.incident.reference, ref);
    assert.equal(r.incident.type, 'inquiry');
    assert.equal(r.answers.startedAt, hourAgo.toISOString());
    assert.deepEqual(r.answers.security, { suspiciousEmailOpened: 'yes', unusualDeviceBehaviour: 'unsure', unexpectedLoginNotice: 'no' });
    assert.deepEqual(r.answers.device, { kind: 'pc', details: 'ThinkPad / Windows 11' });
    assert.equal(r.answers.affected.who, 'just_me');
    reportedId = r.incidentId;

    // The link goes to the incident, which the reporter can read (with the flag, without triage).
    await done.getByRole('link', { name: `${ref} を見る` }).click();
    const report = page.getByRole('region', { name: /問い合わせ窓口からの報告/ });
    await report.waitFor();
    await report.getByText('セキュリティ要確認', { exact: true }).waitFor();
    assert.match(await report.innerText(), /<script>window.__xss=2<\/script>経費精算システムが開けない/, 'text shown as text');
    assert.equal(await report.getByRole('button', { name: /エスカレーション/ }).count(), 0, 'an observer cannot triage');
    assert.equal(await page.evaluate<unknown>('window.__xss'), undefined);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the incident page shows the report and its security flag; triage escalates the inquiry to an outage', async () => {
    assert.ok(reportedId, 'the previous test reported a problem');
    const { page, errors, context } = await newPage(browser, { locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    await login(page, `${web.url}/incidents/${reportedId}`, web.owner.email, web.owner.password);
    const report = page.getByRole('region', { name: /問い合わせ窓口からの報告/ });
    await report.waitFor();
    const flag = report.locator('.badge.security-flag');
    assert.equal(await flag.innerText(), 'セキュリティ要確認');
    assert.match(await report.innerText(), /報告者\s*山田 花子/);
    assert.match(await report.innerText(), /不審なメール・リンク・添付ファイルを開きましたか？\s*はい/);
    await page.locator('.incident-head .badge', { hasText: '問い合わせ' }).waitFor();
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'intake-report-ja');

    await report.getByRole('button', { name: 'システム障害にエスカレーション' }).click();
    const dialog = page.getByRole('dialog', { name: /のエスカレーション/ });
    assert.match(await dialog.innerText(), /システム障害にしますか？/);
    await dialog.getByRole('button', { name: 'エスカレーションする' }).click();
    await page.locator('.incident-head .badge', { hasText: '障害' }).waitFor();
    await report.getByRole('button', { name: /エスカレーション/ }).waitFor({ state: 'detached' });
    // The report and the flag stay with the incident after triage.
    await report.locator('.badge.security-flag').waitFor();

    const owner = api(web.ts.server.app, web.owner.token);
    const inc = (await owner.get(`/api/v1/incidents/${reportedId}`)).body;
    assert.equal(inc.type, 'outage');
    const actions = ((await owner.get(`/api/v1/incidents/${reportedId}/timeline`)).body.items as { action: string; data: any }[]).map((e) => e.action);
    assert.deepEqual(actions.slice(0, 3), ['incident.declared', 'intake.reported', 'intake.security_flagged']);
    assert.ok(actions.includes('incident.type_changed'), actions.join());
    assert.deepEqual(errors, []);
    await context.close();
  });
});
