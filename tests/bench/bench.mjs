// The benchmark (not a test): one run, side by side on this machine, for each
// benchmark file: (1) `otop-kpi score` natively; (2) the page in headless
// Chromium, from files set on the input to `status` done, with the browser's peak
// memory and the longest main-thread task; (3) SheetJS (npm xlsx 0.18.5) reading
// the same file into row arrays in the same Chromium. Prints a Markdown table.
// Usage: ./scripts/bench.sh (builds what it needs first).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../e2e/harness.mjs';
import { handOver } from './drop.mjs';
import { BENCH, filesOf, targetsOf } from './cases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// "province" is the nine district files of the fixture scenario dropped at once;
// "nation" is 76 provinces' target tables (loaded first, not timed) and one
// report per district: 200k rows over 912 files (examples/make_bench.rs).
const DEFAULT_FILES = ['province', 'bench-10k.xlsx', 'bench-100k.xlsx', 'bench-100k-stream.xlsx', 'bench-200k.xlsx', 'bench-60k.xls', 'bench-10k.ods', 'nation'];
const FILES = (process.env.BENCH_FILES ? process.env.BENCH_FILES.split(',') : DEFAULT_FILES)
  .filter((f) => f === 'province' || (f === 'nation' ? filesOf('nation').length > 0 : fs.existsSync(path.join(BENCH, f))));
const RUNS = Number(process.env.RUNS || 3);

/** Total resident memory of every Chromium process, in MB. */
function chromiumRssMb() {
  let kb = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('chromium')) continue;
      const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
      if (m) kb += Number(m[1]);
    } catch { /* gone */ }
  }
  return kb / 1024;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function native(files, targets = []) {
  const bin = path.join(ROOT, 'target/release/otop-kpi');
  const times = [];
  let rss = 0;
  const t = targets.flatMap((f) => ['--targets', f]);
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', bin, 'score', '--json', ...t, ...files], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const [secs, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    times.push(secs * 1000);
    rss = Math.max(rss, kb / 1024);
  }
  return { ms: median(times), mb: rss };
}

// SheetJS's page and library, served beside the built page.
const sheetjs = http.createServer((req, res) => {
  const files = {
    '/sheetjs.html': [path.join(ROOT, 'tests/bench/sheetjs.html'), 'text/html'],
    '/sheetjs.js': [path.join(ROOT, 'tests/bench/sheetjs.js'), 'text/javascript'],
    '/xlsx.full.min.js': [path.join(ROOT, 'tests/e2e/node_modules/xlsx/dist/xlsx.full.min.js'), 'text/javascript'],
  };
  const f = files[new URL(req.url, 'http://x').pathname];
  if (!f) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': f[1] });
  fs.createReadStream(f[0]).pipe(res);
});
await new Promise((ok) => sheetjs.listen(0, '127.0.0.1', ok));
const sheetjsUrl = `http://127.0.0.1:${sheetjs.address().port}/sheetjs.html`;

// BENCH_DIST: another build of the page (e.g. an earlier commit's dist/, for a before/after in one run).
const DIST = process.env.BENCH_DIST || path.join(ROOT, 'dist');
const server = await serve(DIST);
const context = await launch();
await context.addInitScript(() => {
  window.__longest = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  } catch { /* no long-task API */ }
});

async function inPage(url, input, doneSel, file, targets = []) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(input);
  if (url === server.url) {
    // Not waiting for the service worker: a person does not (it is registered once the first
    // reading worker is ready, so waiting for it measured "right after ready" after the workers were).
    await page.waitForSelector('[data-testid=status][data-state=idle]');
  }
  if (targets.length) {
    await page.setInputFiles('input[type=file][data-testid=targets-files]', targets);
    await page.waitForSelector('table[data-testid=provinces] tr[data-province="nation"]', { timeout: 300000 });
  }
  // Playwright hands the files to a scratch input first: making hundreds of File
  // objects is a long task of its own (about 140 ms for the 912 national files),
  // the harness's and not the page's. The timed input then gets them as a drop would.
  await handOver(page, file);
  // BENCH_SETTLE_MS: how long after load the files are dropped (the workers start once the page is ready).
  await page.waitForTimeout(Number(process.env.BENCH_SETTLE_MS ?? 300));
  await page.evaluate(() => { window.__longest = 0; });
  const base = chromiumRssMb();
  let peak = base;
  const timer = setInterval(() => { peak = Math.max(peak, chromiumRssMb()); }, 50);
  if (url === server.url) {
    // Timed inside the page as SheetJS is: from the input's change event to the
    // status saying done (the wall time also counts the round trips to Playwright).
    await page.evaluate((sel) => {
      window.__t0 = null;
      document.querySelector(sel).addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
      const status = document.querySelector('[data-testid=status]');
      new MutationObserver((_, obs) => {
        if (window.__t0 !== null && status.dataset.state === 'done') {
          status.dataset.ms = String(performance.now() - window.__t0);
          obs.disconnect();
        }
      }).observe(status, { attributes: true, attributeFilter: ['data-state'] });
    }, input);
  }
  const t0 = Date.now();
  await page.evaluate((sel) => {
    const to = document.querySelector(sel);
    to.files = document.getElementById('__handover').files;
    to.dispatchEvent(new Event('change', { bubbles: true }));
  }, input);
  await page.waitForSelector(doneSel, { state: 'attached', timeout: 300000, polling: 20 });
  const ms = Date.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, chromiumRssMb());
  const longest = await page.evaluate(() => window.__longest);
  const timed = '#status, [data-testid=status]';
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.ms, timed, { timeout: 5000 }).catch(() => {});
  const extra = await page.evaluate((sel) => document.querySelector(sel)?.dataset.ms, timed);
  await page.close();
  return { ms: extra ? Number(extra) : ms, wall: ms, peakMb: peak, deltaMb: peak - base, longest };
}

const rows = [];
for (const f of FILES) {
  const file = filesOf(f);
  const size = file.reduce((sum, p) => sum + fs.statSync(p).size, 0);
  const targets = targetsOf(f);
  const n = native(file, targets);
  const pageRuns = [];
  const jsRuns = [];
  for (let i = 0; i < RUNS; i++) {
    pageRuns.push(await inPage(server.url, 'input[type=file][data-testid=report-files]', '[data-testid=status][data-state=done]', file, targets));
  }
  // SheetJS is slow on the big files: one run there.
  const jsCount = size > 5e6 ? 1 : RUNS;
  for (let i = 0; i < jsCount; i++) {
    jsRuns.push(await inPage(sheetjsUrl, '#f', '#status[data-state=done]', file));
  }
  const p = { ms: median(pageRuns.map((r) => r.ms)), peak: Math.max(...pageRuns.map((r) => r.peakMb)), delta: Math.max(...pageRuns.map((r) => r.deltaMb)), longest: Math.max(...pageRuns.map((r) => r.longest)) };
  const js = { ms: median(jsRuns.map((r) => r.ms)), peak: Math.max(...jsRuns.map((r) => r.peakMb)) };
  const label = f === 'province' ? 'province: 9 district files' : f === 'nation' ? 'nation: 76 provinces, 912 files, 200k rows' : f;
  rows.push({ f: label, size: (size / 1e6).toFixed(1), n, p, js });
  console.error(`${f}: native ${n.ms.toFixed(0)} ms, page ${p.ms.toFixed(0)} ms, SheetJS ${js.ms.toFixed(0)} ms`);
}
await context.close();
await server.close();
sheetjs.close();

const wasm = (name) => {
  const p = path.join(DIST, name);
  return fs.existsSync(p) ? `${(fs.statSync(p).size / 1024).toFixed(0)} KB raw, ${(execFileSync('gzip', ['-9', '-c', p], { maxBuffer: 1 << 28 }).length / 1024).toFixed(0)} KB gzipped` : 'missing';
};
console.log(`| file | MB | native ms | native peak MB | page ms | browser peak MB (Δ) | longest main-thread task ms | SheetJS ms | SheetJS peak MB | page / SheetJS | page / native |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
for (const r of rows) {
  console.log(`| ${r.f} | ${r.size} | ${r.n.ms.toFixed(0)} | ${r.n.mb.toFixed(0)} | ${r.p.ms.toFixed(0)} | ${r.p.peak.toFixed(0)} (${r.p.delta.toFixed(0)}) | ${r.p.longest.toFixed(0)} | ${r.js.ms.toFixed(0)} | ${r.js.peak.toFixed(0)} | ${(r.p.ms / r.js.ms).toFixed(2)} | ${(r.p.ms / r.n.ms).toFixed(2)} |`);
}
console.log(`\nmain wasm: ${wasm('otop-kpi-page_bg.wasm')}; worker wasm: ${wasm('otop-kpi-worker_bg.wasm')}`);
