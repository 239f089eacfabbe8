// The browser tests in Firefox ESR (Debian's firefox-esr), driven over WebDriver
// BiDi with puppeteer-core. Usage: node tests/e2e/firefox.mjs (after `trunk build
// --release`); the test command runs it after the Chromium suite (run.mjs).
//
// What runs here: the page under a sub-path with its CSP and only GETs of its own
// built files; the nine-district scenario (both KPIs, both rules, the survey, the
// issues) through SPEC §8's hooks; a workbook and a CSV written by the worker;
// Thai as offices type it and names in other scripts compared in NFC (by
// Firefox's own `String.prototype.normalize`: the worker carries no tables).
// Not ported yet (they run in Chromium only, in run.mjs): offline mode after one
// visit, PDF printing, a download saved to disk and read back, and the other
// journeys (links, provinces, files sent back…). They use Playwright's
// Chromium context (offline, `page.pdf`, download events); whether puppeteer's
// BiDi offers each of them for Firefox ESR 153 has not been tried. Downloads here
// are caught as the Blob the page hands its link, before any save.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve, notOwnFiles, captureDownloads, test, assert, assertEq, finish, SUB_PATH, DIST, FIXTURES, OUT } from './harness.mjs';
import { SCENARIO, checkScenario } from './scenario.mjs';
import { measure, summary } from './phone.mjs';

fs.mkdirSync(OUT, { recursive: true });

const server = await serve(DIST);
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
  headless: true,
  userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'otop-firefox-')),
  defaultViewport: { width: 1366, height: 768 },
});

/** Opens the page, recording its requests, errors, CSP violations and the files it downloads. */
async function open() {
  const page = await browser.newPage();
  const rec = { requests: [], errors: [] };
  page.on('request', (r) => rec.requests.push({ url: r.url(), method: r.method(), at: Date.now() }));
  page.on('pageerror', (e) => rec.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') rec.errors.push(m.text()); });
  await page.evaluateOnNewDocument(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.evaluateOnNewDocument(captureDownloads);
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid=status][data-state=idle]', { timeout: 20000 });
  return { page, rec, loadedAt: Date.now() };
}

async function waitDone(page) {
  await page.waitForSelector('[data-testid=status][data-state=done]', { timeout: 60000 });
}

const value = (page, table, district, col) =>
  page.$eval(`table[data-testid=${table}] tr[data-district="${district}"] [data-col=${col}]`, (e) => e.getAttribute('data-value'));

await test('Firefox: the page loads under a sub-path with its CSP, only GETs of its own built files', async () => {
  const { page, rec } = await open();
  await new Promise((ok) => setTimeout(ok, 1500)); // the workers' files, fetched once the page is ready
  assert(rec.requests.length > 3, `the requests were recorded: ${rec.requests.length}`);
  assertEq(notOwnFiles(rec.requests, server.origin, DIST), [], 'requests other than GETs of the built files');
  assert(rec.requests.some((r) => r.url.endsWith('otop-kpi-worker_bg.wasm')), 'the worker was fetched');
  assertEq(await page.evaluate(() => window.__csp), [], 'CSP violations');
  assertEq(rec.errors, [], 'page errors');
  await page.close();
});


await test('Firefox: nine districts, round 1 and sales — both KPIs under both rules; files written by the worker', async () => {
  const { page, rec, loadedAt } = await open();
  const input = async (id, files) => (await page.$(`input[type=file][data-testid=${id}]`)).uploadFile(...files);
  await input('report-files', SCENARIO);
  await input('round1-files', [path.join(FIXTURES, 'scenario/round1-สระแก้ว.xlsx')]);
  await input('sales-files', [path.join(FIXTURES, 'sales/sales-long.xlsx')]);
  await waitDone(page);
  await checkScenario((rule) => page.select('select[data-testid=scoring-rule]', rule),
    (table, district, col) => value(page, table, district, col));
  await page.select('select[data-testid=scoring-rule]', 'table');
  assertEq(await value(page, 'kpi1', 'เขาฉกรรจ์', 'score'), '4', 'no survey: 4');
  await page.click('input[type=checkbox][data-testid=survey-done]');
  assertEq(await value(page, 'kpi1', 'เขาฉกรรจ์', 'score'), '5', 'with the survey: 5');
  const err = await page.$$('[data-testid=issues] [data-severity=error][data-file="09-วังสมบูรณ์.xlsx"]');
  assertEq(err.length, 1, 'one error in วังสมบูรณ์');
  // The results workbook and a CSV, written in the worker from the run the page hands it.
  await page.click('[data-testid=download-results]');
  await page.click('[data-testid=download-kpi1-csv]');
  await page.waitForFunction(() => window.__downloads.length >= 2, { timeout: 30000 }).catch(async (e) => {
    const why = await page.evaluate(() => [window.__downloads, document.querySelector('[data-testid=download-error]')?.textContent]);
    throw new Error(`${e}: ${JSON.stringify(why)} ${rec.errors.join('; ')}`);
  });
  const downloads = await page.evaluate(() => window.__downloads);
  const xlsx = downloads.find((d) => d.name.endsWith('.xlsx'));
  const csv = downloads.find((d) => d.name.endsWith('-kpi1.csv'));
  assert(xlsx && xlsx.bytes[0] === 0x50 && xlsx.bytes[1] === 0x4b && xlsx.size > 20000, `a workbook (zip): ${JSON.stringify(xlsx)}`);
  assert(csv && csv.bytes[0] === 0xef && csv.bytes[1] === 0xbb && csv.bytes[2] === 0xbf, `a CSV with a BOM: ${JSON.stringify(csv)}`);
  await page.screenshot({ path: path.join(OUT, 'firefox-results.png'), fullPage: true });
  const late = rec.requests.filter((r) => r.at > loadedAt);
  assertEq(notOwnFiles(late, server.origin, DIST), [], 'requests after load other than GETs of the built files');
  assertEq(await page.evaluate(() => window.__csp), [], 'CSP violations');
  assertEq(rec.errors, [], 'page errors');
  await page.close();
});

await test('Firefox: Thai as people type it, and names in other scripts in NFC (the browser\'s, in the worker)', async () => {
  const { page, rec } = await open();
  const input = async (files) => (await page.$('input[type=file][data-testid=report-files]')).uploadFile(...files);
  // An office PC's typing (นํ้า as nikhahit + sara aa; เเ for แ) and "Café" typed composed and decomposed.
  const csv = path.join(OUT, 'nfc-cafe-firefox.csv');
  fs.writeFileSync(csv, 'ชื่อผลิตภัณฑ์,Facebook,อำเภอ,ที่,ตำบล\n'
    + 'Caf\u00e9 ผ้าไหม,fb.com/x,คลองหาด,1,ก\n'
    + 'Cafe\u0301 ผ้าไหม,fb.com/x,คลองหาด,2,ก\n');
  await input([path.join(FIXTURES, 'thai/วังน้ำเย็น-พิมพ์ในสำนักงาน.xlsx'), csv]);
  await waitDone(page);
  assertEq(await value(page, 'kpi1', 'วังน้ำเย็น', 'online'), '6', 'วังน้ำเย็น online (typed นํ้า)');
  assertEq(await value(page, 'kpi1', 'คลองหาด', 'online'), '1', '"Café" twice is one product');
  const rows = (file) => page.$$eval(`[data-testid=issues] [data-code="report.duplicate"][data-file="${file}"]`,
    (els) => els.map((e) => e.dataset.row));
  assertEq(await rows('วังน้ำเย็น-พิมพ์ในสำนักงาน.xlsx'), ['15', '16'], 'the products typed twice');
  assertEq(await rows('nfc-cafe-firefox.csv'), ['3'], 'the decomposed "Café" repeats the composed one');
  assertEq(rec.errors, [], 'page errors');
  await page.close();
});

await test('Firefox: the results link at a phone\'s width (412×915) reads as a report', async () => {
  const { page, rec } = await open();
  const input = async (id, files) => (await page.$(`input[type=file][data-testid=${id}]`)).uploadFile(...files);
  await input('report-files', SCENARIO);
  await input('round1-files', [path.join(FIXTURES, 'scenario/round1-สระแก้ว.xlsx')]);
  await waitDone(page);
  await page.click('[data-testid=share-link]');
  await page.waitForSelector('[data-testid=share-url]');
  const link = await page.$eval('[data-testid=share-url]', (e) => e.value);
  await page.close();
  const narrow = await browser.newPage();
  await narrow.setViewport({ width: 412, height: 915 });
  await narrow.goto(link, { waitUntil: 'load' });
  await narrow.waitForSelector('[data-testid=shared-view]', { timeout: 20000 });
  const m = await narrow.evaluate(measure);
  // (A desktop window, not a touch screen: its controls keep their desktop size.)
  assertEq([m.sidewaysScroll, m.cut, m.small, m.offScreen, m.firstScreen], [false, [], [], [], true], summary(m));
  assert(m.scoreCells >= 18, `the KPI tables' score cells: ${m.scoreCells}`);
  assertEq(await narrow.$eval('[data-testid=kpi1] tr[data-district="เมืองสระแก้ว"] [data-col=online]', (e) => e.dataset.value),
    '37', 'a figure from the link');
  await narrow.screenshot({ path: path.join(OUT, 'firefox-phone-link.png') });
  assertEq(rec.errors, [], 'page errors');
  await narrow.close();
});

await browser.close();
await server.close();
finish();
