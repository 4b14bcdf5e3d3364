import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type AlertEvent, MAX_DEDUP_KEY, MAX_SUMMARY, type ParseResult } from '../event.js';
import * as fx from './fixtures.js';
import {
  dedupKeyFromAlias,
  HASHED_ALIAS_PREFIX,
  opsgenieAccepted,
  opsgenieAuthKey,
  opsgenieError,
  opsgenieParser,
  opsgenieValidationError,
  parseOpsgenieAction,
  parseOpsgenieCreate,
} from './index.js';

const ctx = { receivedAt: '2024-05-01T12:00:00.000Z' };

function alertOf(r: ParseResult): AlertEvent {
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.events.length, 1);
  const e = r.events[0]!;
  assert.equal(e.kind, 'alert');
  return e as AlertEvent;
}
const fieldsOf = (r: ParseResult): string[] => (r.ok ? [] : r.errors.map((e) => e.field));

describe('opsgenie create (POST /v2/alerts)', () => {
  it('parses the docs sample (TV-9)', () => {
    const e = alertOf(opsgenieParser.parse(fx.DOCS_CREATE, ctx));
    assert.equal(opsgenieParser.format, 'opsgenie');
    assert.deepEqual(
      { action: e.action, dedupKey: e.dedupKey, summary: e.summary, severity: e.severity, component: e.component },
      { action: 'trigger', dedupKey: 'Life is too short for no alias', summary: 'An example alert message', severity: 'critical', component: 'An example entity' },
    );
    assert.deepEqual(e.labels, { key1: 'value1', key2: 'value2', 'tag:OverwriteQuietHours': 'true', 'tag:Critical': 'true' });
    const { message: _m, alias: _a, entity: _e, ...rest } = fx.DOCS_CREATE;
    assert.deepEqual(e.details, rest, 'description, recipients, actions, tags, details and priority kept as received');
    assert.equal(e.source, null);
    assert.equal(e.occurredAt, ctx.receivedAt);
  });

  it("parses Alertmanager 0.25's default request: alias is the group key's SHA-256, source its backlink", () => {
    assert.equal(createHash('sha256').update(fx.AM_GROUP_KEY).digest('hex'), fx.AM_ALIAS);
    const e = alertOf(parseOpsgenieCreate(fx.AM_CREATE, ctx));
    assert.equal(e.dedupKey, fx.AM_ALIAS);
    assert.equal(e.summary, '[FIRING:2] HighLatency (checkout critical)');
    assert.equal(e.severity, 'warning', 'no priority → P3');
    assert.deepEqual(e.labels, fx.AM_CREATE.details, 'common labels become labels');
    assert.equal(e.source, fx.AM_SOURCE);
    assert.equal(e.clientUrl, fx.AM_SOURCE);
    assert.equal(e.details.description, fx.AM_CREATE.description);
    assert.equal(e.details.priority, 'P3');
  });

  it('parses a configured Alertmanager request: priority, tags, entity, responders', () => {
    const e = alertOf(parseOpsgenieCreate(fx.AM_CREATE_CONFIGURED, ctx));
    assert.equal(e.severity, 'critical');
    assert.equal(e.component, 'checkout');
    assert.equal(e.labels['tag:prod'], 'true');
    assert.equal(e.labels.alertname, 'HighLatency');
    assert.deepEqual(e.details.responders, fx.AM_CREATE_CONFIGURED.responders);
  });

  it('maps priorities P1..P5 (case forgiven) and defaults to P3; rejects others naming `priority`', () => {
    const sev = (priority: unknown) => alertOf(parseOpsgenieCreate({ message: 'm', priority }, ctx)).severity;
    assert.deepEqual(['P1', 'P2', 'P3', 'P4', 'P5'].map(sev), ['critical', 'error', 'warning', 'info', 'info']);
    assert.deepEqual([' p2 ', undefined, null, ''].map(sev), ['error', 'warning', 'warning', 'warning']);
    for (const bad of ['P6', 'high', 'critical', 1, ['P1']]) {
      assert.deepEqual(fieldsOf(parseOpsgenieCreate({ message: 'm', priority: bad }, ctx)), ['priority']);
    }
  });

  it('requires a message, naming `message` with Opsgenie\'s wording', () => {
    for (const message of [undefined, null, '', '   ']) {
      const r = parseOpsgenieCreate({ message, alias: 'a' }, ctx);
      assert.deepEqual(r, { ok: false, errors: [{ field: 'message', message: 'Message can not be empty.' }] });
    }
    assert.deepEqual(fieldsOf(parseOpsgenieCreate({ message: 42 }, ctx)), ['message']);
    assert.deepEqual(fieldsOf(parseOpsgenieCreate({ message: 1, priority: 'x', alias: {} }, ctx)), ['message', 'alias', 'priority']);
    for (const body of [null, 'text', [fx.DOCS_CREATE], 7]) assert.deepEqual(fieldsOf(parseOpsgenieCreate(body, ctx)), ['body']);
  });

  it('keeps messages over Opsgenie\'s 130 characters, truncating only past 1024', () => {
    assert.equal(alertOf(parseOpsgenieCreate({ message: 'x'.repeat(131) }, ctx)).summary.length, 131);
    const long = alertOf(parseOpsgenieCreate({ message: 'y'.repeat(5000) }, ctx)).summary;
    assert.ok(long.length === MAX_SUMMARY && long.endsWith('…'));
  });

  it('leaves the dedup key to the pipeline when the alias is absent or blank', () => {
    assert.equal(alertOf(parseOpsgenieCreate({ message: 'm' }, ctx)).dedupKey, null);
    assert.equal(alertOf(parseOpsgenieCreate({ message: 'm', alias: '  ' }, ctx)).dedupKey, null);
  });
});

describe('opsgenie alias → dedup key', () => {
  it('keeps aliases up to 255 characters and hashes longer ones to a stable short key', () => {
    assert.equal(dedupKeyFromAlias('a'.repeat(255)), 'a'.repeat(255));
    const key = dedupKeyFromAlias('a'.repeat(512));
    assert.match(key, /^og-sha256:[0-9a-f]{64}$/);
    assert.equal(dedupKeyFromAlias('a'.repeat(512)), key);
    assert.notEqual(dedupKeyFromAlias('a'.repeat(256)), key);
    assert.equal(dedupKeyFromAlias(`${HASHED_ALIAS_PREFIX}x`).length, 74, 'the prefix is reserved');
    assert.notEqual(dedupKeyFromAlias('\ud800'.repeat(300)), dedupKeyFromAlias('\ud801'.repeat(300)));
  });

  it('gives create and close of one long alias the same key', () => {
    const alias = `checkout/${'z'.repeat(400)}`;
    const created = alertOf(parseOpsgenieCreate({ message: 'm', alias }, ctx));
    const closed = alertOf(parseOpsgenieAction('close', alias, 'alias', undefined, ctx));
    assert.ok(created.dedupKey !== null && created.dedupKey.length <= MAX_DEDUP_KEY);
    assert.equal(closed.dedupKey, created.dedupKey);
  });

  it('is stable, short and one-to-one (property)', () => {
    const alias = fc.string({ unit: 'binary', minLength: 1, maxLength: 600 });
    fc.assert(fc.property(alias, alias, (a, b) => {
      const ka = dedupKeyFromAlias(a);
      assert.ok(ka.length <= MAX_DEDUP_KEY && ka === dedupKeyFromAlias(a));
      assert.equal(ka === dedupKeyFromAlias(b), a === b);
    }));
  });
});

describe('opsgenie close/acknowledge by alias', () => {
  it("parses Alertmanager's close (TV-9)", () => {
    const e = alertOf(parseOpsgenieAction('close', fx.AM_CLOSE.identifier, fx.AM_CLOSE.identifierType, fx.AM_CLOSE.body, ctx));
    assert.deepEqual(
      { action: e.action, dedupKey: e.dedupKey, source: e.source, clientUrl: e.clientUrl, summary: e.summary },
      { action: 'resolve', dedupKey: fx.AM_ALIAS, source: fx.AM_SOURCE, clientUrl: fx.AM_SOURCE, summary: '(closed via Opsgenie API)' },
    );
    assert.equal(opsgenieAuthKey(fx.AM_CLOSE.authorization), '0123456789abcdef0123456789abcdef');
  });

  it('parses the docs close body and an acknowledge; the body is optional', () => {
    const closed = alertOf(parseOpsgenieAction('close', 'Life is too short for no alias', 'alias', fx.DOCS_CLOSE_BODY, ctx));
    assert.equal(closed.summary, 'Action executed via Alert API');
    assert.equal(closed.source, 'AWS Lambda');
    assert.equal(closed.clientUrl, null);
    assert.deepEqual(closed.details, { user: 'Monitoring Script', note: 'Action executed via Alert API' });
    for (const body of [undefined, null, '', {}]) {
      const acked = alertOf(parseOpsgenieAction('acknowledge', 'k', 'ALIAS', body, ctx));
      assert.deepEqual([acked.action, acked.dedupKey, acked.summary], ['acknowledge', 'k', '(acknowledged via Opsgenie API)']);
    }
  });

  it('rejects identifierType id (Opsgenie\'s default) and tiny, naming `identifierType`', () => {
    for (const type of [undefined, 'id', 'tiny', '']) {
      const r = parseOpsgenieAction('close', 'k', type, undefined, ctx);
      assert.deepEqual(fieldsOf(r), ['identifierType']);
      assert.ok(!r.ok && /alias/.test(r.errors[0]!.message));
    }
    assert.deepEqual(fieldsOf(parseOpsgenieAction('close', ' ', 'alias', [1], ctx)), ['identifier', 'body']);
    assert.deepEqual(fieldsOf(parseOpsgenieAction('snooze' as 'close', 'k', 'alias', {}, ctx)), ['action']);
  });
});

describe('opsgenie wire', () => {
  it('reads GenieKey credentials', () => {
    for (const h of ['GenieKey k1', 'geniekey k1', '  GENIEKEY   k1  ', 'GenieKey\tk1']) assert.equal(opsgenieAuthKey(h), 'k1');
    for (const h of [undefined, '', 'GenieKey', 'GenieKey ', 'Bearer k1', 'GenieKeyk1', 'GenieKey k1 k2', 'Basic R2VuaWVLZXk=']) {
      assert.equal(opsgenieAuthKey(h), null, String(h));
    }
  });

  it("answers in Opsgenie's shapes", () => {
    assert.equal(JSON.stringify(opsgenieAccepted('43a29c5c-3dbf-4fa4-9c26-f4f71023e120', 0.30219)), fx.DOCS_ACCEPTED_JSON);
    assert.equal(opsgenieAccepted('r', Number.NaN).took, 0);
    const invalid = parseOpsgenieCreate({}, ctx);
    assert.ok(!invalid.ok);
    assert.equal(
      JSON.stringify(opsgenieValidationError(invalid.errors, 'r1', 0.002)),
      '{"message":"Request body is not processable. Please check the errors.","errors":{"message":"Message can not be empty."},"took":0.002,"requestId":"r1"}',
    );
    assert.deepEqual(opsgenieError('Key is not valid', 'r2'), { message: 'Key is not valid', took: 0, requestId: 'r2' });
  });
});
