// Shared pieces of the end-to-end tests: a static server for the built page
// under a sub-path, headless Chromium (Debian's, driven by playwright-core), a
// recorder of every network request, and a tiny test runner.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository, the built page, the fixtures, and where the suites write screenshots and files. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const FIXTURES = path.join(ROOT, 'tests/fixtures/files');
export const OUT = path.join(ROOT, 'tests/e2e/out');

export const SUB_PATH = '/tools/otop/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

/** Serves `dir` at http://127.0.0.1:<port>/tools/otop/ and logs every request it gets. */
export async function serve(dir) {
  const log = [];
  const server = http.createServer((req, res) => {
    log.push({ url: req.url, method: req.method, at: Date.now() });
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(SUB_PATH)) { res.writeHead(404); res.end(); return; }
    let rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end(); return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + SUB_PATH, log, close: () => new Promise((ok) => server.close(ok)) };
}

/** The flags headless Chromium needs on this machine (see DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** Headless Chromium as a browser of fresh contexts (a phone's, say: `newContext(PHONE)`); `extra`: more flags. */
export async function launchBrowser(extra = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extra] });
}

/** Headless Chromium with the flags this machine needs (see DEVELOPERS.md). */
export async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otop-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    args: CHROMIUM_ARGS,
  });
  return context;
}

/** Records every request a page makes, with the time, and page errors. */
export function record(page) {
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), at: Date.now() }));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });
  page.on('requestfailed', (r) => errors.push(`failed ${r.url()}: ${r.failure() && r.failure().errorText}`));
  return { requests, errors };
}

/**
 * The requests of `requests` that SPEC §7 does not allow: anything but a GET,
 * with no query string, of a file of the built folder `dist` served under the
 * sub-path at `origin` (blob: and data: URLs the page makes itself are not requests).
 */
export function notOwnFiles(requests, origin, dist) {
  return requests.filter((r) => {
    if (r.url.startsWith('blob:') || r.url.startsWith('data:')) return false;
    const url = new URL(r.url);
    if (r.method !== 'GET' || url.origin !== origin || url.search !== '' || !url.pathname.startsWith(SUB_PATH)) {
      return true;
    }
    const rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    const file = path.join(dist, path.normalize(rel));
    return !file.startsWith(path.resolve(dist)) || !fs.existsSync(file) || fs.statSync(file).isDirectory();
  });
}

/** Listens for Content-Security-Policy violations (installed before the page's scripts). */
export async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/**
 * Run in a page (as the text of a function): a download — a click on a link to
 * a Blob the page made — keeps its name, first bytes and size in
 * `window.__downloads` instead of saving (the Blob itself: the CSP's
 * connect-src rightly keeps fetch() off blob: URLs). For the suites whose
 * drivers catch no download events (Firefox over BiDi, WebKit over WebDriver).
 */
export function captureDownloads() {
  window.__downloads = [];
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    const url = createObjectURL.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = this.download && blobs.get(this.href);
    if (blob) {
      const name = this.download;
      blob.arrayBuffer().then((b) => window.__downloads.push({ name, bytes: Array.from(new Uint8Array(b).slice(0, 8)), size: b.byteLength }));
      return;
    }
    return click.call(this);
  };
}

let failures = 0;
const results = [];
/** Runs one named test, catching its failure. */
export async function test(name, fn) {
  // E2E_ONLY=words: only the tests whose name holds them (while working on one).
  if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) return;
  const t0 = Date.now();
  try {
    await fn();
    results.push(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failures++;
    results.push(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').join('\n     ')}`);
  }
  console.log(results[results.length - 1]);
}

export function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

export function assertEq(actual, expected, msg) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${msg}: expected ${b}, got ${a}`);
}

export function finish() {
  console.log(`\n${results.length - failures} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
}
