import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';
import { inboxOf, ok, postForm, settleOutbound } from './helpers/status.js';

/**
 * The acceptance, as a new user would try it, in Japanese: create a page with two
 * components, declare an incident on one, post two updates and resolve. The HTML page, the
 * Statuspage JSON, the Atom feed and a subscriber's inbox (a real SMTP server process) must all tell
 * the same story, in the same order, in Japanese.
 */
describe(`status page acceptance, in Japanese (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  let anon: Api;
  let smtp: SmtpSink;
  before(async () => {
    smtp = await startSmtpSink();
    ts = await startTestServer({ env: { HIKESHI_SMTP_URL: smtp.url, HIKESHI_SMTP_FROM: 'ステータス <status@hikeshi.test>' } });
    owner = api(ts.server.app, ts.token);
    anon = api(ts.server.app);
  });
  after(async () => {
    await ts?.close();
    await smtp?.close();
  });

  const settle = () => settleOutbound(ts, smtp);
  const inbox = (to: string): ReceivedMail[] => inboxOf(smtp, to);
  const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
  const inOrder = (text: string, parts: string[], what: string) => {
    let at = -1;
    for (const p of parts) {
      const i = text.indexOf(p, at + 1);
      assert.ok(i > at, `${what}: "${p}" after position ${at} in: ${text.slice(0, 3000)}`);
      at = i;
    }
  };

  it('page, JSON, feed and inbox tell the same story', async () => {
    // 1. a page in Japanese with two components, each linked to a service
    const payments = ok(await owner.post('/api/v1/services', { name: '決済サービス' }), 201, 'service');
    const website = ok(await owner.post('/api/v1/services', { name: 'ウェブサイト' }), 201, 'service');
    const page = ok(
      await owner.post('/api/v1/status-pages', { slug: 'acme', name: 'アクメ株式会社', visibility: 'public', language: 'ja', timeZone: 'Asia/Tokyo' }),
      201,
      'page',
    );
    const cPay = ok(await owner.post(`/api/v1/status-pages/${page.id}/components`, { name: '決済', serviceId: payments.id }), 201, 'component');
    ok(await owner.post(`/api/v1/status-pages/${page.id}/components`, { name: 'ウェブサイト', serviceId: website.id }), 201, 'component');

    // a customer subscribes by the page's own form and confirms by the e-mailed link
    const before = await anon.get('/status/acme');
    assert.match(before.body, /<html lang="ja"/);
    assert.match(before.body, /name="email"/);
    ok(await postForm(anon, '/status/acme/subscribe', [['email', 'customer@example.jp']]), 200, 'subscribe');
    await settle();
    const confirmMail = inbox('customer@example.jp').at(-1)!;
    assert.match(confirmMail.parsed.subject ?? '', /アクメ株式会社/);
    const link = new URL(/https?:\/\/\S+\/confirm\?token=[A-Za-z0-9_-]+/.exec(confirmMail.parsed.text ?? '')![0]);
    ok(await postForm(anon, `${link.pathname}${link.search}`, [['token', link.searchParams.get('token')!]]), 200, 'confirm');

    // 2. an incident on one component, two updates, then resolved
    ts.clock.set('2026-11-22T01:00:00.000Z');
    const incident = ok(await owner.post('/api/v1/incidents', { title: 'PSP timeout in checkout-api', serviceId: payments.id, severity: 'SEV2' }), 201, 'incident');
    const story = [
      { at: '2026-11-22T01:05:00.000Z', status: 'investigating', label: '調査中', message: '一部のお客様で決済が完了しない事象を確認し、調査しています。' },
      { at: '2026-11-22T01:30:00.000Z', status: 'identified', label: '原因特定', message: '決済代行会社との接続のタイムアウトが原因と特定しました。' },
      { at: '2026-11-22T02:10:00.000Z', status: 'resolved', label: '解決済み', message: '接続設定を修正し、決済は正常に完了しています。' },
    ];
    for (const [i, step] of story.entries()) {
      ts.clock.set(step.at);
      const posted = ok(
        await owner.post(`/api/v1/incidents/${incident.id}/status-updates`, { statusPageId: page.id, status: step.status, message: step.message, ...(i === 0 ? { title: '決済の遅延' } : {}) }),
        201,
        'update',
      );
      assert.equal(posted.updates.length, i + 1);
      if (i === 0) {
        // while it is open: the component shows the outage, the page says so
        const s = ok(await anon.get('/status/acme/api/v2/summary.json'), 200, 'summary');
        assert.equal(s.components.find((c: any) => c.id === cPay.id).status, 'partial_outage');
        assert.equal(s.status.indicator, 'major');
        assert.equal(s.incidents[0].name, '決済の遅延');
      }
    }
    await settle();
    const chronological = story.map((s) => s.message);
    const newestFirst = [...chronological].reverse();

    // the JSON: one resolved incident with the three updates, newest first; everything operational
    const json = ok(await anon.get('/status/acme/api/v2/incidents.json'), 200, 'incidents.json');
    assert.equal(json.incidents.length, 1);
    const inc = json.incidents[0];
    assert.deepEqual(
      { name: inc.name, status: inc.status, impact: inc.impact, resolved_at: inc.resolved_at, bodies: inc.incident_updates.map((u: any) => u.body), statuses: inc.incident_updates.map((u: any) => u.status) },
      { name: '決済の遅延', status: 'resolved', impact: 'major', resolved_at: '2026-11-22T02:10:00.000Z', bodies: newestFirst, statuses: ['resolved', 'identified', 'investigating'] },
    );
    const status = ok(await anon.get('/status/acme/api/v2/summary.json'), 200, 'summary');
    assert.deepEqual(status.status.indicator, 'none');
    assert.deepEqual(status.components.map((c: any) => c.status), ['operational', 'operational']);
    assert.deepEqual(status.incidents, []);

    // the HTML page: Japanese, the incident under its public name with the same updates and times in JST
    const html = ok(await anon.get('/status/acme'), 200, 'page');
    assert.match(html, /<html lang="ja"/);
    const text = textOf(html);
    inOrder(text, ['アクメ株式会社', '決済', 'ウェブサイト'], 'page head and components');
    assert.ok(text.includes('決済の遅延'));
    inOrder(text, ['解決済み', newestFirst[0]!, '原因特定', newestFirst[1]!, '調査中', newestFirst[2]!], 'updates on the page');
    assert.match(text, /11:10 JST/, 'the resolution at 02:10 UTC, shown in Tokyo time');
    assert.doesNotMatch(text, /PSP timeout in checkout-api/, 'the internal title never reaches the page');

    // the feed: the same incident and updates, in Japanese
    const feed = ok(await anon.get('/status/acme/feed.atom'), 200, 'feed');
    assert.match(feed, /xml:lang="ja"/);
    assert.match(feed, /<title>決済の遅延<\/title>/);
    const feedText = feed.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    inOrder(textOf(feedText), ['解決済み', newestFirst[0]!, '原因特定', newestFirst[1]!, '調査中', newestFirst[2]!], 'updates in the feed');
    assert.doesNotMatch(feed, /PSP timeout/);

    // the inbox: one e-mail per update, in order, Japanese subjects, the same messages, an unsubscribe link
    const updates = inbox('customer@example.jp').filter((m) => m !== confirmMail);
    assert.equal(updates.length, 3, updates.map((m) => m.parsed.subject).join(' | '));
    const byDate = [...updates].sort((x, y) => chronological.findIndex((c) => (x.parsed.text ?? '').includes(c)) - chronological.findIndex((c) => (y.parsed.text ?? '').includes(c)));
    for (const [i, mail] of byDate.entries()) {
      assert.match(mail.parsed.subject ?? '', new RegExp(`\\[アクメ株式会社\\] ${story[i]!.label}: 決済の遅延`));
      assert.ok((mail.parsed.text ?? '').includes(story[i]!.message), mail.parsed.text);
      assert.match(mail.parsed.text ?? '', /\/unsubscribe\?token=/);
      assert.doesNotMatch(mail.parsed.text ?? '', /PSP timeout/);
    }
  });
});
