import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Api, api } from './helpers/api.js';
import { createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';

/**
 * Stakeholder updates (SPEC §4.5, issue item 5): audiences managed by admins, updates sent from an
 * incident by e-mail in each audience's language, kept on the timeline, delivered through the job
 * runner to a real SMTP server process.
 */

const fieldsOf = (r: { body: any }): string[] => (r.body?.error?.details?.fields ?? []).map((f: { field: string }) => f.field);
const names = (r: { body: any }, field: string) => fieldsOf(r).some((f) => f === field || f === `body.${field}` || f.startsWith(`body.${field}.`) || f.startsWith(`${field}.`));

describe(`stakeholder updates (${dialectName})`, () => {
  let ts: TestServer;
  let smtp: SmtpSink;
  let owner: Api;
  let admin: Api;
  let sender: Api;
  let senderId: string;
  let responder: Api;
  let observer: Api;
  const people: Record<string, { id: string; email: string }> = {};

  /** A user made by the owner with a zone and language of their own, and a token. */
  async function person(name: string, email: string, role: 'responder' | 'observer' | 'admin', timeZone = 'UTC') {
    const u = await owner.post('/api/v1/users', { name, email, role, timeZone });
    assert.equal(u.status, 201, JSON.stringify(u.body));
    const t = await owner.post(`/api/v1/users/${u.body.id}/tokens`, { name: 'test' });
    assert.equal(t.status, 201, JSON.stringify(t.body));
    return { id: u.body.id as string, email: u.body.email as string, api: api(ts.server.app, t.body.token) };
  }

  async function drainJobs(): Promise<void> {
    for (let i = 0; i < 20 && (await ts.server.jobs.tick(ts.clock.now())) > 0; i++);
  }

  async function declare(body: Record<string, unknown>, who: Api = sender) {
    const r = await who.post('/api/v1/incidents', body);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body as { id: string; number: number };
  }

  async function audience(body: Record<string, unknown>) {
    const r = await admin.post('/api/v1/stakeholder-audiences', body);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body as { id: string; name: string };
  }

  const outbound = (sourceId: string) => ts.server.store.db.selectFrom('outboundMessage').selectAll().where('sourceId', '=', sourceId).orderBy('address').execute();

  before(async () => {
    smtp = await startSmtpSink();
    ts = await startTestServer({ env: { HIKESHI_SMTP_URL: smtp.url, HIKESHI_SMTP_FROM: 'hikeshi@example.com' } });
    owner = api(ts.server.app, ts.token);
    admin = api(ts.server.app, (await createUser(ts, { role: 'admin' })).token);
    const s = await person('佐藤 花子', 'sato@example.com', 'responder', 'Asia/Tokyo');
    sender = s.api;
    senderId = s.id;
    responder = (await person('Outsider', 'outsider@example.com', 'responder')).api;
    observer = (await person('Watcher', 'watcher@example.com', 'observer')).api;
    for (const [key, name, email] of [
      ['ceo', '田中 社長', 'ceo@example.com'],
      ['cfo', '鈴木 CFO', 'cfo@example.com'],
      ['support1', 'Sam Support', 'sam@example.com'],
      ['gone', 'Gone Away', 'gone@example.com'],
    ] as const) {
      const p = await person(name, email, 'observer');
      people[key] = { id: p.id, email: p.email };
    }
    assert.equal((await owner.patch(`/api/v1/users/${people.gone!.id}`, { disabled: true })).status, 200);
  });
  after(async () => {
    await ts?.close();
    await smtp?.close();
  });

  it('audiences: admins create, change and delete them; bad input names the field', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ kind: 'executives', language: 'ja', emails: ['a@example.com'] }, 'name'],
      [{ name: ' ', kind: 'executives', language: 'ja', emails: ['a@example.com'] }, 'name'],
      [{ name: 'X', kind: 'board', language: 'ja', emails: ['a@example.com'] }, 'kind'],
      [{ name: 'X', kind: 'support', language: 'fr', emails: ['a@example.com'] }, 'language'],
      [{ name: 'X', kind: 'support', language: 'en', emails: ['not-an-address'] }, 'emails'],
      [{ name: 'X', kind: 'support', language: 'en', userIds: ['nope'] }, 'userIds'],
      [{ name: 'X', kind: 'support', language: 'en', userIds: ['01JD2Z3K4M5N6P7Q8R9S0TVWXY'] }, 'userIds'],
      [{ name: 'X', kind: 'custom', language: 'en' }, 'userIds'],
      [{ name: 'X', kind: 'custom', language: 'en', emails: ['a@example.com'], extra: 1 }, 'body'],
    ];
    for (const [body, field] of bad) {
      const r = await admin.post('/api/v1/stakeholder-audiences', body);
      assert.equal(r.status, 400, `${field}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'VALIDATION');
      assert.ok(field === 'body' ? fieldsOf(r).includes('body') : names(r, field), `${field} named in ${JSON.stringify(r.body.error.details)}`);
    }
    assert.equal((await admin.get('/api/v1/stakeholder-audiences')).body.items.length, 0, 'nothing was created');

    // Responders read audiences (to choose them) but do not manage them.
    assert.equal((await sender.post('/api/v1/stakeholder-audiences', { name: 'R', kind: 'custom', language: 'en', emails: ['r@example.com'] })).status, 403);
    assert.equal((await observer.get('/api/v1/stakeholder-audiences')).status, 403);

    const everyone = await admin.post('/api/v1/stakeholder-audiences', { name: '全社員', kind: 'all_employees', language: 'ja' });
    assert.equal(everyone.status, 201, JSON.stringify(everyone.body));
    assert.equal(everyone.body.allUsers, true, 'all_employees writes to every active user by default');
    const custom = await admin.post('/api/v1/stakeholder-audiences', { name: 'Partners', kind: 'custom', language: 'en', emails: ['A@Example.com', 'a@example.com', 'b@example.com'] });
    assert.equal(custom.status, 201, JSON.stringify(custom.body));
    assert.equal(custom.body.allUsers, false);
    assert.deepEqual(custom.body.emails, ['a@example.com', 'b@example.com'], 'addresses once each, case-insensitively');

    const dup = await admin.post('/api/v1/stakeholder-audiences', { name: 'Partners', kind: 'support', language: 'en', emails: ['c@example.com'] });
    assert.equal(dup.status, 409);
    assert.ok(names(dup, 'name'));

    const listed = await sender.get('/api/v1/stakeholder-audiences');
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body.items.map((a: { name: string }) => a.name).sort(), ['Partners', '全社員']);

    const changed = await admin.patch(`/api/v1/stakeholder-audiences/${custom.body.id}`, { language: 'ja', userIds: [people.ceo!.id] });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.language, 'ja');
    assert.deepEqual(changed.body.userIds, [people.ceo!.id]);
    assert.equal((await admin.patch(`/api/v1/stakeholder-audiences/${custom.body.id}`, {})).status, 400);
    const emptied = await admin.patch(`/api/v1/stakeholder-audiences/${custom.body.id}`, { userIds: [], emails: [] });
    assert.equal(emptied.status, 400, 'an audience with nobody in it is refused');
    assert.ok(names(emptied, 'userIds'));
    assert.equal((await admin.patch(`/api/v1/stakeholder-audiences/${everyone.body.id}`, { name: 'Partners' })).status, 409);
    assert.equal((await sender.patch(`/api/v1/stakeholder-audiences/${custom.body.id}`, { name: 'Z' })).status, 403);
    assert.equal((await admin.patch('/api/v1/stakeholder-audiences/01JD2Z3K4M5N6P7Q8R9S0TVWXY', { name: 'Z' })).status, 404);

    assert.equal((await sender.delete(`/api/v1/stakeholder-audiences/${custom.body.id}`)).status, 403);
    assert.equal((await admin.delete(`/api/v1/stakeholder-audiences/${custom.body.id}`)).status, 204);
    assert.equal((await admin.delete(`/api/v1/stakeholder-audiences/${custom.body.id}`)).status, 404);
    assert.deepEqual((await admin.get('/api/v1/stakeholder-audiences')).body.items.map((a: { name: string }) => a.name), ['全社員']);

    const audits = await ts.server.store.db.selectFrom('auditLog').select('action').where('targetId', '=', custom.body.id).orderBy('seq').execute();
    assert.deepEqual(
      audits.map((a) => a.action),
      ['stakeholder_audience.created', 'stakeholder_audience.updated', 'stakeholder_audience.deleted'],
    );
  });

  it('sends to two audiences in their languages: timeline, one message per address, mails in the inbox', async () => {
    const execs = await audience({ name: '経営層', kind: 'executives', language: 'ja', userIds: [people.ceo!.id, people.cfo!.id], emails: ['board@example.com'] });
    // The CEO is in both (one mail, in the first audience's language); a disabled user gets nothing.
    const support = await audience({ name: 'Support', kind: 'support', language: 'en', userIds: [people.support1!.id, people.ceo!.id, people.gone!.id], emails: ['Help-Desk@example.com', 'BOARD@example.com'] });
    const inc = await declare({
      title: '決済遅延',
      severity: 'SEV2',
      startedAt: '2026-11-22T08:30:00.000Z',
      assessment: { scope: 'external', customersAffected: 'some', customerCount: 120 },
    });
    assert.equal((await sender.post(`/api/v1/incidents/${inc.id}/acknowledge`, {})).status, 200);

    const sent = await sender.post(`/api/v1/incidents/${inc.id}/stakeholder-updates`, {
      audienceIds: [execs.id, support.id],
      format: 'executive',
      nextUpdateAt: '2026-11-22T11:00:00Z',
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const update = sent.body;
    const expected = ['board@example.com', 'ceo@example.com', 'cfo@example.com', 'help-desk@example.com', 'sam@example.com'];
    assert.equal(update.recipientCount, expected.length);
    assert.equal(update.sequence, 1);
    assert.equal(update.language, 'ja');
    assert.equal(update.subject, `【障害報告】INC-${inc.number} 決済遅延 — 第1報`);
    assert.deepEqual(update.audiences, [
      { id: execs.id, name: '経営層' },
      { id: support.id, name: 'Support' },
    ]);
    assert.equal(update.impact, '社外（お客様）、一部のお客様に影響、約120名', 'impact from the assessment');
    assert.equal(update.status, '対応中', 'status from the incident');
    assert.equal(update.createdById, senderId);
    assert.deepEqual(update.delivery, { delivered: 0, pending: expected.length, failed: 0, cancelled: 0 });

    const timeline = (await sender.get(`/api/v1/incidents/${inc.id}/timeline`)).body.items as any[];
    const entry = timeline.find((e) => e.action === 'stakeholder_update.sent');
    assert.ok(entry, 'on the timeline');
    assert.ok(entry.actor.name.startsWith('佐藤 花子'), entry.actor.name);
    assert.deepEqual(entry.data.audiences, ['経営層', 'Support']);
    assert.equal(entry.data.recipientCount, expected.length);
    assert.equal(entry.data.format, 'executive');
    assert.equal(entry.data.subject, update.subject);
    assert.equal(entry.data.updateId, update.id);

    const audit = await ts.server.store.db.selectFrom('auditLog').selectAll().where('action', '=', 'stakeholder_update.sent').where('targetId', '=', inc.id).execute();
    assert.equal(audit.length, 1);
    const outboxRows = await ts.server.store.db.selectFrom('outbox').selectAll().where('topic', '=', 'stakeholder_update.sent').where('incidentId', '=', inc.id).execute();
    assert.equal(outboxRows.length, 1);

    const rows = await outbound(update.id);
    assert.deepEqual(
      rows.map((r) => r.address.toLowerCase()),
      expected,
      'one message per distinct address',
    );
    for (const r of rows) {
      assert.equal(r.purpose, 'stakeholder_update');
      assert.equal(r.channel, 'email');
      assert.equal(r.incidentId, inc.id);
    }
    const lang = (address: string) => (rows.find((r) => r.address.toLowerCase() === address)!.subject.startsWith('【') ? 'ja' : 'en');
    assert.deepEqual(expected.map(lang), ['ja', 'ja', 'ja', 'en', 'en'], 'each address in its first audience’s language');

    // Delivered by the job runner through a real SMTP server.
    const before = smtp.messages.length;
    await drainJobs();
    await smtp.waitFor(before + expected.length);
    const mails = smtp.messages.slice(before);
    const to = (address: string): ReceivedMail => {
      const m = mails.filter((x) => x.envelope.to.map((a) => a.toLowerCase()).includes(address));
      assert.equal(m.length, 1, `one mail to ${address}`);
      return m[0]!;
    };
    const ja = to('ceo@example.com').parsed;
    assert.equal(ja.subject, `【障害報告】INC-${inc.number} 決済遅延 — 第1報`);
    const jaText = ja.text ?? '';
    assert.match(jaText, /INC-\d+「決済遅延」について第1報をお送りします。/);
    assert.match(jaText, /^影響: 社外（お客様）、一部のお客様に影響、約120名$/m);
    assert.match(jaText, /^現在の状況: 対応中$/m);
    assert.match(jaText, /^次回更新: 2026年11月22日\(日\) 20:00 Asia\/Tokyo \(GMT\+9\)$/m, 'in the sender’s zone, with its name');
    assert.match(jaText, /^重大度: SEV2$/m);
    assert.match(jaText, /^発生日時: 2026年11月22日\(日\) 17:30 Asia\/Tokyo \(GMT\+9\)$/m);
    assert.ok(jaText.includes(`詳細: http://hikeshi.test/incidents/${inc.id}`));
    assert.match(typeof ja.html === 'string' ? ja.html : '', /<html lang="ja">/);

    const en = to('sam@example.com').parsed;
    assert.equal(en.subject, `[Incident] INC-${inc.number} 決済遅延 — Update #1`);
    const enText = en.text ?? '';
    assert.match(enText, /^Impact: External \(customers\), Some customers affected, about 120 customers$/m);
    assert.match(enText, /^Status: Responders are working on it$/m);
    assert.match(enText, /^Next update: 2026-11-22 \(Sun\) 20:00 Asia\/Tokyo \(GMT\+9\)$/m);
    assert.ok(enText.includes(`Details: http://hikeshi.test/incidents/${inc.id}`));
    assert.equal(to('board@example.com').parsed.subject, ja.subject, 'an extra address of the Japanese audience reads Japanese');
    assert.equal(to('help-desk@example.com').parsed.subject, en.subject);
    assert.ok(!mails.some((m) => m.envelope.to.includes('gone@example.com')), 'a disabled user gets nothing');

    const listed = await observer.get(`/api/v1/incidents/${inc.id}/stakeholder-updates`);
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body.items[0].delivery, { delivered: expected.length, pending: 0, failed: 0, cancelled: 0 });

    // A second, standard update in English for everyone: numbered 2, with the message; newest first.
    ts.clock.advance(30 * 60_000);
    const second = await sender.post(`/api/v1/incidents/${inc.id}/stakeholder-updates`, {
      audienceIds: [execs.id],
      format: 'standard',
      language: 'en',
      impact: 'Card payments take up to 5 minutes',
      status: 'Cause found: a saturated database connection pool',
      message: 'We are moving traffic to the standby.\nNo data was lost.',
    });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.equal(second.body.sequence, 2);
    assert.equal(second.body.language, 'en');
    assert.equal(second.body.recipientCount, 3);
    assert.equal(second.body.subject, `[Incident] INC-${inc.number} 決済遅延 — Update #2`);
    assert.match(second.body.body, /^■ Message from the response team\nWe are moving traffic to the standby\.\nNo data was lost\.$/m);
    assert.match(second.body.body, /^Impact: Card payments take up to 5 minutes$/m);
    assert.match(second.body.body, /^Next update: Not scheduled/m);
    assert.match(second.body.body, /^Response started: 2026-11-22 \(Sun\) 18:00 Asia\/Tokyo \(GMT\+9\)$/m, 'standard adds the facts of the timeline');
    const b2 = smtp.messages.length;
    await drainJobs();
    await smtp.waitFor(b2 + 3);
    const ceo2 = smtp.messages.slice(b2).find((m) => m.envelope.to.includes('ceo@example.com'))!.parsed;
    assert.equal(ceo2.subject, second.body.subject, 'the language asked for overrides the audience’s');
    assert.match(ceo2.text ?? '', /No data was lost\./);

    const list = (await sender.get(`/api/v1/incidents/${inc.id}/stakeholder-updates`)).body.items as any[];
    assert.deepEqual(
      list.map((u) => u.sequence),
      [2, 1],
      'newest first',
    );
    assert.deepEqual(list[0].delivery, { delivered: 3, pending: 0, failed: 0, cancelled: 0 });

    // Japanese numbering continues: 第3報.
    const third = await sender.post(`/api/v1/incidents/${inc.id}/stakeholder-updates`, { audienceIds: [execs.id], format: 'executive' });
    assert.equal(third.body.subject, `【障害報告】INC-${inc.number} 決済遅延 — 第3報`);
    await drainJobs();
  });

  it('bad requests name the field; an audience with nobody left is refused naming audienceIds', async () => {
    const inc = await declare({ title: 'API errors' });
    const only = await audience({ name: 'Gone only', kind: 'custom', language: 'en', userIds: [people.gone!.id] });
    const url = `/api/v1/incidents/${inc.id}/stakeholder-updates`;
    const cases: [Record<string, unknown>, string][] = [
      [{ audienceIds: [], format: 'executive' }, 'audienceIds'],
      [{ format: 'executive' }, 'audienceIds'],
      [{ audienceIds: ['01JD2Z3K4M5N6P7Q8R9S0TVWXY'], format: 'executive' }, 'audienceIds'],
      [{ audienceIds: [only.id], format: 'executive' }, 'audienceIds'],
      [{ audienceIds: [only.id], format: 'long' }, 'format'],
      [{ audienceIds: [only.id], format: 'executive', nextUpdateAt: 'tomorrow' }, 'nextUpdateAt'],
      [{ audienceIds: [only.id], format: 'executive', nextUpdateAt: '2026-11-22T08:00:00Z' }, 'nextUpdateAt'],
      [{ audienceIds: [only.id], format: 'executive', language: 'de' }, 'language'],
    ];
    for (const [body, field] of cases) {
      const r = await sender.post(url, body);
      assert.equal(r.status, 400, `${field}: ${JSON.stringify(r.body)}`);
      assert.ok(names(r, field), `${field} named in ${JSON.stringify(r.body.error?.details)}`);
    }
    assert.equal((await sender.get(url)).body.items.length, 0, 'nothing was sent');
    const timeline = (await sender.get(`/api/v1/incidents/${inc.id}/timeline`)).body.items as any[];
    assert.ok(!timeline.some((e) => e.action === 'stakeholder_update.sent'));
  });

  it('a restricted incident is a 404 to those who cannot see it; an observer may not send', async () => {
    const execs = await audience({ name: 'Execs (restricted test)', kind: 'executives', language: 'en', emails: ['x@example.com'] });
    const restricted = await declare({ title: '不正ログインの疑い', type: 'security' });
    const body = { audienceIds: [execs.id], format: 'executive' };
    for (const path of ['', '/preview']) {
      const r = await responder.post(`/api/v1/incidents/${restricted.id}/stakeholder-updates${path}`, body);
      assert.equal(r.status, 404, JSON.stringify(r.body));
    }
    assert.equal((await responder.get(`/api/v1/incidents/${restricted.id}/stakeholder-updates`)).status, 404);
    // The declarer takes part and may send about it.
    const ok = await sender.post(`/api/v1/incidents/${restricted.id}/stakeholder-updates`, body);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.subject, `[Security incident] INC-${restricted.number} 不正ログインの疑い — Update #1`);

    const open = await declare({ title: 'Slow search' });
    const denied = await observer.post(`/api/v1/incidents/${open.id}/stakeholder-updates`, body);
    assert.equal(denied.status, 403);
    assert.equal((await observer.post(`/api/v1/incidents/${open.id}/stakeholder-updates/preview`, body)).status, 403);
    assert.equal((await outbound(ok.body.id)).length, 1);
    await drainJobs();
  });

  it('a preview renders without sending or writing anything', async () => {
    const inc = await declare({ title: 'Login failures', severity: 'SEV1' });
    const everyone = (await admin.get('/api/v1/stakeholder-audiences')).body.items.find((a: { name: string }) => a.name === '全社員');
    const support = (await admin.get('/api/v1/stakeholder-audiences')).body.items.find((a: { name: string }) => a.name === 'Support');
    const db = ts.server.store.db;
    const count = async () => ({
      outbound: Number((await db.selectFrom('outboundMessage').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      updates: Number((await db.selectFrom('stakeholderUpdate').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      jobs: Number((await db.selectFrom('job').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      timeline: Number((await db.selectFrom('timelineEntry').select((eb) => eb.fn.countAll<number>().as('n')).where('incidentId', '=', inc.id).executeTakeFirstOrThrow()).n),
    });
    const beforeCounts = await count();
    const mailsBefore = smtp.messages.length;
    const r = await sender.post(`/api/v1/incidents/${inc.id}/stakeholder-updates/preview`, {
      audienceIds: [everyone.id, support.id],
      format: 'executive',
      impact: 'Nobody can sign in',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const active = await db.selectFrom('appUser').select('email').where('disabledAt', 'is', null).execute();
    const expected = new Set([...active.map((u) => u.email.toLowerCase()), 'help-desk@example.com', 'board@example.com']);
    assert.equal(r.body.recipients, expected.size, 'every active user once, plus the extra addresses');
    assert.equal(r.body.subject, `【障害報告】INC-${inc.number} Login failures — 第1報`);
    assert.match(r.body.text, /^影響: Nobody can sign in$/m);
    assert.match(r.body.text, /^現在の状況: 調査中（対応者を呼び出しています）$/m);
    assert.match(r.body.text, /^次回更新: 未定/m);
    assert.match(r.body.html, /<html lang="ja">/);
    assert.deepEqual(
      r.body.messages.map((m: { language: string }) => m.language),
      ['ja', 'en'],
    );
    assert.equal(
      r.body.messages.reduce((n: number, m: { recipients: number }) => n + m.recipients, 0),
      expected.size,
    );
    await drainJobs();
    assert.deepEqual(await count(), beforeCounts, 'nothing written');
    assert.equal(smtp.messages.length, mailsBefore, 'nothing sent');
  });

  it('escapes the incident title and every text field in HTML', async () => {
    const xss = `<script>alert("t")</script><img src=x onerror=alert(1)> & 'q'`;
    const inc = await declare({ title: xss, assessment: { customerExperience: '<b onmouseover=alert(2)>slow</b>' } });
    const execs = await audience({ name: 'XSS execs', kind: 'executives', language: 'en', emails: ['xss@example.com'] });
    const body = {
      audienceIds: [execs.id],
      format: 'standard',
      status: '<iframe src="javascript:alert(3)">',
      message: '</p><script>alert(4)</script>',
    };
    const preview = await sender.post(`/api/v1/incidents/${inc.id}/stakeholder-updates/preview`, body);
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    const sent = await sender.post(`/api/v1/incidents/${inc.id}/stakeholder-updates`, body);
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const [row] = await outbound(sent.body.id);
    for (const html of [preview.body.html as string, row!.bodyHtml]) {
      assert.ok(!/<script/i.test(html), 'no script element');
      assert.ok(!/<img/i.test(html) && !/<iframe/i.test(html) && !/<b /i.test(html), 'no injected element');
      assert.ok(html.includes('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;'), 'the title shows as text');
      assert.ok(html.includes('&lt;b onmouseover=alert(2)&gt;slow&lt;/b&gt;'), 'the impact shows as text');
      assert.ok(html.includes('&lt;iframe src=&quot;javascript:alert(3)&quot;&gt;'), 'the status shows as text');
      assert.ok(html.includes('&lt;/p&gt;&lt;script&gt;alert(4)&lt;/script&gt;'), 'the message shows as text');
      assert.ok(html.includes('&amp; &#39;q&#39;'));
    }
    // The subject and text parts carry the title as written (plain text is not HTML).
    assert.ok(sent.body.subject.includes('<script>alert("t")</script>'));
    const before = smtp.messages.length;
    await drainJobs();
    await smtp.waitFor(before + 1);
    const mail = smtp.messages.slice(before).find((m) => m.envelope.to.includes('xss@example.com'))!.parsed;
    const html = typeof mail.html === 'string' ? mail.html : '';
    assert.ok(!/<script/i.test(html) && html.includes('&lt;script&gt;'), 'escaped in the mail as delivered');
  });
});
