import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

describe(`platform: health, metrics, request ids, OpenAPI (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
  });
  after(() => ts.close());

  it('answers /healthz and /readyz without authentication', async () => {
    const anon = api(ts.server.app);
    assert.deepEqual((await anon.get('/healthz')).body, { status: 'ok' });
    const ready = await anon.get('/readyz');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.database, dialectName);
  });

  it('exposes Prometheus metrics including request counts by route pattern', async () => {
    await a.get('/api/v1/incidents');
    const m = await ts.server.app.inject({ url: '/metrics' });
    assert.equal(m.statusCode, 200);
    assert.match(String(m.headers['content-type']), /text\/plain/);
    assert.match(m.body, /hikeshi_http_requests_total\{method="GET",route="\/api\/v1\/incidents",status="200"\} \d+/);
    assert.match(m.body, /hikeshi_process_resident_memory_bytes/);
  });

  it('echoes a caller-supplied request id, generates one otherwise, and puts it in error bodies', async () => {
    const given = await a.get('/api/v1/incidents/nope', { 'x-request-id': 'trace-abc-123' });
    assert.equal(given.headers['x-request-id'], 'trace-abc-123');
    assert.equal(given.body.error.requestId, 'trace-abc-123');
    const generated = await a.get('/api/v1/incidents');
    assert.match(String(generated.headers['x-request-id']), /^[0-9A-Z]{26}$/);
    const hostile = await a.get('/api/v1/incidents', { 'x-request-id': 'bad id\nwith newline' });
    assert.notEqual(hostile.headers['x-request-id'], 'bad id\nwith newline');
  });

  it('answers unknown routes with the error shape', async () => {
    const r = await a.get('/api/v1/nothing-here');
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'NOT_FOUND');
  });

  it('serves a valid OpenAPI 3.1 document generated from the request schemas, and a browsable page', async () => {
    const doc = (await api(ts.server.app).get('/api/v1/openapi.json')).body;
    assert.equal(doc.openapi, '3.1.0');
    const result = await new Validator().validate(doc);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
    for (const p of ['/api/v1/incidents', '/api/v1/incidents/{id}', '/api/v1/incidents/{id}/acknowledge', '/api/v1/incidents/{id}/timeline', '/api/v1/services', '/api/v1/services/{id}/integrations', '/api/v1/incidents/{id}/notes']) {
      assert.ok(doc.paths[p], `missing ${p}`);
    }
    const declare = doc.paths['/api/v1/incidents'].post.requestBody.content['application/json'].schema;
    const schema = declare.$ref ? doc.components.schemas[declare.$ref.split('/').pop()] : declare;
    assert.ok(schema.properties.title, 'request schema documented');
    assert.equal(schema.additionalProperties, false, 'unknown fields are rejected, and the document says so');
    const ui = await ts.server.app.inject({ url: '/api/docs/' });
    assert.equal(ui.statusCode, 200);
    assert.match(ui.body, /swagger/i);
  });

  it('sets basic security headers', async () => {
    const r = await a.get('/api/v1/incidents');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['cache-control'], 'no-store');
  });
});

describe(`graceful shutdown (${dialectName})`, () => {
  it('finishes in-flight requests, then refuses new connections', async () => {
    const ts = await startTestServer();
    const app = ts.server.app;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    app.get('/test/slow', { config: { public: true } }, async () => {
      await gate;
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const inflight = fetch(`http://127.0.0.1:${port}/test/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((r) => setTimeout(r, 100));
    let closed = false;
    const closing = ts.close().then(() => {
      closed = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(closed, false, 'close waits for the in-flight request');
    release();
    const res = await inflight;
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { done: true });
    await closing;
    await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`));
  });
});
