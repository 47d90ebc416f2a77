// The page's side of the one Python of a visit: a module worker running Pyodide (py-worker.js).
// The tools (tools.js, training-log.js) call Python through callPython.

const worker = { instance: null, ready: null, pending: new Map(), nextId: 1, fatal: null };
const failureListeners = [];

/** Start the worker once per visit; resolves true when Python is ready, false if it failed. */
export function startPython() {
  if (worker.ready) return worker.ready;
  let signalReady;
  worker.ready = new Promise((resolve) => (signalReady = resolve));
  worker.failSignal = () => signalReady(false);
  try {
    worker.instance = new Worker(new URL("./py-worker.js", import.meta.url), { type: "module" });
  } catch (error) {
    fail(String(error));
    return worker.ready;
  }
  worker.instance.onmessage = ({ data }) => {
    if (data.type === "ready") signalReady(true);
    else if (data.type === "fatal") fail(data.message);
    else if (data.type === "result") {
      worker.pending.get(data.id)?.resolve(data.result);
      worker.pending.delete(data.id);
    }
  };
  worker.instance.onerror = (event) => {
    event.preventDefault();
    fail(event.message || "the worker script could not be loaded");
  };
  return worker.ready;
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
  worker.failSignal?.();
  for (const { reject } of worker.pending.values()) reject(new Error(reason));
  worker.pending.clear();
  for (const listener of failureListeners) listener(reason);
}

/** Call Python; `bytes` (a Uint8Array, e.g. a file's contents) is handed over, not copied. */
export function callPython(call, args, bytes = undefined) {
  startPython();
  if (worker.fatal) return Promise.reject(new Error(worker.fatal));
  const id = worker.nextId++;
  return new Promise((resolve, reject) => {
    worker.pending.set(id, { resolve, reject });
    worker.instance.postMessage({ id, call, args, bytes }, bytes ? [bytes.buffer] : []);
  });
}
