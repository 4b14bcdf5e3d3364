import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/**
 * Malformed, truncated, wrongly typed and oversized input on every documented route: the answer is
 * always a 4xx with the error shape (or a 2xx when the random input happens to be valid), never a 5xx.
 */
describe(`fuzzing every API route (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let routes: { method: string; path: string }[] = [];
  const ids: Record<string, string> = {};

  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    ids.service = (await a.post('/api/v1/services', { name: 'fuzz' })).body.id;
    ids.incident = (await a.post('/api/v1/incidents', { title: 'fuzz target', serviceId: ids.service })).body.id;
    const doc = (await a.get('/api/v1/openapi.json')).body;
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      if (path.includes('/stream')) continue;
      for (const method of Object.keys(ops)) routes.push({ method: method.toUpperCase(), path });
    }
    routes = routes.filter((r) => r.path.startsWith('/api/v1/') || r.path.startsWith('/v2/'));
  });
  after(() => ts.close());

  const fill = (path: string, pick: number) =>
    path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const choices = [ids.incident!, ids.service!, '01JZZZZZZZZZZZZZZZZZZZZZZZ', 'not-an-id', '%00', "'; drop table incident;--", '1'.repeat(300)];
      if (name === 'id' && path.startsWith('/api/v1/services')) choices[0] = ids.service!;
      return encodeURIComponent(choices[pick % choices.length]!);
    });

  const jsonish = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.record({ title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), body: fc.string(), name: fc.string(), type: fc.string(), severity: fc.string(), impact: fc.integer(), userId: fc.string(), status: fc.string() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    fc.string().map((s) => `{"title": ${s}`),
    fc.constantFrom('', '{', '[]', 'null', '"x"', '{"__proto__": {"admin": true}}', '{"constructor": {"prototype": {}}}', '\u0000', '{"title": "\ud800"}'),
  );

  it('never answers 5xx to random bodies, params and query strings', async () => {
    assert.ok(routes.length >= 15, `found ${routes.length} routes`);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), jsonish, fc.string({ maxLength: 40 }), async (routeIndex, pick, body, q) => {
        const route = routes[routeIndex % routes.length]!;
        const url = `${fill(route.path, pick)}?${pick % 2 ? 'limit' : 'q'}=${encodeURIComponent(q)}&cursor=${encodeURIComponent(q)}`;
        const r = await a.raw(route.method, url, ['GET', 'DELETE'].includes(route.method) ? undefined : body, { 'content-type': 'application/json' });
        if (r.status >= 500) throw new Error(`${route.method} ${url} body=${body} → ${r.status} ${JSON.stringify(r.body)}`);
        if (r.status >= 400) {
          // PagerDuty- and Opsgenie-compatible routes answer in their own error shapes, the REST API in ours.
          const shaped = route.path.startsWith('/v2/alerts')
            ? typeof r.body?.message === 'string' && typeof r.body?.requestId === 'string'
            : route.path.startsWith('/v2/')
              ? typeof r.body?.status === 'string'
              : typeof r.body?.error?.code === 'string';
          assert.ok(shaped, `${route.method} ${url} error shape: ${JSON.stringify(r.body)}`);
        }
      }),
      { numRuns: 600, seed: 20261122 },
    );
  });

  it('handles wrong content types and oversized bodies on write routes with 4xx', async () => {
    for (const route of routes.filter((r) => r.method === 'POST' || r.method === 'PATCH' || r.method === 'PUT')) {
      const url = fill(route.path, 0);
      const text = await a.raw(route.method, url, 'title=x', { 'content-type': 'application/x-www-form-urlencoded' });
      assert.ok(text.status >= 400 && text.status < 500, `${route.method} ${url} form → ${text.status}`);
      const big = await a.raw(route.method, url, JSON.stringify({ title: 'x'.repeat(1_100_000) }), { 'content-type': 'application/json' });
      assert.ok(big.status === 413 || big.status === 400 || big.status === 404, `${route.method} ${url} big → ${big.status}`);
    }
  });
});
