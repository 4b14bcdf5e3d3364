import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JobRunner } from '../src/jobs/index.js';
import { createSmtpTransport } from '../src/notify/channels/email/transport.js';
import { messageIdFor } from '../src/notify/channels/email/email.js';
import { webhookSigningSecret } from '../src/notify/channels/webhook/secret.js';
import { verifyWebhook } from '../src/notify/channels/webhook/signature.js';
import type { DeliveryDeps } from '../src/notify/delivery/attempt.js';
import { deliverOutbound } from '../src/notify/outbound/deliver.js';
import { enqueueOutbound, type NewOutboundMessage, outboundKey } from '../src/notify/outbound/enqueue.js';
import { outboundHandlers } from '../src/notify/outbound/handlers.js';
import { subscriberTokenValid } from '../src/notify/outbound/subscriber-links.js';
import { createDeliveryDeps } from '../src/notify/setup.js';
import { createHttpOut } from '../src/platform/http-out.js';
import { newId } from '../src/platform/ids.js';
import { parseOutboundAllow } from '../src/platform/outbound-guard.js';
import { type HttpSink, startHttpSink } from './helpers/http-sink.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';

const SECRET = 'outbound-test-secret-0123456789abcdef012345';

/**
 * The `outbound.deliver` job (notify/outbound/deliver.ts) against a real SMTP server process and a
 * real HTTP receiver: once per message, retries with the same Message-ID / webhook-id, permanent
 * failures recorded, two runners at once, unsubscribed in between. The job runner is ticked by hand
 * on a fake clock.
 */
describe(`outbound delivery (${dialectName})`, () => {
  let ts: TestServer;
  let smtp: SmtpSink;
  let sink: HttpSink;
  let pageId: string;
  let seq = 0;

  before(async () => {
    [smtp, sink] = await Promise.all([startSmtpSink(), startHttpSink()]);
    ts = await startTestServer({
      env: { HIKESHI_SMTP_URL: smtp.url, HIKESHI_SMTP_FROM: 'Status <status@hikeshi.test>', HIKESHI_SECRET: SECRET, HIKESHI_OUTBOUND_ALLOW: '127.0.0.1' },
    });
    pageId = newId();
    const at = ts.clock.now().toISOString();
    await ts.server.store.db
      .insertInto('statusPage')
      .values({ id: pageId, slug: 'acme', name: 'Acme', description: '', visibility: 'public', language: 'en', timeZone: 'UTC', hostname: null, createdAt: at, updatedAt: at })
      .execute();
  });
  after(async () => {
    await ts?.close();
    await smtp?.close();
    await sink?.close();
  });

  const db = () => ts.server.store.db;
  async function subscriber(channel: 'email' | 'webhook', address: string): Promise<string> {
    const id = newId();
    const at = ts.clock.now().toISOString();
    await db()
      .insertInto('statusSubscriber')
      .values({ id, pageId, channel, address, language: 'en', componentIds: null, confirmedAt: at, unsubscribedAt: null, createdAt: at, updatedAt: at })
      .execute();
    return id;
  }
  /** One update message to a new subscriber; returns its row id, key and subscriber. */
  async function message(channel: 'email' | 'webhook', address?: string) {
    const n = ++seq;
    const to = address ?? (channel === 'email' ? `reader-${n}@example.com` : `${sink.url}/hook-${n}`);
    const subscriberId = await subscriber(channel, to);
    const key = outboundKey('status_update', `upd-${n}`, subscriberId);
    const m: NewOutboundMessage = {
      idempotencyKey: key,
      purpose: 'status_update',
      channel,
      address: to,
      pageId,
      subscriberId,
      sourceId: `upd-${n}`,
      ...(channel === 'email'
        ? { email: { subject: `[Acme] Investigating: outage ${n}`, text: `text ${n}\n`, html: `<p>html ${n}</p>` } }
        : { webhook: { body: { n, incident: { name: `outage ${n}` } }, signingId: subscriberId } }),
    };
    const created = await db()
      .transaction()
      .execute((tx) => enqueueOutbound(tx, [m], ts.clock.now()));
    assert.equal(created, 1);
    const row = await db().selectFrom('outboundMessage').select('id').where('idempotencyKey', '=', key).executeTakeFirstOrThrow();
    return { id: row.id, key, subscriberId, address: to, path: channel === 'webhook' ? new URL(to).pathname : null };
  }
  const row = (id: string) => db().selectFrom('outboundMessage').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const attempts = (id: string) => db().selectFrom('outboundAttempt').selectAll().where('messageId', '=', id).orderBy('attempt').execute();
  const job = (key: string) => db().selectFrom('job').selectAll().where('key', '=', `outbound:${key}`).executeTakeFirstOrThrow();
  const mailsTo = (address: string) => smtp.messages.filter((m) => m.envelope.to.includes(address));
  const hits = (path: string | null) => sink.requests.filter((r) => r.url === path);
  async function tick(): Promise<number> {
    let total = 0;
    for (let i = 0, n = 1; i < 10 && n > 0; i++) total += n = await ts.server.jobs.tick(ts.clock.now());
    return total;
  }
  /** Wait for the SMTP sink to have parsed everything already sent (it reports over IPC). */
  const settle = async (count: number) => smtp.waitFor(count, 5000);

  it('an e-mail goes out once, with the e-mail channel’s Message-ID, Auto-Submitted and one-click unsubscribe', async () => {
    const before = smtp.messages.length;
    const m = await message('email');
    assert.ok((await tick()) >= 1);
    await settle(before + 1);
    ts.clock.advance(60 * 60_000);
    await tick();
    await new Promise((r) => setTimeout(r, 100));
    const mails = mailsTo(m.address);
    assert.equal(mails.length, 1, 'delivered exactly once');
    const mail = mails[0]!.parsed;
    assert.equal(mail.messageId, messageIdFor(m.key, ts.config.publicUrl));
    assert.equal(mail.subject, `[Acme] Investigating: outage ${seq}`);
    assert.deepEqual(mail.from?.value.map((a) => [a.name, a.address]), [['Status', 'status@hikeshi.test']]);
    assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
    // The headers as sent (mailparser folds List-* headers into its own structure).
    const header = (name: string) => {
      const line = mail.headerLines.find((h) => h.key === name)?.line ?? '';
      return line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, '').trim();
    };
    assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    const url = new URL(header('list-unsubscribe').replace(/^<|>$/g, ''));
    assert.equal(url.origin + url.pathname, `http://hikeshi.test/status/acme/subscribers/${m.subscriberId}/unsubscribe`);
    assert.ok(subscriberTokenValid(SECRET, 'unsubscribe', m.subscriberId, url.searchParams.get('token')));

    const r = await row(m.id);
    assert.equal(r.status, 'delivered');
    assert.equal(r.attempts, 1);
    assert.deepEqual(
      (await attempts(m.id)).map((a) => [a.attempt, a.outcome, a.statusCode]),
      [[1, 'delivered', 250]],
    );
    assert.equal((await job(m.key)).status, 'done');
  });

  it('a webhook answering 500 is retried with backoff: the same webhook-id and body, signed for the subscriber', async () => {
    const m = await message('webhook');
    sink.script({ status: 500, body: 'boom' });
    const t0 = ts.clock.now().getTime();
    await tick();
    assert.equal(hits(m.path).length, 1);
    assert.equal((await row(m.id)).status, 'pending');
    const due = Date.parse((await job(m.key)).dueAt);
    assert.ok(due - t0 >= 2500 && due - t0 <= 5000, `first retry 2.5–5 s later, got ${due - t0} ms`);
    await tick();
    assert.equal(hits(m.path).length, 1, 'not before its retry time');

    ts.clock.set(new Date(due));
    await tick();
    const [a, b] = hits(m.path);
    assert.ok(a && b && hits(m.path).length === 2);
    assert.equal(a.headers['webhook-id'], m.key);
    assert.equal(b.headers['webhook-id'], m.key, 'same webhook-id on the retry');
    assert.equal(a.body, b.body, 'same body on the retry');
    assert.deepEqual(JSON.parse(b.body), { n: seq, incident: { name: `outage ${seq}` } });
    const secret = webhookSigningSecret(SECRET, m.subscriberId);
    for (const r of [a, b]) {
      const headers = { id: String(r.headers['webhook-id']), timestamp: String(r.headers['webhook-timestamp']), signature: String(r.headers['webhook-signature']) };
      assert.ok(verifyWebhook(secret, headers, r.body, Number(r.headers['webhook-timestamp'])), 'signature verifies with the subscriber’s secret');
    }
    assert.equal((await row(m.id)).status, 'delivered');
    assert.deepEqual(
      (await attempts(m.id)).map((x) => [x.attempt, x.outcome, x.statusCode]),
      [
        [1, 'transient', 500],
        [2, 'delivered', 200],
      ],
    );
  });

  it('429 with Retry-After: the retry waits as long as the receiver asked', async () => {
    const m = await message('webhook');
    sink.script({ status: 429, headers: { 'retry-after': '120' } });
    const t0 = ts.clock.now().getTime();
    await tick();
    const due = Date.parse((await job(m.key)).dueAt);
    assert.ok(due - t0 >= 120_000 && due - t0 <= 121_000, `retry after 120 s, got ${due - t0} ms`);
    ts.clock.set(new Date(t0 + 60_000));
    await tick();
    assert.equal(hits(m.path).length, 1);
    ts.clock.set(new Date(due));
    await tick();
    assert.equal(hits(m.path).length, 2);
    assert.equal((await row(m.id)).status, 'delivered');
  });

  it('an SMTP 451 is retried with the same Message-ID; a 550 fails for good and is never retried', async () => {
    const soft = await message('email');
    const before = smtp.messages.length;
    await smtp.failNext(1, 451);
    await tick();
    await settle(before + 1);
    assert.equal((await row(soft.id)).status, 'pending');
    ts.clock.set(new Date((await job(soft.key)).dueAt));
    await tick();
    await settle(before + 2);
    const tries = mailsTo(soft.address);
    assert.deepEqual(
      tries.map((t) => t.answer),
      ['refused 451', 'accepted'],
    );
    assert.equal(tries[0]!.parsed.messageId, tries[1]!.parsed.messageId, 'same Message-ID on the retry');
    assert.equal((await row(soft.id)).status, 'delivered');

    const hard = await message('email');
    await smtp.failNext(1, 550);
    await tick();
    await settle(before + 3);
    const failed = await row(hard.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.lastError ?? '', /550/);
    assert.equal((await job(hard.key)).status, 'done');
    ts.clock.advance(24 * 60 * 60_000);
    await tick();
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(mailsTo(hard.address).length, 1, 'never retried');
    assert.deepEqual(
      (await attempts(hard.id)).map((a) => [a.outcome, a.code]),
      [['permanent', 'smtp_550']],
    );
  });

  it('a webhook answering 410 Gone fails and unsubscribes its subscriber (Standard Webhooks)', async () => {
    const m = await message('webhook');
    sink.script({ status: 410 });
    await tick();
    assert.equal((await row(m.id)).status, 'failed');
    const sub = await db().selectFrom('statusSubscriber').selectAll().where('id', '=', m.subscriberId).executeTakeFirstOrThrow();
    assert.equal(sub.unsubscribedAt, ts.clock.now().toISOString());
  });

  it('a subscriber who unsubscribed after the message was queued gets nothing: the message is cancelled', async () => {
    const m = await message('email');
    await db().updateTable('statusSubscriber').set({ unsubscribedAt: ts.clock.now().toISOString() }).where('id', '=', m.subscriberId).execute();
    await tick();
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(mailsTo(m.address).length, 0);
    const r = await row(m.id);
    assert.equal(r.status, 'cancelled');
    assert.equal(r.lastError, 'the subscriber unsubscribed');
    assert.equal((await attempts(m.id)).length, 0, 'no attempt was made');
    assert.equal((await job(m.key)).status, 'done');
  });

  it('one failing subscriber never holds up another', async () => {
    const hook = await message('webhook');
    const mail = await message('email');
    const before = smtp.messages.length;
    sink.script({ status: 503 });
    await tick();
    await settle(before + 1);
    assert.equal((await row(mail.id)).status, 'delivered');
    assert.equal((await row(hook.id)).status, 'pending');
    assert.equal(mailsTo(mail.address).length, 1);
  });

  it('two runners ticking at once send every message once', async () => {
    const other = createDeliveryDeps(db(), ts.clock, { publicUrl: ts.config.publicUrl, secret: SECRET, smtpUrl: smtp.url, smtpFrom: 'Status <status@hikeshi.test>', outboundAllow: parseOutboundAllow('127.0.0.1') });
    const second = new JobRunner({ store: ts.server.store, clock: ts.clock, handlers: outboundHandlers(other) });
    try {
      ts.clock.advance(24 * 60 * 60_000); // anything earlier tests left pending is due and goes first
      await tick();
      const before = smtp.messages.length;
      const ms = [];
      for (let i = 0; i < 6; i++) ms.push(await message(i % 2 ? 'email' : 'webhook'));
      const requests = sink.requests.length;
      const now = ts.clock.now();
      const [a, b] = await Promise.all([ts.server.jobs.tick(now), second.tick(now)]);
      assert.equal(a + b, 6, 'six jobs claimed between the two runners');
      await settle(before + 3);
      await Promise.all([ts.server.jobs.tick(now), second.tick(now)]);
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(smtp.messages.length - before, 3, 'three e-mails, once each');
      assert.equal(sink.requests.length - requests, 3, 'three webhooks, once each');
      for (const m of ms) {
        assert.equal((await row(m.id)).status, 'delivered');
        assert.equal((await attempts(m.id)).length, 1);
      }
    } finally {
      await second.stop();
      other.close();
    }
  });

  describe('one attempt, called directly', () => {
    const deps = (over: Partial<DeliveryDeps> = {}): DeliveryDeps => ({
      db: db(),
      clock: ts.clock,
      http: createHttpOut({ allow: parseOutboundAllow('127.0.0.1'), timeoutMs: 600, connectTimeoutMs: 600, clock: ts.clock }),
      mail: null,
      telephony: null,
      config: { publicUrl: ts.config.publicUrl, secret: SECRET, smtpFrom: 'Status <status@hikeshi.test>', smsMaxSegments: 4, linkTtlMs: 86_400_000 },
      random: () => 0.5,
      ...over,
    });

    it('a receiver that never answers is an unknown outcome, retried with the same webhook-id', async () => {
      const m = await message('webhook');
      sink.script({ hang: true });
      const first = await deliverOutbound(deps(), m.id, ts.clock.now());
      assert.equal(first.outcome, 'unknown');
      assert.equal(first.status, 'pending');
      const second = await deliverOutbound(deps(), m.id, ts.clock.now());
      assert.deepEqual(second, { outcome: 'delivered', status: 'delivered', attempt: 2 });
      const [a, b] = hits(m.path);
      assert.equal(a?.headers['webhook-id'], m.key);
      assert.equal(b?.headers['webhook-id'], m.key);
      assert.deepEqual(await deliverOutbound(deps(), m.id, ts.clock.now()), { outcome: 'delivered', status: 'delivered' }, 'a third call sends nothing');
      assert.equal(hits(m.path).length, 2);
    });

    it('an SMTP server that takes the message and never answers: unknown, retried with the same Message-ID', async () => {
      const mail = createSmtpTransport(smtp.url, { socketTimeoutMs: 800, connectionTimeoutMs: 2000 });
      try {
        const m = await message('email');
        const before = smtp.messages.length;
        await smtp.hangNext(1);
        const first = await deliverOutbound(deps({ mail }), m.id, ts.clock.now());
        assert.equal(first.outcome, 'unknown');
        const second = await deliverOutbound(deps({ mail }), m.id, ts.clock.now());
        assert.equal(second.outcome, 'delivered');
        await settle(before + 2);
        const got = mailsTo(m.address);
        assert.equal(got.length, 2);
        assert.equal(got[0]!.parsed.messageId, got[1]!.parsed.messageId);
      } finally {
        mail.close();
      }
    });

    it('two calls at once for one message: one attempt, one request', async () => {
      const m = await message('webhook');
      const results = await Promise.all([deliverOutbound(deps(), m.id, ts.clock.now()), deliverOutbound(deps(), m.id, ts.clock.now())]);
      assert.deepEqual(results.map((r) => r.outcome).sort(), ['deferred', 'delivered']);
      assert.equal(hits(m.path).length, 1);
      assert.equal((await attempts(m.id)).length, 1);
    });

    it('mail not configured: a permanent failure `not_configured`', async () => {
      const m = await message('email');
      const r = await deliverOutbound(deps({ mail: null }), m.id, ts.clock.now());
      assert.equal(r.status, 'failed');
      assert.equal(r.outcome, 'permanent');
      assert.deepEqual(
        (await attempts(m.id)).map((a) => [a.outcome, a.code]),
        [['permanent', 'not_configured']],
      );
    });
  });
});
