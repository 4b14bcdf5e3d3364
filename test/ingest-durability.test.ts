import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openStore } from '../src/store/db.js';
import { type ChildServer, createPgSchema, pgUrlWithSchema, startChildServer } from './helpers/child-server.js';
import { BOOTSTRAP_TOKEN, dialectName, newTestSchema, TEST_DATABASE_URL } from './helpers/server.js';

/**
 * reliability-security.md R1: events at load, the server SIGKILLed mid-run and started again on the
 * same database. Every event that got a 202 is stored exactly once, with all it implies (alert,
 * incident, counts); an event whose answer was lost is stored whole or not at all; a client retrying
 * it with the same dedup_key creates no duplicate alert.
 *
 * Each dedup key follows a small plan (trigger; trigger ×3; trigger → acknowledge → resolve; trigger
 * → resolve → trigger; resolve of an unknown key), one request at a time, so the exact outcome of
 * every stored event is known. A key whose request failed is parked until the server is back: the
 * database tells whether that request committed, then the client retries the same request and goes on.
 */

type Action = 'trigger' | 'acknowledge' | 'resolve';
const ALERT_OUTCOMES = ['created', 'appended', 'unchanged', 'acknowledged', 'resolved'];

interface KeyState {
  key: string;
  plan: Action[];
  /** Index in plan of the next request to send. */
  next: number;
  /** Requests known to be stored, in order (the 202s, and lost answers the database showed committed). */
  stored: Action[];
  /** The request whose answer was lost (connection reset by the kill): stored or not, unknown yet. */
  pending: Action | null;
}

/** Seeded PRNG (mulberry32), so a failure can be replayed with its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLANS: [number, Action[]][] = [
  [0.55, ['trigger']],
  [0.15, ['trigger', 'trigger', 'trigger']],
  [0.15, ['trigger', 'acknowledge', 'resolve']],
  [0.1, ['trigger', 'resolve', 'trigger']],
  [0.05, ['resolve']],
];
function pickPlan(rand: () => number): Action[] {
  let x = rand();
  for (const [p, plan] of PLANS) {
    if (x < p) return plan;
    x -= p;
  }
  return ['trigger'];
}

interface SimEvent {
  outcome: string;
  /** Index into alerts, or null (ignored without an open alert). */
  alert: number | null;
}
/** PagerDuty semantics (domain/ingest/alert-state.ts) for one key with grouping off. */
function simulate(actions: Action[]): { events: SimEvent[]; alerts: { status: string; eventCount: number }[] } {
  const alerts: { status: string; eventCount: number }[] = [];
  const events: SimEvent[] = [];
  let open: number | null = null;
  for (const a of actions) {
    if (a === 'trigger') {
      if (open !== null) {
        alerts[open]!.eventCount++;
        events.push({ outcome: 'appended', alert: open });
      } else {
        alerts.push({ status: 'triggered', eventCount: 1 });
        open = alerts.length - 1;
        events.push({ outcome: 'created', alert: open });
      }
    } else if (open === null) {
      events.push({ outcome: 'ignored', alert: null });
    } else if (a === 'acknowledge') {
      if (alerts[open]!.status === 'acknowledged') events.push({ outcome: 'ignored', alert: open });
      else {
        alerts[open]!.status = 'acknowledged';
        events.push({ outcome: 'acknowledged', alert: open });
      }
    } else {
      alerts[open]!.status = 'resolved';
      events.push({ outcome: 'resolved', alert: open });
      open = null;
    }
  }
  return { events, alerts };
}

type Sent = { status: number; body: string } | { error: string };

function post(agent: http.Agent, base: string, body: unknown): Promise<Sent> {
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(
      `${base}/v2/enqueue`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }, timeout: 15_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', (e) => resolve({ error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.end(data);
  });
}

async function apiCall(base: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${BOOTSTRAP_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe(`ingest durability: SIGKILL under load (${dialectName})`, () => {
  it('every 202 is stored exactly once after SIGKILL and restart; lost answers are all-or-nothing; retries never duplicate', { timeout: 120_000 }, async (t) => {
    const seed = Number(process.env.HIKESHI_DURABILITY_SEED ?? Date.now() % 1_000_000_007);
    const rand = prng(seed);
    const kills = Number(process.env.HIKESHI_DURABILITY_KILLS ?? 2);
    t.diagnostic(`seed ${seed} (HIKESHI_DURABILITY_SEED replays it), ${kills} kills`);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hikeshi-durability-'));
    const schema = newTestSchema();
    let databaseUrl: string | undefined;
    if (TEST_DATABASE_URL && schema) {
      await createPgSchema(TEST_DATABASE_URL, schema);
      databaseUrl = pgUrlWithSchema(TEST_DATABASE_URL, schema);
    }
    const start = () => startChildServer({ dataDir, databaseUrl });
    let server: ChildServer = await start();
    const agents: http.Agent[] = [];
    try {
      const svc = await apiCall(server.url, 'POST', '/api/v1/services', { name: 'durability' });
      assert.equal(svc.status, 201, JSON.stringify(svc.body));
      const serviceId: string = svc.body.id;
      const integ = await apiCall(server.url, 'POST', `/api/v1/services/${serviceId}/integrations`, { type: 'pagerduty', name: 'load', rateLimitPerSecond: 100_000 });
      assert.equal(integ.status, 201, JSON.stringify(integ.body));
      const routingKey: string = integ.body.key;

      const keys: KeyState[] = [];
      const resume: KeyState[] = []; // keys to go on with (after a lost answer) before starting new ones
      const totals = { accepted: 0, refused: 0, lost: 0, lostButStored: 0, resumed: 0 };
      const serverErrors: string[] = [];
      let keySeq = 0;

      /** 30 keep-alive clients, each walking keys one request at a time, until `stop()` or nothing is left. */
      function load(base: string, opts: { newKeys: boolean }) {
        let stopped = false;
        const agent = new http.Agent({ keepAlive: true, maxSockets: 30 });
        agents.push(agent);
        const worker = async () => {
          while (!stopped) {
            let k = resume.shift();
            if (!k) {
              if (!opts.newKeys) return;
              k = { key: `k${++keySeq}-${Math.floor(rand() * 1e9).toString(36)}`, plan: pickPlan(rand), next: 0, stored: [], pending: null };
              keys.push(k);
            }
            while (!stopped && k.next < k.plan.length) {
              const action = k.plan[k.next]!;
              const body =
                action === 'trigger'
                  ? { routing_key: routingKey, event_action: action, dedup_key: k.key, payload: { summary: `load ${k.key}`, source: 'durability-test', severity: 'warning' } }
                  : { routing_key: routingKey, event_action: action, dedup_key: k.key };
              const r = await post(agent, base, body);
              if ('error' in r) {
                // The answer is lost: the request may or may not have committed. Park the key.
                k.pending = action;
                totals.lost++;
                break;
              }
              if (r.status === 202) {
                if (JSON.parse(r.body).dedup_key !== k.key) serverErrors.push(`${action} ${k.key} → 202 ${r.body}`);
                k.stored.push(action);
                k.next++;
                totals.accepted++;
              } else if (r.status === 429) {
                totals.refused++; // not stored; the same request goes again
              } else {
                serverErrors.push(`${action} ${k.key} → ${r.status} ${r.body}`);
                stopped = true;
              }
            }
            // Stopped between two requests of a plan: the key goes on in the next load.
            if (!k.pending && k.next < k.plan.length) resume.push(k);
          }
        };
        const done = Promise.all(Array.from({ length: 30 }, worker));
        return {
          done,
          stop: () => {
            stopped = true;
          },
        };
      }

      /** Check the database against what the clients know; settle each lost answer (stored or not). */
      async function verify(stage: string): Promise<void> {
        const store = await openStore({ databaseUrl: TEST_DATABASE_URL, dataDir, pgSchema: schema });
        try {
          const db = store.db;
          const events = await db.selectFrom('event').select(['id', 'dedupKey', 'action', 'outcome', 'alertId']).where('serviceId', '=', serviceId).orderBy('id').execute();
          const alerts = await db.selectFrom('alert').select(['id', 'dedupKey', 'status', 'eventCount', 'incidentId', 'resolvedAt']).where('serviceId', '=', serviceId).orderBy('id').execute();
          const incidents = await db.selectFrom('incident').select(['id', 'status', 'alertCount', 'createdByType']).where('serviceId', '=', serviceId).execute();
          const declared = await db
            .selectFrom('timelineEntry')
            .innerJoin('incident', 'incident.id', 'timelineEntry.incidentId')
            .select(['timelineEntry.incidentId as incidentId'])
            .where('incident.serviceId', '=', serviceId)
            .where('timelineEntry.action', '=', 'incident.declared')
            .execute();
          const problems: string[] = [];
          const alertById = new Map(alerts.map((a) => [a.id, a]));
          const incidentById = new Map(incidents.map((i) => [i.id, i]));
          const eventsByAlert = new Map<string, typeof events>();
          const eventsByKey = new Map<string, typeof events>();
          for (const e of events) {
            if (e.alertId) eventsByAlert.set(e.alertId, [...(eventsByAlert.get(e.alertId) ?? []), e]);
            eventsByKey.set(e.dedupKey ?? '', [...(eventsByKey.get(e.dedupKey ?? '') ?? []), e]);
            if (ALERT_OUTCOMES.includes(e.outcome) && !(e.alertId && alertById.has(e.alertId))) problems.push(`event ${e.id} (${e.outcome}) has no alert`);
          }
          const alertsByIncident = new Map<string, typeof alerts>();
          const openByKey = new Map<string, number>();
          for (const a of alerts) {
            const evs = eventsByAlert.get(a.id) ?? [];
            if (evs.filter((e) => e.outcome === 'created').length !== 1) problems.push(`alert ${a.id} (${a.dedupKey}) has ${evs.filter((e) => e.outcome === 'created').length} created events`);
            const counted = evs.filter((e) => e.outcome === 'created' || e.outcome === 'appended').length;
            if (Number(a.eventCount) !== counted) problems.push(`alert ${a.id} (${a.dedupKey}) event_count ${a.eventCount} ≠ ${counted} trigger events`);
            if (!a.incidentId || !incidentById.has(a.incidentId)) problems.push(`alert ${a.id} (${a.dedupKey}) has no incident`);
            else alertsByIncident.set(a.incidentId, [...(alertsByIncident.get(a.incidentId) ?? []), a]);
            if (a.resolvedAt === null) openByKey.set(a.dedupKey, (openByKey.get(a.dedupKey) ?? 0) + 1);
          }
          for (const [key, n] of openByKey) if (n > 1) problems.push(`${n} open alerts for ${key}`);
          const declaredCount = new Map<string, number>();
          for (const d of declared) declaredCount.set(d.incidentId, (declaredCount.get(d.incidentId) ?? 0) + 1);
          for (const inc of incidents) {
            const mine = alertsByIncident.get(inc.id) ?? [];
            if (inc.createdByType !== 'integration') problems.push(`incident ${inc.id} created by ${inc.createdByType}`);
            if (mine.length === 0) problems.push(`incident ${inc.id} has no alert`);
            if (Number(inc.alertCount) !== mine.length) problems.push(`incident ${inc.id} alert_count ${inc.alertCount} ≠ ${mine.length} alerts`);
            if (declaredCount.get(inc.id) !== 1) problems.push(`incident ${inc.id} has ${declaredCount.get(inc.id) ?? 0} incident.declared entries`);
            const open = mine.filter((a) => a.resolvedAt === null);
            const expected = open.length === 0 ? 'resolved' : open.length === 1 ? open[0]!.status : null;
            if (expected && inc.status !== expected) problems.push(`incident ${inc.id} is ${inc.status}, its alerts say ${expected}`);
          }

          const known = new Set(keys.map((k) => k.key));
          for (const key of eventsByKey.keys()) if (!known.has(key)) problems.push(`events for a key nobody sent: ${key}`);
          let expectedEvents = 0;
          for (const k of keys) {
            const evs = eventsByKey.get(k.key) ?? [];
            const actions = evs.map((e) => e.action);
            let stored = k.stored;
            if (k.pending) {
              if (evs.length === k.stored.length + 1) {
                stored = [...k.stored, k.pending];
                totals.lostButStored++;
              } else if (evs.length !== k.stored.length) {
                problems.push(`${k.key}: ${evs.length} events, expected ${k.stored.length} or ${k.stored.length + 1} (${[...k.stored, k.pending].join(',')})`);
                continue;
              }
            } else if (evs.length !== k.stored.length) {
              problems.push(`${k.key}: ${evs.length} events, expected exactly ${k.stored.length} (${k.stored.join(',')}); got ${actions.join(',')}`);
              continue;
            }
            if (actions.join(',') !== stored.join(',')) {
              problems.push(`${k.key}: stored actions ${actions.join(',')}, sent ${stored.join(',')}`);
              continue;
            }
            const sim = simulate(stored);
            const outcomes = evs.map((e) => e.outcome);
            if (outcomes.join(',') !== sim.events.map((e) => e.outcome).join(',')) {
              problems.push(`${k.key}: outcomes ${outcomes.join(',')}, expected ${sim.events.map((e) => e.outcome).join(',')} for ${stored.join(',')}`);
              continue;
            }
            // Same alert for the same simulated alert, a different one for a different one.
            const idOf = new Map<number, string>();
            evs.forEach((e, i) => {
              const s = sim.events[i]!.alert;
              if (s === null) {
                if (e.outcome !== 'ignored' || e.alertId !== null) problems.push(`${k.key}: event ${i} should reference no alert`);
              } else if (!idOf.has(s)) idOf.set(s, e.alertId ?? '');
              else if (idOf.get(s) !== e.alertId) problems.push(`${k.key}: event ${i} on another alert`);
            });
            const keyAlerts = alerts.filter((a) => a.dedupKey === k.key);
            if (keyAlerts.length !== sim.alerts.length) problems.push(`${k.key}: ${keyAlerts.length} alerts, expected ${sim.alerts.length}`);
            sim.alerts.forEach((s, i) => {
              const a = alertById.get(idOf.get(i) ?? '');
              if (!a) return;
              if (a.status !== s.status || Number(a.eventCount) !== s.eventCount) problems.push(`${k.key}: alert ${i} is ${a.status}/${a.eventCount}, expected ${s.status}/${s.eventCount}`);
              const inc = a.incidentId ? incidentById.get(a.incidentId) : undefined;
              if (inc && Number(inc.alertCount) !== 1) problems.push(`${k.key}: incident of alert ${i} has ${inc.alertCount} alerts (grouping is off)`);
            });
            // Settled: the next load retries the lost request itself, then goes on with the plan.
            if (k.pending) {
              k.stored = stored;
              k.pending = null;
              resume.push(k);
            }
            expectedEvents += stored.length;
          }
          if (events.length !== expectedEvents) problems.push(`${events.length} event rows, expected ${expectedEvents}`);
          assert.deepEqual(problems.slice(0, 25), [], `${stage} (seed ${seed}): ${problems.length} problems`);
        } finally {
          await store.close();
        }
      }

      for (let cycle = 1; cycle <= kills; cycle++) {
        const retries = resume.length;
        totals.resumed += retries;
        const run = load(server.url, { newKeys: true });
        const before = totals.accepted;
        await new Promise((r) => setTimeout(r, 300 + Math.floor(rand() * 700)));
        // At least some events must have been answered for the kill to test anything.
        while (totals.accepted - before < 50 && serverErrors.length === 0) await new Promise((r) => setTimeout(r, 20));
        const killed = server.kill('SIGKILL'); // the signal is sent now; requests are in flight
        run.stop();
        await killed;
        await run.done;
        assert.deepEqual(serverErrors, [], 'no 5xx or unexpected status under load');
        server = await start();
        t.diagnostic(`cycle ${cycle}: ${totals.accepted} accepted so far, ${totals.lost} lost answers, ${retries} keys resumed`);
        await verify(`after kill ${cycle}`);
      }

      // The last lost answers: retry them (same dedup_key, same action) and finish every plan, no kill.
      totals.resumed += resume.length;
      const finish = load(server.url, { newKeys: false });
      await finish.done;
      assert.deepEqual(serverErrors, []);
      assert.equal(
        keys.every((k) => k.next === k.plan.length && k.pending === null),
        true,
        'every key finished its plan',
      );
      await verify('after retries');
      t.diagnostic(
        `${keys.length} keys, ${totals.accepted} events accepted, ${totals.refused} 429s, ${totals.lost} answers lost (${totals.lostButStored} of them stored), ${totals.resumed} keys resumed after a restart`,
      );
      assert.ok(totals.lost > 0 || kills === 0, 'the kills caught requests in flight');

      // A graceful stop after all this still works.
      const exit = await server.kill('SIGTERM');
      assert.equal(exit.code, 0, server.output());
    } finally {
      for (const a of agents) a.destroy();
      await server.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
