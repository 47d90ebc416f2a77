// Offline support: a small, versioned service worker. Its VERSION, PRECACHE and RUNTIME_CACHE
// are the build's, in sw-config.js (sitebuild/service_worker.py). Pages and assets are cached at
// install, which a page starts only once it is idle. The Pyodide runtime has a cache of its own,
// which the page's Python worker fills as it downloads each file once (py-worker.js): reading a
// chapter never downloads the runtime, and no file is downloaded a second time to be kept. A new
// build gets a new cache for pages, and for the runtime only if the runtime changed; the old ones
// are deleted whole, so a stale runtime is never mixed with a new wheel.
importScripts("sw-config.js"); // beside this file; a new build changes it, and so updates this worker
const { version: VERSION, precache: PRECACHE, runtimeCache: RUNTIME_CACHE, liveReload: LIVE_RELOAD } = OFFLINE;
const CACHE = `downhill-confidence-${VERSION}`;
const RUNTIME = /\/pyodide\//;
// `mkdocs serve` long-polls this path for a rebuild. Held by this worker, a poll delayed the
// next page; cached, every later poll was answered at once, in a tight loop.
const RELOAD_CHANNEL = /^\/livereload\//;

self.addEventListener("install", (event) => {
  // Served by `mkdocs serve` (the build says so), pages change as they are edited: keep none.
  const kept = LIVE_RELOAD ? Promise.resolve() : caches.open(CACHE).then((cache) => cache.addAll(PRECACHE));
  event.waitUntil(kept.then(() => self.skipWaiting()));
});

// Never while a newer build's worker installs or waits: the cache it fills is not stale, and its
// own activation sweeps. Checked after reading the keys, so a cache made meanwhile is spared too.
async function deleteOtherBuildsCaches() {
  const keys = await caches.keys();
  if (self.registration.installing || self.registration.waiting) return;
  const ours = [CACHE, RUNTIME_CACHE];
  const stale = keys.filter((k) => k.startsWith("downhill-confidence-") && !ours.includes(k));
  await Promise.all(stale.map((k) => caches.delete(k)));
}

// Navigation preload: when this worker has been stopped (as browsers do after a short idle), a
// reader's next page is requested from the network while it starts, not after.
self.addEventListener("activate", (event) => {
  const preload = self.registration.navigationPreload?.enable();
  event.waitUntil(Promise.all([deleteOtherBuildsCaches(), preload]).then(() => self.clients.claim()));
});

// A newer build's worker deletes this cache when it activates; an old worker still finishing
// a request must not bring it back. (That check and the open are not atomic, so the current
// worker sweeps again whenever a tool page says its Python is running.) Opened once per run of
// this worker, not for every request: a page's start asks for a dozen files, and each check
// and open waited in the same queue as the reads (a cache deleted meanwhile is not recreated
// by writing to it).
let opened = null;
function ownCache() {
  opened ??= caches.has(CACHE).then((has) => {
    if (has) return caches.open(CACHE);
    opened = null; // not made yet, or deleted: ask again next time
    return null;
  });
  return opened;
}

self.addEventListener("message", (event) => {
  if (event.data === "cache-runtime") event.waitUntil(deleteOtherBuildsCaches());
});

async function networkFirst(request, preloaded) {
  const cache = await ownCache();
  try {
    const response = (await preloaded) ?? (await fetch(request));
    if (cache && response.ok && response.type === "basic") cache.put(request, response.clone());
    return response;
  } catch (error) {
    // Share links carry a query string: the page itself is the same.
    const cached = await cache?.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await ownCache();
  const cached = await cache?.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (cache && response.ok && response.type === "basic") cache.put(request, response.clone());
  return response;
}

// The runtime's files come from the cache the Python worker filled; this worker never stores
// them itself (it would keep the packed copies as well as the worker's unpacked ones).
async function runtimeFile(request) {
  return (await caches.match(request, { cacheName: RUNTIME_CACHE })) ?? fetch(request);
}

function onFetch(event) {
  const url = new URL(event.request.url);
  // Only this site's own GET requests; anything from another origin is never touched or cached.
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (RELOAD_CHANNEL.test(url.pathname)) return;
  if (RUNTIME.test(url.pathname)) return event.respondWith(runtimeFile(event.request));
  const isPage = event.request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html");
  if (!isPage) return event.respondWith(cacheFirst(event.request));
  event.respondWith(networkFirst(event.request, event.preloadResponse)); // undefined unless navigating
}
// Under `mkdocs serve` no fetch handler at all: the browser then sends every request, the
// reload channel's included, straight to the dev server, as if there were no worker.
if (!LIVE_RELOAD) self.addEventListener("fetch", onFetch);
