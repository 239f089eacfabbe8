// Where the time of a drop goes, in the page's own clock: the scenario's nine
// district files dropped 300 ms and 3 s after the page is ready (3 runs each),
// each line the time to `done`, when each file was handed to a worker and when
// each reply arrived (with how long its handling took), when the map file was
// fetched (negative: before the drop) and the long tasks; `ready`: when the
// page said it was ready, from navigation. A diagnosis, not a
// benchmark (bench.mjs is). Usage: [BENCH_DIST=/abs/dist] node tests/bench/where.mjs
import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, FIXTURES } from '../e2e/harness.mjs';
const DIST = process.env.BENCH_DIST || '/work/main/dist';
const server = await serve(DIST);
const context = await launch();
await context.addInitScript(() => {
  window.__ev = [];
  const t = () => performance.now();
  const orig = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...a) { window.__ev.push(['post', t()]); return orig.apply(this, a); };
  const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  Object.defineProperty(Worker.prototype, 'onmessage', { set(f) { desc.set.call(this, (e) => { const s = t(); f(e); window.__ev.push(['msg', s, t() - s]); }); }, get() { return desc.get.call(this); } });
  window.__longs = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longs.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' });
});
const scen = (process.env.WHERE_FILES ? process.env.WHERE_FILES.split(',') : fs.readdirSync(path.join(FIXTURES, 'scenario')).filter((f) => /^0\d-/.test(f)).map((f) => path.join(FIXTURES, 'scenario', f)));
for (const settle of (process.env.SETTLES || "300,3000").split(",").map(Number)) {
 for (let run = 0; run < 3; run++) {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  // When the page said it was ready, from navigation (give or take a round trip).
  const ready = Math.round(await page.evaluate(() => performance.now()));
  await page.waitForTimeout(settle);
  await page.evaluate(() => {
    window.__ev = []; window.__longs = [];
    const status = document.querySelector('[data-testid=status]');
    document.querySelector('input[data-testid=report-files]').addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
    new MutationObserver((_, o) => { if (status.dataset.state === 'done' && window.__t0) { window.__done = performance.now(); o.disconnect(); } }).observe(status, { attributes: true });
  });
  await page.setInputFiles('input[data-testid=report-files]', scen);
  await page.waitForFunction(() => window.__done, null, { polling: 20 });
  const r = await page.evaluate(() => {
    const t0 = window.__t0;
    const maps = performance.getEntriesByType('resource').filter((e) => e.name.includes('/maps/')).map((e) => [Math.round(e.startTime - t0), Math.round(e.responseEnd - t0)]);
    const msgs = window.__ev.filter((e) => e[0] === 'msg').map((e) => [Math.round(e[1] - t0), Math.round(e[2])]);
    const posts = window.__ev.filter((e) => e[0] === 'post').map((e) => Math.round(e[1] - t0));
    return { done: Math.round(window.__done - t0), posts, msgs, maps, longs: window.__longs.map(([s, d]) => [Math.round(s - t0), d]) };
  });
  console.log(settle, JSON.stringify({ ready, ...r }));
  await page.close();
 }
}
await context.close(); await server.close();
