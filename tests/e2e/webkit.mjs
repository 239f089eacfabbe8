// The browser tests in WebKit, Safari's engine (every browser on an iPhone,
// chat apps' in-app views included): Debian's WebKitGTK MiniBrowser driven
// over W3C WebDriver by its WebKitWebDriver, with npm's selenium-webdriver, on
// a virtual display (Xvfb). Usage: node tests/e2e/webkit.mjs (after `trunk
// build --release`); the test command runs it after the Firefox suite. The
// suite starts Xvfb and WebKitWebDriver itself and ends both by their process
// ids when it finishes, passed or failed.
//
// What runs here: the page under a sub-path with its CSP, and only GETs of its
// own built files (as the test server saw them); the nine-district scenario
// under both rules, with the survey; a workbook and a CSV written by the
// worker (caught as the Blob the page hands its link, before any save); Thai
// as offices type it and names in other scripts in NFC (WebKit's own
// `String.prototype.normalize`, in the worker); the results link opened in a
// fresh browser; the service worker under the sub-path.
//
// What WebKitGTK cannot show of iOS Safari: a phone's screen and touch (the
// link view is measured in a window as narrow as MiniBrowser allows, 447 px,
// with the phone layout but a mouse's controls), iOS's download sheet for `<a download>` (here the Blob is
// caught before the click), the clipboard permission prompt, and Safari's
// storage limits for an installed page. Classic WebDriver cannot run a script
// before the page's own: CSP violations and page errors are listened for from
// the moment the page is loaded, not before.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { Builder, By, until } from 'selenium-webdriver';
import { spawnSync } from 'node:child_process';
import { serve, captureDownloads, test, assert, assertEq, finish, SUB_PATH, DIST, FIXTURES, OUT } from './harness.mjs';
import { SCENARIO, EXPECTED, checkScenario } from './scenario.mjs';
import { measure, summary } from './phone.mjs';

const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
fs.mkdirSync(OUT, { recursive: true });

/** A free TCP port on the loopback. */
async function freePort() {
  const s = net.createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/** Starts Xvfb on a free display; resolves to its process and display (":N"). */
async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1366x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const display = await new Promise((ok, fail) => {
    let out = '';
    xvfb.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) ok(`:${out.trim()}`);
    });
    xvfb.on('exit', (code) => fail(new Error(`Xvfb exited (${code})`)));
    setTimeout(() => fail(new Error('Xvfb did not start')), 10000);
  });
  return { xvfb, display };
}

/** Starts WebKitWebDriver on `display`; resolves when it accepts connections. */
async function startDriver(display) {
  const port = await freePort();
  const driver = spawn(DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display },
  });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((ok) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); ok(true); });
      c.on('error', () => ok(false));
    });
    if (up) return { driver, url: `http://127.0.0.1:${port}` };
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('WebKitWebDriver did not start');
}

const server = await serve(DIST);
const { xvfb, display } = await startXvfb();
const started = [xvfb];
let endpoint;
let driverProcess;
try {
  const d = await startDriver(display);
  started.push(d.driver);
  driverProcess = d.driver;
  endpoint = d.url;
} catch (e) {
  started.forEach((p) => p.kill());
  throw e;
}
// Where the running test is, said when a browser stops answering (a CI run
// once stopped in this suite with no word of where).
let at = 'starting';
/** Notes the step the running test is at. */
function step(what) {
  at = what;
}

// A browser that gives no answer for this long is stuck: its MiniBrowser (the
// driver's child) is ended, so the command waiting on it fails, and the
// test fails saying at which step. A stuck browser is retried once in a fresh
// one, said in the output; a test that fails on what it checks is not.
const STUCK_MS = Number(process.env.WEBKIT_STUCK_MS || 120 * 1000);
const START_MS = Number(process.env.WEBKIT_START_MS || 30 * 1000);
class Stuck extends Error {}

/**
 * A bound of `ms`: `promise` fails with a `Stuck` saying `why()` once it is
 * passed, after the driver's MiniBrowser is ended (so the command waiting on
 * it fails too); `clear()` lifts it.
 */
function bound(ms, why) {
  let timer;
  const promise = new Promise((_, fail) => {
    timer = setTimeout(() => {
      const said = why();
      spawnSync('pkill', ['-P', String(driverProcess.pid)]);
      fail(new Stuck(said));
    }, ms);
  });
  promise.catch(() => {});
  return { promise, clear: () => clearTimeout(timer) };
}

/** Runs `journey` in a fresh browser, which is closed after it, passed or failed. */
async function inBrowser(journey) {
  for (let attempt = 1; ; attempt++) {
    const stuck = bound(STUCK_MS, () => `the browser gave no answer for ${STUCK_MS / 1000} s at: ${at}`);
    try {
      step('starting a browser');
      // A new session answers in about a second; one that hangs (seen once in
      // about twenty suites, in CI and here) is given up after START_MS.
      const start = bound(START_MS, () => `the browser did not start within ${START_MS / 1000} s`);
      const driver = await Promise.race([browser(), stuck.promise, start.promise]).finally(start.clear);
      try {
        return await Promise.race([journey(driver), stuck.promise]);
      } finally {
        step('closing the browser');
        await Promise.race([driver.quit(), stuck.promise]).catch(() => {});
      }
    } catch (e) {
      if (!(e instanceof Stuck) || attempt > 1) throw e;
      console.log(`     RETRY ${e.message}; once more in a fresh browser`);
    } finally {
      stuck.clear();
    }
  }
}

const stop = () => started.forEach((p) => { try { process.kill(p.pid); } catch { /* already ended */ } });
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { stop(); process.exit(1); });
}
// A browser that stops answering must not hold the test command: after this
// long the suite fails, its processes ended.
const LIMIT_MS = Number(process.env.WEBKIT_LIMIT_MS || 10 * 60 * 1000);
setTimeout(() => {
  console.log(`FAIL the WebKit suite did not finish within ${LIMIT_MS / 1000} s (at: ${at})`);
  stop();
  process.exit(1);
}, LIMIT_MS).unref();

/** A fresh browser (its own session, profile and storage). */
async function browser() {
  return new Builder()
    .usingServer(endpoint)
    .withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    })
    .build();
}

/** Listens for CSP violations and errors from now on. */
const LISTEN = () => {
  window.__csp = [];
  window.__errors = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
};

/** Opens `url` (default: the page) in `driver` and waits until it is ready for a drop. */
async function open(driver, url = server.url) {
  step(`opening ${url.length > 80 ? `${url.slice(0, 80)}…` : url}`);
  await driver.get(url);
  await driver.wait(until.elementLocated(By.css('[data-testid=status][data-state=idle], [data-testid=shared-view]')), 20000);
  await driver.executeScript(`(${LISTEN})(); (${captureDownloads})()`);
}

async function waitDone(driver) {
  step('waiting for done');
  await driver.wait(until.elementLocated(By.css('[data-testid=status][data-state=done]')), 60000);
}

/** Gives files to a file input: WebDriver types their paths, one a line. */
async function drop(driver, id, files) {
  step(`giving ${files.length} files to ${id}`);
  const input = await driver.findElement(By.css(`input[type=file][data-testid=${id}]`));
  await input.sendKeys(files.join('\n'));
}

const value = (driver, table, district, col) => driver.executeScript(
  (t, d, c) => document.querySelector(`table[data-testid=${t}] tr[data-district="${d}"] [data-col=${c}]`)?.getAttribute('data-value') ?? null,
  table, district, col);

/** The test server's requests that SPEC §7 does not allow: anything but a GET, with no query, of a built file. */
function notOwn(log) {
  return log.filter((r) => {
    const url = new URL(r.url, server.origin);
    if (r.method !== 'GET' || url.search !== '' || !url.pathname.startsWith(SUB_PATH)) return true;
    const rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    const file = path.join(DIST, path.normalize(rel));
    return !file.startsWith(path.resolve(DIST)) || !fs.existsSync(file) || fs.statSync(file).isDirectory();
  });
}

/** [CSP violations, page errors] since the page was loaded. */
const said = (driver) => driver.executeScript(() => [window.__csp, window.__errors]);

try {
  await test('WebKit: the page loads under a sub-path with its CSP; only GETs of its own built files, service worker included', async () => {
    await inBrowser(async (driver) => {
      const from = server.log.length;
      await open(driver);
      await new Promise((ok) => setTimeout(ok, 2000)); // the workers' files, fetched once the page is ready
      const log = server.log.slice(from);
      assert(log.some((r) => r.url.endsWith('otop-kpi-worker_bg.wasm')), `the worker was fetched: ${JSON.stringify(log)}`);
      assertEq(notOwn(log), [], 'requests other than GETs of the built files');
      // The service worker, registered under the sub-path (offline after one visit).
      const sw = await driver.executeAsyncScript((done) => {
        if (!navigator.serviceWorker) return done('none');
        navigator.serviceWorker.getRegistration().then((r) => done(r ? r.scope : 'unregistered'), (e) => done(`error ${e}`));
      });
      assert(sw.endsWith(SUB_PATH), `the service worker's scope: ${sw}`);
      assertEq(await said(driver), [[], []], 'CSP violations and errors');
    });
  });

  await test('WebKit: nine districts, round 1 and sales — both KPIs under both rules; files written by the worker', async () => {
    await inBrowser(async (driver) => {
      const from = server.log.length;
      await open(driver);
      await drop(driver, 'report-files', SCENARIO);
      await drop(driver, 'round1-files', [path.join(FIXTURES, 'scenario/round1-สระแก้ว.xlsx')]);
      await drop(driver, 'sales-files', [path.join(FIXTURES, 'sales/sales-long.xlsx')]);
      await waitDone(driver);
      step('checking the scenario under both rules');
      const rule = await driver.findElement(By.css('select[data-testid=scoring-rule]'));
      await checkScenario((r) => rule.findElement(By.css(`option[value=${r}]`)).click(),
        (table, district, col) => value(driver, table, district, col));
      await rule.findElement(By.css('option[value=table]')).click();
      assertEq(await value(driver, 'kpi1', 'เขาฉกรรจ์', 'score'), '4', 'no survey: 4');
      await driver.findElement(By.css('input[type=checkbox][data-testid=survey-done]')).click();
      assertEq(await value(driver, 'kpi1', 'เขาฉกรรจ์', 'score'), '5', 'with the survey: 5');
      const errors = await driver.findElements(By.css('[data-testid=issues] [data-severity=error][data-file="09-วังสมบูรณ์.xlsx"]'));
      assertEq(errors.length, 1, 'one error in วังสมบูรณ์');
      // The province's map (SVG made with DOM calls): nine districts, scored as the table.
      step('checking the map');
      await driver.wait(async () => (await driver.findElements(By.css('svg[data-testid=district-map] [data-district]'))).length === 9, 20000);
      const scores = await driver.executeScript(() => [...document.querySelectorAll('svg[data-testid=district-map] [data-district]')]
        .map((el) => [el.getAttribute('data-district'), el.getAttribute('data-score'),
          document.querySelector(`table[data-testid=kpi1] tr[data-district="${el.getAttribute('data-district')}"] [data-col=score]`)?.getAttribute('data-value')]));
      assert(scores.every(([, map, table]) => map && map === table), `the map's scores are the table's: ${JSON.stringify(scores)}`);
      const shot = await driver.findElement(By.css('svg[data-testid=district-map]')).takeScreenshot();
      fs.writeFileSync(path.join(OUT, 'webkit-map.png'), shot, 'base64');
      // The results workbook and a CSV, written in the worker from the run the page hands it.
      step('downloading the workbook and a CSV');
      await driver.findElement(By.css('[data-testid=download-results]')).click();
      await driver.findElement(By.css('[data-testid=download-kpi1-csv]')).click();
      await driver.wait(async () => (await driver.executeScript(() => window.__downloads.length)) >= 2, 30000);
      const downloads = await driver.executeScript(() => window.__downloads);
      const xlsx = downloads.find((d) => d.name.endsWith('.xlsx'));
      const csv = downloads.find((d) => d.name.endsWith('-kpi1.csv'));
      assert(xlsx && xlsx.bytes[0] === 0x50 && xlsx.bytes[1] === 0x4b && xlsx.size > 20000, `a workbook (zip): ${JSON.stringify(xlsx)}`);
      assert(csv && csv.bytes[0] === 0xef && csv.bytes[1] === 0xbb && csv.bytes[2] === 0xbf, `a CSV with a BOM: ${JSON.stringify(csv)}`);
      fs.writeFileSync(path.join(OUT, 'webkit-results.png'), await driver.takeScreenshot(), 'base64');
      assertEq(notOwn(server.log.slice(from)), [], 'requests other than GETs of the built files');
      assertEq(await said(driver), [[], []], 'CSP violations and errors');
    });
  });

  await test('WebKit: Thai as people type it, and names in other scripts in NFC (WebKit\'s own, in the worker)', async () => {
    await inBrowser(async (driver) => {
      await open(driver);
      const csv = path.join(OUT, 'nfc-cafe-webkit.csv');
      fs.writeFileSync(csv, 'ชื่อผลิตภัณฑ์,Facebook,อำเภอ,ที่,ตำบล\n'
        + 'Caf\u00e9 ผ้าไหม,fb.com/x,คลองหาด,1,ก\n'
        + 'Cafe\u0301 ผ้าไหม,fb.com/x,คลองหาด,2,ก\n');
      await drop(driver, 'report-files', [path.join(FIXTURES, 'thai/วังน้ำเย็น-พิมพ์ในสำนักงาน.xlsx'), csv]);
      await waitDone(driver);
      assertEq(await value(driver, 'kpi1', 'วังน้ำเย็น', 'online'), '6', 'วังน้ำเย็น online (typed นํ้า)');
      assertEq(await value(driver, 'kpi1', 'คลองหาด', 'online'), '1', '"Café" twice is one product');
      const rows = (file) => driver.executeScript((f) => [...document.querySelectorAll(
        `[data-testid=issues] [data-code="report.duplicate"][data-file="${f}"]`)].map((e) => e.dataset.row), file);
      assertEq(await rows('วังน้ำเย็น-พิมพ์ในสำนักงาน.xlsx'), ['15', '16'], 'the products typed twice');
      assertEq(await rows('nfc-cafe-webkit.csv'), ['3'], 'the decomposed "Café" repeats the composed one');
      assertEq(await said(driver), [[], []], 'CSP violations and errors');
    });
  });

  await test('WebKit: a results link opens in a fresh browser with the same figures, read-only', async () => {
    const link = await inBrowser(async (driver) => {
      await open(driver);
      await drop(driver, 'report-files', SCENARIO);
      await drop(driver, 'round1-files', [path.join(FIXTURES, 'scenario/round1-สระแก้ว.xlsx')]);
      await waitDone(driver);
      step('making the results link');
      await driver.findElement(By.css('[data-testid=share-link]')).click();
      await driver.wait(until.elementLocated(By.css('[data-testid=share-url]')), 10000);
      const made = await driver.executeScript(() => {
        const e = document.querySelector('[data-testid=share-url]');
        return e.value || e.getAttribute('href') || e.textContent;
      });
      assert(made.startsWith(server.url) && made.includes('#r1.'), `a results link: ${made}`);
      // The copy button says what happened: copied, or (no clipboard for the page) the link selected to copy by hand.
      step('copying the link');
      await driver.findElement(By.css('[data-testid=share-copy]')).click();
      await driver.wait(until.elementLocated(By.css('[data-testid=share-copy][data-copied]')), 10000);
      const copy = await driver.executeScript(() => {
        const input = document.querySelector('[data-testid=share-url]');
        const button = document.querySelector('[data-testid=share-copy]');
        return [button.dataset.copied, input.selectionStart, input.selectionEnd, input.value.length];
      });
      console.log(`     WebKit's clipboard: ${copy[0] === 'true' ? 'copied' : 'refused; the link was selected'}`);
      assert(copy[0] === 'true' || (copy[1] === 0 && copy[2] === copy[3]), `copied, or the whole link selected: ${copy}`);
      return made;
    });
    await inBrowser(async (fresh) => {
      const from = server.log.length;
      await open(fresh, link);
      await fresh.wait(until.elementLocated(By.css('[data-testid=shared-view]')), 20000);
      step("reading the link's figures");
      for (const [d, e] of Object.entries(EXPECTED)) {
        assertEq(await value(fresh, 'kpi1', d, 'online'), String(e[0]), `${d} online from the link`);
      }
      assertEq(await value(fresh, 'kpi1', 'province', 'online'), '179', 'the province from the link');
      // The fragment never reaches the server: every request is a GET of a built file, without it.
      assertEq(notOwn(server.log.slice(from)), [], 'requests other than GETs of the built files');
      assert(server.log.slice(from).every((r) => !r.url.includes('r1.')), 'the link is never sent');
      fs.writeFileSync(path.join(OUT, 'webkit-link.png'), await fresh.takeScreenshot(), 'base64');
      // At a phone's width (WebKitGTK emulates no touch screen, so controls keep their desktop size).
      step('narrowing the window to a phone');
      await fresh.manage().window().setRect({ width: 412, height: 915 });
      // (MiniBrowser's window is never narrower than its toolbar, 447 px: the phone layout, up to 600 px, is measured there.)
      await fresh.wait(async () => (await fresh.executeScript(() => document.documentElement.clientWidth)) <= 600, 10000);
      await fresh.executeScript(() => window.scrollTo(0, 0));
      step('measuring the phone layout');
      const m = await fresh.executeScript(`return (${measure})()`);
      assertEq([m.sidewaysScroll, m.cut, m.small, m.offScreen], [false, [], [], []], summary(m));
      assert(m.scoreCells >= 18, `the KPI tables' score cells: ${m.scoreCells}`);
      fs.writeFileSync(path.join(OUT, 'webkit-phone-link.png'), await fresh.takeScreenshot(), 'base64');
      assertEq(await said(fresh), [[], []], 'CSP violations and errors');
    });
  });
} finally {
  stop();
  await server.close();
}
finish();
