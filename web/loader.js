// Starts the page's WebAssembly. Loaded as a file (not inline) so the
// Content-Security-Policy can forbid inline scripts; URLs are relative to this
// file, so the built folder works under any sub-path.
import init from './otop-kpi-page.js';
await init({ module_or_path: new URL('./otop-kpi-page_bg.wasm', import.meta.url) });
// Offline after one visit: a service worker keeps the page's own files.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { scope: './' }).catch(() => {});
}
