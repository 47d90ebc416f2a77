// The one Python of a visit: Pyodide in a module worker, with the `drills` wheel.
// It knows nothing about the tools; it runs drills.bridge.call(name, json) and posts the JSON back.
//
// Every runtime file is downloaded at most once: as it streams in, the worker keeps it, unpacked,
// in the runtime's cache, which later visits (and the service worker, offline) read.
import config from "./runtime-config.js"; // written by the build (sitebuild/service_worker.py)

const RUNTIME_CACHE = config.runtimeCache;
const INFLATED = config.inflated; // fetched as NAME.gz and inflated here, so a host need not compress anything
const WHEEL = config.wheel; // the `drills` wheel, for a plain start
const DOWNLOAD_BYTES = config.downloadBytes; // what a first visit downloads, either way
// Each runtime file as it is kept (inflated): its length and SHA-256. A file that arrives with
// another length is reported as it ends, and one that differs is never kept.
const FILES = config.files;
// A memory snapshot saves Python's start-up and the import of `drills` (scripts/bench: about
// 1.5 s here, more on a phone). It is downloaded only where it arrives sooner than that; on a
// slower network, or with a data saver, Python starts plainly and this device makes its own
// snapshot for later visits once the reader pauses (below).
const SNAPSHOT_PAYS_WITHIN_MS = 1500;
const MEASURE_MS = 300; // the first downloads are watched this long, or until MEASURE_BYTES arrive,
const MEASURE_BYTES = 1e6; // to judge the network

const runtime = new URL("../../pyodide/", import.meta.url).href;
// Imported beside the downloads rather than before this script runs: the worker starts sooner.
const snapshotFile = import("./snapshot-file.js");
const TYPES = { wasm: "application/wasm", mjs: "text/javascript", json: "application/json" };
const realFetch = self.fetch.bind(self);
const keep = (self.caches ? caches.open(RUNTIME_CACHE) : Promise.reject(new Error())).catch(() => null);

async function kept(url) {
  return (await keep)?.match(url).catch(() => undefined);
}

const flags = self.name.split(" "); // set by py-client.js

// A download that fails, or a start that fails, can be tried again by the page (it starts a new
// worker); only a browser without WebAssembly is final.
let failed = false;
function reportFailure(type, message) {
  if (failed) return;
  failed = true;
  postMessage({ type, message });
  // Keep what did arrive whole (a retry reads it from the cache), drop any kept copy unlike the
  // build's (one kept before copies were checked), then say so: the page ends this worker.
  settle();
  Promise.allSettled(keeping).then(dropDamaged).then(() => postMessage({ type: "kept" }));
}
const reportDownloadFailure = (message) => reportFailure("download-failed", message);

async function dropDamaged() {
  const cache = await keep;
  // Not the snapshot: this device may have made its own (a damaged one is not restored).
  for (const name of Object.keys(FILES).filter((name) => name !== "snapshot.bin")) {
    const found = await cache?.match(runtime + name);
    if (found && !(await asBuilt(name, new Uint8Array(await found.arrayBuffer())))) await cache.delete(runtime + name);
  }
}

let received = 0;
let firstByteAt = null;
let total = DOWNLOAD_BYTES.plain; // until a snapshot is chosen
let reportedAt = 0;
let measured;
const networkJudged = new Promise((resolve) => (measured = resolve));
setTimeout(() => measured(), MEASURE_MS);
function progressed(bytes) {
  firstByteAt ??= performance.now();
  received += bytes;
  if (received >= MEASURE_BYTES) measured();
  const now = performance.now();
  if (now - reportedAt < 200) return;
  reportedAt = now;
  postMessage({ type: "progress", received, total });
}

/** The body, counted as it arrives. */
function counted(body) {
  return body.pipeThrough(new TransformStream({ transform: (chunk, out) => (progressed(chunk.byteLength), out.enqueue(chunk)) }));
}

/** The body (inflated), checked as it arrives: a download that stops, a gzip stream that is
 *  damaged, or a length other than the build's is reported, unless the file is optional. */
function checked(body, name, optional) {
  const reader = body.getReader();
  const expected = FILES[name]?.[0];
  let length = 0;
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        length += value?.byteLength ?? 0;
        if ((done && expected !== undefined && length !== expected) || length > expected) {
          throw new Error(`${length.toLocaleString("en")} bytes arrived of ${expected.toLocaleString("en")}`);
        }
        if (done) return controller.close();
        controller.enqueue(value);
      } catch (error) {
        if (!optional) reportDownloadFailure(`${name} did not arrive whole (${error.message ?? error})`);
        reader.cancel().catch(() => {});
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
    // After a failed start, past the browser's own cache: it may hold a damaged copy.
    response = await realFetch(packed ? `${url}.gz` : url, flags.includes("retry") ? { cache: "reload" } : {});
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
  } catch (error) {
    if (!optional) reportDownloadFailure(`${name} could not be downloaded (${error.message ?? error})`);
    throw error;
  }
  let body = counted(response.body);
  if (packed) body = body.pipeThrough(new DecompressionStream("gzip"));
  body = checked(body, name, optional);
  const headers = { "Content-Type": TYPES[name.split(".").pop()] ?? "application/octet-stream" };
  const cache = await keep;
  if (!cache) return new Response(body, { headers });
  const [mine, toKeep] = body.tee();
  keeping.push(keepLater(cache, name, toKeep, headers));
  return new Response(mine, { headers });
}

// Writing 45 MB into the cache while Python starts, or while it answers the reader's first change,
// slowed both (scripts/bench): the copies are held in memory and written once Python is ready and
// the page has left it alone for a moment (or at once when the start failed). A copy that fails,
// a download cut short or a file unlike the build's is not kept: it is fetched again next time.
let settle;
const settled = new Promise((resolve) => (settle = resolve));
const keeping = [];
async function keepLater(cache, name, stream, headers) {
  try {
    const body = new Uint8Array(await new Response(stream).arrayBuffer());
    await settled;
    if (!(await asBuilt(name, body))) return;
    await cache.put(runtime + name, new Response(body, { headers }));
  } catch {
    /* fetched again next time */
  }
}

async function asBuilt(name, body) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return FILES[name]?.[0] === body.byteLength && FILES[name][1] === hex;
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
for (const name of ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]) {
  start(name);
}

// Restore a snapshot (kept from an earlier visit, or downloaded now if the network is fast), or
// start plainly. Decided while the files needed either way arrive.
const snapshotChosen = (async () => {
  if (await kept(runtime + "snapshot.bin")) return true;
  if (!flags.includes("save-data")) {
    await networkJudged;
    const ms = firstByteAt === null ? Infinity : Math.max(1, performance.now() - firstByteAt);
    const snapshotBytes = DOWNLOAD_BYTES.snapshot - DOWNLOAD_BYTES.plain; // less the wheel's 0.1 MB
    if ((snapshotBytes / received) * ms < SNAPSHOT_PAYS_WITHIN_MS) {
      start("snapshot.bin", true);
      total = DOWNLOAD_BYTES.snapshot;
      return true;
    }
  }
  start(WHEEL);
  return false;
})();

self.fetch = async (resource, init) => {
  const url = String(resource?.url ?? resource);
  return url.startsWith(runtime) ? take(url) : realFetch(resource, init);
};

// A failed fetch inside Pyodide surfaces as an unhandled rejection: report it (once: a download
// failure is reported already). Once Python is running, anything unhandled means it may not be
// sound any more.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (python) stop(null, why(event.reason));
  else reportFailure("start-failed", String(event.reason?.message ?? event.reason));
});

// On a page the service worker controls, a kept module is imported by its address (the service
// worker answers from the same cache, and V8 can keep its compiled code); otherwise from its text.
async function runtimeModule(name) {
  const url = runtime + name;
  if (flags.includes("controlled") && (await kept(url))) return import(url);
  const source = await (await take(url)).text();
  const address = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    return await import(address);
  } finally {
    URL.revokeObjectURL(address);
  }
}

// The build's memory snapshot holds the interpreter with `drills` imported, without its zero
// pages (snapshot-file.js). It is unpacked as it arrives; Pyodide sizes Python's memory from its
// header and instantiates the wasm while the rest comes in. If it cannot be fetched or unpacked,
// start plainly.
function snapshot() {
  const unpacking = (async () => {
    const response = await take(runtime + "snapshot.bin");
    return (await snapshotFile).unpackStream(response.body);
  })();
  const memory = unpacking.then((unpacked) => unpacked.memory);
  const whole = unpacking.then((unpacked) => unpacked.whole);
  memory.catch(() => {}); // Pyodide awaits both; the catch in startPython decides
  whole.catch(() => {});
  return { memory, whole };
}

async function startPython() {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
  const glue = runtimeModule("pyodide.asm.mjs");
  glue.catch(() => {}); // awaited by Pyodide below
  // The snapshot is read as soon as it is chosen, beside the module imports, not after them.
  const restoring = snapshotChosen.then((chosen) => chosen && snapshot());
  const { loadPyodide } = await runtimeModule("pyodide.mjs");
  const options = {
    indexURL: runtime,
    lockFileURL: runtime + "pyodide-lock.json",
    createPyodideModule: async (settings) => (await glue).default(settings),
  };
  if (await snapshotChosen) {
    const { memory, whole } = await restoring;
    try {
      // Private API; the Pyodide version is pinned and the browser tests cover every path.
      // Pyodide restores the memory as soon as the module is made: it must be whole by then.
      const restored = async (settings) => {
        const module = await options.createPyodideModule(settings);
        await whole;
        return module;
      };
      return await loadPyodide({ ...options, createPyodideModule: restored, _loadSnapshot: memory });
    } catch (error) {
      if (await whole.then(() => true, () => false)) throw error; // not the snapshot's fault
      total = DOWNLOAD_BYTES.plain;
    }
  }
  return startPlainly(loadPyodide, options);
}

// As scripts/make-snapshot.mjs does at build time: Python unpacks the wheel and imports what the
// pages call (pyodide.loadPackage would leave JS handles a snapshot cannot hold).
const INSTALL_DRILLS = `
import sysconfig, zipfile
zipfile.ZipFile("/tmp/drills.whl").extractall(sysconfig.get_paths()["purelib"])
import drills.bridge
`;

let plainPython = null; // a plain start, until this device has made its own snapshot of it
async function startPlainly(loadPyodide, options) {
  const wheel = take(runtime + WHEEL);
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
  pyodide.FS.writeFile("/tmp/drills.whl", new Uint8Array(await (await wheel).arrayBuffer()));
  pyodide.runPython(INSTALL_DRILLS);
  pyodide.FS.unlink("/tmp/drills.whl");
  plainPython = pyodide;
  return pyodide;
}

// Once the reader pauses (after the page's rehearsals), keep a snapshot of this Python for later
// visits: they restore it instead of starting plainly, and nothing more is downloaded for it.
const KEEP_AFTER_QUIET_MS = 1000;
const SNAPSHOT_AFTER_QUIET_MS = 3000;
let keepTimer = null;
let snapshotTimer = null;
function whenQuiet() {
  clearTimeout(keepTimer);
  keepTimer = setTimeout(settle, KEEP_AFTER_QUIET_MS);
  if (!plainPython) return;
  clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(keepOwnSnapshot, SNAPSHOT_AFTER_QUIET_MS);
}
async function keepOwnSnapshot() {
  const pyodide = plainPython;
  plainPython = null;
  try {
    const bytes = (await snapshotFile).pack(pyodide.makeMemorySnapshot());
    const headers = { "Content-Type": "application/octet-stream" };
    await (await keep)?.put(runtime + "snapshot.bin", new Response(bytes, { headers }));
  } catch {
    /* a later visit starts plainly again */
  }
}

// Python's answers, one call at a time. A call that leaves Python unsound (Pyodide's fatal error,
// a MemoryError, or an error that is not Python's own, such as a full stack) is the last: the
// page ends this worker and starts a fresh one for the calls after it (py-client.js).
let python = null; // drills.bridge, once Python is ready
let PythonError = null;
let stopped = false;

startPython().then(
  (pyodide) => {
    PythonError = pyodide.ffi.PythonError;
    python = pyodide.pyimport("drills.bridge");
    postMessage({ type: "ready" });
    whenQuiet();
  },
  (error) => reportFailure(typeof WebAssembly === "object" ? "start-failed" : "fatal", String(error?.message ?? error)),
);

self.onmessage = ({ data }) => {
  // The page sends its calls once Python is ready; a worker whose start failed answers none.
  if (python) answer(data);
};

function answer({ id, call, args, bytes }) {
  if (stopped) return;
  let result;
  try {
    // bytes: a file the reader chose, beside the JSON
    result = JSON.parse(python.call(call, JSON.stringify(args), bytes));
  } catch (error) {
    if (!(error instanceof PythonError) || error.type === "MemoryError") return stop(id, why(error));
    result = { error: String(error.message), field: null };
  }
  if (result.stopped) return stop(id, result.stopped); // Python's own judgement (drills.bridge)
  postMessage({ type: "result", id, result });
  whenQuiet();
}

function stop(id, reason) {
  if (stopped) return;
  stopped = true;
  postMessage({ type: "stopped", id, message: reason });
}

/** Why Python stopped, in words for the page (a Python error's message is its traceback). */
function why(error) {
  if (error?.type === "MemoryError") return "it ran out of memory";
  if (/call stack/i.test(error?.message)) return "it ran out of stack space";
  return `${error?.name ?? "Error"}: ${String(error?.message ?? error).split("\n")[0]}`;
}
