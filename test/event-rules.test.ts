import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { loadEnabledRules } from '../src/services/event-rule/load-enabled.js';
import { type Api, api } from './helpers/api.js';
import { createService, createUser } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/** interop.md's Alertmanager example: two firing alerts of one group, service "checkout". */
const amExample = () => JSON.parse(readFileSync(new URL('../src/ingest/alertmanager/testdata/example-v4.json', import.meta.url), 'utf8'));

describe(`event rules (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let svcA: string;
  let svcB: string;
  before(async () => {
    ts = await startTestServer();
    a = api(ts.server.app, ts.token);
    svcA = (await createService(ts, { name: 'web' })).id;
    svcB = (await createService(ts, { name: 'checkout' })).id;
  });
  after(() => ts.close());

  const names = async (query: string) => (await a.get(`/api/v1/event-rules${query}`)).body.items.map((r: any) => `${r.name}@${r.position}`);
  const fieldsOf = (r: { body: any }) => r.body.error.details.fields.map((f: any) => f.field);

  it('creates, reads, reorders and deletes rules per scope, audited, positions staying 1..n', async () => {
    const g1 = await a.post('/api/v1/event-rules', { name: 'g1', conditions: [{ field: 'labels.env', operator: 'equals', value: 'dev' }], actions: [{ type: 'drop' }] });
    assert.equal(g1.status, 201, JSON.stringify(g1.body));
    assert.equal(g1.body.scope, 'global');
    assert.equal(g1.body.serviceId, null);
    assert.equal(g1.body.position, 1);
    assert.equal(g1.body.match, 'all');
    assert.equal(g1.body.enabled, true);
    assert.equal(g1.body.stopOnMatch, true);
    const g2 = (await a.post('/api/v1/event-rules', { name: 'g2', match: 'any', stopOnMatch: false, actions: [{ type: 'add_note', body: 'hi' }] })).body;
    const g0 = (await a.post('/api/v1/event-rules', { name: 'g0', position: 1, actions: [{ type: 'set_priority', priority: 'P2' }] })).body;
    assert.equal(g0.position, 1);
    const s1 = (await a.post('/api/v1/event-rules', { name: 's1', serviceId: svcA, position: 99, actions: [{ type: 'suppress' }] })).body;
    assert.equal(s1.position, 1, 'past the end means last');
    await a.post('/api/v1/event-rules', { name: 'sB', serviceId: svcB, actions: [{ type: 'suppress' }] });

    assert.deepEqual(await names(''), ['g0@1', 'g1@2', 'g2@3', ...(svcA < svcB ? ['s1@1', 'sB@1'] : ['sB@1', 's1@1'])]);
    assert.deepEqual(await names(`?serviceId=${svcA}`), ['g0@1', 'g1@2', 'g2@3', 's1@1'], 'the chain an event of web meets');
    assert.deepEqual(await names(`?serviceId=${svcA}&scope=service`), ['s1@1']);
    assert.deepEqual(await names('?scope=global'), ['g0@1', 'g1@2', 'g2@3']);
    assert.equal((await a.get('/api/v1/event-rules')).body.nextCursor, null);
    assert.equal((await a.get(`/api/v1/event-rules?scope=global&serviceId=${svcA}`)).status, 400);

    const moved = await a.patch(`/api/v1/event-rules/${g2.id}`, { position: 1, name: 'g2!', enabled: false });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual([moved.body.position, moved.body.name, moved.body.enabled, moved.body.match], [1, 'g2!', false, 'any']);
    assert.deepEqual(await names('?scope=global'), ['g2!@1', 'g0@2', 'g1@3']);
    await a.patch(`/api/v1/event-rules/${g2.id}`, { position: 3 });
    assert.deepEqual(await names('?scope=global'), ['g0@1', 'g1@2', 'g2!@3']);

    const got = await a.get(`/api/v1/event-rules/${g1.body.id}`);
    assert.deepEqual(got.body.conditions, [{ field: 'labels.env', operator: 'equals', value: 'dev' }]);
    assert.deepEqual(got.body.actions, [{ type: 'drop' }]);

    assert.equal((await a.delete(`/api/v1/event-rules/${g0.id}`)).status, 204);
    assert.deepEqual(await names('?scope=global'), ['g1@1', 'g2!@2']);
    assert.equal((await a.get(`/api/v1/event-rules/${g0.id}`)).status, 404);
    assert.equal((await a.patch(`/api/v1/event-rules/${g0.id}`, { name: 'x' })).status, 404);
    assert.equal((await a.delete(`/api/v1/event-rules/${g0.id}`)).status, 404);

    const audit = await ts.server.store.db.selectFrom('auditLog').select(['action', 'targetId']).where('targetType', '=', 'event_rule').orderBy('seq').execute();
    assert.deepEqual(
      audit.map((r) => r.action),
      ['event_rule.created', 'event_rule.created', 'event_rule.created', 'event_rule.created', 'event_rule.created', 'event_rule.updated', 'event_rule.updated', 'event_rule.deleted'],
    );

    const loaded = await loadEnabledRules(ts.server.store.db);
    assert.deepEqual(
      loaded.map((r) => r.name),
      ['g1', ...(svcA < svcB ? ['s1', 'sB'] : ['sB', 's1'])],
      'the pipeline gets enabled rules only, global first',
    );
    assert.deepEqual(loaded[0]?.conditions, [{ field: 'labels.env', operator: 'equals', value: 'dev' }]);
    for (const r of await a.get('/api/v1/event-rules').then((x) => x.body.items)) await a.delete(`/api/v1/event-rules/${r.id}`);
  });

  it('rejects rules that cannot apply, naming the field', async () => {
    const post = (body: unknown) => a.post('/api/v1/event-rules', body);
    const base = { name: 'r', actions: [{ type: 'suppress' }] };
    const unknownKey = await post({ ...base, colour: 'red' });
    assert.equal(unknownKey.status, 400);
    assert.match(unknownKey.body.error.message, /colour/);
    assert.equal((await post({ ...base, actions: [{ type: 'suppress', extra: 1 }] })).status, 400);
    assert.equal((await post({ ...base, actions: [{ type: 'explode' }] })).status, 400);
    assert.deepEqual(fieldsOf(await post({ ...base, conditions: [{ field: 'summary', operator: 'regex', value: '([a-z]+)*$' }] })), ['conditions.0.value']);
    assert.deepEqual(fieldsOf(await post({ ...base, conditions: [{ field: 'summary', operator: 'regex', value: '[' }] })), ['conditions.0.value']);
    assert.deepEqual(fieldsOf(await post({ ...base, conditions: [{ field: 'details.ms', operator: 'gt', value: 'slow' }] })), ['conditions.0.value']);
    assert.deepEqual(fieldsOf(await post({ ...base, conditions: [{ field: 'source', operator: 'exists', value: 'x' }] })), ['conditions.0.value']);
    assert.deepEqual(fieldsOf(await post({ ...base, conditions: [{ field: 'host', operator: 'exists' }] })), ['conditions.0.field']);
    assert.deepEqual(fieldsOf(await post({ ...base, actions: [{ type: 'drop' }, { type: 'suppress' }] })), ['actions']);
    assert.deepEqual(fieldsOf(await post({ ...base, actions: [{ type: 'suppress' }, { type: 'suppress' }] })), ['actions.1.type']);
    assert.deepEqual(fieldsOf(await post({ ...base, actions: [{ type: 'set_dedup_key', template: 'same-for-all' }] })), ['actions.0.template']);
    assert.deepEqual(fieldsOf(await post({ ...base, actions: [{ type: 'set_dedup_key', template: '{{labels.job}}-{{hostname}}' }] })), ['actions.0.template']);
    assert.deepEqual(fieldsOf(await post({ ...base, serviceId: svcA, actions: [{ type: 'route', serviceId: svcA }] })), ['actions.0.serviceId']);
    const ghost = '01JD2Z3K4M5N6P7Q8R9S0TVWXY';
    assert.deepEqual(fieldsOf(await post({ ...base, actions: [{ type: 'add_note', body: 'n' }, { type: 'route', serviceId: ghost }] })), ['actions.1.serviceId']);
    assert.deepEqual(fieldsOf(await post({ ...base, serviceId: ghost })), ['serviceId']);
    const ok = (await post({ ...base, serviceId: svcA })).body;
    assert.deepEqual(fieldsOf(await a.patch(`/api/v1/event-rules/${ok.id}`, { actions: [{ type: 'route', serviceId: svcA }] })), ['actions.0.serviceId']);
    assert.equal((await a.patch(`/api/v1/event-rules/${ok.id}`, { serviceId: svcB })).status, 400, 'a rule stays in its scope');
    assert.equal((await a.patch(`/api/v1/event-rules/${ok.id}`, {})).status, 400);
    assert.equal((await a.get('/api/v1/event-rules')).body.items.length, 1, 'nothing invalid was stored');
    await a.delete(`/api/v1/event-rules/${ok.id}`);
  });

  it('lets admins manage rules; responders and observers only read and dry-run', async () => {
    const admin = api(ts.server.app, (await createUser(ts, { role: 'admin' })).token);
    const responder = api(ts.server.app, (await createUser(ts, { role: 'responder' })).token);
    const observer = api(ts.server.app, (await createUser(ts, { role: 'observer' })).token);
    const rule = { name: 'p', actions: [{ type: 'suppress' }] };
    const created = await admin.post('/api/v1/event-rules', rule);
    assert.equal(created.status, 201);
    assert.equal((await responder.post('/api/v1/event-rules', rule)).status, 403);
    assert.equal((await observer.patch(`/api/v1/event-rules/${created.body.id}`, { name: 'q' })).status, 403);
    assert.equal((await responder.delete(`/api/v1/event-rules/${created.body.id}`)).status, 403);
    assert.equal((await observer.get('/api/v1/event-rules')).status, 200);
    assert.equal((await observer.get(`/api/v1/event-rules/${created.body.id}`)).status, 200);
    const dry = await observer.post('/api/v1/event-rules/dry-run', { serviceId: svcA, format: 'generic', payload: { summary: 'x' } });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.equal((await api(ts.server.app).get('/api/v1/event-rules')).status, 401);
    assert.equal((await admin.delete(`/api/v1/event-rules/${created.body.id}`)).status, 204);
  });

  it('dry-runs an Alertmanager payload: which rules match each alert and what would happen, writing nothing', async () => {
    const post = (body: unknown) => a.post('/api/v1/event-rules/dry-run', body);
    const route = (await a.post('/api/v1/event-rules', {
      name: 'checkout alerts go to checkout',
      conditions: [{ field: 'labels.service', operator: 'equals', value: 'checkout' }],
      actions: [{ type: 'route', serviceId: svcB }],
    })).body;
    const mute = (await a.post('/api/v1/event-rules', {
      name: 'api-2 is being rebuilt',
      serviceId: svcB,
      stopOnMatch: false,
      conditions: [{ field: 'source', operator: 'contains', value: 'API-2', ignoreCase: true }],
      actions: [{ type: 'suppress' }, { type: 'add_note', body: 'api-2 rebuild, see CHG-12' }],
    })).body;
    const crit = (await a.post('/api/v1/event-rules', {
      name: 'critical latency is P1',
      serviceId: svcB,
      match: 'all',
      conditions: [
        { field: 'severity', operator: 'equals', value: 'critical' },
        { field: 'class', operator: 'regex', value: '^High' },
      ],
      actions: [{ type: 'set_priority', priority: 'P1' }, { type: 'set_incident_type', incidentType: 'outage' }, { type: 'set_dedup_key', template: '{{class}}/{{source}}' }],
    })).body;
    const neverRuns = (await a.post('/api/v1/event-rules', { name: 'web rule', serviceId: svcA, actions: [{ type: 'drop' }] })).body;

    // An open alert on checkout with the key the rules will give api-1's alert.
    const now = ts.clock.now().toISOString();
    const openId = '01JD2Z3K4M5N6P7Q8R9S0TVWXA';
    await ts.server.store.db
      .insertInto('alert')
      .values({ id: openId, serviceId: svcB, integrationId: null, dedupKey: 'HighLatency/api-1:8080', status: 'triggered', summary: 's', severity: 'critical', source: null, eventCount: 1, incidentId: null, reason: '{}', details: '{}', firstSeenAt: now, lastSeenAt: now, resolvedAt: null, groupKey: null, acknowledgedAt: null })
      .execute();
    const auditBefore = (await ts.server.store.db.selectFrom('auditLog').select('seq').execute()).length;

    const payload = amExample();
    payload.alerts.push({ ...payload.alerts[0], status: 'resolved', labels: { alertname: 'DiskFull', instance: 'db-1', severity: 'warning' }, fingerprint: 'aaaabbbbccccdddd', endsAt: '2024-05-01T12:05:00Z' });
    const r = await post({ serviceId: svcA, format: 'alertmanager', payload });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const [api1, api2, disk] = r.body.results;
    assert.equal(r.body.results.length, 3);

    assert.equal(api1.event.dedupKey, '04d9116c18976b10');
    assert.equal(api1.event.source, 'api-1:8080');
    assert.deepEqual(api1.matched.map((m: any) => [m.ruleId, m.scope]), [[route.id, 'global'], [crit.id, 'service']]);
    assert.deepEqual(api1.matched[0].matchedOn, [{ field: 'labels.service', operator: 'equals', actual: 'checkout' }]);
    assert.equal(api1.outcome, 'alert');
    assert.equal(api1.serviceId, svcB);
    assert.equal(api1.dedupKey, 'HighLatency/api-1:8080');
    assert.equal(api1.priority, 'P1');
    assert.equal(api1.incidentType, 'outage');
    assert.equal(api1.severity, 'critical');
    assert.deepEqual(api1.routes, [{ ruleId: route.id, scope: 'global', from: svcA, to: svcB, targetRulesEvaluated: true }]);
    assert.deepEqual(api1.openAlert, { id: openId, status: 'triggered', incidentId: null }, 'it would update the open alert');

    assert.deepEqual(api2.matched.map((m: any) => m.ruleId), [route.id, mute.id, crit.id]);
    assert.equal(api2.outcome, 'suppressed');
    assert.deepEqual(api2.notes, [{ ruleId: mute.id, body: 'api-2 rebuild, see CHG-12' }]);
    assert.equal(api2.openAlert, null);

    assert.equal(disk.event.action, 'resolve');
    assert.deepEqual(disk.matched.map((m: any) => m.ruleId), [neverRuns.id], 'not routed: web rules apply');
    assert.equal(disk.outcome, 'dropped');
    assert.equal(disk.serviceId, svcA);

    // Unsaved rules instead of checkout's stored ones (the global route still runs).
    const tried = await post({
      serviceId: svcA,
      format: 'alertmanager',
      payload: amExample(),
      rules: [{ name: 'try', conditions: [{ field: 'labels.instance', operator: 'equals', value: 'api-1:8080' }], actions: [{ type: 'drop' }] }],
    });
    assert.equal(tried.status, 200, JSON.stringify(tried.body));
    assert.deepEqual(tried.body.results.map((x: any) => x.outcome), ['alert', 'suppressed'], "unsaved rules replace web's, but the alerts were routed to checkout");
    const triedB = await post({ serviceId: svcB, format: 'alertmanager', payload: amExample(), rules: [{ conditions: [{ field: 'labels.instance', operator: 'equals', value: 'api-1:8080' }], actions: [{ type: 'drop' }] }] });
    assert.deepEqual(triedB.body.results.map((x: any) => [x.outcome, x.matched.map((m: any) => m.ruleId)]), [['dropped', [route.id, 'draft-1']], ['alert', [route.id]]]);
    const noGlobal = await post({ serviceId: svcA, format: 'alertmanager', payload: amExample(), globalRules: [] });
    assert.deepEqual(noGlobal.body.results.map((x: any) => [x.serviceId, x.outcome]), [[svcA, 'dropped'], [svcA, 'dropped']]);

    // Bad input names the field.
    assert.deepEqual(fieldsOf(await post({ serviceId: svcA, format: 'alertmanager', payload: { ...amExample(), alerts: 'no' } })), ['payload.alerts']);
    assert.deepEqual(fieldsOf(await post({ serviceId: svcA, format: 'alertmanager' })), ['body.payload'], 'checked by the transport schema');
    assert.deepEqual(fieldsOf(await post({ serviceId: svcA, format: 'generic', payload: {}, rules: [{ actions: [{ type: 'route', serviceId: svcA }] }] })), ['rules.0.actions.0.serviceId']);
    assert.deepEqual(fieldsOf(await post({ serviceId: '01JD2Z3K4M5N6P7Q8R9S0TVWXY', format: 'generic', payload: { summary: 'x' } })), ['serviceId']);
    assert.equal((await post({ serviceId: svcA, format: 'email', payload: {} })).status, 400);

    const pd = await post({ serviceId: svcB, format: 'pagerduty', payload: { routing_key: 'x', event_action: 'trigger', payload: { summary: 'High CPU', source: 'api-2', severity: 'error' } } });
    assert.equal(pd.body.results[0].outcome, 'suppressed');
    assert.equal(pd.body.results[0].dedupKey, null, 'no key: the pipeline generates one');

    assert.equal((await ts.server.store.db.selectFrom('auditLog').select('seq').execute()).length, auditBefore, 'a dry run writes nothing');
    assert.equal((await ts.server.store.db.selectFrom('alert').select('id').execute()).length, 1);
    assert.equal((await ts.server.store.db.selectFrom('event').select('id').execute()).length, 0);
  });

  it('documents the routes in a valid OpenAPI document', async () => {
    const doc = (await api(ts.server.app).get('/api/v1/openapi.json')).body;
    const result = await new Validator().validate(doc);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
    for (const p of ['/api/v1/event-rules', '/api/v1/event-rules/{id}', '/api/v1/event-rules/dry-run']) assert.ok(doc.paths[p], `missing ${p}`);
    const create = doc.paths['/api/v1/event-rules'].post.requestBody.content['application/json'].schema;
    const schema = create.$ref ? doc.components.schemas[create.$ref.split('/').pop()] : create;
    assert.equal(schema.additionalProperties, false);
    assert.ok(schema.properties.actions);
  });
});
