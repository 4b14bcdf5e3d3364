/**
 * The web app's first useful paint of the incident list with many stored incidents (SPEC §5: under
 * 1 s), in headless Chromium against the real server. Baseline in the same run: the first paint of
 * the login form (the same bundle, no data). Each figure is the median of BENCH_WEB_RUNS fresh
 * browser contexts (cold cache), measured as performance.now() when the element appears.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.HIKESHI_CHROMIUM ?? '/usr/bin/chromium';
const runs = Number(process.env.BENCH_WEB_RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function runWebBench(opts: { url: string; email: string; password: string; incidents: number }): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`\nweb: skipped (no ${CHROMIUM}; apt-get install chromium)`);
    return;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const loginPaint: number[] = [];
    const listPaint: number[] = [];
    const cookies = await (async () => {
      const c = await browser.newContext();
      const p = await c.newPage();
      await p.goto(opts.url);
      await p.locator('input[type=email]').fill(opts.email);
      await p.locator('input[type=password]').fill(opts.password);
      await p.locator('button[type=submit]').click();
      await p.locator('#main-nav').waitFor();
      const saved = await c.cookies();
      await c.close();
      return saved;
    })();
    for (let i = 0; i < runs; i++) {
      const anon = await browser.newContext();
      const a = await anon.newPage();
      await a.goto(`${opts.url}/incidents`);
      await a.locator('input[type=email]').waitFor();
      loginPaint.push(await a.evaluate<number>('performance.now()'));
      await anon.close();

      const ctx = await browser.newContext();
      await ctx.addCookies(cookies);
      const p = await ctx.newPage();
      await p.goto(`${opts.url}/incidents`);
      await p.locator('.incident-row').first().waitFor();
      listPaint.push(await p.evaluate<number>('performance.now()'));
      await ctx.close();
    }
    const base = median(loginPaint);
    const list = median(listPaint);
    console.log(`\n| web app (Chromium, cold context, median of ${runs}) | ms | ratio |`);
    console.log('|---|---|---|');
    console.log(`| login form painted (baseline: bundle, no data) | ${base.toFixed(0)} | 1.00× |`);
    console.log(`| incident list: first row painted, ${opts.incidents.toLocaleString('en')} incidents stored | ${list.toFixed(0)} | ${(list / base).toFixed(2)}× (${list < 1000 ? 'under' : 'OVER'} 1 s) |`);
  } finally {
    await browser.close();
  }
}
