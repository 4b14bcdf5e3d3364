import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ALERT_SEVERITIES, EVENT_ACTIONS, MAX_DEDUP_KEY, MAX_SUMMARY } from '../event.js';
import { HASHED_KEY_PREFIX, type InboundEmail, MAX_BODY, parseEmail, splitSubject } from './parse.js';

const ctx = { receivedAt: '2026-11-22T09:00:00.000Z' };
const KEY = 'abcdefghijklmnopqrstuvwxyz012345';

function mail(over: Partial<InboundEmail> = {}): InboundEmail {
  return {
    subject: 'Disk full on nas-1',
    from: 'zabbix@example.com',
    fromName: 'Zabbix',
    to: [`${KEY}@hikeshi.test`],
    recipients: [`${KEY}@hikeshi.test`],
    text: 'Problem started at 08:59:00 on 2026.11.22\nProblem name: Disk full on nas-1\nHost: nas-1\nProblem severity: High\n',
    html: null,
    headers: {},
    date: '2026-11-22T08:59:30.000Z',
    messageId: '<1@zabbix.example.com>',
    attachments: [],
    ...over,
  };
}
const parse = (over: Partial<InboundEmail> = {}) => parseEmail(mail(over), ctx);

describe('email → alert event', () => {
  it('pairs Zabbix Problem / Resolved mails by their subject', () => {
    const problem = parse({ subject: 'Problem: Disk full on nas-1' });
    assert.equal(problem.action, 'trigger');
    assert.equal(problem.dedupKey, 'Disk full on nas-1');
    assert.equal(problem.summary, 'Disk full on nas-1');
    assert.equal(problem.severity, 'error', '"Problem severity: High" in the body');
    assert.equal(problem.source, 'zabbix@example.com');
    assert.equal(problem.occurredAt, '2026-11-22T08:59:30.000Z');
    for (const subject of ['Resolved: Disk full on nas-1', 'Resolved in 5m 12s: Disk full on nas-1', 'RESOLVED Disk full on nas-1', 'Re: Resolved: Disk full on nas-1']) {
      const r = parse({ subject, text: 'Problem has been resolved' });
      assert.equal(r.action, 'resolve', subject);
      assert.equal(r.dedupKey, problem.dedupKey, subject);
    }
    const updated = parse({ subject: 'Updated problem in 10m: Disk full on nas-1' });
    assert.equal(updated.action, 'acknowledge');
    assert.equal(updated.dedupKey, problem.dedupKey);
  });

  it('reads the status markers senders use', () => {
    const cases: [string, string, string][] = [
      ['[OK] Backup of db-1', 'resolve', 'Backup of db-1'],
      ['OK: Backup of db-1', 'resolve', 'Backup of db-1'],
      ['ok：Backup of db-1', 'resolve', 'Backup of db-1'],
      ['Recovery: UPS on battery', 'resolve', 'UPS on battery'],
      ['(Resolved) UPS on battery', 'resolve', 'UPS on battery'],
      ['Cleared - UPS on battery', 'resolve', 'UPS on battery'],
      ['[Success] Backup job nightly', 'resolve', 'Backup job nightly'],
      ['[Failed] Backup job nightly', 'trigger', 'Backup job nightly'],
      ['ACK: UPS on battery', 'acknowledge', 'UPS on battery'],
      ['Acknowledged: UPS on battery', 'acknowledge', 'UPS on battery'],
      ['Fwd: CRITICAL: UPS on battery', 'trigger', 'UPS on battery'],
      ['DOWN web-1', 'trigger', 'web-1'],
      ['UP web-1', 'resolve', 'web-1'],
      ['Recovery of the database failed', 'trigger', 'Recovery of the database failed'],
      ['Resolved issues list', 'trigger', 'Resolved issues list'],
      ['Ok so this is a sentence', 'trigger', 'Ok so this is a sentence'],
    ];
    for (const [subject, action, rest] of cases) {
      const e = parse({ subject });
      assert.equal(e.action, action, subject);
      assert.equal(e.summary, rest, subject);
    }
  });

  it('reads Japanese subjects', () => {
    const trigger = parse({ subject: '【障害】サーバーA 応答なし', text: '' });
    const resolve = parse({ subject: '【復旧】サーバーA 応答なし', text: '' });
    assert.equal(trigger.action, 'trigger');
    assert.equal(trigger.severity, 'error', '障害');
    assert.equal(resolve.action, 'resolve');
    assert.equal(trigger.dedupKey, 'サーバーA 応答なし');
    assert.equal(resolve.dedupKey, trigger.dedupKey);
    assert.equal(resolve.summary, 'サーバーA 応答なし');
    for (const subject of ['障害復旧: サーバーA 応答なし', '復旧 サーバーA 応答なし', '解消：サーバーA 応答なし', '［復旧］サーバーA 応答なし', 'Re: 【復旧】サーバーA 応答なし']) {
      const e = parse({ subject });
      assert.equal(e.action, 'resolve', subject);
      assert.equal(e.dedupKey, trigger.dedupKey, subject);
    }
    // Full-width and half-width forms share a key (NFKC), the summary keeps what was sent.
    const fullWidth = parse({ subject: '【障害】サーバーＡ　応答なし' });
    assert.equal(fullWidth.dedupKey, trigger.dedupKey);
    assert.equal(fullWidth.summary, 'サーバーＡ 応答なし');
    assert.equal(parse({ subject: '緊急: 冷却ファン停止', text: '' }).severity, 'critical');
    assert.equal(parse({ subject: '警告: ディスク使用率 85%', text: '' }).severity, 'warning');
    assert.equal(parse({ subject: 'UPS 通知', text: '深刻度: 軽度の障害\n' }).severity, 'warning', "Zabbix's Japanese Average");
    assert.equal(parse({ subject: 'UPS 通知', text: '深刻度: 致命的な障害\n' }).severity, 'critical');
  });

  it('pairs Nagios notifications by dropping the trailing state', () => {
    const p = parse({ subject: '** PROBLEM Service Alert: web-1/HTTP is CRITICAL **', text: '' });
    const r = parse({ subject: '** RECOVERY Service Alert: web-1/HTTP is OK **', text: '' });
    assert.equal(p.action, 'trigger');
    assert.equal(r.action, 'resolve');
    assert.equal(p.dedupKey, 'Service Alert: web-1/HTTP');
    assert.equal(r.dedupKey, p.dedupKey);
    assert.equal(p.summary, 'Service Alert: web-1/HTTP is CRITICAL');
    assert.equal(p.severity, 'critical');
  });

  it('lets headers decide the key, severity and action', () => {
    const e = parse({ subject: 'nightly backup report', headers: { 'x-hikeshi-dedup-key': ' backup/nightly ', 'x-hikeshi-severity': 'Critical', 'x-hikeshi-action': 'resolve' } });
    assert.equal(e.dedupKey, 'backup/nightly');
    assert.equal(e.severity, 'critical');
    assert.equal(e.action, 'resolve');
    assert.equal(parse({ headers: { 'x-hikeshi-severity': 'nonsense' } }).severity, 'error', 'an unknown value falls back to the other rules');
    assert.equal(parse({ headers: { 'x-hikeshi-action': 'ack' } }).action, 'acknowledge');
  });

  it('picks severity from a body line, then subject keywords, else warning', () => {
    assert.equal(parse({ subject: 'Problem: High CPU on web-1', text: 'Problem severity: Warning' }).severity, 'warning', 'the explicit line wins over "High" in the name');
    assert.equal(parse({ subject: 'Problem: disk', text: 'Problem severity: Disaster' }).severity, 'critical');
    assert.equal(parse({ subject: 'Problem: disk', text: 'Severity = Information' }).severity, 'info');
    assert.equal(parse({ subject: 'Backup job failed', text: '' }).severity, 'error');
    assert.equal(parse({ subject: 'Disk usage warning', text: '' }).severity, 'warning');
    assert.equal(parse({ subject: 'Something happened', text: 'all good' }).severity, 'warning');
  });

  it('falls back to the body for the summary and to the receive time for an implausible date', () => {
    const e = parse({ subject: '', text: '\n\n  UPS on battery since 08:55 \nmore' });
    assert.equal(e.summary, 'UPS on battery since 08:55');
    assert.equal(e.dedupKey, null, 'no subject, no key: the pipeline generates one');
    assert.equal(parse({ subject: null, text: null }).summary, '(no subject)');
    assert.equal(parse({ subject: '', text: null, html: '<p>Fan <b>failed</b> &amp; stopped</p>' }).summary, 'Fan failed & stopped');
    assert.equal(parse({ date: '2000-01-01T00:00:00Z' }).occurredAt, ctx.receivedAt, 'a NAS with an unset clock');
    assert.equal(parse({ date: 'garbage' }).occurredAt, ctx.receivedAt);
    assert.equal(parse({ date: 'Sun, 22 Nov 2026 17:58:00 +0900' }).occurredAt, '2026-11-22T08:58:00.000Z');
  });

  it('keeps details, cuts long bodies and drops noisy headers', () => {
    const body = `${'x'.repeat(MAX_BODY - 1)}😀tail`;
    const e = parse({
      text: body,
      headers: { 'x-mailer': 'Zabbix 7.0', 'x-zabbix-host': 'nas-1', 'x-ms-exchange-organization': 'noise', 'content-type': 'text/plain' },
      attachments: [{ filename: 'log.txt', contentType: 'text/plain', size: 12 }],
    });
    const d = e.details as Record<string, any>;
    assert.equal(d.from, 'Zabbix <zabbix@example.com>');
    assert.deepEqual(d.to, [`${KEY}@hikeshi.test`]);
    assert.equal(d.messageId, '<1@zabbix.example.com>');
    assert.equal(d.bodyTruncated, true);
    assert.equal(d.bodyLength, body.length);
    assert.equal(d.body.length, MAX_BODY - 1, 'the emoji is not split');
    assert.deepEqual(d.headers, { 'x-mailer': 'Zabbix 7.0', 'x-zabbix-host': 'nas-1' });
    assert.deepEqual(d.attachments, [{ filename: 'log.txt', contentType: 'text/plain', size: 12 }]);
    assert.equal(e.client, 'Zabbix 7.0');
  });

  it('hashes keys longer than MAX_DEDUP_KEY', () => {
    const long = parse({ subject: `Problem: ${'障'.repeat(300)}` });
    assert.ok(long.dedupKey?.startsWith(HASHED_KEY_PREFIX));
    assert.equal(parse({ subject: `Resolved: ${'障'.repeat(300)}` }).dedupKey, long.dedupKey);
    assert.notEqual(parse({ subject: `Problem: ${'障'.repeat(301)}` }).dedupKey, long.dedupKey);
    const looksHashed = `${HASHED_KEY_PREFIX}abc`;
    assert.notEqual(parse({ subject: looksHashed }).dedupKey, looksHashed, 'a literal cannot impersonate a hash');
  });
});

describe('email parser properties', () => {
  const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('', ' ', '\u0000', '【復旧】', '** ', 'Re: Re: Fwd: '));
  const inbound = fc.record({
    subject: fc.option(text, { nil: null }),
    from: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
    fromName: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
    to: fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
    recipients: fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
    text: fc.option(text, { nil: null }),
    html: fc.option(text, { nil: null }),
    headers: fc.dictionary(fc.oneof(fc.constantFrom('x-hikeshi-dedup-key', 'x-hikeshi-severity', 'x-hikeshi-action', 'x-mailer', '__proto__', 'x-__proto__'), fc.string({ maxLength: 20 })), text, { maxKeys: 6 }),
    date: fc.option(fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), { nil: null }),
    messageId: fc.option(fc.string(), { nil: null }),
    attachments: fc.array(fc.record({ filename: fc.option(fc.string(), { nil: null }), contentType: fc.string(), size: fc.nat() }), { maxLength: 2 }),
  });

  it('never throws and always gives a well-formed event', () => {
    fc.assert(
      fc.property(inbound, (m) => {
        const e = parseEmail(m, ctx);
        assert.equal(e.kind, 'alert');
        assert.ok(EVENT_ACTIONS.includes(e.action) && ALERT_SEVERITIES.includes(e.severity));
        assert.ok(e.dedupKey === null || (e.dedupKey.length > 0 && e.dedupKey.length <= MAX_DEDUP_KEY));
        assert.ok(e.summary.trim().length > 0 && [...e.summary].length <= MAX_SUMMARY);
        assert.ok(!e.summary.includes('\n'));
        assert.ok(!Number.isNaN(Date.parse(e.occurredAt)));
        assert.doesNotThrow(() => JSON.stringify(e));
      }),
      { numRuns: 1000 },
    );
  });

  it('a trigger marker and a resolve marker in front of the same text share one key', () => {
    const trig = fc.constantFrom('Problem: ', 'PROBLEM ', '[Failed] ', 'CRITICAL: ', '障害: ', '【障害】', '** PROBLEM ', 'Alert - ', '');
    const res = fc.constantFrom('Resolved: ', 'Resolved in 3m: ', 'RESOLVED ', '[OK] ', 'OK: ', 'Recovery: ', '【復旧】', '復旧 ', '解消: ', 'Re: Resolved: ');
    // The text starts like a subject does: not with a separator, a bracket or a Zabbix-style "in 5m:"
    // qualifier, which would be read as part of the marker in front of it.
    const text = fc.string({ unit: 'grapheme', maxLength: 80 }).filter((s) => !/^(?:[\s:：\-–—*[【［(（<〈]|in\s)/iu.test(s));
    fc.assert(
      fc.property(trig, res, text, (t, r, rest) => {
        const a = parse({ subject: t + rest, headers: {} });
        const b = parse({ subject: r + rest, headers: {} });
        assert.equal(b.action, 'resolve');
        assert.equal(a.dedupKey, b.dedupKey);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves no marker in front of what is left', () => {
    const word = fc.constantFrom('Re: ', 'Problem: ', '[OK] ', 'RESOLVED ', '【復旧】', '** ', 'ACK: ', '障害 ', 'x', ' ', ':');
    const subject = fc.array(fc.oneof(word, fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 10 }).map((parts) => parts.join('').replace(/\s+/g, ' ').trim());
    fc.assert(
      fc.property(subject, (s) => {
        const { rest } = splitSubject(s);
        assert.deepEqual(splitSubject(rest), { action: null, rest });
      }),
      { numRuns: 1000 },
    );
  });

  it('is fast on large hostile input', () => {
    const start = process.hrtime.bigint();
    parseEmail(mail({ subject: `${'[OK] '.repeat(10_000)}${'a '.repeat(200_000)}`, text: `${'severity: '.repeat(50_000)}\n${'<'.repeat(500_000)}`, html: '<'.repeat(1_000_000) }), ctx);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.ok(ms < 2000, `took ${ms} ms`);
  });
});
