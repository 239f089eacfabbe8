// Service worker: keeps a copy of the page's own files so it opens offline after
// one visit. Network first (a new deployment is picked up at once), the cached
// copy when there is no network. It only ever fetches this page's own files.
// The writing worker is kept too (downloads work offline), though the page
// itself fetches it only once results are shown.
const CACHE = 'otop-kpi-v4';
const FILES = [
  './', './index.html', './loader.js', './otop-kpi-page.js', './otop-kpi-page_bg.wasm',
  './otop-kpi-worker_loader.js', './otop-kpi-worker.js', './otop-kpi-worker_bg.wasm',
  './otop-kpi-all-formats_loader.js', './otop-kpi-all-formats.js', './otop-kpi-all-formats_bg.wasm',
  './otop-kpi-writer_loader.js', './otop-kpi-writer.js', './otop-kpi-writer_bg.wasm',
  './main.css', './icon.svg', './icon-192.png', './icon-512.png', './manifest.webmanifest',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((c) => c.put(event.request, copy));
        }
        return response;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true })
        .then((hit) => hit || (event.request.mode === 'navigate' ? caches.match('./index.html') : Response.error()))),
  );
});
