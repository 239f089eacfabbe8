// The page as a phone shows it (issue 34): measured, not assumed. `measure`
// is used by the browser tests (run.mjs, firefox.mjs); run directly, this
// prints the figures of the results-link view and of the page after the
// scenario's files are picked, at 412×915 (a Pixel 7: device scale 2.625,
// touch), and keeps screenshots of both in tests/e2e/out/.
// Usage: node tests/e2e/phone.mjs  (after trunk build --release)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launchBrowser, DIST, FIXTURES, OUT } from './harness.mjs';

/** A Pixel 7 as Chromium emulates it. */
export const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true };

/**
 * What a phone's reader meets on the page as it is now (run in the page):
 * sideways scroll; visible text cut off (past the screen's right edge, or
 * clipped by its box); visible text under 12 px (SVG text at its drawn size);
 * tap targets under 40 × 40 px; district score cells of the KPI tables and
 * the provinces table not within the screen's width; whether both province
 * scores are on the first screen (the page scrolled to its top).
 */
export function measure() {
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const visible = (e) => {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !e.closest('[hidden], details:not([open]) > :not(summary), .print-only');
  };
  const name = (e) => `${e.tagName.toLowerCase()}${e.dataset.testid ? `[${e.dataset.testid}]` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} "${(e.textContent || e.value || '').trim().slice(0, 30)}"`;
  const texts = [...document.querySelectorAll('body *')].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && visible(e));
  const cut = texts.filter((e) => {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    const clipped = e.scrollWidth > e.clientWidth + 1 && ['hidden', 'clip', 'auto', 'scroll'].includes(s.overflowX) && e.tagName !== 'TEXTAREA';
    return r.right > vw + 1 || r.left < -1 || clipped;
  }).map(name);
  const small = texts.filter((e) => {
    let size = parseFloat(getComputedStyle(e).fontSize);
    if (e instanceof SVGElement && e.getScreenCTM) size *= e.getScreenCTM().a;
    return size < 11.99;
  }).map((e) => `${name(e)} ${(e instanceof SVGElement && e.getScreenCTM ? parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a : parseFloat(getComputedStyle(e).fontSize)).toFixed(1)}px`);
  // A checkbox in a label is tapped through its label.
  const targets = [...document.querySelectorAll('button, a[href], select, summary, label.button, input:not([type=file]):not([type=hidden])')]
    .map((e) => (e.matches('input[type=checkbox], input[type=radio]') && e.closest('label')) || e)
    .filter(visible)
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width < 40 || r.height < 40; })
    .map(name);
  const scores = [...document.querySelectorAll('table[data-testid=kpi1] tr[data-district] td[data-col=score], table[data-testid=kpi2] tr[data-district] td[data-col=score], table[data-testid=provinces] tr[data-province] td[data-col=score]')]
    .filter(visible);
  const offScreen = scores.filter((e) => { const r = e.getBoundingClientRect(); return r.right > vw + 1 || r.left < -1; })
    .map((e) => `${e.closest('table').dataset.testid} ${e.closest('tr').dataset.district || e.closest('tr').dataset.province}`);
  // Each province card's score line (its second child, after the title).
  const cards = [...document.querySelectorAll('[data-testid=card-kpi1] > :nth-child(2), [data-testid=card-kpi2] > :nth-child(2)')];
  // On the screen as it is now scrolled (the link view opens at the top; after a pick the page scrolls to the cards).
  const firstScreen = cards.length === 2 && cards.every((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= vh && r.right <= vw; });
  return {
    sidewaysScroll: document.documentElement.scrollWidth > vw,
    cut, small, targets, scoreCells: scores.length, offScreen, firstScreen,
  };
}

/** The figures in one line each, for a person. */
export function summary(m) {
  return [
    `sideways scroll: ${m.sidewaysScroll}`,
    `text cut off: ${m.cut.length}${m.cut.length ? ` (${m.cut.slice(0, 4).join('; ')})` : ''}`,
    `text under 12 px: ${m.small.length}${m.small.length ? ` (${m.small.slice(0, 4).join('; ')})` : ''}`,
    `tap targets under 40 px: ${m.targets.length}${m.targets.length ? ` (${m.targets.slice(0, 6).join('; ')})` : ''}`,
    `score cells off-screen: ${m.offScreen.length} of ${m.scoreCells}`,
    `both scores on the first screen: ${m.firstScreen}`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(OUT, { recursive: true });
  const dist = process.env.BENCH_DIST || DIST;
  const server = await serve(dist);
  const browser = await launchBrowser();
  const tag = process.env.PHONE_TAG || 'now';
  // The page after the scenario's files are picked.
  const page = await (await browser.newContext(PHONE)).newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  const scenario = fs.readdirSync(path.join(FIXTURES, 'scenario')).filter((f) => f.startsWith('0')).sort().map((f) => path.join(FIXTURES, 'scenario', f));
  await page.setInputFiles('[data-testid=report-files]', scenario);
  await page.setInputFiles('[data-testid=round1-files]', [path.join(FIXTURES, 'scenario/round1-สระแก้ว.xlsx')]);
  await page.setInputFiles('[data-testid=sales-files]', [path.join(FIXTURES, 'sales/sales-long.xlsx')]);
  await page.waitForSelector('[data-testid=status][data-state=done]');
  await page.waitForTimeout(300); // the page scrolls its cards into view after a pick
  console.log(`== the page after the scenario's files (${tag})\n${summary(await page.evaluate(measure))}`);
  await page.screenshot({ path: path.join(OUT, `phone-files-${tag}.png`) });
  await page.screenshot({ path: path.join(OUT, `phone-files-${tag}-full.png`), fullPage: true });
  await page.click('[data-testid=share-link]');
  const link = await page.inputValue('[data-testid=share-url]');
  // Compared with an earlier link (its own: every change 0): the change cells in the cards too.
  await page.fill('[data-testid=compare-url]', link);
  await page.press('[data-testid=compare-url]', 'Enter');
  await page.waitForSelector('table[data-testid=kpi1] td[data-col=change]');
  await page.locator('table[data-testid=kpi1]').scrollIntoViewIfNeeded();
  console.log(`== compared with a link (${tag})\n${summary(await page.evaluate(measure))}`);
  await page.screenshot({ path: path.join(OUT, `phone-compare-${tag}.png`) });
  // The link opened in a fresh phone browser.
  const fresh = await (await browser.newContext(PHONE)).newPage();
  await fresh.goto(link);
  await fresh.waitForSelector('[data-testid=shared-view]');
  console.log(`== the results link (${tag})\n${summary(await fresh.evaluate(measure))}`);
  await fresh.screenshot({ path: path.join(OUT, `phone-link-${tag}.png`) });
  await fresh.screenshot({ path: path.join(OUT, `phone-link-${tag}-full.png`), fullPage: true });
  await browser.close();
  await server.close();
}
