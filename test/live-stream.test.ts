import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { api } from './helpers/api.js';
import { createTeam, createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

interface Received {
  topic: string;
  incidentId: string | null;
  incident: any;
}

/** Open the SSE stream over real HTTP and collect events until closed. */
async function openStream(port: number, token: string) {
  const controller = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  assert.equal(res.status, 200);
  assert.match(String(res.headers.get('content-type')), /text\/event-stream/);
  const events: Received[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let idx = buffer.indexOf('\n\n');
        while (idx >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
          idx = buffer.indexOf('\n\n');
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    events,
    async waitFor(pred: (e: Received) => boolean, ms = 5000) {
      const start = Date.now();
      while (Date.now() - start < ms) {
        if (events.some(pred)) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`event not received; got ${events.map((e) => e.topic).join(', ')}`);
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

describe(`live stream of incident changes (${dialectName})`, () => {
  let ts: TestServer;
  let port: number;
  before(async () => {
    ts = await startTestServer();
    await ts.server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (ts.server.app.server.address() as AddressInfo).port;
  });
  after(() => ts.close());

  it('delivers changes as they commit, and restricted incidents only to those who may see them', async () => {
    const outsider = await createUser(ts, { role: 'responder' });
    const sec = await createUser(ts, { role: 'responder' });
    await createTeam(ts, { name: 'SOC', security: true, memberIds: [sec.id] });
    const ownerStream = await openStream(port, ts.token);
    const outsiderStream = await openStream(port, outsider.token);
    const secStream = await openStream(port, sec.token);
    const a = api(ts.server.app, ts.token);
    const pub = (await a.post('/api/v1/incidents', { title: 'public one' })).body;
    await a.post(`/api/v1/incidents/${pub.id}/acknowledge`);
    const restricted = (await a.post('/api/v1/incidents', { title: 'secret one', type: 'security' })).body;
    await a.post(`/api/v1/incidents/${restricted.id}/notes`, { body: 'evidence preserved' });

    await ownerStream.waitFor((e) => e.topic === 'note.added' && e.incidentId === restricted.id);
    await secStream.waitFor((e) => e.topic === 'note.added' && e.incidentId === restricted.id);
    await outsiderStream.waitFor((e) => e.topic === 'incident.acknowledged' && e.incidentId === pub.id);
    const ack = outsiderStream.events.find((e) => e.topic === 'incident.acknowledged')!;
    assert.equal(ack.incident.status, 'acknowledged');
    await ts.server.hub.settle();
    assert.ok(!outsiderStream.events.some((e) => e.incidentId === restricted.id), 'restricted incident never reaches an outsider');
    assert.deepEqual(
      ownerStream.events.filter((e) => e.incidentId === pub.id).map((e) => e.topic),
      ['incident.declared', 'incident.acknowledged'],
    );
    assert.equal(ts.server.hub.size, 3);
    await Promise.all([ownerStream.close(), outsiderStream.close(), secStream.close()]);
    for (let i = 0; i < 100 && ts.server.hub.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(ts.server.hub.size, 0, 'disconnected clients are unsubscribed');
  });

  it('rejects unauthenticated stream requests', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/stream`);
    assert.equal(res.status, 401);
  });
});

describe(`live stream and shutdown (${dialectName})`, () => {
  it('open streams end when the server shuts down, and shutdown does not wait for them', async () => {
    const ts = await startTestServer();
    await ts.server.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (ts.server.app.server.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/stream`, { headers: { authorization: `Bearer ${ts.token}` } });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    const started = Date.now();
    await ts.close();
    assert.ok(Date.now() - started < 3000, `shutdown took ${Date.now() - started} ms`);
    let ended = false;
    for (let i = 0; i < 10 && !ended; i++) ended = (await reader.read()).done;
    assert.ok(ended, 'the stream was closed by the server');
  });
});

describe('live stream across instances (PostgreSQL LISTEN/NOTIFY)', { skip: dialectName !== 'postgres' && 'SQLite runs one instance' }, () => {
  it('a change made through instance A reaches a client of instance B', async () => {
    const first = await startTestServer();
    const second = await startTestServer({ sameDatabaseAs: first });
    try {
      await second.server.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (second.server.app.server.address() as AddressInfo).port;
      const stream = await openStream(port, second.token);
      const inc = (await api(first.server.app, first.token).post('/api/v1/incidents', { title: 'from instance A' })).body;
      await stream.waitFor((e) => e.topic === 'incident.declared' && e.incidentId === inc.id);
      assert.equal(stream.events.filter((e) => e.incidentId === inc.id).length, 1, 'exactly once');
      await stream.close();
    } finally {
      await second.close();
      await first.close();
    }
  });
});
