/**
 * End to end with a real Prometheus Alertmanager 0.25: a listening Hikeshi test server, one service
 * with a pagerduty, an opsgenie and an alertmanager integration, and one Alertmanager receiver per
 * integration (`pagerduty_configs`, `opsgenie_configs`, `webhook_configs`, unchanged from what users
 * write, pointed at 127.0.0.1). Alerts go into Alertmanager's own API; the test reads Hikeshi's API
 * until alerts and incidents appear, then resolve (SPEC §3 "must work unchanged", §4.1).
 *
 * Expected, per path:
 * - PagerDuty and Opsgenie: one Hikeshi alert per Alertmanager group, dedupKey = sha256(groupKey);
 *   a partial resolve is another trigger (eventCount grows), the all-resolved notification resolves.
 * - Webhook: one Hikeshi alert per Alertmanager alert (dedupKey = fingerprint), all in ONE incident
 *   for the group, which resolves only once every alert of the group has.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it, type TestContext } from 'node:test';
import { labelsFingerprint } from '../src/ingest/alertmanager/fingerprint.js';
import { FakeClock } from '../src/platform/clock.js';
import { alertmanagerSkip, type PostableAlert, type RunningAlertmanager, startAlertmanager, waitFor } from './helpers/alertmanager.js';
import { type Api, api } from './helpers/api.js';
import { createService } from './helpers/factories.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/** Alertmanager stamps real times (startsAt, endsAt): Hikeshi runs on the wall clock here too. */
class WallClock extends FakeClock {
  override now(): Date {
    return new Date();
  }
}

type Path = 'pd' | 'og' | 'am';
const PATHS: Path[] = ['pd', 'og', 'am'];
const PATH_NAMES: Record<Path, string> = { pd: 'PagerDuty (/v2/enqueue)', og: 'Opsgenie (/v2/alerts)', am: 'webhook (/api/v1/integrations/{key}/alertmanager)' };
const ALERTNAME = 'CheckoutLatency';
/** The group key of each child route (route key `{}/{matchers}`, then the group labels). */
const groupKey = (p: Path) => `{}/{receiver="${p}"}:{alertname="${ALERTNAME}"}`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const OPEN = ['triggered', 'acknowledged'];
const PHASE_TIMEOUT_MS = 8000;

/** Two alerts per path, told apart by instance; the `receiver` label picks the route. */
function alertsFor(p: Path): [PostableAlert, PostableAlert] {
  const make = (instance: string): PostableAlert => ({
    labels: { alertname: ALERTNAME, receiver: p, instance, service: 'checkout', severity: 'critical' },
    annotations: { summary: `p99 latency above 2s on ${instance}` },
    generatorURL: 'http://prometheus.example:9090/graph?g0.expr=up',
  });
  return [make('api-1:8080'), make('api-2:8080')];
}
const ALERTS = Object.fromEntries(PATHS.map((p) => [p, alertsFor(p)])) as Record<Path, [PostableAlert, PostableAlert]>;

interface HikeshiAlert {
  id: string;
  integrationId: string | null;
  dedupKey: string;
  status: string;
  eventCount: number;
  incidentId: string | null;
  summary: string;
}
interface HikeshiIncident {
  id: string;
  status: string;
}
interface Snapshot {
  alerts: Record<Path, HikeshiAlert[]>;
  incidents: HikeshiIncident[];
}

/** Per test (not per suite) so that a skip shows in the run's "N skipped". */
const skip = alertmanagerSkip();

describe(`a real Alertmanager 0.25 → Hikeshi (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  let am: RunningAlertmanager;
  let serviceId: string;
  const integrations = {} as Record<Path, { id: string; key: string }>;
  let last: Snapshot | null = null;
  /** The phase each path failed in: its later phases (which build on it) skip instead of timing out again. */
  const failed: Partial<Record<Path, string>> = {};
  /** Every path's wait in a phase ends at this one deadline, so several failing paths cost one timeout. */
  let deadline = 0;

  before(async () => {
    if (skip) return;
    ts = await startTestServer({ clock: new WallClock() });
    await ts.server.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = ts.server.app.server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    a = api(ts.server.app, ts.token);
    serviceId = (await createService(ts, { name: 'checkout' })).id;
    const types: Record<Path, string> = { pd: 'pagerduty', og: 'opsgenie', am: 'alertmanager' };
    for (const p of PATHS) {
      const r = await a.post(`/api/v1/services/${serviceId}/integrations`, { type: types[p], name: `alertmanager ${p}` });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.match(r.body.key, /^[a-z0-9]{32}$/);
      integrations[p] = { id: r.body.id, key: r.body.key };
    }
    am = await startAlertmanager({
      receivers: [
        { name: 'pd', pagerduty_configs: [{ routing_key: integrations.pd.key, url: `${base}/v2/enqueue` }] },
        { name: 'og', opsgenie_configs: [{ api_key: integrations.og.key, api_url: `${base}/` }] },
        { name: 'am', webhook_configs: [{ url: `${base}/api/v1/integrations/${integrations.am.key}/alertmanager` }] },
      ],
      routes: PATHS.map((p) => ({ receiver: p, matchers: [`receiver="${p}"`] })),
      groupBy: ['alertname'],
      groupWait: '1s',
      groupInterval: '1s',
    });
  });
  after(async () => {
    await am?.stop();
    await ts?.close();
  });

  async function snapshot(): Promise<Snapshot> {
    const alerts = await a.get(`/api/v1/alerts?serviceId=${serviceId}&limit=100`);
    assert.equal(alerts.status, 200, JSON.stringify(alerts.body));
    const incidents = await a.get(`/api/v1/incidents?serviceId=${serviceId}&limit=100`);
    assert.equal(incidents.status, 200, JSON.stringify(incidents.body));
    const byPath = Object.fromEntries(
      PATHS.map((p) => [p, (alerts.body.items as HikeshiAlert[]).filter((x) => x.integrationId === integrations[p].id)]),
    ) as Record<Path, HikeshiAlert[]>;
    last = { alerts: byPath, incidents: incidents.body.items };
    return last;
  }

  /** What Hikeshi showed for this path and what Alertmanager said about its notifications (404s show here). */
  function explain(p: Path): string {
    const mine = last?.alerts[p] ?? [];
    const ids = new Set(mine.map((x) => x.incidentId));
    const seen = last
      ? `  alerts: ${JSON.stringify(mine.map((x) => ({ dedupKey: x.dedupKey, status: x.status, eventCount: x.eventCount, incidentId: x.incidentId })))}\n` +
        `  their incidents: ${JSON.stringify(last.incidents.filter((i) => ids.has(i.id)).map((i) => ({ id: i.id, status: i.status })))}\n` +
        `  all incidents of the service: ${last.incidents.length}`
      : '  (nothing read yet)';
    return `Hikeshi's API showed for the ${PATH_NAMES[p]} path:\n${seen}\nAlertmanager's failed notifications to it:\n${notifyErrors(p).join('\n') || '  (none)'}`;
  }

  /** The latest failure of receiver p's integration ("pd/pagerduty[0]: …"), with how many there were. */
  function notifyErrors(p: Path): string[] {
    const lines = am.notifyErrors().map((l) => (/err="(.*)"$/.exec(l)?.[1] ?? l).replaceAll('\\"', '"')).filter((e) => e.startsWith(`${p}/`));
    return lines.length ? [`  ${lines.length}× ${lines.at(-1)}`] : [];
  }

  const incidentOf = (s: Snapshot, id: string | null) => s.incidents.find((i) => i.id === id);
  const fp = (x: PostableAlert) => labelsFingerprint(x.labels);

  /**
   * One path's part of a phase: wait (until the phase deadline) for `ready`, then assert. A failure
   * marks the path, and its later phases skip with the reason.
   */
  async function check(t: TestContext, p: Path, phaseName: string, what: string, ready: (s: Snapshot) => boolean, assertions: (s: Snapshot) => void): Promise<void> {
    if (failed[p]) {
      t.skip(`needs "${failed[p]}" on this path, which failed`);
      return;
    }
    try {
      const s = await waitFor(
        `${PATH_NAMES[p]}: ${what} (by the phase's deadline, ${PHASE_TIMEOUT_MS} ms after Alertmanager got the alerts)`,
        async () => {
          const s = await snapshot();
          return ready(s) ? s : undefined;
        },
        { timeoutMs: Math.max(0, deadline - Date.now()), explain: () => explain(p) },
      );
      try {
        assertions(s);
      } catch (err) {
        if (err instanceof Error) err.message += `\n${explain(p)}`;
        throw err;
      }
    } catch (err) {
      failed[p] = phaseName;
      throw err;
    }
  }

  describe('1. firing', () => {
    before(async () => {
      if (skip) return;
      await am.postAlerts(PATHS.flatMap((p) => ALERTS[p]));
      deadline = Date.now() + PHASE_TIMEOUT_MS;
    });

    for (const p of ['pd', 'og'] as const) {
      it(`${PATH_NAMES[p]}: one alert for the group, dedupKey = sha256(groupKey), with an open incident`, { skip }, (t) =>
        check(
          t,
          p,
          'firing',
          'the group to appear as one alert with an incident',
          (s) => s.alerts[p].length >= 1 && s.alerts[p].every((x) => incidentOf(s, x.incidentId) !== undefined),
          (s) => {
            assert.equal(s.alerts[p].length, 1, 'one alert for the group of two');
            const [x] = s.alerts[p];
            assert.equal(x!.dedupKey, sha256(groupKey(p)), 'dedupKey = sha256(groupKey)');
            assert.equal(x!.status, 'triggered');
            assert.equal(x!.eventCount, 1);
            assert.ok(OPEN.includes(incidentOf(s, x!.incidentId)!.status));
          },
        ),
      );
    }

    it(`${PATH_NAMES.am}: one alert per Alertmanager alert (dedupKey = fingerprint), both in one open incident`, { skip }, (t) =>
      check(
        t,
        'am',
        'firing',
        'both alerts of the group to appear, with an incident',
        (s) => s.alerts.am.length >= 2 && s.alerts.am.every((x) => incidentOf(s, x.incidentId) !== undefined),
        (s) => {
          assert.equal(s.alerts.am.length, 2);
          assert.deepEqual(s.alerts.am.map((x) => x.dedupKey).sort(), ALERTS.am.map(fp).sort(), 'dedupKey = the alert fingerprint');
          assert.ok(s.alerts.am.every((x) => x.status === 'triggered' && x.eventCount === 1));
          assert.equal(new Set(s.alerts.am.map((x) => x.incidentId)).size, 1, 'both alerts of the group share one incident');
          assert.ok(OPEN.includes(incidentOf(s, s.alerts.am[0]!.incidentId)!.status));
        },
      ),
    );
  });

  describe('2. one alert of each group resolved', () => {
    before(async () => {
      if (skip) return;
      await am.resolveAlerts(PATHS.map((p) => ALERTS[p][0]));
      deadline = Date.now() + PHASE_TIMEOUT_MS;
    });

    for (const p of ['pd', 'og'] as const) {
      it(`${PATH_NAMES[p]}: another trigger for the group (eventCount 2), the alert and incident stay open`, { skip }, (t) =>
        check(
          t,
          p,
          'partial resolve',
          "the partial-resolve notification (a trigger) to count on the group's alert",
          (s) => s.alerts[p].some((x) => x.eventCount >= 2),
          (s) => {
            assert.equal(s.alerts[p].length, 1, 'still the one alert (deduplicated)');
            const [x] = s.alerts[p];
            assert.equal(x!.status, 'triggered', 'a group with a firing alert stays triggered');
            assert.equal(x!.eventCount, 2);
            assert.ok(OPEN.includes(incidentOf(s, x!.incidentId)!.status));
          },
        ),
      );
    }

    it(`${PATH_NAMES.am}: that alert resolves, the other fires on, the group's incident stays open`, { skip }, (t) =>
      check(
        t,
        'am',
        'partial resolve',
        'the resolved alert to show as resolved',
        (s) => s.alerts.am.some((x) => x.dedupKey === fp(ALERTS.am[0]) && x.status === 'resolved'),
        (s) => {
          assert.equal(s.alerts.am.length, 2, 'no new alerts');
          const byKey = new Map(s.alerts.am.map((x) => [x.dedupKey, x]));
          assert.equal(byKey.get(fp(ALERTS.am[0]))?.status, 'resolved');
          assert.equal(byKey.get(fp(ALERTS.am[1]))?.status, 'triggered');
          const incident = incidentOf(s, s.alerts.am[0]!.incidentId)!;
          assert.ok(OPEN.includes(incident.status), `the incident stays open while an alert of the group fires (is ${incident.status})`);
        },
      ),
    );
  });

  describe('3. the rest resolved', () => {
    before(async () => {
      if (skip) return;
      await am.resolveAlerts(PATHS.map((p) => ALERTS[p][1]));
      deadline = Date.now() + PHASE_TIMEOUT_MS;
    });

    for (const p of PATHS) {
      it(`${PATH_NAMES[p]}: every alert and its incident resolve, no new alert`, { skip }, (t) =>
        check(
          t,
          p,
          'all resolved',
          'the alerts and their incident to be resolved',
          (s) => s.alerts[p].length > 0 && s.alerts[p].every((x) => x.status === 'resolved' && incidentOf(s, x.incidentId)?.status === 'resolved'),
          (s) => {
            assert.equal(s.alerts[p].length, p === 'am' ? 2 : 1, 'a resolve never creates an alert');
            assert.equal(new Set(s.alerts[p].map((x) => x.incidentId)).size, 1);
          },
        ),
      );
    }

    it('nothing else: three incidents in all, and Alertmanager delivered every notification at the first attempt', { skip }, async (t) => {
      const broken = PATHS.filter((p) => failed[p]);
      if (broken.length) return t.skip(`needs every path; failed: ${broken.map((p) => PATH_NAMES[p]).join(', ')}`);
      const s = await snapshot();
      assert.equal(s.incidents.length, 3, JSON.stringify(s.incidents));
      assert.deepEqual(am.notifyErrors(), []);
    });
  });
});
