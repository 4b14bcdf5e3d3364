import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { JobRunner, scheduleJob } from '../src/jobs/index.js';
import { verifyWebhook } from '../src/notify/channels/webhook/signature.js';
import { FakeClock } from '../src/platform/clock.js';
import { maintenanceNoticeHandlers } from '../src/services/status-subscriber/maintenance-handlers.js';
import { MAINTENANCE_NOTICE, noticeJobPrefix } from '../src/services/status-subscriber/maintenance-notice-kind.js';
import { type Api, api } from './helpers/api.js';
import { type HttpSink, startHttpSink } from './helpers/http-sink.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';
import { inboxOf, linkIn, ok, postForm, settleOutbound } from './helpers/status.js';

const SECRET = 'maintenance-notice-secret-0123456789abcdef0';

/**
 * Edge case 44: scheduled maintenance shown on a status page reaches the page's subscribers as
 * "scheduled" (once, when the window is put on the page), "in progress" at each occurrence's start
 * and "completed" at its end — each exactly once, whatever runs twice. Real SMTP server process, the
 * job runner ticked by hand at the instants that matter (FakeClock), a weekly window across the
 * 2026-11-01 America/New_York DST change, per-component choices, webhooks, Japanese pages.
 */
describe(`maintenance notices to status-page subscribers (${dialectName})`, () => {
  let ts: TestServer;
  let owner: Api;
  let anon: Api;
  let smtp: SmtpSink;
  let hooks: HttpSink;
  let seq = 0;

  before(async () => {
    [smtp, hooks] = await Promise.all([startSmtpSink(), startHttpSink()]);
    ts = await startTestServer({
      clock: new FakeClock('2026-10-20T12:00:00.000Z'),
      env: { HIKESHI_SMTP_URL: smtp.url, HIKESHI_SMTP_FROM: 'Status <status@hikeshi.test>', HIKESHI_SECRET: SECRET, HIKESHI_OUTBOUND_ALLOW: '127.0.0.1' },
    });
    owner = api(ts.server.app, ts.token);
    anon = api(ts.server.app);
  });
  after(async () => {
    await ts?.close();
    await smtp?.close();
    await hooks?.close();
  });

  async function service(name: string): Promise<string> {
    return ok(await owner.post('/api/v1/services', { name }), 201, 'service').id;
  }
  /** A page with components API and Web, each linked to its own service. */
  async function statusPage(opts: { language?: 'ja' | 'en'; name?: string; timeZone?: string } = {}) {
    const n = ++seq;
    const slug = `maint-${n}`;
    const page = ok(
      await owner.post('/api/v1/status-pages', { slug, name: opts.name ?? `Acme ${n}`, visibility: 'public', language: opts.language ?? 'en', timeZone: opts.timeZone ?? 'Asia/Tokyo' }),
      201,
      'page',
    );
    const services = { api: await service(`api-${n}`), web: await service(`web-${n}`) };
    const component = async (name: string, serviceId: string) => ok(await owner.post(`/api/v1/status-pages/${page.id}/components`, { name, serviceId }), 201, 'component').id as string;
    return { id: page.id as string, slug, name: page.name as string, services, components: { api: await component('API', services.api), web: await component('Web', services.web) } };
  }
  type Page = Awaited<ReturnType<typeof statusPage>>;

  const settle = () => settleOutbound(ts, smtp);
  /** Move the clock to `iso` and run what is due. */
  async function at(iso: string): Promise<void> {
    ts.clock.set(iso);
    await settle();
  }
  const inbox = (address: string): ReceivedMail[] => inboxOf(smtp, address);
  const subjects = (address: string): string[] => inbox(address).map((m) => m.parsed.subject ?? '');
  /** Subjects of maintenance notices only (not the confirmation, not incident updates). */
  const notices = (address: string): string[] => subjects(address).filter((s) => /maintenance|メンテナンス/i.test(s));
  /** Subscribe by the page's form; follow the confirmation link unless `confirm` is false. */
  async function subscribe(page: Page, address: string, components: string[] = [], confirm = true): Promise<void> {
    ok(await postForm(anon, `/status/${page.slug}/subscribe`, [['email', address], ...components.map((c): [string, string] => ['component', c])]), 200, 'subscribe');
    await settle();
    if (!confirm) return;
    const link = linkIn(inbox(address).at(-1)!, 'confirm');
    ok(await postForm(anon, `${link.pathname}${link.search}`, [['token', link.searchParams.get('token')!]]), 200, 'confirm');
  }
  async function createWindow(body: Record<string, unknown>): Promise<any> {
    return ok(await owner.post('/api/v1/maintenance-windows', body), 201, 'maintenance window');
  }
  /** The window's notice jobs: `<occurrence start>:<kind> <status> <due>`, sorted. */
  async function noticeJobs(windowId: string): Promise<string[]> {
    const prefix = noticeJobPrefix(windowId);
    const rows = await ts.server.store.db
      .selectFrom('job')
      .select(['key', 'status', 'dueAt'])
      .where(sql`substr(key, 1, ${prefix.length})`, '=', prefix)
      .execute();
    return rows.map((r) => `${r.key.slice(prefix.length)} ${r.status} ${new Date(r.dueAt).toISOString()}`).sort();
  }

  it('a weekly window across the 2026-11-01 New York DST change: one "scheduled", then in progress and completed at each occurrence’s real instants', async () => {
    const page = await statusPage({ timeZone: 'America/New_York', name: 'Acme NY' });
    await subscribe(page, 'weekly@example.com');
    // every Sunday 01:30–02:30 New York wall clock: EDT (UTC-4) until 1 November, EST (UTC-5) after;
    // on 1 November 01:30 happens twice (the earlier one counts) and 02:30 only once, in EST.
    const w = await createWindow({
      name: 'Weekly database maintenance',
      description: 'Failover test of the primary database.',
      timeZone: 'America/New_York',
      serviceIds: [page.services.api],
      statusPageIds: [page.id],
      startsAt: '2026-10-20T00:00:00Z',
      recurrence: { frequency: 'weekly', daysOfWeek: ['sun'], startTime: '01:30', durationMinutes: 60 },
    });
    await settle();
    assert.deepEqual(notices('weekly@example.com'), ['[Acme NY] Scheduled maintenance: Weekly database maintenance']);
    const scheduled = inbox('weekly@example.com').at(-1)!.parsed.text ?? '';
    assert.match(scheduled, /Start: 2026-10-25 \(Sun\) 01:30 America\/New_York \(GMT-4\)/);
    assert.match(scheduled, /End: 2026-10-25 \(Sun\) 02:30 America\/New_York \(GMT-4\)/);
    assert.match(scheduled, /Affected components: API/);
    assert.match(scheduled, /Failover test of the primary database\./);
    assert.deepEqual(await noticeJobs(w.id), [
      '2026-10-25T05:30:00.000Z:completed pending 2026-10-25T06:30:00.000Z',
      '2026-10-25T05:30:00.000Z:in_progress pending 2026-10-25T05:30:00.000Z',
    ]);

    // Step through each boundary and one millisecond before it: what arrived at which instant.
    const seen: string[] = [];
    let count = inbox('weekly@example.com').length;
    for (const instant of [
      '2026-10-25T05:29:59.999Z',
      '2026-10-25T05:30:00.000Z',
      '2026-10-25T05:30:00.000Z',
      '2026-10-25T06:29:59.999Z',
      '2026-10-25T06:30:00.000Z',
      '2026-11-01T05:29:59.999Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T06:30:00.000Z',
      '2026-11-01T07:29:59.999Z',
      '2026-11-01T07:30:00.000Z',
      '2026-11-08T06:29:59.999Z',
      '2026-11-08T06:30:00.000Z',
      '2026-11-08T07:29:59.999Z',
      '2026-11-08T07:30:00.000Z',
      '2026-11-08T07:30:00.000Z',
    ]) {
      await at(instant);
      for (const m of inbox('weekly@example.com').slice(count)) seen.push(`${instant} ${m.parsed.subject}`);
      count = inbox('weekly@example.com').length;
    }
    const name = 'Weekly database maintenance';
    assert.deepEqual(seen, [
      `2026-10-25T05:30:00.000Z [Acme NY] Maintenance in progress: ${name}`,
      `2026-10-25T06:30:00.000Z [Acme NY] Maintenance completed: ${name}`,
      `2026-11-01T05:30:00.000Z [Acme NY] Maintenance in progress: ${name}`,
      `2026-11-01T07:30:00.000Z [Acme NY] Maintenance completed: ${name}`,
      `2026-11-08T06:30:00.000Z [Acme NY] Maintenance in progress: ${name}`,
      `2026-11-08T07:30:00.000Z [Acme NY] Maintenance completed: ${name}`,
    ]);
    assert.equal(notices('weekly@example.com').filter((s) => s.includes('Scheduled')).length, 1, 'one "scheduled" for a recurring window, not one a week');
    // The DST occurrence: starts in EDT, ends in EST, two hours later.
    const fallBack = inbox('weekly@example.com').find((m) => m.parsed.subject?.includes('completed') && m.parsed.text?.includes('2026-11-01'))!.parsed.text ?? '';
    assert.match(fallBack, /Start: 2026-11-01 \(Sun\) 01:30 America\/New_York \(GMT-4\)/);
    assert.match(fallBack, /End: 2026-11-01 \(Sun\) 02:30 America\/New_York \(GMT-5\)/);
    assert.deepEqual(
      (await noticeJobs(w.id)).filter((j) => j.includes('pending')),
      ['2026-11-15T06:30:00.000Z:completed pending 2026-11-15T07:30:00.000Z', '2026-11-15T06:30:00.000Z:in_progress pending 2026-11-15T06:30:00.000Z'],
      'only the next occurrence’s jobs wait',
    );

    // Deleting the window stops the notices (the pending job finds no window and ends).
    ok(await owner.delete(`/api/v1/maintenance-windows/${w.id}`), 204, 'delete');
    await at('2026-11-15T06:30:00.000Z');
    await at('2026-11-15T07:30:00.000Z');
    assert.equal(inbox('weekly@example.com').length, count, 'nothing after the window was deleted');
    assert.deepEqual((await noticeJobs(w.id)).filter((j) => j.includes('pending')), []);
  });

  it('a one-off window: scheduled, in progress, completed — once each per matching, confirmed subscriber, also when jobs run twice, racing, and the use case repeats', async () => {
    await at('2026-11-22T09:00:00.000Z');
    const page = await statusPage();
    await subscribe(page, 'all@example.com');
    await subscribe(page, 'api@example.com', [page.components.api]);
    await subscribe(page, 'web@example.com', [page.components.web]);
    await subscribe(page, 'lazy@example.com', [], false);
    const hook = ok(
      await owner.post(`/api/v1/status-pages/${page.id}/subscribers`, { channel: 'webhook', address: `${hooks.url}/maintenance-hook`, componentIds: [page.components.api] }),
      201,
      'webhook',
    );
    const start = '2026-11-24T01:00:00.000Z';
    const end = '2026-11-24T02:00:00.000Z';
    const w = await createWindow({
      name: 'Database upgrade <b>now</b>',
      description: 'Writes pause for a minute. <script>alert(1)</script>',
      timeZone: 'Asia/Tokyo',
      serviceIds: [page.services.api],
      statusPageIds: [page.id],
      startsAt: start,
      endsAt: end,
    });
    await settle();
    const title = 'Database upgrade <b>now</b>';
    const scheduled = `[${page.name}] Scheduled maintenance: ${title}`;
    assert.deepEqual(notices('all@example.com'), [scheduled]);
    assert.deepEqual(notices('api@example.com'), [scheduled]);
    assert.deepEqual(notices('web@example.com'), [], 'a subscriber to an unrelated component gets nothing');
    assert.deepEqual(subjects('lazy@example.com'), [`[${page.name}] Confirm your subscription to status updates`], 'an unconfirmed subscriber gets nothing else');
    const mail = inbox('api@example.com').at(-1)!;
    const text = mail.parsed.text ?? '';
    assert.match(text, /Status: Scheduled/);
    assert.match(text, /Start: 2026-11-24 \(Tue\) 10:00 Asia\/Tokyo \(GMT\+9\)/);
    assert.match(text, /End: 2026-11-24 \(Tue\) 11:00 Asia\/Tokyo \(GMT\+9\)/);
    assert.match(text, /Affected components: API/);
    assert.match(text, /Writes pause for a minute\./);
    const unsubscribe = linkIn(mail, 'unsubscribe');
    // The headers as sent (mailparser folds List-* headers into its own structure).
    const header = (name: string) => {
      const line = mail.parsed.headerLines.find((h) => h.key === name)?.line ?? '';
      return line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, '').trim();
    };
    assert.equal(header('list-unsubscribe'), `<${unsubscribe.href}>`, 'one-click unsubscribe, as update e-mails');
    assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    const html = String(mail.parsed.html);
    assert.doesNotMatch(html, /<script>|<b>now/, 'names and descriptions are escaped');
    assert.match(html, /&lt;b&gt;now&lt;\/b&gt;/);

    // The use case again (same pages, a new description; pages removed and added back): no second "scheduled".
    ok(await owner.patch(`/api/v1/maintenance-windows/${w.id}`, { description: 'Writes pause for a minute.' }), 200, 'update');
    ok(await owner.patch(`/api/v1/maintenance-windows/${w.id}`, { statusPageIds: [] }), 200, 'off the page');
    assert.deepEqual(await noticeJobs(w.id), [
      `${start}:completed cancelled ${end}`,
      `${start}:in_progress cancelled ${start}`,
    ], 'a window on no page has no pending notices');
    ok(await owner.patch(`/api/v1/maintenance-windows/${w.id}`, { statusPageIds: [page.id] }), 200, 'back on the page');
    await settle();
    assert.deepEqual(notices('all@example.com'), [scheduled]);
    assert.deepEqual(await noticeJobs(w.id), [`${start}:completed pending ${end}`, `${start}:in_progress pending ${start}`]);

    // At the start: a duplicate of the job and a second runner (another instance) race the first.
    await scheduleJob(ts.server.store.db, { kind: MAINTENANCE_NOTICE, key: `duplicate:${w.id}`, payload: { windowId: w.id, occurrenceStart: start, kind: 'in_progress' }, dueAt: start, now: start });
    const second = new JobRunner({ store: ts.server.store, clock: ts.clock, handlers: maintenanceNoticeHandlers({ store: ts.server.store, secret: SECRET, publicUrl: 'http://hikeshi.test', outbox: { committed() {} } }) });
    try {
      ts.clock.set(start);
      await Promise.all([ts.server.jobs.tick(ts.clock.now()), second.tick(ts.clock.now())]);
      await Promise.all([ts.server.jobs.tick(ts.clock.now()), second.tick(ts.clock.now())]);
    } finally {
      await second.stop();
    }
    await settle();
    await settle();
    const inProgress = `[${page.name}] Maintenance in progress: ${title}`;
    assert.deepEqual(notices('all@example.com'), [scheduled, inProgress]);
    assert.deepEqual(notices('api@example.com'), [scheduled, inProgress]);

    // An incident during maintenance: both the page and the inbox tell both stories.
    ts.clock.set('2026-11-24T01:20:00.000Z');
    const incident = ok(await owner.post('/api/v1/incidents', { title: 'API errors', serviceId: page.services.api, severity: 'SEV2', urgency: 1 }), 201, 'incident').id;
    ok(await owner.post(`/api/v1/incidents/${incident}/status-updates`, { statusPageId: page.id, status: 'investigating', message: 'Errors during the upgrade.' }), 201, 'status update');
    await settle();
    const summary = ok(await anon.get(`/status/${page.slug}/api/v2/summary.json`), 200, 'summary');
    assert.deepEqual(summary.incidents.map((i: any) => i.name), ['API errors']);
    assert.deepEqual(summary.scheduled_maintenances.map((m: any) => [m.name, m.status]), [[title, 'in_progress']]);

    await at('2026-11-24T01:59:59.999Z');
    assert.equal(notices('all@example.com').length, 2, 'not completed before its end');
    await at(end);
    await at(end);
    const completed = `[${page.name}] Maintenance completed: ${title}`;
    for (const address of ['all@example.com', 'api@example.com']) {
      assert.deepEqual(subjects(address).slice(1), [scheduled, inProgress, `[${page.name}] Investigating: API errors`, completed], address);
    }
    assert.deepEqual(notices('web@example.com'), []);
    assert.equal(inbox('lazy@example.com').length, 1);
    const keys = await ts.server.store.db.selectFrom('outboundMessage').select(['idempotencyKey', 'purpose']).where('sourceId', '=', w.id).execute();
    assert.equal(keys.length, 3 * 3, 'three notices for each of three recipients (two e-mails, one webhook), one row each');
    assert.ok(keys.every((k) => k.purpose === 'maintenance_notice'));

    // The webhook: Statuspage's incident webhook shape with the scheduled maintenance, signed.
    const calls = hooks.requests.filter((r) => r.url === '/maintenance-hook');
    const all = calls.map((c) => {
      const h = { id: String(c.headers['webhook-id']), timestamp: String(c.headers['webhook-timestamp']), signature: String(c.headers['webhook-signature']) };
      assert.ok(verifyWebhook(hook.signingSecret, h, c.body, Number(h.timestamp)));
      return JSON.parse(c.body);
    });
    assert.deepEqual(
      all.map((b) => [b.incident.name, b.incident.status]),
      [
        [title, 'scheduled'],
        [title, 'in_progress'],
        ['API errors', 'investigating'],
        [title, 'completed'],
      ],
    );
    const bodies = all.filter((b) => b.incident.name === title);
    assert.deepEqual(
      bodies.map((b) => [b.incident.status, b.incident.impact, b.incident.scheduled_for, b.incident.scheduled_until, b.incident.components.map((c: any) => c.name)]),
      [
        ['scheduled', 'maintenance', start, end, ['API']],
        ['in_progress', 'maintenance', start, end, ['API']],
        ['completed', 'maintenance', start, end, ['API']],
      ],
    );
    assert.deepEqual(Object.keys(bodies[0]), ['meta', 'page', 'incident']);
    assert.equal(bodies[1].page.status_indicator, 'maintenance');
    assert.match(bodies[0].meta.unsubscribe, new RegExp(`/status/${page.slug}/subscribers/${hook.id}/unsubscribe\\?token=`));
    assert.deepEqual(bodies[2].incident.incident_updates.map((u: any) => u.status), ['completed', 'in_progress', 'scheduled']);
  });

  it('moving a window moves its notices (and moving it back brings them back); a page added later announces the next occurrence only to its subscribers', async () => {
    await at('2026-11-25T09:00:00.000Z');
    const first = await statusPage();
    const later = await statusPage();
    await subscribe(first, 'first@example.com');
    await subscribe(later, 'later@example.com');
    const w = await createWindow({ name: 'Network work', timeZone: 'UTC', serviceIds: [first.services.api, later.services.api], startsAt: '2026-11-27T10:00:00Z', endsAt: '2026-11-27T11:00:00Z' });
    assert.deepEqual(await noticeJobs(w.id), [], 'a window on no page schedules nothing');
    ok(await owner.patch(`/api/v1/maintenance-windows/${w.id}`, { statusPageIds: [first.id] }), 200, 'on the first page');
    await settle();
    assert.deepEqual(notices('first@example.com'), [`[${first.name}] Scheduled maintenance: Network work`]);

    ok(await owner.patch(`/api/v1/maintenance-windows/${w.id}`, { startsAt: '2026-11-27T12:00:00Z', endsAt: '2026-11-27T13:00:00Z' }), 200, 'moved');
    assert.deepEqual(await noticeJobs(w.id), [
      '2026-11-27T10:00:00.000Z:completed cancelled 2026-11-27T11:00:00.000Z',
      '2026-11-27T10:00:00.000Z:in_progress cancelled 2026-11-27T10:00:00.000Z',
      '2026-11-27T12:00:00.000Z:completed pending 2026-11-27T13:00:00.000Z',
      '2026-11-27T12:00:00.000Z:in_progress pending 2026-11-27T12:00:00.000Z',
    ]);
    ok(await owner.patch(`/api/v1/maintenance-windows/${w.id}`, { startsAt: '2026-11-27T10:00:00Z', endsAt: '2026-11-27T11:30:00Z', statusPageIds: [first.id, later.id] }), 200, 'back, longer, on both pages');
    assert.deepEqual(await noticeJobs(w.id), [
      '2026-11-27T10:00:00.000Z:completed pending 2026-11-27T11:30:00.000Z',
      '2026-11-27T10:00:00.000Z:in_progress pending 2026-11-27T10:00:00.000Z',
      '2026-11-27T12:00:00.000Z:completed cancelled 2026-11-27T13:00:00.000Z',
      '2026-11-27T12:00:00.000Z:in_progress cancelled 2026-11-27T12:00:00.000Z',
    ]);
    await settle();
    assert.deepEqual(notices('later@example.com'), [`[${later.name}] Scheduled maintenance: Network work`], 'the added page’s subscribers hear of it');
    assert.equal(notices('first@example.com').length, 1, 'the first page’s subscribers are not told again');

    await at('2026-11-27T10:00:00.000Z');
    await at('2026-11-27T11:00:00.000Z');
    await at('2026-11-27T11:30:00.000Z');
    await at('2026-11-27T12:00:00.000Z');
    await at('2026-11-27T13:00:00.000Z');
    for (const [address, page] of [
      ['first@example.com', first],
      ['later@example.com', later],
    ] as const) {
      assert.deepEqual(notices(address), [
        `[${page.name}] Scheduled maintenance: Network work`,
        `[${page.name}] Maintenance in progress: Network work`,
        `[${page.name}] Maintenance completed: Network work`,
      ]);
    }
    assert.match(inbox('first@example.com').at(-1)!.parsed.text ?? '', /End: 2026-11-27 \(Fri\) 20:30 Asia\/Tokyo \(GMT\+9\)/, 'the page’s zone');
  });

  it('a window deleted before it starts sends nothing more; one created while it runs says "in progress" at once', async () => {
    await at('2026-11-28T09:00:00.000Z');
    const page = await statusPage();
    await subscribe(page, 'deleted@example.com');
    const w = await createWindow({ name: 'Cancelled work', timeZone: 'UTC', serviceIds: [page.services.api], statusPageIds: [page.id], startsAt: '2026-11-29T10:00:00Z', endsAt: '2026-11-29T11:00:00Z' });
    await settle();
    assert.deepEqual(notices('deleted@example.com'), [`[${page.name}] Scheduled maintenance: Cancelled work`]);
    ok(await owner.delete(`/api/v1/maintenance-windows/${w.id}`), 204, 'delete');
    await at('2026-11-29T10:00:00.000Z');
    await at('2026-11-29T11:00:00.000Z');
    assert.equal(notices('deleted@example.com').length, 1);

    const running = await createWindow({ name: 'Emergency patch', timeZone: 'UTC', serviceIds: [page.services.web], statusPageIds: [page.id], startsAt: '2026-11-29T10:30:00Z', endsAt: '2026-11-29T12:00:00Z' });
    await settle();
    await at('2026-11-29T12:00:00.000Z');
    assert.deepEqual(notices('deleted@example.com').slice(1), [`[${page.name}] Maintenance in progress: Emergency patch`, `[${page.name}] Maintenance completed: Emergency patch`], 'no "scheduled" for one that has started');
    assert.deepEqual(await noticeJobs(running.id), ['2026-11-29T10:30:00.000Z:completed done 2026-11-29T12:00:00.000Z', '2026-11-29T10:30:00.000Z:in_progress done 2026-11-29T10:30:00.000Z']);
  });

  it('a Japanese page: Japanese subjects and times', async () => {
    await at('2026-11-30T09:00:00.000Z');
    const page = await statusPage({ language: 'ja', name: 'アクメ' });
    await subscribe(page, 'ja@example.com');
    await createWindow({ name: 'データベース更新', description: '書き込みが一時停止します。', timeZone: 'Asia/Tokyo', serviceIds: [page.services.api], statusPageIds: [page.id], startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-01T02:00:00Z' });
    await settle();
    await at('2026-12-01T01:00:00.000Z');
    await at('2026-12-01T02:00:00.000Z');
    assert.deepEqual(notices('ja@example.com'), ['[アクメ] メンテナンス予定: データベース更新', '[アクメ] メンテナンス開始: データベース更新', '[アクメ] メンテナンス完了: データベース更新']);
    const text = inbox('ja@example.com').find((m) => m.parsed.subject?.includes('予定'))!.parsed.text ?? '';
    assert.match(text, /開始: 2026年12月1日\(火\) 10:00 Asia\/Tokyo \(GMT\+9\)/);
    assert.match(text, /状況: 予定/);
    assert.match(text, /影響を受けるコンポーネント: API/);
    assert.match(text, /配信の停止・変更: http:\/\/hikeshi\.test\/status\/maint-\d+\/subscribers\//);
  });
});
