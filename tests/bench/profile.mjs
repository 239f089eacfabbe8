// Where the page's main thread spends a drop, by function: Chromium's sampling
// profiler (CDP `Profiler`) over one drop, self time summed by function name,
// the top PROFILE_TOP printed. Wasm functions have their names only in a build
// that keeps them (add `data-wasm-opt-params="-g" data-keep-debug` to the
// page's link in index.html, build into another folder, and restore it).
// `nation`: the 76 provinces' target tables are loaded first (not profiled).
// A diagnosis beside cpu.mjs, not a benchmark.
// Usage: BENCH_DIST=/abs/dist [PROFILE_FILES=nation|province|/abs/a.xlsx,…] [SETTLE=3000] [PROFILE_TOP=40] node tests/bench/profile.mjs
import path from 'node:path';
import { serve, launch, ROOT } from '../e2e/harness.mjs';
import { handOver, drop } from './drop.mjs';
import { filesOf, targetsOf } from './cases.mjs';

const DIST = process.env.BENCH_DIST || path.join(ROOT, 'dist');
const which = process.env.PROFILE_FILES || 'nation';
const FILES = which.split(',').flatMap(filesOf);
const TARGETS = targetsOf(which);
const SETTLE = Number(process.env.SETTLE ?? 3000);
const TOP = Number(process.env.PROFILE_TOP || 40);

const server = await serve(DIST);
const context = await launch();
const page = await context.newPage();
await page.goto(server.url);
await page.waitForSelector('[data-testid=status][data-state=idle]');
if (TARGETS.length) {
  await page.setInputFiles('input[type=file][data-testid=targets-files]', TARGETS);
  await page.waitForSelector('table[data-testid=provinces] tr[data-province="nation"]', { state: 'attached', timeout: 300000 });
}
await handOver(page, FILES);
await page.waitForTimeout(SETTLE);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const ms = await drop(page);
const { profile } = await cdp.send('Profiler.stop');
// Self time per node: the samples that landed on it, times their intervals.
const self = new Map(profile.nodes.map((n) => [n.id, 0]));
for (let i = 0; i < profile.samples.length; i++) {
  self.set(profile.samples[i], self.get(profile.samples[i]) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
}
const byName = new Map();
for (const n of profile.nodes) {
  const f = n.callFrame;
  const name = `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url) : ''}`.trim();
  byName.set(name, (byName.get(name) || 0) + self.get(n.id));
}
const rows = [...byName].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]);
const busy = rows.reduce((s, [, v]) => s + v, 0);
console.log(`${FILES.length} file(s), ${Math.round(ms)} ms to done; the main thread busy ${Math.round(busy)} ms of it (sampled)`);
for (const [name, v] of rows.slice(0, TOP)) console.log(`${v.toFixed(1).padStart(8)} ms  ${name}`);
await context.close();
await server.close();
