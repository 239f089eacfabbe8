// What the browser's optimising compiler (V8's TurboFan) compiles after a
// drop right after the page is ready, and how long each function took: the
// compile runs on the cores the workers and the page need then. A function
// made huge by inlining (a reader called once per file, with every step
// inlined into it) costs hundreds of ms there and helps nothing: a call
// already running keeps its unoptimised code (BENCHMARKS.md, "Issue 35").
// Usage: [BENCH_DIST=/abs/dist] [TURBOFAN_FILES=/abs/a.xlsx,…] node tests/bench/turbofan.mjs
// (V8 prints each compile to the browser's stdout; Playwright passes it on with DEBUG=pw:browser.)
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launchBrowser, FIXTURES } from '../e2e/harness.mjs';

if (!process.env.TURBOFAN_CHILD) {
  // Run again with Playwright's browser log on, and read the compiles from it.
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [self], { env: { ...process.env, TURBOFAN_CHILD: '1', DEBUG: 'pw:browser' }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const compiles = [];
  for (const line of (run.stdout + run.stderr).split('\n')) {
    const m = line.match(/Compiled function (0x[0-9a-f]+)#(\d+) using TurboFan, took (\d+) μs.*bodysize (\d+)/);
    if (m) compiles.push({ module: m[1], index: Number(m[2]), ms: Number(m[3]) / 1000, body: Number(m[4]) });
  }
  if (!compiles.length) {
    console.error(run.stderr.slice(-2000));
    process.exit(1);
  }
  const modules = new Map();
  for (const c of compiles) modules.set(c.module, [...(modules.get(c.module) || []), c]);
  for (const [module, cs] of modules) {
    const total = cs.reduce((s, c) => s + c.ms, 0);
    const biggest = [...cs].sort((a, b) => b.ms - a.ms).slice(0, 8).map((c) => `#${c.index} ${c.ms.toFixed(0)} ms (${c.body} B)`);
    console.log(`module ${module}: ${cs.length} functions, ${total.toFixed(0)} ms; the longest: ${biggest.join(', ')}`);
  }
  console.log(`all: ${compiles.reduce((s, c) => s + c.ms, 0).toFixed(0)} ms`);
  process.exit(0);
}

const DIST = process.env.BENCH_DIST || path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const files = process.env.TURBOFAN_FILES
  ? process.env.TURBOFAN_FILES.split(',')
  : fs.readdirSync(path.join(FIXTURES, 'scenario')).filter((f) => /^0\d-/.test(f)).map((f) => path.join(FIXTURES, 'scenario', f));
const server = await serve(DIST);
const browser = await launchBrowser(['--js-flags=--trace-wasm-compilation-times']);
const page = await browser.newPage();
await page.goto(server.url);
await page.waitForSelector('[data-testid=status][data-state=idle]');
await page.setInputFiles('input[data-testid=report-files]', files);
await page.waitForSelector('[data-testid=status][data-state=done]', { timeout: 120000 });
// The compiles a run set off finish after it.
await page.waitForTimeout(2000);
await browser.close();
await server.close();
