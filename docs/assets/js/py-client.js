// The page's side of the one Python of a visit: a module worker running Pyodide (py-worker.js).
// The tools (tools.js, training-log.js) call Python through callPython.
import * as runtimeStatus from "./runtime-status.js"; // data saver, progress, try again

const worker = { instance: null, ready: null, pending: new Map(), nextId: 1, fatal: null, held: false };
const failureListeners = [];

/** Start the worker once per visit; resolves true when Python is ready, false if it failed.
 * With a data saver on, the download waits for the reader's first change (callPython). */
export function startPython() {
  if (worker.ready) return worker.ready;
  let signalReady;
  worker.ready = new Promise((resolve) => (signalReady = resolve));
  worker.signalReady = signalReady;
  if (!runtimeStatus.dataSaverOn()) {
    spawn();
    return worker.ready;
  }
  worker.held = true; // unless this device kept the runtime, which downloads nothing
  runtimeStatus.runtimeKept().then((kept) => {
    if (!worker.held) return; // the reader changed a field meanwhile
    if (kept) spawn();
    else runtimeStatus.held();
  });
  return worker.ready;
}

/** True while a data saver holds the download back. */
export function pythonHeld() {
  return worker.held;
}

function spawn() {
  worker.held = false;
  let instance, adopted;
  try {
    // The worker imports kept modules by address only where the service worker can answer, and
    // starts Python plainly (no snapshot download) for a data saver.
    const flags = ["python", navigator.serviceWorker?.controller && "controlled", runtimeStatus.dataSaverOn() && "save-data"];
    const name = flags.filter(Boolean).join(" ");
    adopted = window.dcEarlyPython; // a repeat visit's worker, started as the page was parsed
    window.dcEarlyPython = null;
    instance = worker.instance = adopted?.worker ?? new Worker(new URL("./py-worker.js", import.meta.url), { type: "module", name });
  } catch (error) {
    fail(String(error));
    return;
  }
  runtimeStatus.downloading();
  instance.onmessage = ({ data }) => {
    if (instance !== worker.instance) return; // a worker given up on for a retry
    if (data.type === "ready") {
      runtimeStatus.ready();
      worker.signalReady(true);
    } else if (data.type === "progress") runtimeStatus.progress(data.received, data.total);
    else if (data.type === "download-failed") downloadFailed(data.message);
    else if (data.type === "fatal") fail(data.message);
    else if (data.type === "result") {
      worker.pending.get(data.id)?.resolve(data.result);
      worker.pending.delete(data.id);
    }
  };
  instance.onerror = (event) => {
    event.preventDefault();
    if (instance !== worker.instance) return;
    instance.terminate(); // its script did not load or run: nothing of it to keep
    downloadFailed(event.message || "the worker script did not load");
  };
  for (const event of adopted?.early ?? []) (event.type === "error" ? instance.onerror : instance.onmessage)(event);
  // Calls made while no worker was running (held, or before a retry) go to this one.
  for (const [id, { call, args, bytes }] of worker.pending) instance.postMessage({ id, call, args, bytes });
}

// The tools say Python is unavailable (their results stay), but the calls waiting for it keep
// waiting, and startPython's promise stays open: the reader may try again (runtime-status.js).
function downloadFailed(reason) {
  const failed = worker.instance;
  worker.instance = null;
  // It writes what did arrive into the cache (py-worker.js), then is ended.
  failed.onmessage = ({ data }) => data.type === "kept" && failed.terminate();
  runtimeStatus.failed(reason, retryPython);
  for (const listener of failureListeners) listener(reason);
}

/** True from a failed download until the reader tries again (a tool attached meanwhile says so). */
export function pythonDownloadFailed() {
  return Boolean(worker.ready) && !worker.instance && !worker.held && !worker.fatal;
}

/** After a failed download: a new worker, which reads what arrived already from the cache. */
export function retryPython() {
  if (pythonDownloadFailed()) spawn();
}

/** Why Python could not start, or null. */
export function pythonFailure() {
  return worker.fatal;
}

export function onPythonFailure(listener) {
  failureListeners.push(listener);
}

function fail(reason) {
  if (worker.fatal) return;
  worker.fatal = reason;
  runtimeStatus.clear(); // the tools say why (onPythonFailure)
  worker.signalReady?.(false);
  for (const { reject } of worker.pending.values()) reject(new Error(reason));
  worker.pending.clear();
  for (const listener of failureListeners) listener(reason);
}

/** Call Python; `bytes` (a Uint8Array, e.g. a file's contents) goes beside the JSON. */
export function callPython(call, args, bytes = undefined) {
  startPython();
  if (worker.fatal) return Promise.reject(new Error(worker.fatal));
  if (worker.held) spawn(); // the reader's first change starts the held download
  const id = worker.nextId++;
  return new Promise((resolve, reject) => {
    // Copied, not handed over: a call waiting for a new worker is sent again (retryPython).
    worker.pending.set(id, { resolve, reject, call, args, bytes });
    worker.instance?.postMessage({ id, call, args, bytes });
  });
}
