// Two builds of the page side by side, in one run: each file dropped on each
// build in turn (a, b, a, b, …), RUNS times, at each settle time after the page
// says it is ready (SETTLES, ms), timed in the page from the input's change
// event to the status saying done. Prints each build's median and every run.
// A comparison for a change's before and after (BENCHMARKS.md); bench.mjs is
// the benchmark with native and SheetJS beside.
// Usage: AB_DISTS=/abs/before,/abs/after [AB_FILES=province,nation,bench-100k.xlsx,/abs/folder] (the cases: cases.mjs)
//        [SETTLES=0,3000] [RUNS=7] node tests/bench/ab.mjs
import path from 'node:path';
import { serve, launch } from '../e2e/harness.mjs';
import { handOver, drop } from './drop.mjs';
import { filesOf, targetsOf } from './cases.mjs';

const DISTS = (process.env.AB_DISTS || '').split(',').filter(Boolean);
if (DISTS.length !== 2) {
  console.error('AB_DISTS=/abs/before,/abs/after');
  process.exit(2);
}
const FILES = (process.env.AB_FILES || 'province,bench-100k.xlsx').split(',');
const SETTLES = (process.env.SETTLES || '0,3000').split(',').map(Number);
const RUNS = Number(process.env.RUNS || 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const servers = await Promise.all(DISTS.map((d) => serve(d)));
const context = await launch();
await context.addInitScript(() => {
  window.__longest = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' });
});

async function once(url, files, settle, targets = []) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  // Not waiting for the service worker: a person does not (it is registered once the first
  // reading worker is ready, so waiting for it measured "right after ready" after the workers were).
  if (targets.length) {
    await page.setInputFiles('input[type=file][data-testid=targets-files]', targets);
    await page.waitForSelector('table[data-testid=provinces] tr[data-province="nation"]', { timeout: 300000 });
  }
  await handOver(page, files);
  await page.waitForTimeout(settle);
  await page.evaluate(() => { window.__longest = 0; });
  const ms = await drop(page);
  await page.waitForTimeout(200); // long tasks are reported once the page is idle
  const r = { ms, longest: await page.evaluate(() => window.__longest) };
  await page.close();
  return r;
}

for (const f of FILES) {
  for (const settle of SETTLES) {
    const runs = DISTS.map(() => []);
    for (let i = 0; i < RUNS; i++) {
      for (let d = 0; d < DISTS.length; d++) runs[d].push(await once(servers[d].url, filesOf(f), settle, targetsOf(f)));
    }
    for (let d = 0; d < DISTS.length; d++) {
      const ms = runs[d].map((r) => Math.round(r.ms));
      const longest = runs[d].map((r) => Math.round(r.longest));
      console.log(`${f} settle ${settle} ${path.basename(DISTS[d])}: median ${median(ms)} ms [${ms.join(', ')}]; longest task median ${median(longest)} ms`);
    }
  }
}
await context.close();
await Promise.all(servers.map((s) => s.close()));
