// A drop as the benchmarks time it, shared by ab.mjs, cpu.mjs and profile.mjs.
// The files go to a hidden scratch input first (Playwright making hundreds of
// `File` objects is the harness's work, not the page's), then are moved to the
// page's report input and its `change` dispatched: the page's time runs from
// that event to `status` = `done`, with the marks `otop-drop` and `otop-done`
// for a trace.

/** Puts `files` on a hidden scratch input of `page`, ready for {@link drop}. */
export async function handOver(page, files) {
  await page.evaluate(() => {
    const scratch = Object.assign(document.createElement('input'), { type: 'file', multiple: true, id: '__handover', hidden: true });
    document.body.appendChild(scratch);
  });
  await page.setInputFiles('#__handover', files);
}

/** Drops the files handed over on the page's report input; the ms from its `change` to `done`. */
export function drop(page) {
  return page.evaluate(() => new Promise((ok) => {
    const input = document.querySelector('input[data-testid=report-files]');
    const status = document.querySelector('[data-testid=status]');
    let t0 = null;
    input.addEventListener('change', () => { t0 = performance.now(); performance.mark('otop-drop'); }, { capture: true, once: true });
    new MutationObserver((_, o) => {
      if (status.dataset.state === 'done' && t0 !== null) { o.disconnect(); performance.mark('otop-done'); ok(performance.now() - t0); }
    }).observe(status, { attributes: true });
    input.files = document.getElementById('__handover').files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }));
}
