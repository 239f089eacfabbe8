// End-to-end tests of the built page (dist/, from `trunk build --release`) in
// headless Chromium, served under a sub-path. Usage: node tests/e2e/run.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, record, watchCsp, test, assert, assertEq, finish, SUB_PATH } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const FIXTURES = path.join(ROOT, 'tests/fixtures/files');
const OUT = path.join(ROOT, 'tests/e2e/out');
fs.mkdirSync(OUT, { recursive: true });

const server = await serve(DIST);
const context = await launch();

/** Opens the page and waits until it has started (status hook present). */
async function open() {
  const page = await context.newPage();
  const rec = record(page);
  await watchCsp(page);
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid=status][data-state=idle]', { timeout: 20000 });
  await page.waitForLoadState('networkidle');
  return { page, rec, loadedAt: Date.now() };
}

async function waitDone(page) {
  await page.waitForSelector('[data-testid=status][data-state=done]', { timeout: 60000 });
}

await test('page loads under a sub-path with its CSP, only from its own origin', async () => {
  const { page, rec } = await open();
  const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  assert(csp, 'no CSP meta tag');
  for (const part of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"]) {
    assert(csp.includes(part), `CSP lacks ${part}: ${csp}`);
  }
  assert(!/https?:|\*/.test(csp), `CSP names another origin: ${csp}`);
  assert(await page.$('script:not([src])') === null, 'an inline script would need unsafe-inline');
  const foreign = rec.requests.filter((r) => !r.url.startsWith(server.origin));
  assertEq(foreign, [], 'requests to another origin');
  assert(rec.requests.every((r) => new URL(r.url).pathname.startsWith(SUB_PATH)), 'a request left the sub-path');
  assertEq(await page.evaluate(() => window.__csp), [], 'CSP violations');
  assertEq(rec.errors, [], 'page errors');
  await page.close();
});

await test('dropped workbooks (.xlsx, .xls, .ods) list their sheets; no request after load', async () => {
  const { page, rec, loadedAt } = await open();
  const names = ['basic-report.xlsx', 'basic-report.xls', 'basic-report.ods'];
  await page.setInputFiles('input[type=file][data-testid=report-files]', names.map((n) => path.join(FIXTURES, n)));
  await waitDone(page);
  for (const name of names) {
    const item = page.locator(`[data-testid=file-status][data-file="${name}"]`);
    assertEq(await item.getAttribute('data-state'), 'ok', `${name} state`);
    const sheets = await item.locator('[data-sheet]').evaluateAll((els) => els.map((e) => e.dataset.sheet));
    assertEq(sheets, ['รายงาน', 'คำชี้แจง'], `${name} sheets`);
  }
  await page.screenshot({ path: path.join(OUT, 'foundation-files.png'), fullPage: true });
  const late = rec.requests.filter((r) => r.at > loadedAt);
  assertEq(late.map((r) => r.url), [], 'requests after the page had loaded');
  assertEq(await page.evaluate(() => window.__csp), [], 'CSP violations');
  assertEq(rec.errors, [], 'page errors');
  await page.close();
});

await test('a file dropped on the drop zone is read like a picked one', async () => {
  const { page, rec } = await open();
  const bytes = [...fs.readFileSync(path.join(FIXTURES, 'basic-report.xlsx'))];
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'dropped.xlsx'));
    const zone = document.querySelector('.dropzone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
  await waitDone(page);
  assertEq(await page.getAttribute('[data-testid=file-status][data-file="dropped.xlsx"]', 'data-state'), 'ok', 'dropped file state');
  assertEq(rec.errors, [], 'page errors');
  await page.close();
});

await test('a file that is not a spreadsheet gets a clear error, the others still read', async () => {
  const { page } = await open();
  const notes = path.join(OUT, 'picture.xlsx');
  fs.writeFileSync(notes, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  await page.setInputFiles('input[type=file][data-testid=report-files]', [notes, path.join(FIXTURES, 'basic-report.xls')]);
  await waitDone(page);
  assertEq(await page.getAttribute('[data-testid=file-status][data-file="picture.xlsx"]', 'data-state'), 'error', 'picture state');
  assertEq(await page.getAttribute('[data-testid=file-status][data-file="basic-report.xls"]', 'data-state'), 'ok', 'xls state');
  await page.close();
});

await context.close();
await server.close();
finish();
