/**
 * What a real Alertmanager 0.25 sends, pinned against our parsers: its pagerduty_configs,
 * opsgenie_configs and webhook_configs all point at a plain node:http server on 127.0.0.1 that
 * answers the way PagerDuty, Opsgenie and a webhook receiver do, and records every request. No
 * Hikeshi server here: this is the client's behaviour (interop.md §1.7, §2, §4.3) checked live.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { labelsFingerprint } from '../src/ingest/alertmanager/fingerprint.js';
import type { AlertEvent, GroupSnapshot, ParseResult } from '../src/ingest/event.js';
import { opsgenieAuthKey, parseOpsgenieAction } from '../src/ingest/opsgenie/index.js';
import { parsers } from '../src/ingest/registry.js';
import { alertmanagerSkip, type PostableAlert, type RunningAlertmanager, startAlertmanager, waitFor } from './helpers/alertmanager.js';

interface Captured {
  at: number;
  method: string;
  /** Path with query string, as received. */
  url: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: any;
}

type Kind = 'pagerduty' | 'opsgenie' | 'webhook';

const ROUTING_KEY = 'k7p2m9x4q8w1e5r3t6y0u2i4o7a9s1d3'; // 32 × [a-z0-9], like a Hikeshi integration key
const GENIE_KEY = 'og-3f9c2a71-6d4e-4b8a-9c1e-5a7b2d8e0f13';
const WEBHOOK_KEY = 'w8n3b6v1c9x2z5l7k4j0h3g6f9d2s5a8';
const ALERTNAME = 'CheckoutLatency';
const GROUP_KEY = `{}:{alertname="${ALERTNAME}"}`;
const ZERO_TIME = '0001-01-01T00:00:00Z';

const a1: PostableAlert = {
  labels: { alertname: ALERTNAME, instance: 'api-1:8080', service: 'checkout', severity: 'critical' },
  annotations: { summary: 'p99 latency above 2s', runbook_url: 'https://runbooks.example/checkout-latency' },
  generatorURL: 'http://prometheus.example:9090/graph?g0.expr=up',
};
const a2: PostableAlert = { ...a1, labels: { ...a1.labels, instance: 'api-2:8080' } };
const fp1 = labelsFingerprint(a1.labels);
const fp2 = labelsFingerprint(a2.labels);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ctx = () => ({ receivedAt: new Date().toISOString() });

function kindOf(c: Captured): Kind | null {
  if (c.url === '/v2/enqueue') return 'pagerduty';
  if (c.url.startsWith('/v2/alerts')) return 'opsgenie';
  if (c.url === `/api/v1/integrations/${WEBHOOK_KEY}/alertmanager`) return 'webhook';
  return null;
}

/** Answers as the real services do: PagerDuty 202 + dedup_key, Opsgenie 202 + requestId, webhook 200. */
async function startCaptureServer(): Promise<{ server: Server; port: number; captured: Captured[] }> {
  const captured: Captured[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: any = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = undefined;
      }
      const c: Captured = { at: Date.now(), method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw, body };
      captured.push(c);
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      switch (kindOf(c)) {
        case 'pagerduty':
          return json(202, { status: 'success', message: 'Event processed', dedup_key: body?.dedup_key });
        case 'opsgenie':
          return json(202, { result: 'Request will be processed', took: 0.1, requestId: randomUUID() });
        case 'webhook':
          res.writeHead(200);
          return res.end();
        default:
          return json(404, { message: 'not found' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  return { server, port: typeof addr === 'object' && addr ? addr.port : 0, captured };
}

function ok(r: ParseResult, what: string): { events: AlertEvent[]; group?: GroupSnapshot } {
  assert.ok(r.ok, `${what} should parse: ${JSON.stringify(!r.ok && r.errors)}`);
  return { events: r.events as AlertEvent[], group: r.group };
}

/** Per test (not per suite) so that a skip shows in the run's "N skipped". */
const skip = alertmanagerSkip();

describe('a real Alertmanager 0.25 against PagerDuty, Opsgenie and webhook look-alikes', () => {
  let capture: Awaited<ReturnType<typeof startCaptureServer>>;
  let am: RunningAlertmanager;
  /** Index in capture.captured where the current phase starts. */
  let mark = 0;

  before(async () => {
    if (skip) return;
    capture = await startCaptureServer();
    const base = `http://127.0.0.1:${capture.port}`;
    // One receiver with all three integrations: the same group (and group key) feeds every path.
    am = await startAlertmanager({
      receivers: [
        {
          name: 'hikeshi',
          pagerduty_configs: [{ routing_key: ROUTING_KEY, url: `${base}/v2/enqueue` }],
          opsgenie_configs: [{ api_key: GENIE_KEY, api_url: `${base}/` }],
          webhook_configs: [{ url: `${base}/api/v1/integrations/${WEBHOOK_KEY}/alertmanager` }],
        },
      ],
      groupBy: ['alertname'],
    });
  });
  after(async () => {
    await am?.stop();
    if (capture) await new Promise((r) => capture.server.close(r));
  });

  const since = (kind: Kind) => capture.captured.slice(mark).filter((c) => kindOf(c) === kind);
  const explain = () =>
    `captured since this phase: ${JSON.stringify(capture.captured.slice(mark).map((c) => `${c.method} ${c.url}`))}\n` +
    `unknown paths: ${JSON.stringify(capture.captured.filter((c) => kindOf(c) === null).map((c) => c.url))}\n` +
    `Alertmanager notify errors:\n${am.notifyErrors().join('\n') || '(none)'}`;
  /** One request on each path since `mark` (then exactly one: Alertmanager sends one per flush). */
  async function onePerPath(what: string): Promise<Record<Kind, Captured>> {
    const got = await waitFor(
      what,
      () => {
        const [pd, og, wh] = [since('pagerduty'), since('opsgenie'), since('webhook')];
        return pd.length >= 1 && og.length >= 1 && wh.length >= 1 ? { pagerduty: pd, opsgenie: og, webhook: wh } : undefined;
      },
      { timeoutMs: 8000, explain },
    );
    // Alertmanager sends the three at once; give a stray duplicate a moment to show up.
    await new Promise((r) => setTimeout(r, 100));
    for (const kind of ['pagerduty', 'opsgenie', 'webhook'] as const) {
      assert.equal(since(kind).length, 1, `exactly one ${kind} request in ${what}: ${explain()}`);
    }
    mark = capture.captured.length;
    return { pagerduty: got.pagerduty[0]!, opsgenie: got.opsgenie[0]!, webhook: got.webhook[0]! };
  }

  function commonHeaders(c: Captured) {
    assert.equal(c.method, 'POST');
    assert.equal(c.headers['content-type'], 'application/json');
    assert.equal(c.headers['user-agent'], 'Alertmanager/0.25.0');
    assert.ok(c.raw.endsWith('\n'), 'Go json.Encoder ends the body with a newline');
    assert.ok(c.headers['content-length'], 'a Content-Length, not chunked');
  }

  it('first flush (group_wait): one PagerDuty trigger, one Opsgenie create, one webhook with both alerts', { skip }, async () => {
    const t0 = Date.now();
    await am.postAlerts([a1, a2]);
    const { pagerduty: pd, opsgenie: og, webhook: wh } = await onePerPath('the first notification');
    assert.ok(wh.at - t0 >= 900, `group_wait 1s holds the first notification back (${wh.at - t0} ms)`);

    for (const c of [pd, og, wh]) commonHeaders(c);
    assert.equal(pd.headers.authorization, undefined, 'PagerDuty: the credential is routing_key in the body');
    assert.equal(wh.headers.authorization, undefined, 'webhook: no auth unless http_config says so');
    assert.equal(og.headers.authorization, `GenieKey ${GENIE_KEY}`);
    assert.equal(opsgenieAuthKey(og.headers.authorization), GENIE_KEY);

    // Webhook v4: the whole group, raw group key, fingerprints of the labels.
    assert.equal(wh.body.version, '4');
    assert.equal(wh.body.groupKey, GROUP_KEY);
    assert.equal(wh.body.status, 'firing');
    assert.equal(wh.body.receiver, 'hikeshi');
    assert.equal(wh.body.truncatedAlerts, 0);
    assert.deepEqual(wh.body.groupLabels, { alertname: ALERTNAME });
    assert.deepEqual(wh.body.commonLabels, { alertname: ALERTNAME, service: 'checkout', severity: 'critical' });
    assert.equal(wh.body.externalURL, am.url);
    assert.deepEqual(wh.body.alerts.map((a: any) => [a.fingerprint, a.status, a.endsAt]).sort(), [
      [fp1, 'firing', ZERO_TIME],
      [fp2, 'firing', ZERO_TIME],
    ].sort());
    const whParsed = ok(parsers.alertmanager.parse(wh.body, ctx()), 'the webhook');
    assert.deepEqual(whParsed.events.map((e) => [e.dedupKey, e.action]).sort(), [[fp1, 'trigger'], [fp2, 'trigger']].sort());
    assert.deepEqual(whParsed.group && { ...whParsed.group, members: [...whParsed.group.members].sort() }, {
      key: GROUP_KEY,
      members: [fp1, fp2].sort(),
      status: 'firing',
      truncated: 0,
    });
    const e1 = whParsed.events.find((e) => e.dedupKey === fp1)!;
    assert.equal(e1.summary, 'p99 latency above 2s');
    assert.equal(e1.severity, 'critical');
    assert.equal(e1.source, 'api-1:8080');
    assert.deepEqual(e1.links.map((l) => l.text), ['Source', 'Runbook', 'Alertmanager']);

    // PagerDuty: one alert per group, dedup_key = sha256(groupKey).
    const dedup = sha256(wh.body.groupKey);
    assert.equal(pd.body.routing_key, ROUTING_KEY);
    assert.equal(pd.body.event_action, 'trigger');
    assert.equal(pd.body.dedup_key, dedup);
    assert.equal(pd.body.payload.summary, `[FIRING:2] ${ALERTNAME} (checkout critical)`);
    assert.equal(pd.body.payload.severity, 'error', "Alertmanager's default severity");
    assert.equal(pd.body.payload.source, 'Alertmanager');
    assert.equal(pd.body.payload.timestamp, undefined, 'Alertmanager never sets payload.timestamp');
    assert.equal(pd.body.payload.custom_details.num_firing, '2');
    assert.equal(pd.body.payload.custom_details.num_resolved, '0');
    assert.equal(pd.body.client, 'Alertmanager');
    assert.equal(pd.body.client_url, `${am.url}/#/alerts?receiver=hikeshi`);
    const [pdEvent] = ok(parsers.pagerduty.parse(pd.body, ctx()), 'the PagerDuty trigger').events;
    assert.equal(pdEvent?.action, 'trigger');
    assert.equal(pdEvent?.dedupKey, dedup);
    assert.equal(pdEvent?.severity, 'error');
    assert.equal(pdEvent?.clientUrl, pd.body.client_url);

    // Opsgenie: create with alias = the same hash; no priority sent (P3 → warning).
    assert.equal(og.url, '/v2/alerts');
    assert.equal(og.body.alias, dedup, 'Opsgenie alias = PagerDuty dedup_key = sha256(groupKey)');
    assert.equal(og.body.message, `[FIRING:2] ${ALERTNAME} (checkout critical)`);
    assert.deepEqual(og.body.details, { alertname: ALERTNAME, service: 'checkout', severity: 'critical' });
    assert.equal(og.body.source, `${am.url}/#/alerts?receiver=hikeshi`);
    assert.equal(og.body.priority, undefined);
    const [ogEvent] = ok(parsers.opsgenie.parse(og.body, ctx()), 'the Opsgenie create').events;
    assert.equal(ogEvent?.action, 'trigger');
    assert.equal(ogEvent?.dedupKey, dedup);
    assert.equal(ogEvent?.severity, 'warning');
  });

  it('partial resolve: PagerDuty gets another trigger, Opsgenie another create, the webhook one resolved + one firing', { skip }, async () => {
    const t0 = Date.now();
    await am.resolveAlerts([a1]);
    const { pagerduty: pd, opsgenie: og, webhook: wh } = await onePerPath('the partial-resolve notification');
    assert.ok(wh.at - t0 <= 4000, `sent on the next group_interval flush (${wh.at - t0} ms)`);
    const dedup = sha256(GROUP_KEY);

    assert.equal(pd.body.event_action, 'trigger', 'a group with a firing alert is a trigger, never a resolve');
    assert.equal(pd.body.dedup_key, dedup);
    assert.equal(pd.body.payload.summary, `[FIRING:1] ${ALERTNAME} (checkout critical)`);
    assert.equal(pd.body.payload.custom_details.num_firing, '1');
    assert.equal(pd.body.payload.custom_details.num_resolved, '1');
    const [pdEvent] = ok(parsers.pagerduty.parse(pd.body, ctx()), 'the PagerDuty trigger').events;
    assert.deepEqual([pdEvent?.action, pdEvent?.dedupKey], ['trigger', dedup]);

    assert.equal(og.url, '/v2/alerts', 'Opsgenie: another create (no close, no update_alerts calls)');
    assert.equal(og.body.alias, dedup);
    assert.equal(og.body.message, `[FIRING:1] ${ALERTNAME} (checkout critical)`);
    assert.deepEqual(ok(parsers.opsgenie.parse(og.body, ctx()), 'the Opsgenie create').events.map((e) => [e.action, e.dedupKey]), [['trigger', dedup]]);

    assert.equal(wh.body.status, 'firing');
    const byFp = new Map(wh.body.alerts.map((a: any) => [a.fingerprint, a]));
    assert.equal(byFp.size, 2);
    const r1: any = byFp.get(fp1);
    const r2: any = byFp.get(fp2);
    assert.equal(r1.status, 'resolved');
    assert.notEqual(r1.endsAt, ZERO_TIME, 'a resolved alert carries its real endsAt');
    assert.equal(r2.status, 'firing');
    assert.equal(r2.endsAt, ZERO_TIME);
    const whParsed = ok(parsers.alertmanager.parse(wh.body, ctx()), 'the webhook');
    assert.deepEqual(whParsed.events.map((e) => [e.dedupKey, e.action]).sort(), [[fp1, 'resolve'], [fp2, 'trigger']].sort());
    assert.equal(whParsed.group?.status, 'firing');
    assert.equal(whParsed.group?.key, GROUP_KEY);
  });

  it('all resolved: PagerDuty resolve, Opsgenie close by alias, webhook resolved (only the alert not yet reported resolved)', { skip }, async () => {
    await am.resolveAlerts([a2]);
    const { pagerduty: pd, opsgenie: og, webhook: wh } = await onePerPath('the all-resolved notification');
    const dedup = sha256(GROUP_KEY);

    assert.equal(pd.body.event_action, 'resolve');
    assert.equal(pd.body.dedup_key, dedup);
    assert.equal(pd.body.routing_key, ROUTING_KEY);
    assert.ok(pd.body.payload, 'Alertmanager sends payload on resolve too');
    assert.match(pd.body.payload.summary, /^\[RESOLVED\] /);
    const [pdEvent] = ok(parsers.pagerduty.parse(pd.body, ctx()), 'the PagerDuty resolve').events;
    assert.deepEqual([pdEvent?.action, pdEvent?.dedupKey], ['resolve', dedup]);

    assert.equal(og.url, `/v2/alerts/${dedup}/close?identifierType=alias`);
    assert.equal(og.headers.authorization, `GenieKey ${GENIE_KEY}`);
    commonHeaders(og);
    assert.deepEqual(og.body, { source: `${am.url}/#/alerts?receiver=hikeshi` });
    const closeUrl = new URL(og.url, 'http://x');
    const alias = decodeURIComponent(closeUrl.pathname.split('/')[3]!);
    const closed = ok(
      parseOpsgenieAction('close', alias, closeUrl.searchParams.get('identifierType') ?? undefined, og.body, ctx()),
      'the Opsgenie close',
    );
    assert.deepEqual(closed.events.map((e) => [e.action, e.dedupKey]), [['resolve', dedup]]);

    // The alert resolved in the previous notification was dropped from the group once delivered: the
    // final notification lists only a2. A receiver must resolve the group from its own state.
    assert.equal(wh.body.status, 'resolved');
    assert.deepEqual(wh.body.alerts.map((a: any) => [a.fingerprint, a.status]), [[fp2, 'resolved']]);
    const whParsed = ok(parsers.alertmanager.parse(wh.body, ctx()), 'the webhook');
    assert.deepEqual(whParsed.events.map((e) => [e.dedupKey, e.action]), [[fp2, 'resolve']]);
    assert.deepEqual(whParsed.group, { key: GROUP_KEY, members: [fp2], status: 'resolved', truncated: 0 });
  });

  it('sends nothing more once the group is resolved (a quiet group_interval and a bit)', { skip }, async () => {
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(capture.captured.slice(mark).map((c) => `${c.method} ${c.url}`), []);
    assert.deepEqual(capture.captured.filter((c) => kindOf(c) === null).map((c) => c.url), [], 'no request to an unexpected path');
    assert.deepEqual(am.notifyErrors(), []);
  });
});
