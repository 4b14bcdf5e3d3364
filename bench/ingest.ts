/**
 * `npm run bench:ingest` (also run by `npm run bench`): alert ingestion as a ratio to a bare
 * `node:http` JSON server measured in the same run on the same machine (reference/performance.md).
 *
 * Targets (BENCH_TARGETS, comma-separated; default `bare,sqlite,pg,sqlite-am,pg-am`):
 *  - `bare`       node:http + JSON.parse + PagerDuty-event validation, 202 `{status,message,dedup_key}`.
 *  - `sqlite`     Hikeshi on SQLite, PagerDuty Events v2 `trigger`s to POST /v2/enqueue (goal ≥ 0.30×, aim 0.48×).
 *  - `pg`         the same on PostgreSQL (goal ≥ 0.15×, aim 0.21×).
 *  - `sqlite-am`  Alertmanager webhooks (version 4) of 100 alerts to POST /api/v1/integrations/{key}/alertmanager,
 *                 counted in alerts/s (goal ≥ 1.5× the bare server's requests/s).
 *  - `pg-am`      the same on PostgreSQL (no goal; for information).
 *  - `bare-am`    the bare server parsing the same 100-alert webhooks (not run unless asked for).
 *
 * Process model: every server under test (the bare one too) is a child process started fresh for each
 * target with a fresh database; this process only generates load (closed loop over raw keep-alive
 * sockets, bench/load.ts), so it does not take the server's event loop. Hikeshi runs from dist/ when
 * the build is newer than src/, else from src/ through tsx (BENCH_SERVER=dist|tsx forces one).
 * PostgreSQL targets get a database of their own (CREATE DATABASE hikeshi_bench_…, dropped after; a
 * schema chosen through `options=-c search_path=…` if the role may not create databases). They are
 * skipped with a message when PostgreSQL does not answer.
 *
 * Load: 80 % of events reuse one of 1,000 hot dedup keys, 20 % carry a new key; webhooks repeat one
 * of 200 hot alert groups (same labels, same fingerprints) 80 % of the time and bring a new group
 * otherwise. Only the expected statuses count (202 for /v2/enqueue, 200/202/204 for the webhook);
 * anything else is an error, listed by status (a 429 means a rate limit, not the pipeline, set the figure).
 * Rate limits: each integration takes 2,000 events/s by default (SPEC §4.1) and integrations cannot
 * be given another limit through the API yet, so the load is spread over 50 PagerDuty integrations
 * (each hot dedup key always on the same one) or 200 Alertmanager ones (each hot group always on the
 * same one), all on one service. The global cap (HIKESHI_INGEST_RATE_LIMIT) is raised in the child.
 *
 * Env: BENCH_SECONDS (15), BENCH_WARMUP (3), BENCH_CONNECTIONS (50), BENCH_ROUNDS (1; rounds rotate
 * the target order and report medians), BENCH_TARGETS, BENCH_ENQUEUE_PATH (/v2/enqueue; e.g.
 * /v2/change/enqueue to try the harness), BENCH_AM_PATH (/api/v1/integrations/{key}/alertmanager),
 * BENCH_AM_ALERTS (100), BENCH_PG_URL (else DATABASE_URL when postgres://, else
 * postgres://postgres@127.0.0.1:5432/postgres), BENCH_SERVER (auto|dist|tsx), BENCH_INTEGRATIONS
 * (integrations to spread over), BENCH_RATE_LIMIT (per-integration events/s asked for in
 * `rateLimitPerSecond` of the integrations; 1000000),
 * BENCH_OUT (JSON lines: a file path, `-` for stdout, `none`; default bench/results/ingest-<date>.jsonl),
 * BENCH_STRICT=1 (exit 1 when a figure is below its goal).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { labelsFingerprint } from '../src/ingest/alertmanager/fingerprint.js';
import { loadRaw, type RawLoadResult, type RawRequest } from './load.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOKEN = 'bench-ingest-bootstrap-token-0123456789';
/** Linux USER_HZ: /proc CPU times are in these ticks. */
const CLK_TCK = 100;

// ---------------------------------------------------------------------------------------------
// Settings

function envNumber(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min} (got ${raw})`);
  return n;
}

const TARGET_NAMES = ['bare', 'sqlite', 'pg', 'sqlite-am', 'pg-am', 'bare-am'] as const;
type TargetName = (typeof TARGET_NAMES)[number];
const DEFAULT_TARGETS: TargetName[] = ['bare', 'sqlite', 'pg', 'sqlite-am', 'pg-am'];

interface Settings {
  seconds: number;
  warmup: number;
  connections: number;
  rounds: number;
  targets: TargetName[];
  enqueuePath: string;
  amPath: string;
  amAlerts: number;
  pgUrl: string;
  server: 'auto' | 'dist' | 'tsx';
  rateLimit: number;
  /** Integrations to spread the load over (default: 50 for events, 200 for webhooks). */
  integrations: number | undefined;
  out: string;
}

function readSettings(): Settings {
  const env = process.env;
  const targets = (env.BENCH_TARGETS?.trim() ? env.BENCH_TARGETS.split(',').map((s) => s.trim()) : DEFAULT_TARGETS).filter(Boolean);
  for (const t of targets) if (!(TARGET_NAMES as readonly string[]).includes(t)) throw new Error(`BENCH_TARGETS: unknown target ${t} (known: ${TARGET_NAMES.join(', ')})`);
  if (!targets.includes('bare')) targets.unshift('bare'); // every ratio needs the baseline of its round
  const server = env.BENCH_SERVER?.trim() || 'auto';
  if (server !== 'auto' && server !== 'dist' && server !== 'tsx') throw new Error('BENCH_SERVER must be auto, dist or tsx');
  const day = new Date().toISOString().slice(0, 10);
  return {
    seconds: envNumber('BENCH_SECONDS', 15, 0.1),
    warmup: envNumber('BENCH_WARMUP', 3),
    connections: Math.round(envNumber('BENCH_CONNECTIONS', 50, 1)),
    rounds: Math.round(envNumber('BENCH_ROUNDS', 1, 1)),
    targets: [...new Set(targets)] as TargetName[],
    enqueuePath: env.BENCH_ENQUEUE_PATH?.trim() || '/v2/enqueue',
    amPath: env.BENCH_AM_PATH?.trim() || '/api/v1/integrations/{key}/alertmanager',
    amAlerts: Math.round(envNumber('BENCH_AM_ALERTS', 100, 1)),
    pgUrl: env.BENCH_PG_URL?.trim() || (env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/postgres'),
    server,
    rateLimit: envNumber('BENCH_RATE_LIMIT', 1_000_000, 1),
    integrations: process.env.BENCH_INTEGRATIONS?.trim() ? Math.round(envNumber('BENCH_INTEGRATIONS', 1, 1)) : undefined,
    out: env.BENCH_OUT?.trim() || path.join(ROOT, 'bench', 'results', `ingest-${day}.jsonl`),
  };
}

interface TargetSpec {
  name: TargetName;
  server: 'bare' | 'hikeshi';
  dialect: 'sqlite' | 'postgres' | null;
  kind: 'event' | 'batch';
  /** Ratio to the bare server's requests/s: at least `must`, aiming at `aim`. */
  goal: { must: number; aim: number | null } | null;
}

const SPECS: Record<TargetName, TargetSpec> = {
  bare: { name: 'bare', server: 'bare', dialect: null, kind: 'event', goal: null },
  sqlite: { name: 'sqlite', server: 'hikeshi', dialect: 'sqlite', kind: 'event', goal: { must: 0.3, aim: 0.48 } },
  pg: { name: 'pg', server: 'hikeshi', dialect: 'postgres', kind: 'event', goal: { must: 0.15, aim: 0.21 } },
  'sqlite-am': { name: 'sqlite-am', server: 'hikeshi', dialect: 'sqlite', kind: 'batch', goal: { must: 1.5, aim: null } },
  'pg-am': { name: 'pg-am', server: 'hikeshi', dialect: 'postgres', kind: 'batch', goal: null },
  'bare-am': { name: 'bare-am', server: 'bare', dialect: null, kind: 'batch', goal: null },
};

function label(spec: TargetSpec, s: Settings): string {
  const where = spec.server === 'bare' ? 'bare node:http' : `Hikeshi ${spec.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}`;
  return spec.kind === 'event' ? `${where}, POST ${spec.server === 'bare' ? '/v2/enqueue (same JSON)' : s.enqueuePath}` : `${where}, Alertmanager webhook ×${s.amAlerts}`;
}

// ---------------------------------------------------------------------------------------------
// Child processes

/** Everything started by this run, undone on exit or Ctrl-C. */
const cleanups = new Set<() => Promise<void>>();

/** `fn` run at most once (a cleanup may be reached from two places); later calls share its promise. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= fn();
    return running;
  };
}

/** Undo what is still running, one after the other (the admin connection takes one query at a time). */
async function runCleanups(): Promise<void> {
  for (const cleanup of [...cleanups]) await cleanup().catch(() => {});
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The parent's environment without anything that would configure the child differently. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('HIKESHI_') && !['DATABASE_URL', 'PORT', 'HOST'].includes(k)) env[k] = v;
  return { ...env, ...extra };
}

interface Running {
  port: number;
  pid: number;
  /** Process ids whose CPU counts as "database" (PostgreSQL backends of this run's database). */
  dbPids: () => Promise<number[]>;
  stop: () => Promise<void>;
}

function spawnServer(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let tail = '';
  child.stderr?.on('data', (c: Buffer) => {
    tail = (tail + c.toString('utf8')).slice(-4000);
  });
  return { child, stderr: () => tail };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function waitReady(port: number, probe: string, child: ChildProcess, stderr: () => string, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${stderr()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}${probe}`);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${what} was not ready after 120 s:\n${stderr()}`);
}

/** The bare baseline: plain JavaScript, run by node with no loader, like the compiled Hikeshi. */
const BARE_SERVER = `
import http from 'node:http';
import { randomUUID } from 'node:crypto';
const LIMIT = 512 * 1024;
const ACTIONS = new Set(['trigger', 'acknowledge', 'resolve']);
const SEVERITIES = new Set(['critical', 'error', 'warning', 'info']);
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function pagerDuty(b) {
  if (!isObject(b)) return 'Event object is invalid';
  if (typeof b.routing_key !== 'string' || b.routing_key.length !== 32) return "'routing_key' must be 32 characters";
  if (!ACTIONS.has(b.event_action)) return "'event_action' is invalid";
  if (b.dedup_key !== undefined && (typeof b.dedup_key !== 'string' || b.dedup_key.length > 255)) return "'dedup_key' is invalid";
  if (b.event_action === 'trigger') {
    const p = b.payload;
    if (!isObject(p)) return "'payload' is missing";
    if (typeof p.summary !== 'string' || p.summary.length === 0 || p.summary.length > 1024) return "'payload.summary' is invalid";
    if (typeof p.source !== 'string' || p.source.length === 0) return "'payload.source' is invalid";
    if (!SEVERITIES.has(p.severity)) return "'payload.severity' is invalid";
  }
  return null;
}
function alertmanager(b) {
  if (!isObject(b) || b.version !== '4' || !Array.isArray(b.alerts)) return 'not an Alertmanager version 4 webhook';
  for (const a of b.alerts) {
    if (!isObject(a) || (a.status !== 'firing' && a.status !== 'resolved') || !isObject(a.labels)) return 'invalid alert';
    for (const v of Object.values(a.labels)) if (typeof v !== 'string') return 'invalid label';
  }
  return null;
}
function send(res, status, obj) {
  const s = JSON.stringify(obj);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(s) });
  res.end(s);
}
http.createServer((req, res) => {
  if (req.method === 'GET') return send(res, 200, { status: 'ok' });
  const chunks = [];
  let size = 0;
  req.on('data', (c) => { size += c.length; if (size <= LIMIT) chunks.push(c); });
  req.on('end', () => {
    if (size > LIMIT) return send(res, 413, { status: 'invalid event', message: 'Event object is too large', errors: [] });
    let body;
    try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')); }
    catch { return send(res, 400, { status: 'Unrecognized object', message: 'Event object format is unrecognized', errors: ['JSON parse error'] }); }
    if (req.url.endsWith('/alertmanager')) {
      const err = alertmanager(body);
      return err ? send(res, 400, { error: err }) : send(res, 200, { status: 'success', alerts: body.alerts.length });
    }
    const err = pagerDuty(body);
    if (err) return send(res, 400, { status: 'invalid event', message: 'Event object is invalid', errors: [err] });
    send(res, 202, { status: 'success', message: 'Event processed', dedup_key: body.dedup_key ?? randomUUID() });
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

async function startBare(): Promise<Running> {
  const port = await freePort();
  const { child, stderr } = spawnServer(['--input-type=module', '-e', BARE_SERVER], childEnv({ PORT: String(port) }));
  const stop = once(async () => {
    cleanups.delete(stop);
    await stopChild(child);
  });
  cleanups.add(stop);
  await waitReady(port, '/healthz', child, stderr, 'the bare server');
  return { port, pid: child.pid!, dbPids: async () => [], stop };
}

/** How Hikeshi is started: from dist/ when it is newer than every source file, else src/ through tsx. */
function hikeshiCommand(s: Settings): { args: string[]; how: string } {
  const dist = path.join(ROOT, 'dist', 'cli', 'index.js');
  const src = path.join(ROOT, 'src', 'cli', 'index.ts');
  const tsx = { args: ['--import', 'tsx', src, 'start'], how: 'src/ through tsx' };
  const built = { args: [dist, 'start'], how: 'dist/ (compiled)' };
  if (s.server === 'tsx') return tsx;
  if (s.server === 'dist') {
    if (!existsSync(dist)) throw new Error('BENCH_SERVER=dist but dist/ is missing: npm run build');
    return built;
  }
  if (!existsSync(dist)) return { ...tsx, how: `${tsx.how} (no dist/; npm run build to bench the compiled server)` };
  const builtAt = statSync(dist).mtimeMs;
  const newer = newestSource(path.join(ROOT, 'src'));
  if (newer.mtime > builtAt) return { ...tsx, how: `${tsx.how} (dist/ is older than ${path.relative(ROOT, newer.file)}; npm run build to bench the compiled server)` };
  return built;
}

function newestSource(dir: string): { file: string; mtime: number } {
  let best = { file: dir, mtime: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = newestSource(full);
      if (sub.mtime > best.mtime) best = sub;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      const mtime = statSync(full).mtimeMs;
      if (mtime > best.mtime) best = { file: full, mtime };
    }
  }
  return best;
}

/** A PostgreSQL database (or schema) of this run's own. */
interface PgScratch {
  url: string;
  how: string;
  dbPids: () => Promise<number[]>;
  drop: () => Promise<void>;
}

async function pgClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Why PostgreSQL cannot be used, or null when it answers. */
async function pgUnavailable(url: string): Promise<string | null> {
  try {
    const c = await pgClient(url);
    await c.end();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message || err.constructor.name : String(err);
  }
}

async function createPgScratch(baseUrl: string): Promise<PgScratch> {
  const name = `hikeshi_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await pgClient(baseUrl);
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const scratch: PgScratch = {
      url: url.toString(),
      how: `database ${name}`,
      dbPids: async () => (await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name])).rows.map((r) => r.pid),
      drop: once(async () => {
        cleanups.delete(scratch.drop);
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }),
    };
    cleanups.add(scratch.drop);
    return scratch;
  } catch (err) {
    if ((err as { code?: string }).code !== '42501') {
      await admin.end();
      throw err;
    }
  }
  // No CREATEDB privilege: a schema in the given database, chosen for every connection by search_path.
  await admin.query(`create schema ${name}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  const scratch: PgScratch = {
    url: url.toString(),
    how: `schema ${name} (no CREATEDB privilege)`,
    dbPids: async () => [],
    drop: once(async () => {
      cleanups.delete(scratch.drop);
      await admin.query(`drop schema if exists ${name} cascade`);
      await admin.end();
    }),
  };
  cleanups.add(scratch.drop);
  return scratch;
}

async function startHikeshi(dialect: 'sqlite' | 'postgres', s: Settings, command: { args: string[] }): Promise<Running & { how: string }> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hikeshi-bench-ingest-'));
  let scratch: PgScratch | undefined;
  try {
    if (dialect === 'postgres') scratch = await createPgScratch(s.pgUrl);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const env = childEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    HIKESHI_DATA_DIR: dir,
    HIKESHI_BOOTSTRAP_TOKEN: TOKEN,
    HIKESHI_LOG_LEVEL: 'silent',
    // The global ingestion cap (default 100,000 events/s) is a safety limit, not what is measured.
    HIKESHI_INGEST_RATE_LIMIT: '999999999',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  });
  const { child, stderr } = spawnServer(command.args, env);
  const stop = once(async () => {
    cleanups.delete(stop);
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
    await scratch?.drop();
  });
  cleanups.add(stop);
  try {
    await waitReady(port, '/readyz', child, stderr, 'Hikeshi');
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, pid: child.pid!, dbPids: scratch?.dbPids ?? (async () => []), stop, how: scratch?.how ?? 'fresh SQLite file' };
}

// ---------------------------------------------------------------------------------------------
// Setup through the API

async function api(port: number, method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown>; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return { status: res.status, json, text };
}

/** The message of an API error body, else the start of the body. */
function errorMessage(r: { json: Record<string, unknown>; text: string }): string {
  const e = r.json.error as { message?: unknown } | undefined;
  return typeof e?.message === 'string' ? e.message : r.text.slice(0, 200);
}

/** Notes printed once per run (e.g. that integrations have no rate-limit setting yet). */
const notes = new Set<string>();

/**
 * `count` integrations of `type` on one service. SPEC §4.1 limits each integration to 2,000 events/s
 * by default (alerts, for a batch); the benchmark's integration sits below its limit by setting
 * `rateLimitPerSecond` (BENCH_RATE_LIMIT). BENCH_INTEGRATIONS spreads the load over several.
 */
async function setUp(port: number, s: Settings, type: 'pagerduty' | 'alertmanager', count: number): Promise<string[]> {
  const svc = await api(port, 'POST', '/api/v1/services', { name: 'Bench checkout' });
  if (svc.status !== 201 || typeof svc.json.id !== 'string') throw new Error(`creating a service answered ${svc.status}: ${svc.text.slice(0, 300)}`);
  const url = `/api/v1/services/${svc.json.id}/integrations`;
  let withConfig = true;
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `bench-${type}-${i}`;
    let r = withConfig ? await api(port, 'POST', url, { type, name, rateLimitPerSecond: s.rateLimit }) : undefined;
    if (!r || r.status === 400 || r.status === 422) {
      if (r) notes.add(`integrations do not take rateLimitPerSecond (${r.status}: ${errorMessage(r)}); created without it.`);
      withConfig = false;
      r = await api(port, 'POST', url, { type, name });
    }
    if (r.status !== 201 || typeof r.json.key !== 'string') throw new Error(`creating a ${type} integration answered ${r.status}: ${r.text.slice(0, 300)}`);
    keys.push(r.json.key);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Payloads

const HOT_KEYS = 1000;
const HOT_SHARE = 0.8;
const SEVERITIES = ['critical', 'error', 'warning', 'info'];

/**
 * PagerDuty Events v2 triggers (~330 bytes): 80 % on 1,000 hot dedup keys, each sent always with the
 * same routing key, 20 % on new keys, with the routing keys taken in turn.
 */
function pagerDutyEvents(routingKeys: string[], url: string): () => RawRequest {
  const run = Math.random().toString(36).slice(2, 8);
  let fresh = 0;
  return () => {
    const hot = Math.random() < HOT_SHARE;
    const n = hot ? Math.floor(Math.random() * HOT_KEYS) : fresh++;
    const i = n % HOT_KEYS;
    const dedupKey = hot ? `bench-hot-${i}` : `bench-new-${run}-${n}`;
    const routingKey = routingKeys[n % routingKeys.length]!;
    const body = `{"routing_key":"${routingKey}","event_action":"trigger","dedup_key":"${dedupKey}","payload":{"summary":"High latency on checkout-api-${i % 50}: p99 above 2s for 5 minutes","source":"prometheus-${i % 10}.example.internal","severity":"${SEVERITIES[i % 4]}","component":"checkout-api","group":"payments"},"client":"hikeshi-bench"}`;
    return { method: 'POST', path: url, body };
  };
}

/**
 * Prometheus' label-set fingerprint (FNV-1a 64 over `name 0xFF value 0xFF`, names sorted) without
 * BigInt: the product's BigInt version costs ~40 µs per alert, which would make this load generator
 * the bottleneck for new alert groups. Label names are ASCII (Prometheus' syntax), so a plain sort is bytewise.
 */
function fingerprint(labels: Record<string, string>): string {
  // The 64-bit state in four 16-bit limbs, so every step stays in small-integer arithmetic.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const add = (byte: number) => {
    h0 ^= byte;
    // × 0x100000001b3 = × 0x1b3, plus × 2^40 (0x100 in the third limb).
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  };
  const addText = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) add(c);
      else {
        for (const b of Buffer.from(text.slice(i))) add(b);
        break;
      }
    }
    add(0xff);
  };
  for (const name of Object.keys(labels).sort()) {
    addText(name);
    addText(labels[name]!);
  }
  return [h3, h2, h1, h0].map((h) => h.toString(16).padStart(4, '0')).join('');
}

/** Hot alert groups (100 alerts each by default): 20,000 alerts that keep coming back. */
const HOT_GROUPS = 200;
const STARTS_AT = new Date(Date.now() - 3_600_000).toISOString();

function alertGroup(alertname: string, service: string, size: number): string {
  const alerts = [];
  for (let i = 0; i < size; i++) {
    const instance = `node-${i}.example.internal:9100`;
    const labels = { alertname, instance, job: 'node', service, cluster: 'prod-eu-1', severity: i % 10 === 0 ? 'critical' : 'warning' };
    alerts.push({
      status: 'firing',
      labels,
      annotations: { summary: `${alertname} on ${instance}`, runbook_url: 'https://runbooks.example.internal/node' },
      startsAt: STARTS_AT,
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: `http://prometheus.example.internal:9090/graph?g0.expr=up%7Bjob%3D%22node%22%7D&g0.tab=1`,
      fingerprint: fingerprint(labels),
    });
  }
  return JSON.stringify({
    receiver: 'hikeshi',
    status: 'firing',
    alerts,
    groupLabels: { alertname },
    commonLabels: { alertname, job: 'node', service, cluster: 'prod-eu-1' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example.internal:9093',
    version: '4',
    groupKey: `{}:{alertname="${alertname}"}`,
    truncatedAlerts: 0,
  });
}

/**
 * Alertmanager webhooks of `size` alerts: 80 % one of 200 hot groups (the same alerts again, always to
 * the same integration), 20 % a new group, to the integrations in turn.
 */
function alertmanagerBatches(keys: string[], template: string, size: number): () => RawRequest {
  const urls = keys.map((key) => template.replace('{key}', key));
  const sample = { alertname: 'HighLatency', instance: 'api-1:8080', service: 'checkout', severity: 'critical', note: 'çødé ✓' };
  if (fingerprint(sample) !== labelsFingerprint(sample)) throw new Error('bench fingerprint differs from the product one');
  const hot = Array.from({ length: HOT_GROUPS }, (_, g) => alertGroup(`BenchHot${g}`, `svc-${g % 10}`, size));
  const run = Math.random().toString(36).slice(2, 8);
  let fresh = 0;
  return () => {
    if (Math.random() < HOT_SHARE) {
      const g = Math.floor(Math.random() * HOT_GROUPS);
      return { method: 'POST', path: urls[g % urls.length]!, body: hot[g]! };
    }
    const n = fresh++;
    return { method: 'POST', path: urls[n % urls.length]!, body: alertGroup(`BenchNew_${run}_${n}`, `svc-${n % 10}`, size) };
  };
}

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc; null elsewhere)

function procTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

function machineBusyTicks(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return user! + nice! + system! + irq! + softirq! + (steal ?? 0);
  } catch {
    return null;
  }
}

interface CpuSample {
  server: number;
  db: number;
  machine: number | null;
  dbPids: number[];
}

async function sampleCpu(srv: Running, dbPids?: number[]): Promise<CpuSample> {
  const pids = dbPids ?? (await srv.dbPids().catch(() => []));
  return { server: procTicks(srv.pid), db: pids.reduce((sum, p) => sum + procTicks(p), 0), machine: machineBusyTicks(), dbPids: pids };
}

// ---------------------------------------------------------------------------------------------
// One target

interface Outcome {
  target: TargetName;
  label: string;
  round: number;
  /** Set when the target could not be measured. */
  skipped?: string;
  load?: RawLoadResult;
  /** Per second of the window: requests, and alerts (= requests × batch size). */
  requestsPerSecond?: number;
  alertsPerSecond?: number;
  serverCores?: number;
  dbCores?: number;
  otherCores?: number | null;
  ratio?: number;
  verdict?: string;
  how?: string;
}

async function runTarget(spec: TargetSpec, s: Settings, round: number, command: { args: string[] }, pgDown: string | null): Promise<Outcome> {
  const base: Outcome = { target: spec.name, label: label(spec, s), round };
  if (spec.dialect === 'postgres' && pgDown) return { ...base, skipped: `PostgreSQL unreachable at ${redact(s.pgUrl)}: ${pgDown}` };
  let srv: Running & { how?: string };
  try {
    srv = spec.server === 'bare' ? await startBare() : await startHikeshi(spec.dialect!, s, command);
  } catch (err) {
    return { ...base, skipped: `server did not start: ${err instanceof Error ? err.message : String(err)}` };
  }
  try {
    const count = s.integrations ?? 1;
    const keys = spec.server === 'bare' ? ['benchbenchbenchbenchbenchbench00'] : await setUp(srv.port, s, spec.kind === 'event' ? 'pagerduty' : 'alertmanager', count);
    const request = spec.kind === 'event' ? pagerDutyEvents(keys, spec.server === 'bare' ? '/v2/enqueue' : s.enqueuePath) : alertmanagerBatches(keys, s.amPath, s.amAlerts);
    const hide = (t: string) => keys.reduce((acc, k) => acc.replaceAll(k, '{key}'), t);
    const ok = spec.kind === 'event' ? (st: number) => st === 202 : (st: number) => st === 200 || st === 202 || st === 204;

    // One request first: a missing endpoint or a rejected payload is said plainly, not measured.
    const probe = request();
    const res = await fetch(`http://127.0.0.1:${srv.port}${probe.path}`, { method: probe.method, headers: { 'content-type': 'application/json' }, body: probe.body });
    const text = hide(await res.text());
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON
    }
    const why = errorMessage({ json, text });
    const where = `POST ${hide(probe.path)}`;
    if (res.status === 404) return { ...base, skipped: `${where} answered 404, endpoint not available yet (${why})` };
    if (!ok(res.status)) return { ...base, skipped: `${where} answered ${res.status}, expected ${spec.kind === 'event' ? '202' : '200/202/204'}: ${why}` };

    let before: CpuSample | undefined;
    let after: CpuSample | undefined;
    const t1 = setTimeout(() => {
      void sampleCpu(srv).then((c) => {
        before = c;
      });
    }, s.warmup * 1000);
    const t2 = setTimeout(
      () => {
        after = { server: procTicks(srv.pid), db: (before?.dbPids ?? []).reduce((sum, p) => sum + procTicks(p), 0), machine: machineBusyTicks(), dbPids: [] };
      },
      (s.warmup + s.seconds) * 1000,
    );
    const load = await loadRaw({ port: srv.port, connections: s.connections, warmupSeconds: s.warmup, seconds: s.seconds, request, ok });
    clearTimeout(t1);
    clearTimeout(t2);
    // The last answers can end the run just before the timer fires: sample now then (a few ms late).
    after ??= { server: procTicks(srv.pid), db: (before?.dbPids ?? []).reduce((sum, p) => sum + procTicks(p), 0), machine: machineBusyTicks(), dbPids: [] };
    const batch = spec.kind === 'batch' ? s.amAlerts : 1;
    const out: Outcome = { ...base, load, requestsPerSecond: load.perSecond, alertsPerSecond: load.perSecond * batch, how: srv.how };
    if (before && after) {
      const cores = (ticks: number) => ticks / CLK_TCK / load.elapsed;
      out.serverCores = cores(after.server - before.server);
      out.dbCores = cores(after.db - before.db);
      out.otherCores = before.machine !== null && after.machine !== null ? Math.max(0, cores(after.machine - before.machine) - out.serverCores - out.dbCores - load.loadgenCores) : null;
    }
    return out;
  } catch (err) {
    return { ...base, skipped: `failed: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    await srv.stop();
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const median = (xs: number[]) => {
  const a = [...xs].sort((x, y) => x - y);
  const m = Math.floor(a.length / 2);
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
};
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const f = (n: number | null | undefined, d = 2) => (n === undefined || n === null ? '–' : n.toFixed(d));

function judge(spec: TargetSpec, ratio: number | undefined): string {
  if (spec.name === 'bare' || spec.name === 'bare-am') return 'baseline';
  if (!spec.goal) return 'info';
  if (ratio === undefined) return 'n/a';
  if (ratio < spec.goal.must) return 'BELOW';
  return spec.goal.aim !== null && ratio >= spec.goal.aim ? 'PASS (aim met)' : 'PASS';
}

function goalText(spec: TargetSpec): string {
  if (!spec.goal) return '–';
  return `≥ ${spec.goal.must.toFixed(2)}×${spec.goal.aim !== null ? ` (aim ${spec.goal.aim.toFixed(2)}×)` : ''}`;
}

function errorsText(o: Outcome): string {
  const l = o.load!;
  if (l.errors === 0) return '0';
  const parts = Object.entries(l.statuses)
    .filter(([st]) => st !== '202' && st !== '200' && st !== '204')
    .map(([st, n]) => `${st}×${n}`);
  if (l.socketErrors) parts.push(`socket×${l.socketErrors}`);
  return `${l.errors} (${parts.join(', ')})`;
}

interface Row {
  spec: TargetSpec;
  label: string;
  skipped?: string;
  rate?: number;
  requests?: number;
  p50?: number;
  p99?: number;
  errors?: string;
  ratio?: number;
  serverCores?: number;
  dbCores?: number;
  loadgenCores?: number;
  otherCores?: number | null;
}

/** One row per target: the single round's figures, or the medians over the rounds. */
function rowsOf(spec: TargetSpec, outcomes: Outcome[]): Row {
  const measured = outcomes.filter((o) => o.load);
  const row: Row = { spec, label: outcomes[0]!.label };
  if (measured.length === 0) return { ...row, skipped: outcomes[0]!.skipped ?? 'not measured' };
  const med = (fn: (o: Outcome) => number | null | undefined) => {
    const xs = measured.map(fn).filter((x): x is number => typeof x === 'number');
    return xs.length ? median(xs) : undefined;
  };
  return {
    ...row,
    rate: med((o) => o.alertsPerSecond),
    requests: med((o) => o.requestsPerSecond),
    p50: med((o) => o.load!.p50),
    p99: med((o) => o.load!.p99),
    errors: measured.length === 1 ? errorsText(measured[0]!) : measured.map(errorsText).join(' / '),
    ratio: med((o) => o.ratio),
    serverCores: med((o) => o.serverCores),
    dbCores: med((o) => o.dbCores),
    loadgenCores: med((o) => o.load!.loadgenCores),
    otherCores: med((o) => o.otherCores),
  };
}

function printTable(rows: Row[], title: string): void {
  console.log(`\n${title}\n`);
  console.log('| target | events/s | p50 ms | p99 ms | errors | × bare | goal | verdict | server cores | db cores | loadgen cores | other cores |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    if (r.skipped) {
      console.log(`| ${r.label} | skipped: ${r.skipped.replaceAll('\n', ' ').replaceAll('|', '/')} | | | | | ${goalText(r.spec)} | ${r.spec.goal ? 'n/a' : '–'} | | | | |`);
      continue;
    }
    const rate = r.spec.kind === 'batch' ? `${int(r.rate!)} alerts/s (${int(r.requests!)} req/s)` : int(r.rate!);
    console.log(
      `| ${r.label} | ${rate} | ${f(r.p50)} | ${f(r.p99)} | ${r.errors} | ${r.ratio === undefined ? '–' : `${r.ratio.toFixed(3)}×`} | ${goalText(r.spec)} | ${judge(r.spec, r.ratio)} | ${f(r.serverCores)} | ${r.spec.dialect === 'postgres' ? f(r.dbCores) : '–'} | ${f(r.loadgenCores)} | ${f(r.otherCores)} |`,
    );
  }
}

function writeJson(s: Settings, outcomes: Outcome[], meta: Record<string, unknown>): void {
  if (s.out === 'none') return;
  const lines = outcomes.map((o) =>
    JSON.stringify({
      ...meta,
      round: o.round,
      target: o.target,
      label: o.label,
      skipped: o.skipped ?? null,
      alertsPerSecond: o.alertsPerSecond ?? null,
      requestsPerSecond: o.requestsPerSecond ?? null,
      p50: o.load?.p50 ?? null,
      p99: o.load?.p99 ?? null,
      max: o.load?.max ?? null,
      errors: o.load?.errors ?? null,
      statuses: o.load?.statuses ?? null,
      errorSamples: o.load?.samples ?? null,
      ratioToBare: o.ratio ?? null,
      goal: SPECS[o.target].goal,
      verdict: o.verdict ?? null,
      serverCores: o.serverCores ?? null,
      dbCores: o.dbCores ?? null,
      loadgenCores: o.load?.loadgenCores ?? null,
      otherCores: o.otherCores ?? null,
      database: o.how ?? null,
    }),
  );
  if (s.out === '-') {
    for (const l of lines) console.log(l);
    return;
  }
  mkdirSync(path.dirname(s.out), { recursive: true });
  appendFileSync(s.out, `${lines.join('\n')}\n`);
  console.log(`\nresults appended to ${path.relative(process.cwd(), s.out) || s.out}`);
}

// ---------------------------------------------------------------------------------------------

/** Run the ingestion benchmark; resolves to false when a figure is below its goal. */
export async function runIngestBench(): Promise<boolean> {
  const s = readSettings();
  const command = hikeshiCommand(s);
  const needsPg = s.targets.some((t) => SPECS[t].dialect === 'postgres');
  const pgDown = needsPg ? await pgUnavailable(s.pgUrl) : null;
  const hikeshiTargets = s.targets.some((t) => SPECS[t].server === 'hikeshi');
  console.log(
    `\nHikeshi ingest bench — ${s.connections} connections, ${s.warmup} s warm-up + ${s.seconds} s measured, ${s.rounds} round${s.rounds > 1 ? 's' : ''}, node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  if (hikeshiTargets) {
    console.log(`Hikeshi runs from ${command.how}; each target gets a fresh server process and database.`);
    console.log(
      `Load on ${s.integrations ?? 1} PagerDuty / ${s.integrations ?? 1} Alertmanager integration(s) of one service, each with rateLimitPerSecond ${s.rateLimit} (the default is 2,000/s); global cap raised.`,
    );
  }
  if (needsPg) console.log(pgDown ? `PostgreSQL targets skipped: ${redact(s.pgUrl)} is unreachable (${pgDown}).` : `PostgreSQL: ${redact(s.pgUrl)} (a database of its own per target, dropped after).`);

  const onSignal = () => {
    void runCleanups().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const all: Outcome[] = [];
  try {
    for (let round = 1; round <= s.rounds; round++) {
      const order = s.targets.map((_, i) => s.targets[(i + round - 1) % s.targets.length]!);
      const outcomes: Outcome[] = [];
      for (const t of order) {
        process.stdout.write(`  round ${round}: ${t} … `);
        const o = await runTarget(SPECS[t], s, round, command, pgDown);
        console.log(o.skipped ? `skipped (${o.skipped.split('\n')[0]})` : `${int(o.alertsPerSecond!)} ${SPECS[t].kind === 'batch' ? 'alerts' : 'events'}/s`);
        outcomes.push(o);
      }
      const bare = outcomes.find((o) => o.target === 'bare');
      for (const o of outcomes) {
        if (bare?.requestsPerSecond && o.alertsPerSecond !== undefined) o.ratio = o.alertsPerSecond / bare.requestsPerSecond;
        o.verdict = o.skipped ? 'n/a' : judge(SPECS[o.target], o.ratio);
      }
      all.push(...outcomes);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await runCleanups();
  }

  const rows = s.targets.map((t) => rowsOf(SPECS[t], all.filter((o) => o.target === t)));
  printTable(rows, s.rounds > 1 ? `Medians over ${s.rounds} rounds (ratios per round, then the median)` : 'Results');
  console.log(
    '\n× bare = events/s (alerts/s for webhook rows) ÷ the bare server\'s requests/s in the same round. Cores: CPU used during the measured window by the server process, PostgreSQL backends of its database, this load generator, and everything else on the machine ("other" > ~0.2 means a noisy neighbour).',
  );
  for (const n of notes) console.log(`note: ${n}`);
  for (const o of all) {
    if (o.load && o.load.errors > 0) {
      for (const [st, body] of Object.entries(o.load.samples)) console.log(`note: ${o.target} round ${o.round}: first ${st} answer: ${body.replaceAll('\n', ' ')}`);
      if (o.load.statuses['429']) console.log(`note: ${o.target} hit a rate limit (429): the figure is capped by it, not by the pipeline.`);
    }
    if (o.load && o.load.ok === 0 && o.load.errors === 0) {
      console.log(`note: ${o.target} round ${o.round}: no answer arrived inside the ${s.seconds} s window (${o.load.late} came after it): requests take longer than the window; measure longer.`);
    }
  }
  writeJson(s, all, { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, connections: s.connections, seconds: s.seconds, warmup: s.warmup, server: command.how, enqueuePath: s.enqueuePath, amPath: s.amPath, amAlerts: s.amAlerts });
  return !all.some((o) => o.verdict === 'BELOW');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const ok = await runIngestBench();
  if (!ok && process.env.BENCH_STRICT === '1') process.exitCode = 1;
}
