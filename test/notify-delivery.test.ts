import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTwilioProvider } from '../src/notify/channels/telephony/twilio.js';
import { webhookSigningSecret } from '../src/notify/channels/webhook/secret.js';
import { verifyWebhook } from '../src/notify/channels/webhook/signature.js';
import { type DeliveryDeps, attemptDelivery } from '../src/notify/delivery/attempt.js';
import { cancelNotifications, createNotifications } from '../src/notify/delivery/create.js';
import { newNotificationKey, notificationKey } from '../src/notify/delivery/keys.js';
import { verifyLink } from '../src/notify/render/links.js';
import { createHttpOut } from '../src/platform/http-out.js';
import { parseOutboundAllow } from '../src/platform/outbound-guard.js';
import { type Api, api } from './helpers/api.js';
import { type HttpSink, startHttpSink } from './helpers/http-sink.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

const SECRET = 'notify-test-secret-0123456789abcdef0123456789';
/** random() = 0.5: the first retry comes 3.75 s after a failure (5 s, equal jitter). */
const FIRST_RETRY_MS = 3750;

describe(`notification delivery (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  let sink: HttpSink;
  let serviceId: string;
  let seq = 0;

  before(async () => {
    ts = await startTestServer();
    owner = api(ts.server.app, ts.token);
    sink = await startHttpSink();
    const svc = await owner.post('/api/v1/services', { name: 'checkout' });
    assert.equal(svc.status, 201, JSON.stringify(svc.body));
    serviceId = svc.body.id;
  });
  after(async () => {
    await sink?.close();
    await ts?.close();
  });

  /**
   * Delivery with loopback allow-listed explicitly (the sinks live on 127.0.0.1). The timeout is short
   * for the tests whose receiver never answers, yet generous for a busy machine answering at once.
   */
  const deps = (over: Partial<DeliveryDeps> = {}): DeliveryDeps => ({
    db: ts.server.store.db,
    clock: ts.clock,
    http: createHttpOut({ allow: parseOutboundAllow('127.0.0.1'), timeoutMs: 1500, connectTimeoutMs: 1500, clock: ts.clock }),
    mail: null,
    telephony: null,
    config: { publicUrl: ts.config.publicUrl, secret: SECRET, smtpFrom: 'Hikeshi <hikeshi@hikeshi.test>', smsMaxSegments: 4, linkTtlMs: 86_400_000 },
    random: () => 0.5,
    ...over,
  });

  async function person(opts: { locale?: 'ja' | 'en'; timeZone?: string } = {}) {
    const n = ++seq;
    const u = await owner.post('/api/v1/users', {
      name: opts.locale === 'ja' ? `山田 太郎${n}` : `Robin ${n}`,
      email: `notify-${n}-${Math.random().toString(36).slice(2, 8)}@example.com`,
      role: 'responder',
      locale: opts.locale ?? 'en',
      timeZone: opts.timeZone ?? 'UTC',
    });
    assert.equal(u.status, 201, JSON.stringify(u.body));
    return u.body as { id: string; name: string };
  }
  async function contact(userId: string, type: string, address: string): Promise<string> {
    const r = await owner.post(`/api/v1/users/${userId}/contact-methods`, { type, address });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id;
  }
  async function declare(title = 'Checkout errors'): Promise<{ id: string; number: number }> {
    const r = await owner.post('/api/v1/incidents', { title, serviceId, severity: 'SEV2', urgency: 1, startedAt: '2026-11-22T08:30:00.000Z' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  }
  async function page(address: string, type = 'webhook', opts: { locale?: 'ja' | 'en'; timeZone?: string } = {}) {
    const user = await person(opts);
    const cm = await contact(user.id, type, address);
    const inc = await declare();
    const key = notificationKey('page', inc.id, user.id, cm);
    const [n] = await createNotifications(ts.server.store.db, [{ idempotencyKey: key, userId: user.id, contactMethodId: cm, incidentId: inc.id, purpose: 'page', urgency: 1 }], ts.clock.now());
    return { user, cm, inc, key, id: n!.id };
  }
  const attempts = (id: string) =>
    ts.server.store.db.selectFrom('deliveryAttempt').selectAll().where('notificationId', '=', id).orderBy('attempt').execute();
  const notification = (id: string) => ts.server.store.db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const requestsTo = (path: string) => sink.requests.filter((r) => r.url === path);
  const timeline = async (incidentId: string) => ((await owner.get(`/api/v1/incidents/${incidentId}/timeline`)).body.items as any[]).map((e) => e.action);

  it('500 then 200: retried with backoff, delivered once, the same webhook-id on both attempts', async () => {
    const path = `/hook-${++seq}`;
    const n = await page(`${sink.url}${path}`);
    sink.script({ status: 500, body: 'boom' });
    const t0 = ts.clock.now().getTime();
    const first = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.equal(first.outcome, 'transient');
    assert.equal(first.status, 'pending');
    assert.ok(first.outcome === 'transient' && first.status === 'pending');
    assert.equal(Date.parse(first.retryAt) - t0, FIRST_RETRY_MS);

    // Called again before the retry is due (a duplicate job): nothing is sent.
    const early = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.deepEqual(early, { outcome: 'deferred', status: 'pending', retryAt: first.retryAt });
    assert.equal(requestsTo(path).length, 1);

    ts.clock.advance(FIRST_RETRY_MS);
    const second = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.deepEqual(second, { outcome: 'delivered', status: 'delivered', attempt: 2 });

    const [a, b] = requestsTo(path);
    assert.ok(a && b);
    assert.equal(a.headers['webhook-id'], n.key);
    assert.equal(b.headers['webhook-id'], n.key, 'same webhook-id on the retry');
    assert.equal(a.body, b.body, 'same body on the retry');
    assert.equal(Number(a.headers['webhook-timestamp']), Math.floor(t0 / 1000), 'timestamp of the attempt');
    assert.equal(Number(b.headers['webhook-timestamp']), Math.floor((t0 + FIRST_RETRY_MS) / 1000), 'timestamp of the retry');
    assert.equal(a.headers['content-type'], 'application/json');
    const secret = webhookSigningSecret(SECRET, n.cm);
    for (const r of [a, b]) {
      const ok = verifyWebhook(
        secret,
        { id: String(r.headers['webhook-id']), timestamp: String(r.headers['webhook-timestamp']), signature: String(r.headers['webhook-signature']) },
        r.body,
        Number(r.headers['webhook-timestamp']),
      );
      assert.ok(ok, 'the signature verifies with the contact method secret');
    }
    const body = JSON.parse(b.body);
    assert.equal(body.type, 'notification.page');
    assert.equal(body.data.incident.ref, `INC-${n.inc.number}`);
    const ack = verifyLink(String(body.data.links.acknowledge).split('/respond/')[1]!, SECRET, ts.clock.now());
    assert.ok(ack.ok && ack.link.userId === n.user.id && ack.link.incidentId === n.inc.id);

    const rows = await attempts(n.id);
    assert.deepEqual(
      rows.map((r) => [r.attempt, r.outcome, r.httpStatus]),
      [
        [1, 'transient', 500],
        [2, 'delivered', 200],
      ],
    );
    assert.equal(rows[0]!.retryAt, first.retryAt);
    const row = await notification(n.id);
    assert.deepEqual([row.status, row.attempts, row.lastError, row.deliveredAt], ['delivered', 2, null, ts.clock.now().toISOString()]);
    assert.deepEqual(
      (await timeline(n.inc.id)).filter((x) => x.startsWith('notification.')),
      ['notification.sent'],
    );

    // A delivered notification is never sent again.
    ts.clock.advance(60_000);
    const again = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.deepEqual(again, { outcome: 'delivered', status: 'delivered' });
    assert.equal(requestsTo(path).length, 2);
    assert.equal((await attempts(n.id)).length, 2);
  });

  it('a timeout after the receiver got the request is unknown: retried under the same webhook-id', async () => {
    const path = `/slow-${++seq}`;
    const n = await page(`${sink.url}${path}`);
    sink.script({ hang: true });
    const first = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.equal(first.outcome, 'unknown');
    assert.ok(first.status === 'pending' && first.retryAt);
    assert.equal(requestsTo(path).length, 1, 'the receiver has it');
    ts.clock.set(first.retryAt);
    const second = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.equal(second.outcome, 'delivered');
    const ids = requestsTo(path).map((r) => r.headers['webhook-id']);
    assert.deepEqual(ids, [n.key, n.key]);
    const rows = await attempts(n.id);
    assert.deepEqual(
      rows.map((r) => [r.outcome, r.code]),
      [
        ['unknown', 'timeout'],
        ['delivered', 'http_200'],
      ],
    );
  });

  it('429 with Retry-After: the retry waits that long', async () => {
    const path = `/busy-${++seq}`;
    const n = await page(`${sink.url}${path}`);
    sink.script({ status: 429, headers: { 'retry-after': '120' }, body: 'rate_limited' });
    const t0 = ts.clock.now().getTime();
    const first = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.ok(first.outcome === 'transient' && first.status === 'pending');
    const wait = Date.parse(first.retryAt) - t0;
    assert.ok(wait >= 120_000 && wait <= 121_000, `waits ${wait} ms`);
    const row = await notification(n.id);
    assert.equal(row.nextAttemptAt, first.retryAt);
    assert.match(row.lastError!, /HTTP 429: rate_limited/);

    ts.clock.advance(60_000);
    const early = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.equal(early.outcome, 'deferred');
    assert.equal(requestsTo(path).length, 1);
    ts.clock.set(first.retryAt);
    assert.equal((await attemptDelivery(deps(), n.id, ts.clock.now())).outcome, 'delivered');
    assert.equal(requestsTo(path).length, 2);
  });

  it('404 is permanent: failed, never retried, shown on the timeline', async () => {
    const path = `/gone-${++seq}`;
    const n = await page(`${sink.url}${path}`);
    sink.script({ status: 404, body: 'channel_not_found' });
    const first = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.deepEqual([first.outcome, first.status], ['permanent', 'failed']);
    ts.clock.advance(3_600_000);
    const again = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.deepEqual([again.outcome, again.status], ['permanent', 'failed']);
    assert.equal(requestsTo(path).length, 1);
    const row = await notification(n.id);
    assert.equal(row.status, 'failed');
    assert.match(row.lastError!, /HTTP 404: channel_not_found/);
    assert.ok((await timeline(n.inc.id)).includes('notification.failed'));
  });

  it('gives up after the last attempt', async () => {
    const path = `/down-${++seq}`;
    const n = await page(`${sink.url}${path}`);
    const policy = { maxAttempts: 3, baseMs: 1000, capMs: 10_000, maxRetryAfterMs: 60_000, leaseMs: 60_000 };
    sink.script({ status: 502 }, { status: 503 }, { status: 504 });
    const results = [];
    for (let i = 0; i < 3; i++) {
      const r = await attemptDelivery(deps({ retry: policy }), n.id, ts.clock.now());
      results.push([r.outcome, r.status]);
      if (r.status === 'pending' && 'retryAt' in r) ts.clock.set(r.retryAt);
    }
    assert.deepEqual(results, [
      ['transient', 'pending'],
      ['transient', 'pending'],
      ['transient', 'failed'],
    ]);
    assert.match((await notification(n.id)).lastError!, /gave up after 3 attempts: HTTP 504/);
    assert.equal(requestsTo(path).length, 3);
  });

  it('two workers attempting at once send once', async () => {
    const path = `/race-${++seq}`;
    const n = await page(`${sink.url}${path}`);
    sink.script({ status: 200, body: 'ok', delayMs: 200 });
    const [a, b] = await Promise.all([attemptDelivery(deps(), n.id, ts.clock.now()), attemptDelivery(deps(), n.id, ts.clock.now())]);
    assert.deepEqual([a.outcome, b.outcome].sort(), ['deferred', 'delivered']);
    assert.equal(requestsTo(path).length, 1);
    assert.equal((await attempts(n.id)).length, 1);
  });

  it('an attempt cut off mid-send (the process died) holds the notification until its lease ends, then is retried', async () => {
    const path = `/crash-${++seq}`;
    const n = await page(`${sink.url}${path}`);
    const db = ts.server.store.db;
    // What a worker leaves behind when it dies after claiming: a lease and an attempt without outcome.
    const leaseUntil = new Date(ts.clock.now().getTime() + 120_000).toISOString();
    await db.updateTable('notification').set({ attempts: 1, leaseUntil }).where('id', '=', n.id).execute();
    await db
      .insertInto('deliveryAttempt')
      .values({ id: `crash${seq}`, notificationId: n.id, attempt: 1, startedAt: ts.clock.now().toISOString(), finishedAt: null, outcome: null, httpStatus: null, code: null, error: null, retryAt: null })
      .execute();
    assert.deepEqual(await attemptDelivery(deps(), n.id, ts.clock.now()), { outcome: 'deferred', status: 'pending', retryAt: leaseUntil });
    assert.equal(requestsTo(path).length, 0);
    ts.clock.set(leaseUntil);
    assert.deepEqual(await attemptDelivery(deps(), n.id, ts.clock.now()), { outcome: 'delivered', status: 'delivered', attempt: 2 });
    assert.equal(requestsTo(path)[0]!.headers['webhook-id'], n.key);
    assert.deepEqual(
      (await attempts(n.id)).map((r) => [r.attempt, r.outcome, r.code]),
      [
        [1, 'unknown', 'abandoned'],
        [2, 'delivered', 'http_200'],
      ],
    );
  });

  it('one slow receiver does not delay another', async () => {
    const slowPath = `/stuck-${++seq}`;
    const slow = await page(`${sink.url}${slowPath}`);
    const fastPath = `/fast-${seq}`;
    const fast = await page(`${sink.url}${fastPath}`, 'slack');
    sink.script({ hang: true });
    const slowDeps = deps({ http: createHttpOut({ allow: parseOutboundAllow('127.0.0.1'), timeoutMs: 5000, clock: ts.clock }) });
    const done: string[] = [];
    const slowDone = attemptDelivery(slowDeps, slow.id, ts.clock.now()).then((r) => done.push(`slow:${r.outcome}`));
    // The slow request is out and waiting for an answer that never comes…
    while (requestsTo(slowPath).length === 0) await new Promise((r) => setTimeout(r, 10));
    // …while the other notification goes out and completes.
    const r = await attemptDelivery(deps(), fast.id, ts.clock.now());
    done.push(`fast:${r.outcome}`);
    assert.deepEqual(done, ['fast:delivered'], 'the fast one finished while the slow one was still waiting');
    assert.equal(requestsTo(fastPath).length, 1);
    await slowDone;
    assert.deepEqual(done, ['fast:delivered', 'slow:unknown']);
  });

  it('SSRF: metadata, private and unlisted loopback addresses are refused, nothing is sent', async () => {
    const plain = deps({ http: createHttpOut({ timeoutMs: 800 }) });
    const before = sink.requests.length;
    for (const address of ['http://169.254.169.254/latest/meta-data/', 'http://10.1.2.3/hook', `${sink.url}/not-allowed`, `http://localhost:${sink.port}/x`]) {
      const n = await page(address);
      const r = await attemptDelivery(plain, n.id, ts.clock.now());
      assert.deepEqual([r.outcome, r.status], ['permanent', 'failed'], address);
      const [row] = await attempts(n.id);
      assert.equal(row!.code, 'ssrf_refused', address);
    }
    assert.equal(sink.requests.length, before);
  });

  it('creates notifications idempotently inside the caller transaction', async () => {
    const user = await person();
    const cm = await contact(user.id, 'webhook', `${sink.url}/idem`);
    const inc = await declare();
    const key = notificationKey('page', inc.id, user.id, cm, 'level-1');
    const item = { idempotencyKey: key, userId: user.id, contactMethodId: cm, incidentId: inc.id, purpose: 'page' as const, urgency: 1 };
    const db = ts.server.store.db;
    const first = await db.transaction().execute((tx) => createNotifications(tx, [item, item], ts.clock.now()));
    assert.equal(first.length, 1);
    assert.equal(first[0]!.created, true);
    assert.equal(first[0]!.channel, 'webhook');
    const second = await db.transaction().execute((tx) => createNotifications(tx, [item], ts.clock.now()));
    assert.deepEqual(second, [{ ...first[0]!, created: false }]);
    const count = await db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('idempotencyKey', '=', key).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
    // A rolled-back transaction leaves nothing behind.
    const other = { ...item, idempotencyKey: newNotificationKey() };
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await createNotifications(tx, [other], ts.clock.now());
        throw new Error('rollback');
      }),
      /rollback/,
    );
    assert.equal(await db.selectFrom('notification').select('id').where('idempotencyKey', '=', other.idempotencyKey).executeTakeFirst(), undefined);
    // Someone else's contact method, and keys that cannot go on the wire, are refused.
    const stranger = await person();
    await assert.rejects(createNotifications(db, [{ ...item, idempotencyKey: newNotificationKey(), userId: stranger.id }], ts.clock.now()), /does not belong/);
    await assert.rejects(createNotifications(db, [{ ...item, idempotencyKey: 'has.a.dot.in.it' }], ts.clock.now()), /must match/);
  });

  it('pages stop when the incident is acknowledged or resolved; later pages still go out', async () => {
    const n = await page(`${sink.url}/stop-${++seq}`);
    ts.clock.advance(1000);
    assert.equal((await owner.post(`/api/v1/incidents/${n.inc.id}/acknowledge`, {})).status, 200);
    const r = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.equal(r.outcome, 'cancelled');
    assert.match((await notification(n.id)).lastError!, /acknowledged after this page was created/);
    assert.equal((await attempts(n.id)).length, 0);

    // A page created after the acknowledgement (a responder asked for) is sent.
    ts.clock.advance(1000);
    const later = await createNotifications(
      ts.server.store.db,
      [{ idempotencyKey: newNotificationKey(), userId: n.user.id, contactMethodId: n.cm, incidentId: n.inc.id, purpose: 'page' }],
      ts.clock.now(),
    );
    assert.equal((await attemptDelivery(deps(), later[0]!.id, ts.clock.now())).outcome, 'delivered');

    // cancelNotifications in the resolving transaction stops what is pending.
    const reminder = await createNotifications(
      ts.server.store.db,
      [{ idempotencyKey: newNotificationKey(), userId: n.user.id, contactMethodId: n.cm, incidentId: n.inc.id, purpose: 'reminder' }],
      ts.clock.now(),
    );
    assert.equal(await cancelNotifications(ts.server.store.db, { incidentId: n.inc.id }, ts.clock.now()), 1);
    assert.equal((await attemptDelivery(deps(), reminder[0]!.id, ts.clock.now())).outcome, 'cancelled');

    // A reminder for a resolved incident is cancelled when attempted.
    const reminder2 = await createNotifications(
      ts.server.store.db,
      [{ idempotencyKey: newNotificationKey(), userId: n.user.id, contactMethodId: n.cm, incidentId: n.inc.id, purpose: 'reminder' }],
      ts.clock.now(),
    );
    assert.equal((await owner.post(`/api/v1/incidents/${n.inc.id}/resolve`, {})).status, 200);
    const r2 = await attemptDelivery(deps(), reminder2[0]!.id, ts.clock.now());
    assert.equal(r2.outcome, 'cancelled');
    assert.match((await notification(reminder2[0]!.id)).lastError!, /resolved/);
  });

  it('a removed contact method fails the notification and keeps its history', async () => {
    const n = await page(`${sink.url}/removed-${++seq}`);
    assert.equal((await owner.delete(`/api/v1/users/${n.user.id}/contact-methods/${n.cm}`)).status, 204);
    const r = await attemptDelivery(deps(), n.id, ts.clock.now());
    assert.deepEqual([r.outcome, r.status], ['permanent', 'failed']);
    const row = await notification(n.id);
    assert.equal(row.contactMethodId, null);
    assert.match(row.lastError!, /contact method was removed/);
  });

  it('Slack, Teams and Mattermost receive their payloads; Slack 400 is permanent and 429 honours Retry-After', async () => {
    const slackPath = `/slack-${++seq}`;
    const slack = await page(`${sink.url}${slackPath}`, 'slack', { locale: 'ja', timeZone: 'Asia/Tokyo' });
    assert.equal((await attemptDelivery(deps(), slack.id, ts.clock.now())).outcome, 'delivered');
    const sp = JSON.parse(requestsTo(slackPath)[0]!.body);
    assert.match(sp.text, /^\[SEV2\]\[triggered\] INC-\d+: Checkout errors$/);
    assert.equal(sp.blocks[0].type, 'header');
    assert.ok(JSON.stringify(sp.blocks).includes('17:30 Asia/Tokyo (GMT+9)'), 'started at in the recipient zone');
    assert.ok(JSON.stringify(sp.blocks).includes('確認（対応開始）'));

    const teamsPath = `/teams-${++seq}`;
    const teams = await page(`${sink.url}${teamsPath}`, 'teams');
    sink.script({ status: 202, body: '' });
    assert.equal((await attemptDelivery(deps(), teams.id, ts.clock.now())).outcome, 'delivered');
    const tp = JSON.parse(requestsTo(teamsPath)[0]!.body);
    assert.equal(tp.type, 'message');
    assert.equal(tp.attachments[0].content.type, 'AdaptiveCard');

    const mmPath = `/mm-${++seq}`;
    const mm = await page(`${sink.url}${mmPath}`, 'mattermost');
    assert.equal((await attemptDelivery(deps(), mm.id, ts.clock.now())).outcome, 'delivered');
    const mp = JSON.parse(requestsTo(mmPath)[0]!.body);
    assert.equal(typeof mp.text, 'string');
    assert.equal(mp.attachments[0].title_link, `http://hikeshi.test/incidents/${mm.inc.id}`);

    const bad = await page(`${sink.url}/slack-bad-${++seq}`, 'slack');
    sink.script({ status: 400, body: 'invalid_payload' });
    const badResult = await attemptDelivery(deps(), bad.id, ts.clock.now());
    assert.deepEqual([badResult.outcome, badResult.status], ['permanent', 'failed']);

    const limited = await page(`${sink.url}/slack-429-${++seq}`, 'slack');
    sink.script({ status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' });
    const t0 = ts.clock.now().getTime();
    const lr = await attemptDelivery(deps(), limited.id, ts.clock.now());
    assert.ok(lr.outcome === 'transient' && lr.status === 'pending');
    const wait = Date.parse(lr.retryAt) - t0;
    assert.ok(wait >= 1000 && wait <= 1100, `waits ${wait} ms`);
  });

  it('SMS and voice through a Twilio-compatible provider: form fields, Basic auth, Japanese intact', async () => {
    const provider = await startHttpSink({ status: 201, body: JSON.stringify({ sid: 'SM0123456789abcdef', status: 'queued' }), headers: { 'content-type': 'application/json' } });
    try {
      const telephony = createTwilioProvider({ baseUrl: `${provider.url}/twilio/`, accountSid: 'AC0123456789', authToken: 'secret-token', from: '+15005550006' });
      const sms = await page('+819012345678', 'sms', { locale: 'ja', timeZone: 'Asia/Tokyo' });
      await ts.server.store.db.updateTable('incident').set({ title: '決済APIのエラー率が上昇しています（東京リージョン）' }).where('id', '=', sms.inc.id).execute();
      const r = await attemptDelivery(deps({ telephony }), sms.id, ts.clock.now());
      assert.equal(r.outcome, 'delivered');
      const req = provider.requests[0]!;
      assert.equal(req.method, 'POST');
      assert.equal(req.url, '/twilio/2010-04-01/Accounts/AC0123456789/Messages.json');
      assert.equal(req.headers.authorization, `Basic ${Buffer.from('AC0123456789:secret-token').toString('base64')}`);
      assert.match(String(req.headers['content-type']), /^application\/x-www-form-urlencoded/);
      assert.equal(req.headers['idempotency-key'], sms.key);
      const form = new URLSearchParams(req.body);
      assert.equal(form.get('To'), '+819012345678');
      assert.equal(form.get('From'), '+15005550006');
      const body = form.get('Body')!;
      assert.match(body, /^\[Hikeshi\] INC-\d+ SEV2 決済APIのエラー率が上昇しています（東京リージョン） \(checkout\) 確認: http:\/\/hikeshi\.test\/respond\/v1\./);
      const voice = await page('+819012345679', 'voice', { locale: 'ja' });
      assert.equal((await attemptDelivery(deps({ telephony }), voice.id, ts.clock.now())).outcome, 'delivered');
      const call = provider.requests[1]!;
      assert.equal(call.url, '/twilio/2010-04-01/Accounts/AC0123456789/Calls.json');
      const callForm = new URLSearchParams(call.body);
      assert.equal(callForm.get('To'), '+819012345679');
      assert.match(callForm.get('Twiml')!, /<Say language="ja-JP">Hikeshi からの呼び出しです。/);

      // A provider error names what went wrong; a 400 is not retried.
      provider.script({ status: 400, body: JSON.stringify({ code: 21211, message: "The 'To' number is not a valid phone number." }) });
      const wrong = await page('+819012345670', 'sms');
      const wr = await attemptDelivery(deps({ telephony }), wrong.id, ts.clock.now());
      assert.deepEqual([wr.outcome, wr.status], ['permanent', 'failed']);
      assert.match((await notification(wrong.id)).lastError!, /HTTP 400: 21211 The 'To' number is not a valid phone number\./);

      // No provider configured: fails at once with a reason.
      const none = await page('+819012345671', 'sms');
      const nr = await attemptDelivery(deps(), none.id, ts.clock.now());
      assert.deepEqual([nr.outcome, nr.status], ['permanent', 'failed']);
      assert.match((await notification(none.id)).lastError!, /SMS provider is not configured/);
    } finally {
      await provider.close();
    }
  });
});
