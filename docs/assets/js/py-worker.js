// The one Python of a visit: Pyodide in a module worker, with the `drills` wheel.
// It knows nothing about the tools; it runs drills.bridge.call(name, json) and posts the JSON back.
//
// Every runtime file is downloaded at most once: as it streams in, the worker keeps it, unpacked,
// in the runtime's cache, which later visits (and the service worker, offline) read. The build
// fills in these constants (scripts/service_worker.py).
const RUNTIME_CACHE = "downhill-confidence-runtime-dev";
const INFLATED = []; // fetched as NAME.gz and inflated here, so a host need not compress anything
const DOWNLOAD_BYTES = 0; // what a first visit downloads, for the progress line

const runtime = new URL("../../pyodide/", import.meta.url).href;
const TYPES = { wasm: "application/wasm", mjs: "text/javascript", json: "application/json" };
const realFetch = self.fetch.bind(self);
const keep = (self.caches ? caches.open(RUNTIME_CACHE) : Promise.reject(new Error())).catch(() => null);

async function kept(url) {
  return (await keep)?.match(url).catch(() => undefined);
}

// A download that fails can be tried again by the page (it starts a new worker); anything else
// that stops Python is final.
let downloadFailed = false;
function reportDownloadFailure(message) {
  if (downloadFailed) return;
  downloadFailed = true;
  postMessage({ type: "download-failed", message });
}

let received = 0;
let reportedAt = 0;
function progressed(bytes) {
  received += bytes;
  const now = performance.now();
  if (now - reportedAt < 200) return;
  reportedAt = now;
  postMessage({ type: "progress", received, total: DOWNLOAD_BYTES });
}

/** The body, counted as it arrives; an error part-way is reported unless the file is optional. */
function watched(body, name, optional) {
  const reader = body.getReader();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        progressed(value.byteLength);
        controller.enqueue(value);
      } catch (error) {
        if (!optional) reportDownloadFailure(`${name} stopped downloading (${error.message ?? error})`);
        controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** A runtime file as a Response: kept from an earlier visit, or downloaded (and kept) now. */
async function runtimeFile(url, optional = false) {
  const found = await kept(url);
  if (found) return found;
  const name = url.slice(runtime.length);
  const packed = INFLATED.includes(name);
  let response;
  try {
    response = await realFetch(packed ? `${url}.gz` : url);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
  } catch (error) {
    if (!optional) reportDownloadFailure(`${name} could not be downloaded (${error.message ?? error})`);
    throw error;
  }
  let body = watched(response.body, name, optional);
  if (packed) body = body.pipeThrough(new DecompressionStream("gzip"));
  const headers = { "Content-Type": TYPES[name.split(".").pop()] ?? "application/octet-stream" };
  const cache = await keep;
  if (!cache) return new Response(body, { headers });
  const [mine, toKeep] = body.tee();
  cache.put(url, new Response(toKeep, { headers })).catch(() => {}); // a failed copy is fetched next time
  return new Response(mine, { headers });
}

// Every file starts downloading now, side by side; Pyodide's own fetches take these responses.
const started = new Map();
function start(name, optional = false) {
  const response = runtimeFile(runtime + name, optional);
  response.catch(() => {}); // reported above, or optional
  started.set(runtime + name, response);
}
function take(url) {
  const response = started.get(url);
  started.delete(url); // a body is read once; a second load (the fallback) asks again
  return response ?? runtimeFile(url);
}
for (const name of ["snapshot.bin", "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]) {
  start(name, name === "snapshot.bin");
}

self.fetch = async (resource, init) => {
  const url = String(resource?.url ?? resource);
  return url.startsWith(runtime) ? take(url) : realFetch(resource, init);
};

// A failed fetch inside Pyodide surfaces as an unhandled rejection: report it, unless it is a
// download failure, which is reported already.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!downloadFailed) postMessage({ type: "fatal", message: String(event.reason?.message ?? event.reason) });
});

// On a page the service worker controls, a kept module is imported by its address (the service
// worker answers from the same cache, and V8 can keep its compiled code); otherwise from its text.
async function runtimeModule(name) {
  const url = runtime + name;
  if (self.name === "controlled" && (await kept(url))) return import(url);
  const source = await (await take(url)).text();
  const address = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    return await import(address);
  } finally {
    URL.revokeObjectURL(address);
  }
}

// The build's memory snapshot holds the interpreter with `drills` imported. If it cannot be
// fetched or unpacked, start plainly and install `drills` from the site lockfile.
let snapshotMissing = false;
async function snapshot() {
  try {
    return new Uint8Array(await (await take(runtime + "snapshot.bin")).arrayBuffer());
  } catch (error) {
    snapshotMissing = true;
    throw error;
  }
}

async function startPython() {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
  const glue = runtimeModule("pyodide.asm.mjs");
  glue.catch(() => {}); // awaited by Pyodide below
  const { loadPyodide } = await runtimeModule("pyodide.mjs");
  const options = {
    indexURL: runtime,
    lockFileURL: runtime + "pyodide-lock.json",
    createPyodideModule: async (settings) => (await glue).default(settings),
  };
  const bytes = snapshot();
  bytes.catch(() => {}); // Pyodide awaits it later: a missing snapshot is not an unhandled rejection
  try {
    // Private API; the Pyodide version is pinned and the browser tests cover both paths.
    return await loadPyodide({ ...options, _loadSnapshot: bytes });
  } catch (error) {
    if (!snapshotMissing) throw error;
    return await loadPyodide({ ...options, packages: ["drills"] });
  }
}

const bridge = startPython().then((pyodide) => pyodide.pyimport("drills.bridge"));

bridge.then(
  () => postMessage({ type: "ready" }),
  (error) => downloadFailed || postMessage({ type: "fatal", message: String(error?.message ?? error) }),
);

self.onmessage = async ({ data }) => {
  const { id, call, args } = data;
  try {
    const py = await bridge;
    postMessage({ type: "result", id, result: JSON.parse(py.call(call, JSON.stringify(args))) });
  } catch (error) {
    postMessage({ type: "result", id, result: { error: String(error?.message ?? error), field: null } });
  }
};
