/**
 * On-call figures for `npm run bench` (also `node --import tsx bench/oncall.ts` alone):
 *  - the durable job runner draining 10,000 due jobs (bench/jobs.ts) ÷ as many bare one-row UPDATE
 *    transactions on the same kind of store;
 *  - rendering a year of a 4-layer schedule with restrictions and 200 overrides
 *    (src/domain/schedule/bench.ts), in ms.
 */
import { pathToFileURL } from 'node:url';
import { benchScheduleRender } from '../src/domain/schedule/bench.js';
import { benchBareTransactions, benchJobRunner } from './jobs.js';

export async function runOncallBench(): Promise<void> {
  const runner = await benchJobRunner();
  const bare = await benchBareTransactions(runner.jobs);
  console.log('\n## On-call\n');
  console.log('| figure | value | baseline | ratio |');
  console.log('|---|---|---|---|');
  console.log(
    `| job runner, ${runner.jobs.toLocaleString('en')} due jobs, one runner (SQLite) | ${runner.perSecond.toFixed(0)} jobs/s | ${bare.perSecond.toFixed(0)} bare UPDATE transactions/s | ${(runner.perSecond / bare.perSecond).toFixed(2)}× |`,
  );
  benchScheduleRender(); // warm-up
  const renders = Array.from({ length: 5 }, () => benchScheduleRender()).sort((a, b) => a.ms - b.ms);
  const median = renders[2]!;
  console.log(`| render 2026 of a 4-layer restricted schedule with 200 overrides | ${median.ms.toFixed(1)} ms (median of 5) | – | ${median.shifts} shifts |`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runOncallBench();
