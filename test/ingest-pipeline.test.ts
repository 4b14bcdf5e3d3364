import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AlertEvent } from '../src/ingest/event.js';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

const event = (dedupKey: string): AlertEvent => ({
  kind: 'alert',
  action: 'trigger',
  dedupKey,
  summary: `summary ${dedupKey}`,
  source: 'test',
  severity: 'warning',
  component: null,
  group: null,
  class: null,
  labels: {},
  details: {},
  links: [],
  occurredAt: '2026-11-22T09:00:00.000Z',
  client: null,
  clientUrl: null,
});

for (const where of ['worker thread', 'in process'] as const)
describe(`ingest pipeline: group commit (${dialectName}, ${where})`, () => {
  let ts: TestServer;
  let a: Api;
  let key: string;
  let serviceId: string;
  before(async () => {
    ts = await startTestServer({ ingestInProcess: where === 'in process' });
    a = api(ts.server.app, ts.token);
    serviceId = (await a.post('/api/v1/services', { name: 'pipeline' })).body.id;
    key = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'generic', name: 'g' })).body.key;
  });
  after(() => ts.close());
  const submit = (events: AlertEvent[], k = key) => ts.server.intake.submit({ key: k, type: 'generic', events, requestId: null });
  const count = async (table: 'event' | 'alert') => Number((await ts.server.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('commits the jobs of one event-loop turn together and answers each after the commit', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => submit([event(`k${i}`)])));
    assert.equal(results.length, 40);
    assert.ok(results.every((r) => r.events[0]?.outcome === 'created'));
    assert.equal(await count('alert'), 40);
  });

  it('a job that fails fails alone: the others of its batch are stored', async () => {
    const alertsBefore = await count('alert');
    const eventsBefore = await count('event');
    const bad = event('bad');
    Object.defineProperty(bad, 'summary', {
      get() {
        throw new Error('boom');
      },
    });
    // Fails while it is applied, in the worker too (JSON.stringify cannot write a BigInt).
    const unstorable = { ...event('unstorable'), details: { n: 1n } };
    const [good1, broken, wrongKey, good2, failsInBatch] = await Promise.allSettled([
      submit([event('g1')]),
      submit([event('half'), bad]),
      submit([event('x')], 'z'.repeat(32)),
      submit([event('g2')]),
      submit([event('half2'), unstorable]),
    ]);
    assert.equal(good1.status, 'fulfilled');
    assert.equal(good2.status, 'fulfilled');
    assert.equal(broken.status, 'rejected');
    assert.match(String((broken as PromiseRejectedResult).reason), /boom/);
    assert.equal(failsInBatch.status, 'rejected');
    assert.match(String((failsInBatch as PromiseRejectedResult).reason), /BigInt/);
    assert.equal(wrongKey.status, 'rejected');
    assert.match(String((wrongKey as PromiseRejectedResult).reason), /not an integration key/);
    // Nothing of the failed job remains, not even the event before the one that threw.
    assert.equal(await count('alert'), alertsBefore + 2);
    assert.equal(await count('event'), eventsBefore + 2);
    const keys = (await ts.server.store.db.selectFrom('alert').select('dedupKey').execute()).map((r) => r.dedupKey);
    assert.ok(!keys.includes('half'));
    assert.ok(!keys.includes('half2'));
  });

  it('drains before the server closes: queued jobs are committed, not dropped', async () => {
    const pending = Array.from({ length: 10 }, (_, i) => submit([event(`drain${i}`)]));
    await ts.server.intake.pipeline.drained();
    const results = await Promise.all(pending);
    assert.equal(results.length, 10);
  });
});
