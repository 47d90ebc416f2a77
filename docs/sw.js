// Offline support: a small, versioned service worker. The build fills in VERSION and PRECACHE
// (scripts/service_worker.py). Pages and assets are cached at install; the Pyodide runtime and
// the drills wheel are cached the first time a tool page loads them, so reading a chapter
// never downloads the runtime. A new build gets a new cache; the old one is deleted whole, so
// a stale runtime is never mixed with a new wheel.
const VERSION = "dev";
const PRECACHE = [];
const RUNTIME_FILES = [];
const CACHE = `downhill-confidence-${VERSION}`;
const RUNTIME = /\/pyodide\//;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

async function deleteOtherBuildsCaches() {
  const keys = await caches.keys();
  const stale = keys.filter((k) => k.startsWith("downhill-confidence-") && k !== CACHE);
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
// worker sweeps again whenever a page asks it to keep the runtime.)
async function ownCache() {
  return (await caches.has(CACHE)) ? caches.open(CACHE) : null;
}

// A tool page asks for the runtime to be kept once it has loaded it (mostly from the HTTP
// cache by then), so the tools work offline too.
self.addEventListener("message", (event) => {
  if (event.data !== "cache-runtime") return;
  event.waitUntil(
    deleteOtherBuildsCaches().then(ownCache).then(async (cache) => {
      if (!cache) return;
      const missing = [];
      for (const file of RUNTIME_FILES) if (!(await cache.match(file))) missing.push(file);
      await cache.addAll(missing);
      await keepSnapshotUnpacked(cache);
    }),
  );
});

// The memory snapshot is kept unpacked too (31 MB): on a repeat visit the Python worker reads
// it from here instead of inflating it on its own thread before Python can start (py-worker.js).
const SNAPSHOT = "pyodide/snapshot.bin.gz";
const UNPACKED_SNAPSHOT = "pyodide/snapshot.bin"; // only ever in this cache, never on the server
async function keepSnapshotUnpacked(cache) {
  if (await cache.match(UNPACKED_SNAPSHOT)) return;
  const packed = await cache.match(SNAPSHOT);
  if (!packed) return;
  const body = packed.body.pipeThrough(new DecompressionStream("gzip"));
  await cache.put(UNPACKED_SNAPSHOT, new Response(body, { headers: { "Content-Type": "application/octet-stream" } }));
}

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

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  // Only this site's own GET requests; anything from another origin is never touched or cached.
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  const isPage = event.request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html");
  if (!isPage || RUNTIME.test(url.pathname)) return event.respondWith(cacheFirst(event.request));
  event.respondWith(networkFirst(event.request, event.preloadResponse)); // undefined unless navigating
});
