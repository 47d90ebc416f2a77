// @ts-check
// The page's side of the one Python of a visit: a module worker running Pyodide (py-worker.js).
// It starts once a tool page is on screen (page-helpers.js), or on a repeat visit that kept the
// runtime, while the page is parsed (overrides/partials/javascripts/early-python.html).
// Every component calls Python through callPython. What travels (types/messages.d.ts): the
// arguments as JSON text, stringified once; a file the reader chose, handed over (transferred,
// never copied); the training log's text only when it changed since this worker last had it.
import * as runtimeStatus from "./runtime-status.js"; // data saver, progress, try again

/** @typedef {import("../../../types/messages").Call} Message */
/** @typedef {import("../../../types/messages").FromWorker} FromWorker */

/**
 * A call waiting for its answer.
 * @typedef {object} Pending
 * @property {(answer: any) => void} resolve
 * @property {(error: unknown) => void} reject
 * @property {string} name
 * @property {string} args JSON, "store": null for `store`
 * @property {string} [store] the training log's text, beside the JSON when this worker lacks it
 * @property {ArrayBuffer} [bytes] handed over once sent: a call that took it cannot be sent again
 * @property {File[]} [files] read by the worker a slice at a time (the page keeps them)
 * @property {(done: number, total: number) => void} [progress]
 * @property {boolean} sent
 */

/**
 * @typedef {object} CallOptions
 * @property {ArrayBuffer} [bytes] a file for Python, handed over: this page cannot read it after
 * @property {File[]} [files] files Python reads a slice at a time in the worker (a File is posted
 *   as a handle: no byte of it is copied or read on this page)
 * @property {(done: number, total: number) => void} [progress] told how far Python has read them
 * @property {AbortSignal} [signal] cancels the call; if Python is running it already, that worker
 *   ends and a fresh one starts
 */

const worker = {
  /** @type {Worker | null} */ instance: null,
  live: false,
  /** @type {Promise<boolean> | null} */ ready: null,
  /** @type {(ok: boolean) => void} */ signalReady: () => {},
  /** @type {Map<number, Pending>} */ pending: new Map(),
  nextId: 1,
  /** @type {string | null} */ fatal: null,
  held: false,
  retry: false,
  /** @type {string | undefined} */ store: undefined, // the log's text this worker has
};
/** @type {((reason: string) => void)[]} */
const failureListeners = [];
/** @type {(() => void)[]} */
const readyListeners = [];

/** Start the worker once per visit; resolves true when Python is ready, false if it failed.
 * With a data saver on, the download waits for the reader's first change (callPython). */
export function startPython() {
  if (worker.ready) return worker.ready;
  worker.ready = new Promise((resolve) => (worker.signalReady = resolve));
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

/** A Python worker; its name carries the flags py-worker.js reads. */
function newWorker(/** @type {(string | false)[]} */ flags) {
  const all = [...flags, navigator.serviceWorker?.controller && "controlled", runtimeStatus.dataSaverOn() && "save-data"];
  return new Worker(new URL("./py-worker.js", import.meta.url), { type: "module", name: all.filter(Boolean).join(" ") });
}

function spawn() {
  worker.held = false;
  worker.store = undefined;
  /** @type {Worker} */
  let instance;
  try {
    // The worker imports kept modules by address only where the service worker can answer,
    // starts Python plainly (no snapshot download) for a data saver, and after a failed start
    // downloads past the browser's cache.
    instance = worker.instance = newWorker(["python", worker.retry && "retry"]);
  } catch (error) {
    fail(String(error));
    return;
  }
  runtimeStatus.downloading();
  instance.onmessage = (/** @type {MessageEvent<FromWorker>} */ { data }) => {
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
    else if (data.type === "result") answered(data.id, data.result, data.file);
    else if (data.type === "read") worker.pending.get(data.id)?.progress?.(data.done, data.total);
  };
  instance.onerror = (event) => {
    event.preventDefault();
    if (instance !== worker.instance) return;
    if (worker.live) return stopped(event.message || "an error in its worker", null);
    instance.terminate(); // its script did not load or run: nothing of it to keep
    startFailed(event.message || "the worker script did not load", true);
  };
}

/** Parse Python's answer (a file it made rides beside it, as `file`) and hand it to its call. */
function answered(/** @type {number} */ id, /** @type {string} */ text, /** @type {ArrayBuffer | undefined} */ file) {
  const call = worker.pending.get(id);
  worker.pending.delete(id);
  if (!call) return;
  const answer = JSON.parse(text);
  if (file) answer.file = file;
  call.resolve(answer);
}

/** A call goes to the worker once its Python is ready: until then it can be dropped unsent. */
function send(/** @type {number} */ id, /** @type {Pending} */ call) {
  if (call.sent || !worker.instance) return;
  call.sent = true;
  /** @type {Message} */
  const message = { id, call: call.name, args: call.args };
  if (call.store !== undefined && call.store !== worker.store) message.store = worker.store = call.store;
  if (call.bytes) message.bytes = call.bytes;
  if (call.files) message.files = call.files;
  worker.instance.postMessage(message, call.bytes ? [call.bytes] : []);
}

// The tools say Python is unavailable (their results stay), but the calls waiting for it keep
// waiting, and startPython's promise stays open: the reader may try again (runtime-status.js).
function startFailed(/** @type {string} */ reason, /** @type {boolean} */ download) {
  const failed = end();
  // It writes what did arrive into the cache (py-worker.js), then is ended.
  if (failed) failed.onmessage = ({ data }) => data.type === "kept" && failed.terminate();
  worker.retry = true;
  runtimeStatus.failed(reason, retryPython, download);
  for (const listener of failureListeners) listener(reason);
}

/** The worker given up on: its calls are sent again to the next one, except those that
 *  handed it a file (it has the only copy): they fail as if Python had stopped. */
function end() {
  const ended = worker.instance;
  worker.instance = null;
  worker.live = false;
  for (const [id, call] of worker.pending) {
    if (call.sent && call.bytes) {
      worker.pending.delete(id);
      call.reject(stoppedError("the file went to the Python that stopped"));
    }
    call.sent = false;
  }
  return ended;
}

function stoppedError(/** @type {string} */ reason) {
  return Object.assign(new Error(reason), { name: "PythonStopped" });
}

/** Python stopped for good in this worker (a call broke it, or its worker failed): the call it
 *  was answering fails with the reason, and a fresh worker answers the others. With no call
 *  named, every call it had been sent fails: any of them may be the cause. */
function stopped(/** @type {string} */ reason, /** @type {number | null} */ id) {
  const error = stoppedError(reason);
  for (const [each, call] of worker.pending) {
    if (each !== id && (id !== null || !call.sent)) continue;
    worker.pending.delete(each);
    call.reject(error);
  }
  restart();
  runtimeStatus.restarted(reason);
}

function restart() {
  end()?.terminate();
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

export function onPythonFailure(/** @type {(reason: string) => void} */ listener) {
  failureListeners.push(listener);
}

/** Call `listener` whenever Python is ready: now if it is, and after each retry or restart. */
export function onPythonReady(/** @type {() => void} */ listener) {
  readyListeners.push(listener);
  if (worker.live) listener();
}

function fail(/** @type {string} */ reason) {
  if (worker.fatal) return;
  worker.fatal = reason;
  runtimeStatus.clear(); // the tools say why (onPythonFailure)
  worker.signalReady(false);
  for (const { reject } of worker.pending.values()) reject(new Error(reason));
  worker.pending.clear();
  for (const listener of failureListeners) listener(reason);
}

/**
 * Call Python (drills.bridge.CALLS[name]) and resolve to its answer. The training log's text,
 * `args.store`, is posted only when this worker does not have it already.
 * @param {string} name
 * @param {Record<string, unknown>} args
 * @param {CallOptions} [options]
 * @returns {Promise<any>}
 */
export function callPython(name, args, { bytes, files, progress, signal } = {}) {
  startPython();
  if (worker.fatal) return Promise.reject(new Error(worker.fatal));
  if (worker.held) spawn(); // the reader's first change starts the held download
  const id = worker.nextId++;
  const store = typeof args.store === "string" ? args.store : undefined;
  const json = JSON.stringify(store === undefined ? args : { ...args, store: null });
  return new Promise((resolve, reject) => {
    /** @type {Pending} */
    const call = { resolve, reject, name, args: json, store, bytes, files, progress, sent: false };
    worker.pending.set(id, call);
    if (worker.live) send(id, call);
    signal?.addEventListener("abort", () => cancel(id, signal.reason), { once: true });
  });
}

function cancel(/** @type {number} */ id, /** @type {unknown} */ reason) {
  const call = worker.pending.get(id);
  if (!call) return;
  worker.pending.delete(id);
  call.reject(reason);
  if (call.sent) restart(); // Python runs one call at a time, to its end: only ending it stops it
}

/**
 * Another Python, for one long read beside this page's (the history page reads a large archive
 * with several, one a core). It starts as the page's does, from the runtime this visit keeps,
 * but keeps nothing itself (py-worker.js, "extra"), shows no download, and is ended with `end`
 * once the read is over: each holds a Python's memory.
 * @typedef {object} ExtraPython
 * @property {Promise<boolean>} ready true once its Python answers; false if it could not start
 * @property {(name: string, args: Record<string, unknown>, options?: CallOptions) => Promise<any>} call
 *   as callPython, one call at a time; a Python that stops rejects it as PythonStopped
 * @property {() => void} end
 */

/** @returns {ExtraPython} */
export function extraPython() {
  const instance = newWorker(["extra"]);
  /** @type {Map<number, Pending>} */
  const pending = new Map();
  let nextId = 1;
  /** @type {(ok: boolean) => void} */
  let started = () => {};
  const ready = new Promise((resolve) => (started = resolve));
  const end = (/** @type {unknown} */ reason = stoppedError("ended")) => {
    instance.terminate();
    started(false);
    for (const call of pending.values()) call.reject(reason);
    pending.clear();
  };
  instance.onmessage = (/** @type {MessageEvent<FromWorker>} */ { data }) => {
    if (data.type === "ready") started(true);
    else if (data.type === "download-failed" || data.type === "start-failed" || data.type === "fatal") end();
    else if (data.type === "stopped") end(stoppedError(data.message));
    else if (data.type === "read") pending.get(data.id)?.progress?.(data.done, data.total);
    else if (data.type === "result") {
      const call = pending.get(data.id);
      pending.delete(data.id);
      call?.resolve(JSON.parse(data.result));
    }
  };
  instance.onerror = (event) => {
    event.preventDefault();
    end(stoppedError(event.message || "an error in its worker"));
  };
  return {
    ready,
    end: () => end(),
    call(name, args, { files, progress, signal } = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, name, args: "", files, progress, sent: true });
        /** @type {Message} */
        const message = { id, call: name, args: JSON.stringify(args), ...(files ? { files } : {}) };
        instance.postMessage(message);
        signal?.addEventListener("abort", () => end(signal.reason), { once: true });
      });
    },
  };
}
