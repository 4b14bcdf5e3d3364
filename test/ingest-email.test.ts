import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/** "【障害】ディスク容量不足 nas-1" and "【復旧】…" in ISO-2022-JP, as old Japanese mailers and appliances send them. */
const JIS_PROBLEM = 'GyRCIVo+YzMyIVslRyUjJTklL01GTkxJVEItGyhCIG5hcy0x';
const JIS_RECOVERY = 'GyRCIVpJfDVsIVslRyUjJTklL01GTkxJVEItGyhCIG5hcy0x';
/** "ディスク使用率が 95% を超えました。" */
const JIS_BODY = '\x1b$B%G%#%9%/;HMQN($,\x1b(B 95% \x1b$B$rD6$($^$7$?!#\x1b(B';

type SmtpError = Error & { responseCode?: number; response?: string; code?: string };

describe(`email integrations over SMTP (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let serviceId: string;
  let key: string;
  let port: number;
  let transport: ReturnType<typeof nodemailer.createTransport>;

  before(async () => {
    ts = await startTestServer({ env: { HIKESHI_INBOUND_SMTP_PORT: '0', HOST: '127.0.0.1' } });
    a = api(ts.server.app, ts.token);
    serviceId = (await a.post('/api/v1/services', { name: 'storage' })).body.id;
    const integration = await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'email', name: 'NAS mail' });
    assert.equal(integration.status, 201, JSON.stringify(integration.body));
    key = integration.body.key;
    assert.ok(ts.server.smtp, 'HIKESHI_INBOUND_SMTP_PORT=0 starts the listener on a free port');
    port = ts.server.smtp.port;
    assert.ok(port > 0);
    transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  });
  after(async () => {
    transport?.close();
    await ts?.close();
  });

  const alerts = async (sid = serviceId) => (await a.get(`/api/v1/alerts?serviceId=${sid}&limit=200`)).body.items as any[];
  const send = (to: string | string[], subject: string, text: string, headers: Record<string, string> = {}) =>
    transport.sendMail({ from: 'NAS-1 <nas-1@example.com>', to, subject, text, headers });
  const rejection = async (p: Promise<unknown>): Promise<SmtpError> => {
    try {
      await p;
    } catch (err) {
      return err as SmtpError;
    }
    assert.fail('the mail was accepted');
  };

  it('shows the integration as a mailto: address', async () => {
    const list = await a.get(`/api/v1/services/${serviceId}/integrations`);
    const shown = JSON.stringify(list.body);
    assert.match(shown, new RegExp(`mailto:${key}@`));
  });

  it('a Problem mail opens an alert and an incident; the Resolved mail resolves both', async () => {
    const info = await send(`${key}@hikeshi.test`, 'Problem: Disk full on nas-1', 'Problem started at 08:59\nHost: nas-1\nProblem severity: High\n');
    assert.match(info.response, /^250 2\.6\.0 Accepted as event \S+ \(created\)/);
    let [alert] = (await alerts()).filter((x) => x.dedupKey === 'Disk full on nas-1');
    assert.ok(alert, 'the alert is there as soon as the 250 arrived');
    assert.equal(alert.status, 'triggered');
    assert.equal(alert.summary, 'Disk full on nas-1');
    assert.equal(alert.severity, 'error');
    assert.equal(alert.source, 'nas-1@example.com');
    assert.ok(alert.incidentId);
    assert.equal((await a.get(`/api/v1/incidents/${alert.incidentId}`)).body.status, 'triggered');
    const full = (await a.get(`/api/v1/alerts/${alert.id}`)).body;
    assert.match(full.details.body, /Host: nas-1/);
    assert.equal(full.details.from, 'NAS-1 <nas-1@example.com>');

    await send(`${key.toUpperCase()}@hikeshi.test`, 'Resolved in 12m: Disk full on nas-1', 'Problem has been resolved');
    [alert] = (await alerts()).filter((x) => x.dedupKey === 'Disk full on nas-1');
    assert.equal(alert.status, 'resolved');
    assert.equal((await a.get(`/api/v1/incidents/${alert.incidentId}`)).body.status, 'resolved');
  });

  it('decodes ISO-2022-JP subjects and bodies', async () => {
    assert.equal(new TextDecoder('iso-2022-jp').decode(Buffer.from(JIS_PROBLEM, 'base64')), '【障害】ディスク容量不足 nas-1');
    const raw = (subject: string) =>
      [
        'From: =?ISO-2022-JP?B?GyRCJTUhPCVQGyhC?= <ups@example.jp>',
        `To: ${key}@hikeshi.test`,
        `Subject: =?ISO-2022-JP?B?${subject}?=`,
        'Date: Sun, 22 Nov 2026 17:58:00 +0900',
        'Message-ID: <jis-1@example.jp>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=ISO-2022-JP',
        'Content-Transfer-Encoding: 7bit',
        '',
        JIS_BODY,
        '',
      ].join('\r\n');
    await transport.sendMail({ envelope: { from: 'ups@example.jp', to: [`${key}@hikeshi.test`] }, raw: raw(JIS_PROBLEM) });
    let [alert] = (await alerts()).filter((x) => x.dedupKey === 'ディスク容量不足 nas-1');
    assert.ok(alert, JSON.stringify(await alerts()));
    assert.equal(alert.summary, 'ディスク容量不足 nas-1');
    assert.equal(alert.status, 'triggered');
    assert.equal(alert.severity, 'error', '障害');
    assert.equal(alert.firstSeenAt, '2026-11-22T09:00:00.000Z');
    const full = (await a.get(`/api/v1/alerts/${alert.id}`)).body;
    assert.equal(full.details.body.trim(), 'ディスク使用率が 95% を超えました。');
    assert.equal(full.details.from, 'サーバ <ups@example.jp>');

    await transport.sendMail({ envelope: { from: 'ups@example.jp', to: [`${key}@hikeshi.test`] }, raw: raw(JIS_RECOVERY) });
    [alert] = (await alerts()).filter((x) => x.dedupKey === 'ディスク容量不足 nas-1');
    assert.equal(alert.status, 'resolved');
  });

  it('refuses, at RCPT, addresses that are not email integration keys of this Hikeshi', async () => {
    let err = await rejection(send(`${'z'.repeat(32)}@hikeshi.test`, 'Problem: x', 'x'));
    assert.equal(err.responseCode, 550);
    assert.match(err.response ?? '', new RegExp(`^550 5\\.1\\.1 ${'z'.repeat(32)} is not an integration key`));

    err = await rejection(send('oncall@hikeshi.test', 'Problem: x', 'x'));
    assert.equal(err.responseCode, 550);
    assert.match(err.response ?? '', /not an integration address/);

    const pd = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'pagerduty', name: 'pd' })).body.key;
    err = await rejection(send(`${pd}@hikeshi.test`, 'Problem: x', 'x'));
    assert.equal(err.responseCode, 550);
    assert.match(err.response ?? '', new RegExp(`${pd} belongs to a pagerduty integration`));

    // One good and one bad recipient: the good one gets the event, the sender learns about the bad one.
    const info = await send([`${key}@hikeshi.test`, `${pd}@hikeshi.test`], 'Problem: Fan failure on nas-1', 'fan 2 stopped');
    assert.deepEqual(info.rejected, [`${pd}@hikeshi.test`]);
    assert.equal((await alerts()).filter((x) => x.dedupKey === 'Fan failure on nas-1').length, 1);
  });

  it('refuses a message over 1 MiB with 552 and stores nothing', async () => {
    const before = (await alerts()).length;
    const err = await rejection(send(`${key}@hikeshi.test`, 'Problem: huge log', 'x'.repeat(1024 * 1024 + 10)));
    assert.equal(err.responseCode, 552, err.response);
    assert.equal((await alerts()).length, before);
  });

  it('answers 451 4.7.1 past the rate limit, so the sender retries later', async () => {
    // Drain this key's bucket (the fake clock stands still, so it stays empty).
    let taken = 0;
    while (taken < 10_000 && ts.server.intake.admit(key, 1) === null) taken++;
    assert.ok(taken < 10_000);
    const err = await rejection(send(`${key}@hikeshi.test`, 'Problem: rate', 'x'));
    assert.equal(err.responseCode, 451);
    assert.match(err.response ?? '', /^451 4\.7\.1 /);
    ts.clock.advance(2000);
    await send(`${key}@hikeshi.test`, 'Problem: rate', 'x');
  });

  it('one mail to two keys raises an alert on each integration', async () => {
    const otherService = (await a.post('/api/v1/services', { name: 'backup' })).body.id;
    const other = (await a.post(`/api/v1/services/${otherService}/integrations`, { type: 'email', name: 'backup mail' })).body.key;
    const info = await send([`${key}@hikeshi.test`, `${other}@other.example`], '[Failed] Backup job nightly', 'job failed');
    assert.deepEqual(info.accepted.length, 2);
    for (const sid of [serviceId, otherService]) {
      const [alert] = (await alerts(sid)).filter((x) => x.dedupKey === 'Backup job nightly');
      assert.ok(alert, `an alert on ${sid}`);
      assert.equal(alert.status, 'triggered');
      assert.equal(alert.severity, 'error');
    }
    await send([`${key}@hikeshi.test`, `${other}@other.example`], '[Success] Backup job nightly', 'job done');
    for (const sid of [serviceId, otherService]) {
      const [alert] = (await alerts(sid)).filter((x) => x.dedupKey === 'Backup job nightly');
      assert.equal(alert.status, 'resolved');
    }
  });

  it('survives garbage on the wire and in the message', async () => {
    const lines = await talk(port, [
      'EHLO garbage.test',
      'AUTH PLAIN AGFhAGJi',
      'MAIL FROM:<>',
      'RCPT TO:<"weird\u0001"@x>',
      `RCPT TO:<${key}@x>`,
      'DATA',
      '\u0000\u00ff\u00fe=?bogus?Q?=ZZ?=\r\nContent-Type: multipart/mixed; boundary="\r\n--\r\n\r\n--x\r\n\u0000\r\n.',
      'NOOP',
      'QUIT',
    ]);
    const codes = lines.map((l) => l.slice(0, 3));
    assert.ok(codes.includes('250'), lines.join('\n'));
    assert.ok(lines.some((l) => /^250 2\.6\.0 Accepted/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('221')), 'the connection still answers QUIT');
    // And the listener still works.
    const info = await send(`${key}@hikeshi.test`, 'Problem: after garbage', 'x');
    assert.match(info.response, /^250 /);
  });
});

/** A raw SMTP conversation: write each command after the previous reply, collect every reply line. */
function talk(port: number, commands: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const lines: string[] = [];
    let buffer = '';
    let next = 0;
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let i = buffer.indexOf('\r\n');
      while (i >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        lines.push(line);
        // A final reply line ("250 …", not "250-…") is the cue for the next command.
        if (/^\d{3} /.test(line) && next < commands.length) socket.write(`${commands[next++]}\r\n`, 'latin1');
        i = buffer.indexOf('\r\n');
      }
    });
    socket.on('close', () => resolve(lines));
    socket.on('error', reject);
    setTimeout(() => {
      socket.destroy();
      resolve(lines);
    }, 10_000).unref();
  });
}
