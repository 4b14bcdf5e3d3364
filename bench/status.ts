/**
 * Reading a busy status page (SPEC §4.5 "loads fast"): a page of 24 components in 4 groups, with
 * 90 days of history — BENCH_STATUS_INCIDENTS (default 300) incidents posted with 3 updates each —
 * and 4 maintenance windows (one weekly). Figures: p50 latency of the HTML page, summary.json,
 * incidents.json and the Atom feed under load (answers come from the 5-second cache, as they do when a
 * page is read by many), and the uncached cost — reading and judging the page, then rendering it — as
 * the median of 20 in-process runs; all as multiples of GET /healthz's p50 measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { buildServer } from '../src/server.js';
import { summaryDocument } from '../src/domain/status/statuspage-json.js';
import { renderStatusPage } from '../src/http/status-html/index.js';
import { readPublicPage } from '../src/services/status-page/public-page.js';
import { load } from './load.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const incidents = Number(process.env.BENCH_STATUS_INCIDENTS ?? 300);
const token = 'bench-bootstrap-token-0123456789';
const fmt = (n: number, d = 1) => n.toFixed(d);
const DAY = 86_400_000;

export async function runStatusBench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hikeshi-bench-status-'));
  const now = Date.parse('2026-11-22T09:00:00.000Z');
  const clock = new FakeClock(new Date(now - 91 * DAY).toISOString());
  const config = loadConfig({ HIKESHI_DATA_DIR: dir, DATABASE_URL: process.env.DATABASE_URL, HIKESHI_BOOTSTRAP_TOKEN: token, HIKESHI_LOG_LEVEL: 'silent' });
  const server = await buildServer({ config, clock, jobTickMs: 0 });
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const call = async (method: string, url: string, body?: unknown) => {
    const r = await server.app.inject({ method: method as 'POST', url, headers: auth, ...(body ? { payload: JSON.stringify(body) } : {}) });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return JSON.parse(r.body) as { id: string };
  };
  try {
    const page = await call('POST', '/api/v1/status-pages', { slug: 'bench', name: 'ベンチマーク株式会社', visibility: 'public', language: 'ja', timeZone: 'Asia/Tokyo' });
    const services: string[] = [];
    for (let i = 0; i < 24; i++) {
      const svc = await call('POST', '/api/v1/services', { name: `サービス ${i}` });
      services.push(svc.id);
      await call('POST', `/api/v1/status-pages/${page.id}/components`, { name: `コンポーネント ${i}`, group: `グループ ${i % 4}`, serviceId: svc.id });
    }
    for (let i = 0; i < 4; i++) {
      const start = new Date(now - (60 - i * 20) * DAY).toISOString();
      await call('POST', '/api/v1/maintenance-windows', {
        name: `定期メンテナンス ${i}`,
        timeZone: 'Asia/Tokyo',
        serviceIds: [services[i]!],
        statusPageIds: [page.id],
        startsAt: start,
        ...(i === 0 ? { recurrence: { frequency: 'weekly', startTime: '02:00', durationMinutes: 120 } } : { endsAt: new Date(Date.parse(start) + 3_600_000).toISOString() }),
      });
    }
    const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
    for (let i = 0; i < incidents; i++) {
      const at = now - 90 * DAY + Math.floor((i / incidents) * 90 * DAY);
      clock.set(new Date(at).toISOString());
      const inc = await call('POST', '/api/v1/incidents', { title: `障害 ${i}`, serviceId: services[i % 24], severity: severities[i % 4] });
      const steps = i >= incidents - 3 ? ['investigating', 'identified'] : ['investigating', 'identified', 'resolved'];
      for (const [k, status] of steps.entries()) {
        clock.set(new Date(at + k * 20 * 60_000).toISOString());
        await call('POST', `/api/v1/incidents/${inc.id}/status-updates`, { statusPageId: page.id, status, message: `状況の更新 ${k}: 調査を続けています。` });
      }
    }
    clock.set(new Date(now).toISOString());
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (server.app.server.address() as AddressInfo).port;
    console.log(`\nstatus page — ${server.store.dialect}: 24 components, ${incidents} posted incidents over 90 days, 4 maintenance windows`);
    console.log('\n| read | req/s | p50 ms | p99 ms | errors | p50 ÷ healthz p50 |');
    console.log('|---|---|---|---|---|---|');
    let base = 0;
    for (const [label, url] of [
      ['GET /healthz (baseline)', '/healthz'],
      ['status page HTML (with 90-day bars)', '/status/bench'],
      ['summary.json', '/status/bench/api/v2/summary.json'],
      ['incidents.json (50 latest)', '/status/bench/api/v2/incidents.json'],
      ['feed.atom', '/status/bench/feed.atom'],
    ] as const) {
      const r = await load({ port, method: 'GET', path: url, headers: {}, connections: 4, seconds, okStatus: 200 });
      if (!base) base = r.p50;
      console.log(`| ${label} | ${fmt(r.perSecond, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${r.errors} | ${fmt(r.p50 / base, 1)}× |`);
    }
    const row = await server.store.db.selectFrom('statusPage').selectAll().where('id', '=', page.id).executeTakeFirstOrThrow();
    const opts = { now: new Date(now).toISOString(), publicUrl: 'http://localhost:8080', basePath: '/status/bench', emailSubscriptions: true };
    const median = async (f: () => Promise<unknown>) => {
      const xs: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await f();
        xs.push(performance.now() - t);
      }
      return xs.sort((a, b) => a - b)[10]!;
    };
    const sample = renderStatusPage(await readPublicPage(server.store.db, row, { ...opts, withUptime: true }));
    const { gzipSync } = await import('node:zlib');
    console.log(`\nHTML page: ${fmt(Buffer.byteLength(sample) / 1024, 0)} KB, ${fmt(gzipSync(sample).length / 1024, 0)} KB gzipped`);
    const html = await median(async () => renderStatusPage(await readPublicPage(server.store.db, row, { ...opts, withUptime: true })));
    const json = await median(async () => JSON.stringify(summaryDocument((await readPublicPage(server.store.db, row, opts)).model)));
    console.log(`| uncached: read + judge + render HTML (in process, median of 20) | | ${fmt(html, 2)} | | | ${fmt(html / base, 1)}× |`);
    console.log(`| uncached: read + judge + summary.json (in process, median of 20) | | ${fmt(json, 2)} | | | ${fmt(json / base, 1)}× |`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
