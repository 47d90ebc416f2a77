// The page's side of the one Python of a visit: a module worker running Pyodide (py-worker.js).
// The tools (tools.js, training-log.js) call Python through callPython.
import * as runtimeStatus from "./runtime-status.js"; // data saver, progress, try again

const worker = { instance: null, live: false, ready: null, pending: new Map(), nextId: 1, fatal: null, held: false, retry: false };
const failureListeners = [];
const readyListeners = [];

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
    // The worker imports kept modules by address only where the service worker can answer,
    // starts Python plainly (no snapshot download) for a data saver, and after a failed start
    // downloads past the browser's cache.
    const flags = ["python", navigator.serviceWorker?.controller && "controlled", runtimeStatus.dataSaverOn() && "save-data", worker.retry && "retry"];
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
      Object.assign(worker, { live: true, retry: false });
      runtimeStatus.ready();
      worker.signalReady(true);
      for (const listener of readyListeners) listener();
      for (const [id, call] of worker.pending) send(id, call);
    } else if (data.type === "progress") runtimeStatus.progress(data.received, data.total);
    else if (data.type === "download-failed" || data.type === "start-failed") startFailed(data.message, data.type === "download-failed");
    else if (data.type === "fatal") fail(data.message);
    else if (data.type === "stopped") stopped(data.message, data.id);
    else if (data.type === "result") {
      worker.pending.get(data.id)?.resolve(data.result);
      worker.pending.delete(data.id);
    }
  };
  instance.onerror = (event) => {
    event.preventDefault();
    if (instance !== worker.instance) return;
    if (worker.live) return stopped(event.message || "an error in its worker", null);
    instance.terminate(); // its script did not load or run: nothing of it to keep
    startFailed(event.message || "the worker script did not load", true);
  };
  for (const event of adopted?.early ?? []) (event.type === "error" ? instance.onerror : instance.onmessage)(event);
}

/** A call goes to the worker once its Python is ready: until then it can be dropped unsent. */
function send(id, call) {
  if (call.sent) return;
  call.sent = true;
  worker.instance.postMessage({ id, call: call.name, args: call.args, bytes: call.bytes });
}

// The tools say Python is unavailable (their results stay), but the calls waiting for it keep
// waiting, and startPython's promise stays open: the reader may try again (runtime-status.js).
function startFailed(reason, download) {
  const failed = end();
  // It writes what did arrive into the cache (py-worker.js), then is ended.
  failed.onmessage = ({ data }) => data.type === "kept" && failed.terminate();
  worker.retry = true;
  runtimeStatus.failed(reason, retryPython, download);
  for (const listener of failureListeners) listener(reason);
}

/** The worker given up on: its calls are sent again to the next one. */
function end() {
  const ended = worker.instance;
  worker.instance = null;
  worker.live = false;
  for (const call of worker.pending.values()) call.sent = false;
  return ended;
}

/** Python stopped for good in this worker (a call broke it, or its worker failed): the call it
 *  was answering fails with the reason, and a fresh worker answers the others. With no call
 *  named, every call it had been sent fails: any of them may be the cause. */
function stopped(reason, id) {
  const error = Object.assign(new Error(reason), { name: "PythonStopped" });
  for (const [each, call] of worker.pending) {
    if (each !== id && (id !== null || !call.sent)) continue;
    worker.pending.delete(each);
    call.reject(error);
  }
  restart();
  runtimeStatus.restarted(reason);
}

function restart() {
  end().terminate();
  spawn();
}

/** True from a failed start until the reader tries again (a tool attached meanwhile says so). */
export function pythonDownloadFailed() {
  return Boolean(worker.ready) && !worker.instance && !worker.held && !worker.fatal;
}

/** After a failed start: a new worker, which reads what arrived already from the cache. */
export function retryPython() {
  if (pythonDownloadFailed()) spawn();
}

/** Why Python cannot start in this browser, or null. */
export function pythonFailure() {
  return worker.fatal;
}

export function onPythonFailure(listener) {
  failureListeners.push(listener);
}

/** Call `listener` whenever Python is ready: now if it is, and after each retry or restart. */
export function onPythonReady(listener) {
  readyListeners.push(listener);
  if (worker.live) listener();
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

/** Call Python; `bytes` (a Uint8Array, e.g. a file's contents) goes beside the JSON. An aborted
 *  `signal` cancels the call: if Python is running it already, that worker ends and a fresh one
 *  starts. */
export function callPython(name, args, bytes = undefined, { signal } = {}) {
  startPython();
  if (worker.fatal) return Promise.reject(new Error(worker.fatal));
  if (worker.held) spawn(); // the reader's first change starts the held download
  const id = worker.nextId++;
  return new Promise((resolve, reject) => {
    // Copied, not handed over: a call is sent again to a new worker (retryPython, restart).
    const call = { resolve, reject, name, args, bytes, sent: false };
    worker.pending.set(id, call);
    if (worker.live) send(id, call);
    signal?.addEventListener("abort", () => cancel(id, signal.reason), { once: true });
  });
}

function cancel(id, reason) {
  const call = worker.pending.get(id);
  if (!call) return;
  worker.pending.delete(id);
  call.reject(reason);
  if (call.sent) restart(); // Python runs one call at a time, to its end: only ending it stops it
}
