import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { AlertEvent } from '../src/ingest/event.js';
import { parseAlertmanagerWebhook } from '../src/ingest/alertmanager/parse.js';
import { parsePagerDutyEvent } from '../src/ingest/pagerduty/parse.js';
import { FakeClock } from '../src/platform/clock.js';
import { sha256Hex } from '../src/platform/ids.js';
import type { EventResult } from '../src/services/ingest/job.js';
import { type Api, api } from './helpers/api.js';
import { dialectName, startTestServer, type TestServer } from './helpers/server.js';

/**
 * Property-based tests of alert ingestion over random sequences of commands, run against a real
 * server and database (services/ingest/*). They are model-free: no reimplementation of grouping
 * decides what *should* have happened; instead every command is followed by a read of the store and
 * the invariants below are checked between consecutive snapshots and over the whole sequence.
 *
 * A run is one random sequence on a fresh service with one PagerDuty and one Alertmanager
 * integration and random grouping settings (none / time window / content on `labels.x`, `source` or
 * `severity`, an optional threshold, an optional flapping window). Commands:
 *  - `pd`: a PagerDuty trigger / acknowledge / resolve for a key from a small pool (dedup collisions);
 *    sometimes sent twice in a row;
 *  - `am`: an Alertmanager group notification (the whole group: members firing or resolved, some
 *    members of earlier notifications missing, sometimes `truncatedAlerts > 0`); sometimes sent twice
 *    in a row. Alertmanager's key pool overlaps PagerDuty's in two keys;
 *  - `tick`: the FakeClock moves on by 0–90 minutes;
 *  - `human`: a person acknowledges / resolves / reopens / closes / declines / escalates one of the
 *    service's incidents through the REST API (a 409 for an illegal transition is fine);
 *  - `burst`: 2–3 of the above jobs submitted at once, so they share one group-commit transaction.
 * Events go through the real parsers and then straight into the pipeline (`intake.submit`), which
 * is what the HTTP endpoints do after parsing, minus the rate limiter.
 *
 * The properties (each documented where it is checked):
 *  P1  an alert's incident never changes once set (null → set only by a threshold adopting it);
 *  P2  at most one open alert per (service, dedup key);
 *  P3  incident.alert_count = the alerts pointing at it; new incidents only from `created` outcomes;
 *  P4  a finished incident has no open alert;
 *  P5  an open incident whose alerts all resolved was last opened by a human reopen;
 *  P6  alert.event_count = its created/held/appended event rows;
 *  P7  the event log grows by exactly the rows the results name (one result per event + absences);
 *  P8  each reported outcome is what the rows say and what the state before implies;
 *  P9  replaying timelines: no alert is added to a finished incident except after a flapping reopen;
 *  P10 a repeated notification / acknowledge / resolve changes nothing but the event log.
 *
 * Reproduce with FC_SEED=<seed> (and FC_RUNS=<n>). A failure prints the settings and the commands
 * up to the violation (fast-check also prints the whole shrunk value); shrunk counterexamples of
 * real bugs are kept in `regressions` below and checked on every run.
 */

const MIN = 60_000;
const SEED = Number(process.env.FC_SEED ?? 20261122);
const RUNS = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : undefined;

/** Dedup keys (valid Alertmanager fingerprints). PagerDuty uses 0–3, Alertmanager 2–5: two shared. */
const KEYS = Array.from({ length: 6 }, (_, i) => (0xfa0 + i).toString(16).padStart(16, '0'));
const PD_KEYS = [0, 1, 2, 3] as const;
const AM_KEYS = [2, 3, 4, 5] as const;
/** Alertmanager groups (by alertname); the group key is Alertmanager's `{}:{alertname="…"}`. */
const GROUPS = ['Latency', 'Disk'];
const OPEN_INCIDENT = new Set(['triggered', 'acknowledged']);
/** Outcomes that create an alert (its first event) or add an event to it: what `event_count` counts. */
const COUNTED = new Set(['created', 'held', 'suppressed', 'appended']);

type Severity = 'critical' | 'warning';
type Cmd =
  | { kind: 'pd'; action: 'trigger' | 'acknowledge' | 'resolve'; key: number; severity: Severity; twice: boolean; gap: number }
  | { kind: 'am'; group: number; members: { key: number; firing: boolean }[]; truncated: boolean; twice: boolean; gap: number }
  | { kind: 'tick'; minutes: number }
  | { kind: 'burst'; jobs: Job[] }
  | { kind: 'human'; verb: Verb; pick: number };
type Job = Extract<Cmd, { kind: 'pd' | 'am' }>;
const VERBS = ['acknowledge', 'resolve', 'reopen', 'close', 'decline', 'escalate'] as const;
type Verb = (typeof VERBS)[number];

interface Settings {
  grouping: { mode: 'none' } | { mode: 'time_window'; windowMinutes: number } | { mode: 'content'; fields: string[]; windowMinutes: number | null };
  threshold: { count: number; windowMinutes: number } | null;
  flappingWindowMinutes: number;
}

/** Per-run label values of each key (an alert's labels are stable: they are its identity). */
interface Labels {
  x: string[];
  source: string[];
  severity: Severity[];
}

// ---------------------------------------------------------------------------------------------
// Generators

const settingsArb = (flapping: fc.Arbitrary<number>): fc.Arbitrary<Settings> =>
  fc.record({
    grouping: fc.oneof(
      fc.constant({ mode: 'none' as const }),
      fc.record({ mode: fc.constant('time_window' as const), windowMinutes: fc.integer({ min: 1, max: 30 }) }),
      fc.record({
        mode: fc.constant('content' as const),
        fields: fc.constantFrom<string[]>(['labels.x'], ['source'], ['labels.x', 'severity']),
        windowMinutes: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
      }),
    ),
    threshold: fc.oneof(
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.record({ count: fc.integer({ min: 2, max: 3 }), windowMinutes: fc.integer({ min: 1, max: 30 }) }) },
    ),
    flappingWindowMinutes: flapping,
  });

const labelsArb: fc.Arbitrary<Labels> = fc.record({
  x: fc.array(fc.constantFrom('a', 'b'), { minLength: KEYS.length, maxLength: KEYS.length }),
  source: fc.array(fc.constantFrom('web-1', 'web-2'), { minLength: KEYS.length, maxLength: KEYS.length }),
  severity: fc.array(fc.constantFrom<Severity>('critical', 'warning'), { minLength: KEYS.length, maxLength: KEYS.length }),
});

interface Weights {
  pd: number;
  am: number;
  tick: number;
  human: number;
  burst: number;
  /** Out of 10: how often a pd/am command is sent twice in a row. */
  twice: number;
}

const repeatArb = (twiceOutOf10: number) => ({
  twice: fc.integer({ min: 0, max: 9 }).map((n) => n < twiceOutOf10),
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 })),
});

const pdArb = (twiceOutOf10: number): fc.Arbitrary<Job> =>
  fc.record({
    kind: fc.constant('pd' as const),
    action: fc.constantFrom('trigger' as const, 'trigger' as const, 'acknowledge' as const, 'resolve' as const),
    key: fc.constantFrom(...PD_KEYS),
    severity: fc.constantFrom<Severity>('critical', 'warning'),
    ...repeatArb(twiceOutOf10),
  });

const amArb = (twiceOutOf10: number): fc.Arbitrary<Job> =>
  fc.record({
    kind: fc.constant('am' as const),
    group: fc.integer({ min: 0, max: GROUPS.length - 1 }),
    members: fc.uniqueArray(fc.record({ key: fc.constantFrom(...AM_KEYS), firing: fc.boolean() }), { selector: (m) => m.key, minLength: 1, maxLength: 4 }),
    truncated: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    ...repeatArb(twiceOutOf10),
  });

const cmdArb = (w: Weights): fc.Arbitrary<Cmd> =>
  fc.oneof(
    { weight: w.tick, arbitrary: fc.record({ kind: fc.constant('tick' as const), minutes: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 11, max: 90 })) }) },
    { weight: w.pd, arbitrary: pdArb(w.twice) },
    { weight: w.am, arbitrary: amArb(w.twice) },
    { weight: w.human, arbitrary: fc.record({ kind: fc.constant('human' as const), verb: fc.constantFrom(...VERBS), pick: fc.nat({ max: 50 }) }) },
    // Jobs submitted together land in one group-commit transaction (pipeline.ts), applied in order.
    { weight: w.burst, arbitrary: fc.record({ kind: fc.constant('burst' as const), jobs: fc.array(fc.oneof(pdArb(0), amArb(0)), { minLength: 2, maxLength: 3 }) }) },
  );

/** Does nothing: what a command shrinks to, so that a counterexample keeps only what matters. */
const NOTHING: Cmd = { kind: 'tick', minutes: 0 };
const isNothing = (c: Cmd) => c.kind === 'tick' && c.minutes === 0;

const sequenceArb = (w: Weights, flapping: fc.Arbitrary<number>) =>
  fc.record({
    settings: settingsArb(flapping),
    labels: labelsArb,
    // 20–36 commands; shrinking cannot drop below 20, but it can turn any command into NOTHING (the
    // unbiased 0 of 0–15 that it shrinks towards).
    cmds: fc.array(
      fc.tuple(fc.noBias(fc.nat({ max: 15 })), cmdArb(w)).map(([on, cmd]) => (on === 0 ? NOTHING : cmd)),
      { minLength: 20, maxLength: 36 },
    ),
  });

// ---------------------------------------------------------------------------------------------
// Store snapshots

type Db = TestServer['server']['store']['db'];
/** Everything of one service the properties look at; on request, the last outbox and audit log rows (they have no service). */
async function readStore(db: Db, serviceId: string, withLast: boolean) {
  const alerts = await db.selectFrom('alert').selectAll().where('serviceId', '=', serviceId).orderBy('id').execute();
  const incidents = await db.selectFrom('incident').selectAll().where('serviceId', '=', serviceId).orderBy('id').execute();
  const timeline = await db
    .selectFrom('timelineEntry')
    .innerJoin('incident', 'incident.id', 'timelineEntry.incidentId')
    .select(['timelineEntry.id', 'timelineEntry.incidentId', 'timelineEntry.at', 'timelineEntry.action', 'timelineEntry.actorType', 'timelineEntry.data'])
    .where('incident.serviceId', '=', serviceId)
    .execute();
  const events = await db.selectFrom('event').select(['id', 'alertId', 'action', 'dedupKey', 'outcome', 'reason']).where('serviceId', '=', serviceId).execute();
  const last = withLast
    ? {
        outbox: Number((await db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('n')).executeTakeFirstOrThrow()).n ?? 0),
        auditLog: Number((await db.selectFrom('auditLog').select((eb) => eb.fn.max('seq').as('n')).executeTakeFirstOrThrow()).n ?? 0),
      }
    : null;
  return {
    alerts: new Map(alerts.map((a) => [a.id, { ...a, eventCount: Number(a.eventCount) }])),
    incidents: new Map(incidents.map((i) => [i.id, { ...i, alertCount: Number(i.alertCount), number: Number(i.number) }])),
    // ULIDs made by one process are monotonic: sorted by id, entries are in the order they were written.
    timeline: timeline.map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> })).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    events: new Map(events.map((e) => [e.id, { ...e, reason: JSON.parse(e.reason) as { alertIds?: unknown } }])),
    last,
  };
}
type Snap = Awaited<ReturnType<typeof readStore>>;
type AlertRow = Snap['alerts'] extends Map<string, infer A> ? A : never;

const openAlertOf = (s: Snap, dedupKey: string): AlertRow | undefined => [...s.alerts.values()].find((a) => a.dedupKey === dedupKey && a.resolvedAt === null);
const groupingRule = (a: AlertRow): unknown => (JSON.parse(a.reason) as { grouping?: { rule?: unknown } }).grouping?.rule;
type EventRow = Snap['events'] extends Map<string, infer E> ? E : never;

/**
 * Whether an event row records this reported result: its own row, or the one row that records all the
 * members a group notification repeated (`unchanged`, no alert of its own, `reason.alertIds`).
 */
const rowRecords = (row: EventRow, r: EventResult): boolean =>
  row.outcome === r.outcome &&
  ((row.alertId === r.alertId && row.dedupKey === r.dedupKey) ||
    (row.outcome === 'unchanged' && row.alertId === null && Array.isArray(row.reason.alertIds) && row.reason.alertIds.includes(r.alertId)));

// ---------------------------------------------------------------------------------------------
// Checks

type Check = 'stable' | 'counts' | 'finished' | 'events' | 'idempotent';

class Violation extends Error {}
function must(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Violation(message);
}

interface Submitted {
  /** The events as parsed (what the pipeline got), in order. */
  events: AlertEvent[];
  /** Alertmanager: the group's raw key, its members and whether the notification was truncated. */
  group: { key: string; members: string[]; truncated: boolean } | null;
  results: EventResult[];
  now: string;
}

interface Step {
  /** The jobs of one command (several for a burst), or none for a human action. */
  jobs: Submitted[];
  /** Several jobs in one transaction: the per-event outcome check (P8) needs the state between them, so it is skipped. */
  burst: boolean;
}

interface RunInfo {
  ids: { pd: string; am: string };
  threshold: boolean;
}

/** The invariants between two snapshots taken around one command. */
function checkStep(checks: Set<Check>, prev: Snap, next: Snap, step: Step, run: RunInfo): void {
  const newIncidents = new Set([...next.incidents.keys()].filter((id) => !prev.incidents.has(id)));
  const results = step.jobs.flatMap((j) => j.results);

  if (checks.has('stable')) {
    // P1. An alert's incident never changes once set (these sequences merge nothing). The only change
    // allowed is null → X where X was opened by this very command and the alert was held by the
    // threshold (a threshold reached: the alerts it held in the window join the new incident).
    for (const [id, before] of prev.alerts) {
      const now = next.alerts.get(id);
      must(now, `P1: alert ${id} disappeared`);
      if (before.incidentId !== null) must(now.incidentId === before.incidentId, `P1: alert ${id} moved from incident ${before.incidentId} to ${now.incidentId}`);
      else if (now.incidentId !== null) {
        must(newIncidents.has(now.incidentId), `P1: alert ${id} without incident joined incident ${now.incidentId}, which existed before this command`);
        must(groupingRule(before) === 'threshold', `P1: alert ${id} without incident was not held by the threshold: ${before.reason}`);
      }
    }
    // P2. At most one open (resolved_at null) alert per (service, dedup key).
    const open = new Map<string, string>();
    for (const a of next.alerts.values()) {
      if (a.resolvedAt !== null) continue;
      must(!open.has(a.dedupKey), `P2: two open alerts with key ${a.dedupKey}: ${open.get(a.dedupKey)} and ${a.id}`);
      open.set(a.dedupKey, a.id);
    }
  }

  if (checks.has('counts')) {
    // P3. incident.alert_count is the number of alerts pointing at the incident (no merges here); an
    // incident opened from an alert has at least one; new incidents come only from `created`
    // outcomes, and only from ingest (a human action opens none here).
    for (const inc of next.incidents.values()) {
      const n = [...next.alerts.values()].filter((a) => a.incidentId === inc.id).length;
      must(inc.alertCount === n, `P3: incident ${inc.id} has alert_count ${inc.alertCount} but ${n} alerts`);
      must(inc.createdByType === 'integration' && n >= 1, `P3: incident ${inc.id} (created by ${inc.createdByType}) has ${n} alerts`);
    }
    // (`created` also names an alert that joined an open incident, e.g. its group's, just opened.)
    const reported = new Set(results.filter((r) => r.outcome === 'created').map((r) => r.incidentId));
    must([...newIncidents].every((id) => reported.has(id)), `P3: new incidents ${[...newIncidents]}, reported as created in ${[...reported]}`);
  }

  if (checks.has('finished')) {
    // P4. A finished (resolved, closed, declined) incident has no open alert: finishing an incident
    // resolves its alerts, and no open alert joins a finished incident.
    for (const a of next.alerts.values()) {
      if (a.resolvedAt !== null || a.incidentId === null) continue;
      const inc = next.incidents.get(a.incidentId);
      must(inc && OPEN_INCIDENT.has(inc.status), `P4: open alert ${a.id} (${a.dedupKey}) is in ${inc?.status} incident ${a.incidentId}`);
    }
    // P5. An open incident whose alerts have all resolved is open only because a person reopened it.
    // The integration resolves an incident when its last open alert resolves, and the integration
    // itself reopens one only together with a new (open) alert; so the latest entry that opened it
    // (incident.declared or incident.reopened) is a human incident.reopened. (Acknowledge and
    // escalate keep an incident open, they do not open it; every incident here has alerts.)
    for (const inc of next.incidents.values()) {
      if (!OPEN_INCIDENT.has(inc.status)) continue;
      const mine = [...next.alerts.values()].filter((a) => a.incidentId === inc.id);
      if (mine.length === 0 || mine.some((a) => a.resolvedAt === null)) continue;
      const opened = next.timeline.filter((e) => e.incidentId === inc.id && (e.action === 'incident.declared' || e.action === 'incident.reopened')).at(-1);
      must(
        opened?.action === 'incident.reopened' && opened.actorType !== 'integration',
        `P5: incident ${inc.id} is ${inc.status} with all ${mine.length} alerts resolved; last opened by ${opened?.actorType}: ${opened?.action}`,
      );
    }
  }

  if (checks.has('events')) {
    // P6. Per alert, event_count is the number of its event rows that made it (created, or held by
    // the threshold, or suppressed) or added to it (appended). `unchanged` — a firing member repeated
    // in its group's next notification — is logged but not counted, nor is acknowledged/resolved.
    const counted = new Map<string, number>();
    for (const e of next.events.values()) if (e.alertId && COUNTED.has(e.outcome)) counted.set(e.alertId, (counted.get(e.alertId) ?? 0) + 1);
    for (const a of next.alerts.values()) must(a.eventCount === (counted.get(a.id) ?? 0), `P6: alert ${a.id} has event_count ${a.eventCount} but ${counted.get(a.id) ?? 0} counted event rows`);
    // P7. Every submitted event has one result, and so has every group member resolved because it was
    // missing from a complete notification; the event log grows by exactly the rows those results
    // name, each row recording the results that name it. (Members a group notification merely
    // repeats may share one `unchanged` row listing their alerts: one inbound message, see
    // group-snapshot.ts; every other result has a row of its own.)
    const added = new Set([...next.events.keys()].filter((id) => !prev.events.has(id)));
    const named = new Map<string, EventResult[]>();
    for (const r of results) named.set(r.eventId, [...(named.get(r.eventId) ?? []), r]);
    must(added.size === named.size && [...named.keys()].every((id) => added.has(id)), `P7: ${added.size} event rows written, ${named.size} named by ${results.length} results`);
    for (const [id, rs] of named) {
      const row = next.events.get(id)!;
      must(rs.every((r) => rowRecords(row, r)), `P7: event row ${JSON.stringify(row)} does not record ${JSON.stringify(rs)}`);
      if (rs.length > 1) must(Array.isArray(row.reason.alertIds) && row.reason.alertIds.length === rs.length, `P7: shared row ${JSON.stringify(row)} for ${rs.length} results`);
    }
    for (const job of step.jobs) {
      const absent = job.results.length - job.events.length;
      must(absent >= 0 && (absent === 0 || (job.group !== null && !job.group.truncated)), `P7: ${job.results.length} results for ${job.events.length} events`);
      if (!step.burst) checkOutcomes(prev, next, job, run, newIncidents);
    }
    if (step.jobs.length === 0) must(next.alerts.size === prev.alerts.size, 'P7: alerts appeared without an event');
  }
}

/**
 * P8. Each reported outcome is what the event row says and what the state before the job implies.
 * Within one job every event has its own dedup key, so the state of that key before the job is the
 * state its event met: an open alert → appended (unchanged in a group notification) / acknowledged
 * (ignored if already acknowledged) / resolved; none → created (held under a threshold) / ignored.
 * Then: the group members missing from a complete notification, and only those, are resolved.
 */
function checkOutcomes(prev: Snap, next: Snap, job: Submitted, run: RunInfo, newIncidents: Set<string>): void {
  const viaGroup = job.group !== null;
  job.events.forEach((e, i) => {
    const r = job.results[i]!;
    const row = next.events.get(r.eventId);
    const where = `P8: event ${i} (${e.action} ${e.dedupKey})`;
    must(row, `${where}: no event row`);
    must(rowRecords(row, r) && row.action === e.action, `${where}: row ${JSON.stringify(row)} ≠ result ${JSON.stringify(r)}`);
    must(r.dedupKey === e.dedupKey, `${where}: reported key ${r.dedupKey}`);
    const open = openAlertOf(prev, e.dedupKey!);
    const after = r.alertId ? next.alerts.get(r.alertId) : undefined;
    if (r.alertId) must(after, `${where}: reported alert ${r.alertId} does not exist`);
    if (e.action === 'trigger') {
      if (open) {
        must(r.outcome === (viaGroup ? 'unchanged' : 'appended') && r.alertId === open.id, `${where}: open alert ${open.id} → ${r.outcome} ${r.alertId}`);
        must(after!.eventCount === open.eventCount + (viaGroup ? 0 : 1), `${where}: event_count ${open.eventCount} → ${after!.eventCount}`);
        must(after!.lastSeenAt === job.now, `${where}: last_seen_at ${after!.lastSeenAt}`);
        must(r.incidentId === open.incidentId || r.incidentId === after!.incidentId, `${where}: reported incident ${r.incidentId}, the alert's ${after!.incidentId}`);
      } else {
        must(r.outcome === 'created' || (run.threshold && r.outcome === 'held'), `${where}: no open alert → ${r.outcome}`);
        must(r.alertId && !prev.alerts.has(r.alertId), `${where}: ${r.outcome} but alert ${r.alertId} is not new`);
        must(
          after!.dedupKey === e.dedupKey && after!.firstSeenAt === job.now && after!.integrationId === (viaGroup ? run.ids.am : run.ids.pd),
          `${where}: new alert ${JSON.stringify(after)}`,
        );
        must(after!.groupKey === (job.group ? sha256Hex(job.group.key) : null), `${where}: group key ${after!.groupKey}`);
        if (r.outcome === 'created') must(r.incidentId !== null && r.incidentId === after!.incidentId, `${where}: created in ${r.incidentId}, the alert is in ${after!.incidentId}`);
        else must(r.incidentId === null && (after!.incidentId === null || newIncidents.has(after!.incidentId)), `${where}: held, the alert is in ${after!.incidentId}`);
      }
    } else if (e.action === 'acknowledge') {
      if (open?.status === 'triggered') {
        must(r.outcome === 'acknowledged' && r.alertId === open.id, `${where}: triggered alert ${open.id} → ${r.outcome} ${r.alertId}`);
        must(after!.status === 'acknowledged', `${where}: the alert is ${after!.status}`);
      } else must(r.outcome === 'ignored' && r.alertId === (open?.id ?? null), `${where}: ${open?.status ?? 'no'} open alert → ${r.outcome} ${r.alertId}`);
    } else if (open) {
      must(r.outcome === 'resolved' && r.alertId === open.id, `${where}: open alert ${open.id} → ${r.outcome} ${r.alertId}`);
      must(r.incidentId === open.incidentId || r.incidentId === after!.incidentId, `${where}: resolved as of incident ${r.incidentId}, the alert is in ${after!.incidentId}`);
      must(after!.status === 'resolved' && after!.resolvedAt === job.now, `${where}: the alert is ${after!.status} at ${after!.resolvedAt}`);
    } else must(r.outcome === 'ignored' && r.alertId === null, `${where}: no open alert → ${r.outcome} ${r.alertId}`);
  });
  const absent = job.results.slice(job.events.length);
  const group = job.group;
  const expected =
    group && !group.truncated
      ? [...prev.alerts.values()].filter((a) => a.resolvedAt === null && a.integrationId === run.ids.am && a.groupKey === sha256Hex(group.key) && !group.members.includes(a.dedupKey))
      : [];
  must(
    absent.length === expected.length && expected.every((a) => absent.some((r) => r.alertId === a.id)),
    `P8: absent members resolved ${absent.map((r) => r.dedupKey)}, expected ${expected.map((a) => a.dedupKey)}`,
  );
  for (const r of absent) {
    must(r.outcome === 'resolved' && next.events.get(r.eventId)?.action === 'resolve', `P8: absent member ${r.dedupKey} → ${r.outcome}`);
    const alert = next.alerts.get(r.alertId!);
    must(alert?.resolvedAt === job.now, `P8: absent member ${r.dedupKey} is not resolved`);
    // These resolve after every event of the notification: the alert's incident is settled by then.
    must(r.incidentId === alert.incidentId, `P8: absent member ${r.dedupKey} resolved as of incident ${r.incidentId}, but it is in ${alert.incidentId}`);
  }
}

const STATUS_AFTER: Record<string, string> = {
  'incident.acknowledged': 'acknowledged',
  'incident.resolved': 'resolved',
  'incident.closed': 'closed',
  'incident.declined': 'declined',
  'incident.reopened': 'triggered',
  'incident.escalated': 'triggered',
};

/**
 * P9 (whole sequence). A finished incident never gains an alert. Replaying each incident's timeline in
 * write order, every `alert.added` happens while the incident is triggered or acknowledged. The one
 * exception, a flapping alert whose predecessor's incident had resolved, reopens it first: an
 * integration's `incident.reopened` naming the alert, immediately followed by that alert's
 * `alert.added`, and the alert says `grouping.rule: flapping`. The replay ends in the incident's
 * current status, and every alert of an incident either declared it, was added on its timeline at
 * its first_seen_at, or was held by the threshold before the incident existed (adopted when it opened).
 */
function checkTimelines(s: Snap): void {
  for (const inc of s.incidents.values()) {
    const entries = s.timeline.filter((e) => e.incidentId === inc.id);
    const first = entries[0];
    must(first?.action === 'incident.declared', `P9: incident ${inc.id} starts with ${first?.action}`);
    let status = 'triggered';
    const joined = new Map<string, string>([[String(first.data.alertId), first.at]]);
    for (let i = 1; i < entries.length; i++) {
      const e = entries[i]!;
      const where = `P9: incident ${inc.id} entry ${i} ${e.action} by ${e.actorType}`;
      if (e.action === 'alert.added') {
        // One entry may add several alerts (a notification's new members): `alerts` (≤ 100) and `count`.
        const added = Array.isArray(e.data.alerts) ? (e.data.alerts as { alertId: string }[]).map((x) => x.alertId) : [String(e.data.alertId)];
        must(added[0] === e.data.alertId && (e.data.count ?? 1) === added.length, `${where}: ${JSON.stringify(e.data)}`);
        must(OPEN_INCIDENT.has(status), `${where}: alert ${added} added while the incident was ${status}`);
        for (const id of added) joined.set(id, e.at);
      }
      if (e.action === 'incident.reopened' && e.actorType === 'integration') {
        const next = entries[i + 1];
        must(next?.action === 'alert.added' && next.data.alertId === e.data.alertId, `${where}: not followed by the alert it reopened for, but ${next?.action}`);
        const alert = s.alerts.get(String(e.data.alertId));
        must(alert && groupingRule(alert) === 'flapping', `${where}: alert ${e.data.alertId} reopened it but is not a flapping alert`);
      }
      status = STATUS_AFTER[e.action] ?? status;
    }
    must(status === inc.status, `P9: incident ${inc.id}: the timeline ends ${status}, the row says ${inc.status}`);
    for (const a of s.alerts.values()) {
      if (a.incidentId !== inc.id) continue;
      const at = joined.get(a.id);
      if (at !== undefined) must(at === a.firstSeenAt, `P9: alert ${a.id} first seen at ${a.firstSeenAt} joined incident ${inc.id} at ${at}`);
      else must(groupingRule(a) === 'threshold' && a.firstSeenAt <= inc.createdAt, `P9: alert ${a.id} is in incident ${inc.id} but not on its timeline (${a.reason})`);
    }
    for (const id of joined.keys()) must(s.alerts.get(id)?.incidentId === inc.id, `P9: alert ${id} joined incident ${inc.id} but points at ${s.alerts.get(id)?.incidentId}`);
  }
}

/**
 * P10. Sent twice in a row, the second copy changes nothing. An Alertmanager notification (a snapshot
 * of its group): `unchanged` for each firing member, `ignored` for each resolved one, no absent member
 * resolved, no new row anywhere but the event log (alert, incident, timeline, outbox, audit log), every
 * alert and incident row as it was except the firing alerts' last_seen_at. A PagerDuty acknowledge or
 * resolve: `ignored`, and the same. A repeated PagerDuty trigger is not idempotent, by design: it is
 * `appended` to the same open alert and event_count goes up by one.
 */
function checkRepeat(job: Job, first: Snap, second: Snap, again: Submitted): void {
  if (job.kind === 'pd' && job.action === 'trigger') {
    const r = again.results[0]!;
    const before = openAlertOf(first, KEYS[job.key]!);
    must(before && r.outcome === 'appended' && r.alertId === before.id, `P10: repeated trigger → ${r.outcome} ${r.alertId}, open alert ${before?.id}`);
    must(second.alerts.get(before.id)!.eventCount === before.eventCount + 1, 'P10: a repeated trigger did not add to event_count');
    return;
  }
  must(again.results.length === again.events.length, `P10: the repeat resolved ${again.results.length - again.events.length} absent members`);
  again.events.forEach((e, i) => {
    const outcome = again.results[i]!.outcome;
    must(outcome === (e.action === 'trigger' ? 'unchanged' : 'ignored'), `P10: repeated ${e.action} ${e.dedupKey} → ${outcome}`);
  });
  const grew = {
    alert: second.alerts.size - first.alerts.size,
    incident: second.incidents.size - first.incidents.size,
    timelineEntry: second.timeline.length - first.timeline.length,
    outbox: second.last!.outbox - first.last!.outbox,
    auditLog: second.last!.auditLog - first.last!.auditLog,
    event: second.events.size - first.events.size - new Set(again.results.map((r) => r.eventId)).size,
  };
  must(Object.values(grew).every((n) => n === 0), `P10: the repeat added rows beyond its event log rows: ${JSON.stringify(grew)}`);
  const firing = new Set(again.events.filter((e) => e.action === 'trigger').map((e) => e.dedupKey));
  for (const [id, a] of first.alerts) {
    const b = second.alerts.get(id)!;
    const seen = firing.has(a.dedupKey) && a.resolvedAt === null;
    must(b.lastSeenAt === (seen ? again.now : a.lastSeenAt), `P10: alert ${id} last_seen_at ${a.lastSeenAt} → ${b.lastSeenAt}`);
    must(JSON.stringify({ ...b, lastSeenAt: null }) === JSON.stringify({ ...a, lastSeenAt: null }), `P10: the repeat changed alert ${id}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  }
  for (const [id, i] of first.incidents) {
    must(JSON.stringify(second.incidents.get(id)) === JSON.stringify(i), `P10: the repeat changed incident ${id}: ${JSON.stringify(i)} → ${JSON.stringify(second.incidents.get(id))}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Running sequences

describe(`ingest properties over random event sequences (${dialectName})`, () => {
  let ts: TestServer;
  let a: Api;
  const clock = new FakeClock('2026-11-22T09:00:00Z');
  before(async () => {
    ts = await startTestServer({ clock });
    a = api(ts.server.app, ts.token);
  });
  after(() => ts.close());

  async function runSequence(checks: Set<Check>, settings: Settings, labels: Labels, cmds: Cmd[]): Promise<void> {
    // A fresh service per run: nothing of earlier runs can match (dedup, grouping, flapping are per service).
    const service = await a.post('/api/v1/services', { name: `props-${Math.random().toString(36).slice(2)}` });
    assert.equal(service.status, 201, JSON.stringify(service.body));
    const serviceId: string = service.body.id;
    const put = await a.put(`/api/v1/services/${serviceId}/ingest-settings`, settings);
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const pd = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'pagerduty', name: 'pd' })).body;
    const am = (await a.post(`/api/v1/services/${serviceId}/integrations`, { type: 'alertmanager', name: 'am' })).body;
    const run: RunInfo = { ids: { pd: pd.id, am: am.id }, threshold: settings.threshold !== null };
    const read = (withLast = false) => readStore(ts.server.store.db, serviceId, withLast);

    /** Parse the job's request body with the real parser and hand the events to the pipeline. */
    const submit = async (job: Job): Promise<Submitted> => {
      const now = clock.now().toISOString();
      if (job.kind === 'pd') {
        const body = {
          routing_key: pd.key,
          event_action: job.action,
          dedup_key: KEYS[job.key],
          ...(job.action === 'trigger' ? { payload: { summary: `pd ${job.key}`, source: labels.source[job.key], severity: job.severity } } : {}),
        };
        const parsed = parsePagerDutyEvent(body, { receivedAt: now });
        assert.ok(parsed.ok, JSON.stringify(parsed));
        const events = parsed.events as AlertEvent[];
        const res = await ts.server.intake.submit({ key: pd.key, type: 'pagerduty', events, requestId: null });
        return { events, group: null, results: res.events, now };
      }
      const alertname = GROUPS[job.group]!;
      const groupKey = `{}:{alertname="${alertname}"}`;
      const body = {
        version: '4',
        groupKey,
        truncatedAlerts: job.truncated ? 1 : 0,
        status: job.members.some((m) => m.firing) ? 'firing' : 'resolved',
        receiver: 'hikeshi',
        groupLabels: { alertname },
        commonLabels: {},
        commonAnnotations: {},
        externalURL: 'http://alertmanager:9093',
        alerts: job.members.map((m) => ({
          status: m.firing ? 'firing' : 'resolved',
          labels: { alertname, instance: labels.source[m.key]!, x: labels.x[m.key]!, severity: labels.severity[m.key]! },
          annotations: { summary: `${alertname} ${m.key}` },
          startsAt: '0001-01-01T00:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          fingerprint: KEYS[m.key],
        })),
      };
      const parsed = parseAlertmanagerWebhook(body, { receivedAt: now });
      assert.ok(parsed.ok && parsed.group, JSON.stringify(parsed));
      const events = parsed.events as AlertEvent[];
      const res = await ts.server.intake.submit({ key: am.key, type: 'alertmanager', events, group: parsed.group, requestId: null });
      return { events, group: { key: groupKey, members: parsed.group.members, truncated: job.truncated }, results: res.events, now };
    };

    let prev = await read();
    for (const [n, cmd] of cmds.entries()) {
      try {
        switch (cmd.kind) {
          case 'tick':
            clock.advance(cmd.minutes * MIN);
            break;
          case 'human': {
            const all = [...prev.incidents.values()].sort((x, y) => x.number - y.number);
            if (all.length === 0) break;
            const target = all[cmd.pick % all.length]!;
            const r = await a.post(`/api/v1/incidents/${target.id}/${cmd.verb}`, {});
            must(r.status === 200 || r.status === 409, `${cmd.verb} of a ${target.status} incident → ${r.status} ${JSON.stringify(r.body)}`);
            const next = await read();
            checkStep(checks, prev, next, { jobs: [], burst: false }, run);
            prev = next;
            break;
          }
          case 'burst': {
            const jobs = await Promise.all(cmd.jobs.map(submit));
            const next = await read();
            checkStep(checks, prev, next, { jobs, burst: true }, run);
            prev = next;
            break;
          }
          default: {
            const repeat = cmd.twice && checks.has('idempotent');
            const job = await submit(cmd);
            const next = await read(repeat);
            checkStep(checks, prev, next, { jobs: [job], burst: false }, run);
            prev = next;
            if (cmd.twice) {
              clock.advance(cmd.gap * MIN);
              const again = await submit(cmd);
              const after = await read(repeat);
              checkStep(checks, prev, after, { jobs: [again], burst: false }, run);
              if (repeat) checkRepeat(cmd, prev, after, again);
              prev = after;
            }
          }
        }
      } catch (error) {
        if (error instanceof Violation) {
          // The sequence up to here without the commands that do nothing (where shrinking put them).
          const steps = cmds.slice(0, n + 1).flatMap((c, i) => (isNothing(c) ? [] : [`  ${i}: ${JSON.stringify(c)}`]));
          throw new Violation(`after command ${n}: ${error.message}\nsettings ${JSON.stringify(settings)}, labels ${JSON.stringify(labels)}\n${steps.join('\n')}`);
        }
        throw error;
      }
    }
    if (checks.has('finished')) checkTimelines(prev);
  }

  type Sequence = { settings: Settings; labels: Labels; cmds: Cmd[] };
  const property = (checks: Check[], weights: Weights, flapping: fc.Arbitrary<number>, numRuns: number) =>
    fc.assert(
      fc.asyncProperty(sequenceArb(weights, flapping), ({ settings, labels, cmds }) => runSequence(new Set(checks), settings, labels, cmds)),
      { seed: SEED, numRuns: RUNS ?? numRuns },
    );
  const flappingOffOrOn = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 }));

  /** Counterexamples found before (shrunk), checked on every run whatever the seed. */
  const sameLabels: Labels = { x: Array(KEYS.length).fill('a'), source: Array(KEYS.length).fill('web-1'), severity: Array(KEYS.length).fill('critical') };
  const regressions: Sequence[] = [
    // A held member of a group is adopted by the incident its group's next notification opens (the
    // threshold reached), and is missing from that notification: it resolves, reported (and handled
    // by resolveAlert) as an alert without incident, because the group's open alerts were read
    // before the notification's events ran (group-snapshot.ts applySnapshot; it now re-reads them).
    {
      settings: { grouping: { mode: 'none' }, threshold: { count: 2, windowMinutes: 5 }, flappingWindowMinutes: 0 },
      labels: sameLabels,
      cmds: [
        { kind: 'am', group: 1, members: [{ key: 3, firing: true }], truncated: false, twice: false, gap: 0 },
        { kind: 'am', group: 1, members: [{ key: 2, firing: true }], truncated: false, twice: false, gap: 0 },
      ],
    },
  ];

  it('an alert keeps its incident, one open alert per key, alert_count and event counts add up, outcomes match the rows (P1–P3, P6–P8)', async () => {
    await property(['stable', 'counts', 'events'], { pd: 5, am: 4, tick: 3, human: 2, burst: 1, twice: 2 }, flappingOffOrOn, 50);
  });

  it('a finished incident never gains an alert, except by a flapping reopen recorded first (P4, P5, P9)', async () => {
    await property(['finished'], { pd: 5, am: 4, tick: 3, human: 3, burst: 1, twice: 2 }, fc.integer({ min: 1, max: 60 }), 40);
  });

  it('the same notification, acknowledge or resolve processed twice changes nothing the second time (P10)', async () => {
    await property(['idempotent'], { pd: 5, am: 5, tick: 2, human: 2, burst: 0, twice: 7 }, flappingOffOrOn, 40);
  });

  it('counterexamples found before hold every property (P1–P10)', async () => {
    for (const r of regressions) await runSequence(new Set<Check>(['stable', 'counts', 'finished', 'events', 'idempotent']), r.settings, r.labels, r.cmds);
  });
});
