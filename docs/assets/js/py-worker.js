// @ts-check
/// <reference lib="webworker" />
// The one Python of a visit: Pyodide in a module worker, with the `drills` wheel.
// It knows nothing about the tools; it runs drills.bridge.call(name, json) and posts the JSON
// text back as it is, a file the reader chose handed in beside it and a file Python made handed
// back, both transferred (types/messages.d.ts).
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
/** @type {Record<string, string>} */
const TYPES = { wasm: "application/wasm", mjs: "text/javascript", json: "application/json" };
const realFetch = self.fetch.bind(self);
const keep = (self.caches ? caches.open(RUNTIME_CACHE) : Promise.reject(new Error())).catch(() => null);

async function kept(/** @type {string} */ url) {
  return (await keep)?.match(url).catch(() => undefined);
}

const flags = self.name.split(" "); // set by py-client.js
// An extra Python for one long read (py-client.js, extraPython): it reads what this visit kept
// but keeps no copy and no snapshot of its own; the page's Python does that.
const extra = flags.includes("extra");

// A download that fails, or a start that fails, can be tried again by the page (it starts a new
// worker); only a browser without WebAssembly is final.
let failed = false;
function reportFailure(/** @type {string} */ type, /** @type {string} */ message) {
  if (failed) return;
  failed = true;
  postMessage({ type, message });
  // Keep what did arrive whole (a retry reads it from the cache), drop any kept copy unlike the
  // build's (one kept before copies were checked), then say so: the page ends this worker.
  settle();
  Promise.allSettled(keeping).then(dropDamaged).then(() => postMessage({ type: "kept" }));
}
const reportDownloadFailure = (/** @type {string} */ message) => reportFailure("download-failed", message);

async function dropDamaged() {
  const cache = await keep;
  // Not the snapshot: this device may have made its own (a damaged one is not restored).
  for (const name of Object.keys(FILES).filter((name) => name !== "snapshot.bin")) {
    const found = await cache?.match(runtime + name);
    if (found && !(await asBuilt(name, new Uint8Array(await found.arrayBuffer())))) await cache?.delete(runtime + name);
  }
}

let received = 0;
/** @type {number | null} */
let firstByteAt = null;
let total = DOWNLOAD_BYTES.plain; // until a snapshot is chosen
let reportedAt = 0;
/** @type {(value?: unknown) => void} */
let measured = () => {};
const networkJudged = new Promise((resolve) => (measured = resolve));
setTimeout(() => measured(), MEASURE_MS);
function progressed(/** @type {number} */ bytes) {
  firstByteAt ??= performance.now();
  received += bytes;
  if (received >= MEASURE_BYTES) measured();
  const now = performance.now();
  if (now - reportedAt < 200) return;
  reportedAt = now;
  postMessage({ type: "progress", received, total });
}

/** The body, counted as it arrives. */
function counted(/** @type {ReadableStream<Uint8Array>} */ body) {
  return body.pipeThrough(new TransformStream({ transform: (chunk, out) => (progressed(chunk.byteLength), out.enqueue(chunk)) }));
}

/** The body (inflated), checked as it arrives: a download that stops, a gzip stream that is
 *  damaged, or a length other than the build's is reported, unless the file is optional. */
/** @returns {ReadableStream<Uint8Array>} */
function checked(/** @type {ReadableStream<Uint8Array>} */ body, /** @type {string} */ name, /** @type {boolean} */ optional) {
  const reader = body.getReader();
  const expected = FILES[name]?.[0];
  let length = 0;
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        length += value?.byteLength ?? 0;
        if (expected !== undefined && ((done && length !== expected) || length > expected)) {
          throw new Error(`${length.toLocaleString("en")} bytes arrived of ${expected?.toLocaleString("en")}`);
        }
        if (done) return controller.close();
        controller.enqueue(value);
      } catch (error) {
        if (!optional) reportDownloadFailure(`${name} did not arrive whole (${message(error)})`);
        reader.cancel().catch(() => {});
        controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** A runtime file as a Response: kept from an earlier visit, or downloaded (and kept) now.
 *  @returns {Promise<Response>} */
async function runtimeFile(/** @type {string} */ url, optional = false) {
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
    if (!optional) reportDownloadFailure(`${name} could not be downloaded (${message(error)})`);
    throw error;
  }
  let body = counted(/** @type {ReadableStream<Uint8Array>} */ (response.body));
  if (packed) body = body.pipeThrough(new DecompressionStream("gzip"));
  body = checked(body, name, optional);
  const headers = { "Content-Type": TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream" };
  const cache = extra ? null : await keep;
  if (!cache) return new Response(body, { headers });
  const [mine, toKeep] = body.tee();
  keeping.push(keepLater(cache, name, toKeep, headers));
  return new Response(mine, { headers });
}

// Writing 45 MB into the cache while Python starts, or while it answers the reader's first change,
// slowed both (scripts/bench): the copies are held in memory and written once Python is ready and
// the page has left it alone for a moment (or at once when the start failed). A copy that fails,
// a download cut short or a file unlike the build's is not kept: it is fetched again next time.
/** @type {(value?: unknown) => void} */
let settle = () => {};
const settled = new Promise((resolve) => (settle = resolve));
/** @type {Promise<void>[]} */
const keeping = [];
async function keepLater(/** @type {Cache} */ cache, /** @type {string} */ name, /** @type {ReadableStream<Uint8Array>} */ stream, /** @type {Record<string, string>} */ headers) {
  try {
    const body = new Uint8Array(await new Response(stream).arrayBuffer());
    await settled;
    if (!(await asBuilt(name, body))) return;
    await cache.put(runtime + name, new Response(body, { headers }));
  } catch {
    /* fetched again next time */
  }
}

async function asBuilt(/** @type {string} */ name, /** @type {Uint8Array<ArrayBuffer>} */ body) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return FILES[name]?.[0] === body.byteLength && FILES[name][1] === hex;
}

// Every file starts downloading now, side by side; Pyodide's own fetches take these responses.
/** @type {Map<string, Promise<Response>>} */
const started = new Map();
function start(/** @type {string} */ name, optional = false) {
  const response = runtimeFile(runtime + name, optional);
  response.catch(() => {}); // reported above, or optional
  started.set(runtime + name, response);
}
function take(/** @type {string} */ url) {
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
  const url = resource instanceof Request ? resource.url : String(resource);
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
/** @returns {Promise<any>} Pyodide's own modules, untyped here */
async function runtimeModule(/** @type {string} */ name) {
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
    return (await snapshotFile).unpackStream(/** @type {ReadableStream<Uint8Array>} */ (response.body));
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
  const restoring = snapshotChosen.then((chosen) => (chosen ? snapshot() : null));
  const { loadPyodide } = await runtimeModule("pyodide.mjs");
  const options = {
    indexURL: runtime,
    lockFileURL: runtime + "pyodide-lock.json",
    createPyodideModule: async (/** @type {unknown} */ settings) => (await glue).default(settings),
  };
  const chosen = await restoring;
  if (chosen) {
    const { memory, whole } = chosen;
    try {
      // Private API; the Pyodide version is pinned and the browser tests cover every path.
      // Pyodide restores the memory as soon as the module is made: it must be whole by then.
      const restored = async (/** @type {unknown} */ settings) => {
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

/** @type {any} */
let plainPython = null; // a plain start, until this device has made its own snapshot of it
async function startPlainly(/** @type {any} */ loadPyodide, /** @type {Record<string, any>} */ options) {
  const wheel = take(runtime + WHEEL);
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
  pyodide.FS.writeFile("/tmp/drills.whl", new Uint8Array(await (await wheel).arrayBuffer()));
  pyodide.runPython(INSTALL_DRILLS);
  pyodide.FS.unlink("/tmp/drills.whl");
  if (!extra) plainPython = pyodide;
  return pyodide;
}

// Once the reader pauses (after the page's rehearsals), keep a snapshot of this Python for later
// visits: they restore it instead of starting plainly, and nothing more is downloaded for it.
const KEEP_AFTER_QUIET_MS = 1000;
const SNAPSHOT_AFTER_QUIET_MS = 3000;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let keepTimer;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let snapshotTimer;
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
/** @type {import("../../../types/messages").Bridge | null} */
let python = null; // drills.bridge, once Python is ready
/** @type {any} Pyodide's error class for Python's exceptions */
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

/** @typedef {import("../../../types/messages").Call} Call */

self.onmessage = (/** @type {MessageEvent<Call>} */ { data }) => {
  // The page sends its calls once Python is ready; a worker whose start failed answers none.
  if (python) answer(python, data);
};

// What drills.bridge.call answers when Python should not go on: exactly {"stopped": why}.
const STOPPED = '{"stopped": ';

/** A file Python reads a slice at a time: only the slice asked for is ever in memory. */
function slices(/** @type {File} */ file) {
  const reader = new FileReaderSync();
  return { size: file.size, slice: (/** @type {number} */ start, /** @type {number} */ end) => new Uint8Array(reader.readAsArrayBuffer(file.slice(start, end))) };
}

function answer(/** @type {import("../../../types/messages").Bridge} */ python, /** @type {Call} */ { id, call, args, bytes, store, files }) {
  if (stopped) return;
  let result;
  /** @type {ArrayBuffer | undefined} */
  let file;
  try {
    // A file the page handed over is read by Python once, into its own memory.
    // Files chosen for a long read (the history page) are read here a slice at a time, and the
    // page is told how far Python has got.
    const read = files && (files.length === 1 ? slices(files[0]) : files.map(slices));
    const progress = files && ((/** @type {number} */ done, /** @type {number} */ total) => postMessage({ type: "read", id, done, total }));
    result = python.call(call, args, read ?? (bytes && new Uint8Array(bytes)), store, progress);
    const made = python.take_file();
    if (made) {
      file = made.toJs().buffer; // out of Python's memory once, then handed over
      made.destroy();
    }
  } catch (/** @type {any} */ error) {
    if (!(error instanceof PythonError) || error.type === "MemoryError") return stop(id, why(error));
    result = JSON.stringify({ error: String(error.message), field: null });
  }
  if (result.startsWith(STOPPED)) return stop(id, JSON.parse(result).stopped); // Python's own judgement
  postMessage({ type: "result", id, result, file }, file ? [file] : []);
  whenQuiet();
}

function stop(/** @type {number | null} */ id, /** @type {string} */ reason) {
  if (stopped) return;
  stopped = true;
  postMessage({ type: "stopped", id, message: reason });
}

/** An error's message, or what was thrown. */
function message(/** @type {any} */ error) {
  return String(error?.message ?? error);
}

/** Why Python stopped, in words for the page (a Python error's message is its traceback). */
function why(/** @type {any} */ error) {
  if (error?.type === "MemoryError") return "it ran out of memory";
  if (/call stack/i.test(error?.message)) return "it ran out of stack space";
  return `${error?.name ?? "Error"}: ${String(error?.message ?? error).split("\n")[0]}`;
}
