import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type OutboundOptions, sendOutbound } from '../src/platform/http-out.js';
import { parseOutboundAllow } from '../src/platform/outbound-guard.js';
import { type HttpSink, startHttpSink } from './helpers/http-sink.js';

/** The one outbound HTTP wrapper against real servers on 127.0.0.1 (allow-listed explicitly). */
describe('outbound HTTP against real servers', () => {
  let sink: HttpSink;
  const allowLoopback: OutboundOptions = { allow: parseOutboundAllow('127.0.0.1'), timeoutMs: 3000, connectTimeoutMs: 2000 };

  before(async () => {
    sink = await startHttpSink();
  });
  after(async () => {
    await sink?.close();
  });

  it('refuses 127.0.0.1 unless an administrator allow-lists it', async () => {
    const before = sink.requests.length;
    const refused = await sendOutbound({ url: `${sink.url}/hook`, body: '{}' });
    assert.equal(refused.outcome, 'permanent');
    assert.equal(refused.code, 'ssrf_refused');
    assert.match(refused.message, /loopback/);
    assert.equal(sink.requests.length, before, 'nothing reached the server');
    const allowed = await sendOutbound({ url: `${sink.url}/hook`, body: '{}' }, allowLoopback);
    assert.equal(allowed.outcome, 'delivered');
    assert.equal(sink.requests.length, before + 1);
  });

  it('refuses the metadata address, private ranges and IPv6 spellings of loopback', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/hook',
      'http://10.255.1.2:8080/hook',
      'http://192.168.1.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:169.254.169.254]/',
      'http://0x7f.1/',
      'http://2130706433/',
      'http://0.0.0.0/',
    ]) {
      const r = await sendOutbound({ url, body: '{}' }, { timeoutMs: 500 });
      assert.equal(r.outcome, 'permanent', url);
      assert.equal(r.code, 'ssrf_refused', url);
    }
    // Allow-listing loopback does not open the rest.
    const metadata = await sendOutbound({ url: 'http://169.254.169.254/' }, allowLoopback);
    assert.equal(metadata.code, 'ssrf_refused');
  });

  it('refuses a host name that resolves to loopback (system resolver and a hostile DNS answer)', async () => {
    const before = sink.requests.length;
    const local = await sendOutbound({ url: `http://localhost:${sink.port}/hook`, body: '{}' });
    assert.equal(local.code, 'ssrf_refused');
    const evil = await sendOutbound(
      { url: `http://hooks.attacker.test:${sink.port}/hook`, body: '{}' },
      { resolve: async () => [{ address: '127.0.0.1', family: 4 }] },
    );
    assert.equal(evil.code, 'ssrf_refused');
    assert.match(evil.message, /hooks\.attacker\.test \(127\.0\.0\.1\)/);
    // One bad address among good ones is enough to refuse.
    const mixed = await sendOutbound(
      { url: `http://mixed.test:${sink.port}/hook` },
      {
        resolve: async () => [
          { address: '93.184.216.34', family: 4 },
          { address: '10.0.0.7', family: 4 },
        ],
      },
    );
    assert.equal(mixed.code, 'ssrf_refused');
    assert.equal(sink.requests.length, before);
  });

  it('connects to the address it checked, not to a second DNS answer', async () => {
    let lookups = 0;
    const r = await sendOutbound(
      { url: `http://hooks.pinned.test:${sink.port}/pinned`, body: 'x' },
      {
        ...allowLoopback,
        resolve: async () => {
          lookups++;
          // A rebinding resolver: the first answer is what gets checked, later ones would point elsewhere.
          return lookups === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '169.254.169.254', family: 4 }];
        },
      },
    );
    assert.equal(r.outcome, 'delivered', r.message);
    assert.equal(lookups, 1, 'resolved once');
    assert.equal(r.address, '127.0.0.1');
    const got = sink.requests.at(-1)!;
    assert.equal(got.url, '/pinned');
    assert.equal(got.headers.host, `hooks.pinned.test:${sink.port}`, 'the Host header names the host, the socket goes to the checked IP');
  });

  it('classifies answers: 5xx and 429 transient (Retry-After read), 404 permanent, 3xx not followed', async () => {
    sink.script(
      { status: 503, body: 'down' },
      { status: 429, headers: { 'retry-after': '7' }, body: 'slow down' },
      { status: 404, body: 'channel_not_found' },
      { status: 302, headers: { location: 'http://169.254.169.254/' } },
      { status: 202 },
    );
    const send = () => sendOutbound({ url: `${sink.url}/c`, body: '{}', headers: { 'content-type': 'application/json' } }, allowLoopback);
    const a = await send();
    assert.deepEqual([a.outcome, a.status, a.code], ['transient', 503, 'http_503']);
    const b = await send();
    assert.deepEqual([b.outcome, b.status, b.retryAfterMs], ['transient', 429, 7000]);
    const c = await send();
    assert.deepEqual([c.outcome, c.status], ['permanent', 404]);
    assert.match(c.message, /channel_not_found/);
    const before = sink.requests.length;
    const d = await send();
    assert.deepEqual([d.outcome, d.code], ['permanent', 'redirect']);
    assert.equal(sink.requests.length, before + 1, 'the redirect was not followed');
    const e = await send();
    assert.equal(e.outcome, 'delivered');
  });

  it('a timeout after the request was sent is unknown; a refused connection is transient', async () => {
    sink.script({ hang: true });
    const before = sink.requests.length;
    const started = Date.now();
    const hung = await sendOutbound({ url: `${sink.url}/slow`, body: '{"a":1}' }, { ...allowLoopback, timeoutMs: 400 });
    assert.equal(hung.outcome, 'unknown', hung.message);
    assert.equal(hung.code, 'timeout');
    assert.ok(Date.now() - started < 2900, 'gave up at the timeout');
    assert.equal(sink.requests.length, before + 1, 'the receiver has the request');

    sink.script({ destroy: true });
    const dropped = await sendOutbound({ url: `${sink.url}/drop`, body: '{}' }, allowLoopback);
    assert.equal(dropped.outcome, 'unknown', dropped.message);

    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const refused = await sendOutbound({ url: `http://127.0.0.1:${closed}/`, body: '{}' }, allowLoopback);
    assert.equal(refused.outcome, 'transient');
    assert.equal(refused.code, 'ECONNREFUSED');

    const dns = await sendOutbound({ url: 'http://no-such-host.invalid/' }, { timeoutMs: 2000 });
    assert.equal(dns.outcome, 'transient');
    assert.equal(dns.code, 'dns_failure');
  });

  it('keeps at most maxResponseBytes of a body, and rejects what is not an http(s) URL', async () => {
    sink.script({ status: 200, body: 'x'.repeat(100_000) });
    const big = await sendOutbound({ url: `${sink.url}/big` }, { ...allowLoopback, maxResponseBytes: 1000 });
    assert.equal(big.outcome, 'delivered');
    assert.equal(big.body.length, 1000);
    assert.equal(big.truncated, true);
    for (const url of ['ftp://example.com/x', 'file:///etc/passwd', 'not a url', 'gopher://127.0.0.1:25/']) {
      const r = await sendOutbound({ url }, allowLoopback);
      assert.deepEqual([r.outcome, r.code], ['permanent', 'invalid_url'], url);
    }
  });
});
