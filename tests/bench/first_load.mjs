// The first-load measure (a benchmark, not a test): what the browser fetches
// before the page is ready for a drop (`[data-testid=status][data-state=idle]`,
// the file inputs in place), and what it fetches after (the workers' files),
// each file's size gzipped (level 9, as a static host would serve it) from the
// built folder; and the sum a first result waits for. Usage: node tests/bench/first_load.mjs (after `trunk build --release`).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve, launch, SUB_PATH } from '../e2e/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.BENCH_DIST || path.join(ROOT, 'dist');
const server = await serve(DIST);
const context = await launch();
const page = await context.newPage();
// When the page first shows it is ready, by the page's own clock (a request
// Playwright sees after that moment may still have started before it, and the
// other way round): each of the page's requests is put before or after by its
// start time. What the workers fetch themselves (their wasm) is not in the
// page's timeline and is counted after: the page starts its reading workers as
// its own wasm starts running, before it draws itself, so their bytes come once
// the page's own are all in, partly while the page draws itself (issue 35).
const requested = [];
page.on('request', (r) => requested.push(r.url()));
await page.addInitScript(() => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid=status][data-state=idle]')) {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
});
await page.goto(server.url, { waitUntil: 'commit' });
await page.waitForSelector('[data-testid=status][data-state=idle]', { timeout: 20000 });
await page.waitForLoadState('networkidle');
await page.evaluate(() => navigator.serviceWorker.ready);
const { readyAt, entries } = await page.evaluate(() => ({
  readyAt: window.__readyAt,
  entries: [location.href, ...performance.getEntriesByType('resource').map((e) => [e.name, e.startTime])],
}));
// The document itself, then every resource by when it started.
const timed = entries.slice(1).map(([url, at]) => ({ url, ready: at >= readyAt }));
const byWorkers = requested.filter((url) => url !== entries[0] && !timed.some((t) => t.url === url));
const seen = [{ url: entries[0], ready: false }, ...timed, ...byWorkers.map((url) => ({ url, ready: true }))];

function gz(url) {
  const rel = decodeURIComponent(new URL(url).pathname.slice(SUB_PATH.length)) || 'index.html';
  const file = path.join(DIST, rel);
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return { rel, kb: 0 };
  return { rel, kb: zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024 };
}
const table = (rows) => rows.map((r) => `| ${r.rel} | ${r.kb.toFixed(1)} |`).join('\n');
const first = [...new Set(seen.filter((r) => !r.ready).map((r) => r.url))].map(gz);
const later = [...new Set(seen.filter((r) => r.ready).map((r) => r.url))].map(gz)
  .filter((r) => !first.some((f) => f.rel === r.rel));
const sum = (rows) => rows.reduce((s, r) => s + r.kb, 0).toFixed(1);
console.log(`Before the page is ready for a drop: ${sum(first)} KB gzipped\n\n| file | KB gz |\n|---|---|\n${table(first)}\n`);
console.log(`After (the workers, the service worker's copies): ${sum(later)} KB gzipped\n\n| file | KB gz |\n|---|---|\n${table(later)}\n`);
// A first result needs the page's first load and the first reading worker's
// three files; the reader of every format and the writer come after.
const firstReader = later.filter((r) => /^otop-kpi-worker(_loader\.js|\.js|_bg\.wasm)$/.test(r.rel));
const before = (Number(sum(first)) + Number(sum(firstReader))).toFixed(1);
console.log(`Before a first result is possible (the first load and the first reading worker): ${before} KB gzipped`);
await context.close();
await server.close();
