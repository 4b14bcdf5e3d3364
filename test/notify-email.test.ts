import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSmtpTransport, type MailTransport } from '../src/notify/channels/email/transport.js';
import { type DeliveryDeps, attemptDelivery } from '../src/notify/delivery/attempt.js';
import { createNotifications } from '../src/notify/delivery/create.js';
import { notificationKey } from '../src/notify/delivery/keys.js';
import { verifyLink } from '../src/notify/render/links.js';
import { createHttpOut } from '../src/platform/http-out.js';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';

const SECRET = 'notify-email-secret-0123456789abcdef01234567';

describe(`e-mail notifications through a real SMTP server (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  let smtp: SmtpSink;
  let mail: MailTransport;
  let serviceId: string;
  let seq = 0;

  before(async () => {
    [ts, smtp] = await Promise.all([startTestServer(), startSmtpSink()]);
    owner = api(ts.server.app, ts.token);
    mail = createSmtpTransport(smtp.url, { socketTimeoutMs: 10_000, connectionTimeoutMs: 5000 });
    const svc = await owner.post('/api/v1/services', { name: '決済サービス' });
    assert.equal(svc.status, 201);
    serviceId = svc.body.id;
  });
  after(async () => {
    mail?.close();
    await smtp?.close();
    await ts?.close();
  });

  const deps = (over: Partial<DeliveryDeps> = {}): DeliveryDeps => ({
    db: ts.server.store.db,
    clock: ts.clock,
    http: createHttpOut(),
    mail,
    telephony: null,
    config: { publicUrl: ts.config.publicUrl, secret: SECRET, smtpFrom: 'Hikeshi <hikeshi@hikeshi.test>', smsMaxSegments: 4, linkTtlMs: 86_400_000 },
    random: () => 0.5,
    ...over,
  });

  async function pageByMail(opts: { locale: 'ja' | 'en'; timeZone: string; title: string }) {
    const n = ++seq;
    const address = `oncall-${n}@example.com`;
    const user = await owner.post('/api/v1/users', {
      name: opts.locale === 'ja' ? '鈴木 一郎' : 'Alex Doe',
      email: `u-${n}-${Math.random().toString(36).slice(2, 8)}@example.com`,
      role: 'responder',
      locale: opts.locale,
      timeZone: opts.timeZone,
    });
    assert.equal(user.status, 201, JSON.stringify(user.body));
    const cm = await owner.post(`/api/v1/users/${user.body.id}/contact-methods`, { type: 'email', address });
    assert.equal(cm.status, 201, JSON.stringify(cm.body));
    const inc = await owner.post('/api/v1/incidents', { title: opts.title, serviceId, severity: 'SEV1', urgency: 1, startedAt: '2026-11-22T08:30:00.000Z' });
    assert.equal(inc.status, 201, JSON.stringify(inc.body));
    const key = notificationKey('page', inc.body.id, user.body.id, cm.body.id);
    const [created] = await createNotifications(
      ts.server.store.db,
      [{ idempotencyKey: key, userId: user.body.id, contactMethodId: cm.body.id, incidentId: inc.body.id, purpose: 'page', urgency: 1 }],
      ts.clock.now(),
    );
    return { id: created!.id, key, address, userId: user.body.id as string, incident: inc.body as { id: string; number: number } };
  }
  const mailsTo = (address: string) => smtp.messages.filter((m) => m.envelope.to.includes(address));

  it('a page in Japanese, times in Tokyo, links that verify; the retry after a 451 carries the same Message-ID', async () => {
    const n = await pageByMail({ locale: 'ja', timeZone: 'Asia/Tokyo', title: 'データベース接続エラーが多発' });
    await smtp.failNext(1, 451);
    const before = smtp.messages.length;
    const first = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.equal(first.outcome, 'transient');
    assert.ok(first.status === 'pending');
    ts.clock.set(first.retryAt);
    const second = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.equal(second.outcome, 'delivered');
    await smtp.waitFor(before + 2);

    const [refused, accepted] = mailsTo(n.address);
    assert.ok(refused && accepted);
    assert.equal(refused.answer, 'refused 451');
    assert.equal(accepted.answer, 'accepted');
    assert.equal(refused.parsed.messageId, `<${n.key}@hikeshi.test>`);
    assert.equal(accepted.parsed.messageId, refused.parsed.messageId, 'the same Message-ID on the retry');

    const m = accepted.parsed;
    assert.equal(m.subject, `[SEV1] INC-${n.incident.number}: データベース接続エラーが多発`);
    assert.equal(m.from?.value[0]?.address, 'hikeshi@hikeshi.test');
    assert.equal(m.to && !Array.isArray(m.to) ? m.to.value[0]?.address : null, n.address);
    assert.equal(m.headers.get('auto-submitted'), 'auto-generated');
    assert.equal(m.headers.get('x-hikeshi-notification'), n.key);
    const text = m.text ?? '';
    assert.match(text, /鈴木 一郎 さん、このインシデントの対応依頼（呼び出し）です。/);
    assert.match(text, /サービス: 決済サービス/);
    assert.match(text, /発生日時: 2026年11月22日\(日\) 17:30 Asia\/Tokyo \(GMT\+9\)/);
    assert.match(text, /緊急度: 高/);
    const html = typeof m.html === 'string' ? m.html : '';
    assert.match(html, /<html lang="ja">/);
    assert.match(html, /17:30 Asia\/Tokyo/);
    const ackUrl = /確認（対応開始）: (\S+)/.exec(text)?.[1];
    assert.ok(ackUrl?.startsWith('http://hikeshi.test/respond/'), ackUrl);
    const v = verifyLink(ackUrl!.split('/respond/')[1]!, SECRET, ts.clock.now());
    assert.ok(v.ok && v.link.action === 'acknowledge' && v.link.userId === n.userId && v.link.incidentId === n.incident.id);
    assert.ok(html.includes(ackUrl!.replace(/&/g, '&amp;')), 'the HTML part carries the same link');
    assert.equal(refused.parsed.text, accepted.parsed.text, 'the retry is the same message');

    // Delivered: never sent again.
    ts.clock.advance(600_000);
    assert.deepEqual(await attemptDelivery(deps(), n.id, ts.clock.now()), { outcome: 'delivered', status: 'delivered' });
    assert.equal(mailsTo(n.address).length, 2);
  });

  it('English in New York; 550 is permanent', async () => {
    const n = await pageByMail({ locale: 'en', timeZone: 'America/New_York', title: 'Payments failing' });
    await smtp.failNext(1, 550);
    const r = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.deepEqual([r.outcome, r.status], ['permanent', 'failed']);
    await smtp.waitFor(smtp.messages.length);
    const [m] = mailsTo(n.address);
    assert.ok(m);
    assert.equal(m.parsed.subject, `[SEV1] INC-${n.incident.number}: Payments failing`);
    assert.match(m.parsed.text ?? '', /Started: 2026-11-22 \(Sun\) 03:30 America\/New_York \(GMT-5\)/);
    assert.match(m.parsed.text ?? '', /Alex Doe, you are being paged/);
    const row = await ts.server.store.db.selectFrom('deliveryAttempt').selectAll().where('notificationId', '=', n.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.outcome, row.httpStatus, row.code], ['permanent', 550, 'smtp_550']);
    ts.clock.advance(3_600_000);
    await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.equal(mailsTo(n.address).length, 1, 'not retried');
  });

  it('no reply after the message was handed over is unknown; the retry repeats the Message-ID', async () => {
    const n = await pageByMail({ locale: 'en', timeZone: 'UTC', title: 'Queue backlog' });
    await smtp.hangNext(1);
    const impatient = createSmtpTransport(smtp.url, { socketTimeoutMs: 1000 });
    const first = await attemptDelivery(deps({ mail: impatient }), n.id, ts.clock.now()).finally(() => impatient.close());
    assert.equal(first.outcome, 'unknown');
    assert.ok(first.status === 'pending');
    ts.clock.set(first.retryAt);
    assert.equal((await attemptDelivery(deps(), n.id, ts.clock.now())).outcome, 'delivered');
    await smtp.waitFor(smtp.messages.length);
    const got = mailsTo(n.address);
    assert.deepEqual(
      got.map((m) => [m.answer, m.parsed.messageId]),
      [
        ['hung', `<${n.key}@hikeshi.test>`],
        ['accepted', `<${n.key}@hikeshi.test>`],
      ],
    );
  });

  it('a mail server that is down is transient; no SMTP configured fails with a reason', async () => {
    const n = await pageByMail({ locale: 'en', timeZone: 'UTC', title: 'Mail server down' });
    const closed = createSmtpTransport('smtp://127.0.0.1:1', { connectionTimeoutMs: 1000 });
    try {
      const r = await attemptDelivery(deps({ mail: closed }), n.id, ts.clock.now());
      assert.deepEqual([r.outcome, r.status], ['transient', 'pending']);
    } finally {
      closed.close();
    }
    const m = await pageByMail({ locale: 'en', timeZone: 'UTC', title: 'No SMTP' });
    const r2 = await attemptDelivery(deps({ mail: null }), m.id, ts.clock.now());
    assert.deepEqual([r2.outcome, r2.status], ['permanent', 'failed']);
  });
});
