// Where a drop's CPU time goes, thread by thread, for builds side by side: the
// page's main thread, its Web Workers (the wasm they run, and all their
// tasks), and the browser's compile threads (V8's TurboFan compiling hot wasm
// in the background, on the cores the workers need). CPU time is what a
// thread ran, not what it waited for a core, so it varies far less than the
// wall time on a busy 2-core machine (BENCHMARKS.md, "Issue 35, eighth
// session"). The files are dropped SETTLE ms after the page is ready (3,000
// by default), each build in turn, RUNS times; Chromium's trace of the drop
// gives each thread's CPU time (`tdur`) from the input's change event to the
// status saying done. A diagnosis beside ab.mjs, not a timed test.
// Usage: AB_DISTS=/abs/before,/abs/after CPU_FILES=/abs/a.xlsx,… [SETTLE=3000] [RUNS=3] node tests/bench/cpu.mjs
//        (CPU_FILES=province: the scenario's nine district files; CPU_FILES=none:
//        nothing dropped, the CPU from opening the page to SETTLE ms after it is ready;
//        CPU_FILES=link: the same, the page opened on the scenario's results link, made
//        once with the first build; both also give the KB the page and its workers fetched, unzipped)
import path from 'node:path';
import { serve, launch } from '../e2e/harness.mjs';
import { handOver, drop } from './drop.mjs';
import { PROVINCE } from './cases.mjs';

const DISTS = (process.env.AB_DISTS || '').split(',').filter(Boolean);
const LINK = process.env.CPU_FILES === 'link';
const IDLE = process.env.CPU_FILES === 'none' || LINK;
const FILES = IDLE ? [] : (process.env.CPU_FILES || 'province') === 'province' ? PROVINCE : process.env.CPU_FILES.split(',');
if (!DISTS.length) {
  console.error('AB_DISTS=/abs/before,/abs/after CPU_FILES=… node tests/bench/cpu.mjs');
  process.exit(2);
}
const SETTLE = Number(process.env.SETTLE ?? 3000);
const RUNS = Number(process.env.RUNS || 3);

/** The thread a trace event ran on, as this report groups them (null: not counted). */
function group(threadName) {
  if (/CrRendererMain/.test(threadName)) return 'main';
  if (/DedicatedWorker/.test(threadName)) return 'workers';
  if (/ThreadPool/.test(threadName)) return 'compile';
  return null;
}

/** Each thread group's CPU ms in `events` between the marks `from` and `to`, in the page's renderer. */
function cpuOf(events, from, to) {
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const cpu = { main: 0, workers: 0, compile: 0 };
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== from.pid || e.ts < from.ts || e.ts > to.ts) continue;
    const g = group(threads.get(`${e.pid}:${e.tid}`) || '');
    const ms = (e.tdur || 0) / 1000;
    // Top-level events only (nested ones would count twice): the main thread's
    // tasks, the workers' script calls (their wasm; a worker's tasks are not
    // traced as such), the compile threads' tasks.
    if (g === 'compile' && e.name === 'ThreadPool_RunTask') cpu.compile += ms;
    else if (g === 'main' && e.name === 'ThreadControllerImpl::RunTask') cpu.main += ms;
    else if (g === 'workers' && e.name === 'FunctionCall') cpu.workers += ms;
  }
  return cpu;
}

const CATEGORIES = 'toplevel,devtools.timeline,blink.user_timing';

/** Runs `during()` on `page` with Chromium tracing it; its result and the trace's events. */
async function traced(context, page, during) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  const result = await during();
  await cdp.send('Tracing.end');
  await complete;
  return { result, events };
}

/** The scenario's results link's fragment (with its `#`), from a run on `url`. */
async function scenarioLink(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.setInputFiles('input[type=file][data-testid=report-files]', PROVINCE);
  await page.waitForSelector('[data-testid=status][data-state=done]', { timeout: 60000 });
  await page.click('[data-testid=share-link]');
  const link = await page.inputValue('[data-testid=share-url]');
  await page.close();
  return `#${link.split('#')[1]}`;
}

/** Opens `url` with nothing dropped: the CPU from before it opens to SETTLE ms after it is
 *  ready, and the KB its responses carried (the page's and its workers'). */
async function idle(context, url) {
  const page = await context.newPage();
  let bytes = 0;
  page.on('response', (r) => r.body().then((b) => { bytes += b.length; }, () => {}));
  const { events } = await traced(context, page, async () => {
    await page.goto(url);
    await page.evaluate(() => performance.mark('otop-drop'));
    await page.waitForSelector('[data-testid=status][data-state=idle]', { state: 'attached' });
    await page.waitForTimeout(SETTLE);
    await page.evaluate(() => performance.mark('otop-done'));
  });
  await page.close();
  // From the first event of the page's renderer (its marks say which process it is).
  const mark = events.find((e) => e.name === 'otop-drop');
  const first = events.filter((e) => e.pid === mark.pid && e.ph === 'X').reduce((a, e) => (e.ts < a.ts ? e : a), mark);
  return { ms: 0, kb: bytes / 1024, cpu: cpuOf(events, first, events.find((e) => e.name === 'otop-done')) };
}

/** Drops FILES on a fresh page of `url`; each thread group's CPU ms and the page's own time to done. */
async function once(context, url) {
  if (IDLE) return idle(context, url);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  await handOver(page, FILES);
  await page.waitForTimeout(SETTLE);
  const { result: ms, events } = await traced(context, page, () => drop(page));
  await page.close();
  const cpu = cpuOf(events, events.find((e) => e.name === 'otop-drop'), events.find((e) => e.name === 'otop-done'));
  return { ms, cpu };
}

const servers = await Promise.all(DISTS.map((d) => serve(d)));
const context = await launch();
const all = DISTS.map(() => []);
const fragment = LINK ? await scenarioLink(context, servers[0].url) : '';
for (let run = 0; run < RUNS; run++) {
  for (const [i, server] of servers.entries()) all[i].push(await once(context, server.url + fragment));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const opened = LINK ? 'the page opened on a results link' : 'nothing dropped';
console.log(IDLE ? `${opened}: from opening the page to ${SETTLE} ms after ready, ${RUNS} runs; medians, CPU ms per thread group`
  : `${FILES.length} file(s), dropped ${SETTLE} ms after ready, ${RUNS} runs; medians, CPU ms per thread group`);
console.log(`| build | ${IDLE ? 'KB fetched' : 'to done ms'} | main thread | workers | compile threads |`);
console.log('|---|---:|---:|---:|---:|');
for (const [i, dist] of DISTS.entries()) {
  const m = (f) => Math.round(median(all[i].map(f)));
  const first = IDLE ? m((r) => r.kb) : m((r) => r.ms);
  console.log(`| ${path.basename(dist)} | ${first} | ${m((r) => r.cpu.main)} | ${m((r) => r.cpu.workers)} | ${m((r) => r.cpu.compile)} |`);
}
await context.close();
await Promise.all(servers.map((s) => s.close()));
