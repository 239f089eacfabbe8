// Starts the page's WebAssembly. Loaded as a file (not inline) so the
// Content-Security-Policy can forbid inline scripts; URLs are relative to this
// file, so the built folder works under any sub-path.
import init from './otop-kpi-page.js';
await init({ module_or_path: new URL('./otop-kpi-page_bg.wasm', import.meta.url) });
// Offline after one visit: a service worker keeps the page's own files. Its
// install fetches every built file (the writing worker's 1 MB and more), so it
// is registered once the first reading worker is ready (the page's
// `otop-kpi-reading` event), not while a first result waits for that worker's
// bytes; or after 10 s, whatever happened.
if ('serviceWorker' in navigator) {
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { scope: './' }).catch(() => {});
  };
  addEventListener('otop-kpi-reading', register, { once: true });
  setTimeout(register, 10000);
}
