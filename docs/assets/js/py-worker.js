// The one Python of a visit: Pyodide in a module worker, with the `drills` wheel.
// It knows nothing about the tools; it runs drills.bridge.call(name, json) and posts the JSON back.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const runtime = new URL("../../pyodide/", import.meta.url).href;

// After a first visit the service worker keeps the runtime (sw.js). Read from its cache here,
// the files skip the service worker's own hop (scripts/bench: a repeat visit starts 60-120 ms
// sooner). Any cache of this site's origin holds only this site's files.
async function keptRuntimeFile(url) {
  if (!url.startsWith(runtime)) return undefined;
  return self.caches?.match(url).catch(() => undefined);
}

// Pyodide waits forever when one of its files cannot be fetched; report that instead.
const realFetch = self.fetch.bind(self);
self.fetch = async (...args) => {
  const kept = await keptRuntimeFile(String(args[0]?.url ?? args[0]));
  if (kept) return kept;
  const response = await realFetch(...args).catch((error) => {
    postMessage({ type: "fatal", message: `could not fetch ${args[0]}: ${error}` });
    throw error;
  });
  if (!response.ok) postMessage({ type: "fatal", message: `${args[0]} answered ${response.status}` });
  return response;
};

// A failed fetch inside Pyodide surfaces as an unhandled rejection: it is already reported.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  postMessage({ type: "fatal", message: String(event.reason?.message ?? event.reason) });
});

// The build's memory snapshot holds the interpreter with `drills` imported. If it cannot be
// fetched or unpacked, start plainly and install `drills` from the site lockfile.
let snapshotMissing = false;
async function snapshot() {
  try {
    // A repeat visit: the service worker keeps it unpacked (sw.js), saving the inflate.
    const unpacked = await keptRuntimeFile(runtime + "snapshot.bin");
    if (unpacked) return new Uint8Array(await unpacked.arrayBuffer());
    const response = await realFetch(runtime + "snapshot.bin.gz");
    if (!response.ok) throw new Error(`snapshot answered ${response.status}`);
    const unzipped = response.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(unzipped).arrayBuffer());
  } catch (error) {
    snapshotMissing = true;
    throw error;
  }
}

async function startPython() {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
  const options = { indexURL: runtime, lockFileURL: runtime + "pyodide-lock.json" };
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
  (error) => postMessage({ type: "fatal", message: String(error?.message ?? error) }),
);

self.onmessage = async ({ data }) => {
  const { id, call, args, bytes } = data; // bytes: a file the reader chose, beside the JSON
  try {
    const py = await bridge;
    postMessage({ type: "result", id, result: JSON.parse(py.call(call, JSON.stringify(args), bytes)) });
  } catch (error) {
    postMessage({ type: "result", id, result: { error: String(error?.message ?? error), field: null } });
  }
};
