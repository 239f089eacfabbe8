// The first-load measure (a benchmark, not a test): what the browser fetches
// before the page is ready for a drop (`[data-testid=status][data-state=idle]`,
// the file inputs in place), and what it fetches after (the workers' files),
// each file's size gzipped (level 9, as a static host would serve it) from the
// built folder. Usage: node tests/bench/first_load.mjs (after `trunk build --release`).
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
const seen = [];
page.on('request', (r) => seen.push({ url: r.url(), ready: false }));
await page.goto(server.url, { waitUntil: 'commit' });
await page.waitForSelector('[data-testid=status][data-state=idle]', { timeout: 20000 });
const before = seen.length;
await page.waitForLoadState('networkidle');
await page.evaluate(() => navigator.serviceWorker.ready);

function gz(url) {
  const rel = decodeURIComponent(new URL(url).pathname.slice(SUB_PATH.length)) || 'index.html';
  const file = path.join(DIST, rel);
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return { rel, kb: 0 };
  return { rel, kb: zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024 };
}
const table = (rows) => rows.map((r) => `| ${r.rel} | ${r.kb.toFixed(1)} |`).join('\n');
const first = [...new Set(seen.slice(0, before).map((r) => r.url))].map(gz);
const later = [...new Set(seen.slice(before).map((r) => r.url))].map(gz).filter((r) => !first.some((f) => f.rel === r.rel));
const sum = (rows) => rows.reduce((s, r) => s + r.kb, 0).toFixed(1);
console.log(`Before the page is ready for a drop: ${sum(first)} KB gzipped\n\n| file | KB gz |\n|---|---|\n${table(first)}\n`);
console.log(`After (the workers, the service worker's copies): ${sum(later)} KB gzipped\n\n| file | KB gz |\n|---|---|\n${table(later)}`);
await context.close();
await server.close();
