/**
 * `npm run bench`: Hikeshi's core paths as ratios to baselines measured in the same run on the same
 * machine (machines here are shared and noisy; absolute numbers are for intuition only).
 *
 *  1. Declaring incidents over HTTP (auth, validation, one transaction with timeline, audit, outbox)
 *     ÷ a bare node:http server that parses and answers the same JSON.
 *  2. With BENCH_INCIDENTS (default 100,000) incidents stored: first page of the list, `status=open`,
 *     and a Japanese substring search `q=決済`, as latency multiples of GET /healthz.
 *     The web app in headless Chromium: first row of the incident list painted ÷ login form painted.
 *  3. On-call (bench/oncall.ts): the job runner draining 10,000 due jobs ÷ bare UPDATE transactions,
 *     and rendering a year of a 4-layer schedule with 200 overrides.
 *  4. A busy status page (bench/status.ts): HTML, summary.json, incidents.json and the Atom feed, as
 *     latency multiples of GET /healthz.
 *  5. Alert ingestion (bench/ingest.ts, also `npm run bench:ingest` alone): PagerDuty events and
 *     Alertmanager batches against servers in child processes, on SQLite and PostgreSQL, ÷ bare node:http.
 *
 * Env: BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 20), BENCH_INCIDENTS, DATABASE_URL,
 * BENCH_PARTS (core,oncall,status,ingest), BENCH_STATUS_INCIDENTS, BENCH_WEB_RUNS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { buildServer } from '../src/server.js';
import { runIngestBench } from './ingest.js';
import { runOncallBench } from './oncall.js';
import { runStatusBench } from './status.js';
import { runWebBench } from './web.js';
import { load } from './load.js';
import { seedIncidents } from './seed.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const incidents = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const token = 'bench-bootstrap-token-0123456789';
const fmt = (n: number, d = 1) => n.toFixed(d);

async function bareServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (typeof body.title !== 'string') throw new Error('title');
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'x', title: body.title }));
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hikeshi-bench-'));
  const config = loadConfig({ HIKESHI_DATA_DIR: dir, DATABASE_URL: process.env.DATABASE_URL, HIKESHI_BOOTSTRAP_TOKEN: token, HIKESHI_LOG_LEVEL: 'silent' });
  const server = await buildServer({ config, clock: systemClock });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (server.app.server.address() as AddressInfo).port;
  const auth = { authorization: `Bearer ${token}` };
  const title = () => JSON.stringify({ title: `決済APIの遅延 ${Math.random().toString(36).slice(2)}`, urgency: 1 });
  console.log(`Hikeshi bench — ${server.store.dialect}, ${connections} connections, ${seconds}s per figure, node ${process.version}`);

  const bare = await bareServer();
  const baseline = await load({ port: bare.port, method: 'POST', path: '/', body: title, connections, seconds, okStatus: 201 });
  await bare.close();
  const declare = await load({ port, method: 'POST', path: '/api/v1/incidents', body: title, headers: auth, connections, seconds, okStatus: 201 });
  console.log('\n| figure | req/s | p50 ms | p99 ms | errors | ratio |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| bare node:http JSON POST (baseline) | ${fmt(baseline.perSecond, 0)} | ${fmt(baseline.p50)} | ${fmt(baseline.p99)} | ${baseline.errors} | 1.00× |`);
  console.log(`| declare incident (POST /api/v1/incidents) | ${fmt(declare.perSecond, 0)} | ${fmt(declare.p50)} | ${fmt(declare.p99)} | ${declare.errors} | ${fmt(declare.perSecond / baseline.perSecond, 3)}× throughput |`);

  const t0 = performance.now();
  await seedIncidents(server.store, incidents);
  console.log(`\nseeded ${incidents} incidents in ${fmt((performance.now() - t0) / 1000)} s`);
  const reads: [string, string][] = [
    ['GET /healthz (baseline)', '/healthz'],
    ['incident list, first page of 50', '/api/v1/incidents?limit=50'],
    ['incident list, status=open', '/api/v1/incidents?status=open&limit=50'],
    ['search q=決済 (substring, Japanese)', `/api/v1/incidents?q=${encodeURIComponent('決済')}&limit=50`],
    ['search q=rare word (scans all rows)', `/api/v1/incidents?q=${encodeURIComponent('存在しない語')}&limit=50`],
  ];
  console.log('\n| read | req/s | p50 ms | p99 ms | errors | p50 ÷ healthz p50 |');
  console.log('|---|---|---|---|---|---|');
  let base = 0;
  for (const [label, url] of reads) {
    const r = await load({ port, method: 'GET', path: url, headers: auth, connections: 4, seconds, okStatus: 200 });
    if (!base) base = r.p50;
    console.log(`| ${label} | ${fmt(r.perSecond, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${r.errors} | ${fmt(r.p50 / base, 1)}× |`);
  }
  const password = 'bench password for the web app 1';
  const who = await fetch(`http://127.0.0.1:${port}/api/v1/users`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench', email: 'bench@example.com', role: 'owner', password }),
  });
  if (who.status !== 201) throw new Error(`bench user: ${who.status}`);
  await runWebBench({ url: `http://127.0.0.1:${port}`, email: 'bench@example.com', password, incidents });
  console.log(`\nprocess RSS after the run: ${fmt(process.memoryUsage().rss / 1048576, 0)} MB`);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

// BENCH_PARTS=core,oncall,status,ingest (default all) runs only some of the figures.
const parts = new Set((process.env.BENCH_PARTS ?? 'core,oncall,status,ingest').split(','));
if (parts.has('core')) await main();
if (parts.has('oncall')) await runOncallBench();
if (parts.has('status')) await runStatusBench();
// Ingestion runs its servers in child processes, after the in-process server above is closed.
if (parts.has('ingest') && !(await runIngestBench()) && process.env.BENCH_STRICT === '1') process.exitCode = 1;
