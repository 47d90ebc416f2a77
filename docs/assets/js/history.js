// @ts-check
// The history page (data-component="history"): a runner's whole export, or many activity files,
// read by Python in workers a slice at a time (drills/bridge/history_pool.py). The page posts
// the File handles, never their bytes: it reads nothing of them itself, and nothing is sent
// anywhere. This page's Python lists the files and splits them into parts; it says how many
// workers pay for themselves (one for a small archive, one a core for a large one), and each
// worker takes the next part as it finishes one. The parts' items go to this page's Python,
// which answers the history read so far, then the whole one; it keeps it, so another unit
// draws it again without reading anything. Python's regions are put in as they come.
import { defineComponent, getElement, getElements, onDroppedFiles, showErrors, startPythonFor } from "./component.js";
import { changeLog, readStore, today } from "./log-store.js";
import { callPython, extraPython, onPythonReady } from "./py-client.js";

const SHOW_EVERY_MS = 1000; // the history so far is drawn at most this often while files are read

/**
 * The history's state on this page.
 * @typedef {object} Reading
 * @property {AbortController | null} controller cancels the read under way (every worker ends)
 * @property {boolean} drawn this page's Python holds the history shown (another unit redraws it)
 * @property {unknown} keep the summaries of the last history read whole (Python's, handed back
 *   to keep it: the page never looks inside them), or null
 * @property {unknown[] | null} whole the items of the last history read whole (Python's), shown
 *   again when a read after it ends unfinished
 */

/** @type {WeakMap<HTMLElement, Reading>} */
const reads = new WeakMap();

function state(/** @type {HTMLElement} */ root) {
  const found = reads.get(root);
  if (!found) throw new ReferenceError("The history is not attached");
  return found;
}

const said = (/** @type {HTMLElement} */ root, /** @type {string} */ name) => getElement(`[data-history-says="${name}"]`, root).textContent ?? "";
const say = (/** @type {HTMLElement} */ root, /** @type {string} */ text) => (getElement("[data-status]", root).textContent = text);
const units = (/** @type {HTMLElement} */ root) => /** @type {HTMLSelectElement} */ (getElement("[name=units]", root)).value;
/** What every drawing of the history needs. */
const drawing = (/** @type {HTMLElement} */ root) => ({ units: units(root), links: JSON.parse(root.dataset.links ?? "{}"), today: today() });

/** The progress bar and its count: how many of the archive's files Python has read. */
function showProgress(/** @type {HTMLElement} */ root, /** @type {number} */ done, /** @type {number} */ total) {
  const bar = /** @type {HTMLProgressElement} */ (getElement("[data-history-bar]", root));
  bar.max = Math.max(total, 1);
  bar.value = done;
  getElement("[data-history-count]", root).textContent = total ? `${done} of ${total} files` : "";
}

/** Python's regions, each into its element (its HTML built and escaped by Python). */
function put(/** @type {HTMLElement} */ root, /** @type {Record<string, string> | undefined} */ regions) {
  for (const element of getElements("[data-history-region]", root)) {
    const html = regions?.[element.dataset.historyRegion ?? ""];
    if (html !== undefined) element.innerHTML = html;
  }
}

/** A call Python answered with an error (a file's own problem is an item, never this). */
const failed = (/** @type {string} */ message) => Object.assign(new Error(message), { name: "HistoryFailed" });

/**
 * A worker reading parts: this page's Python, or an extra one.
 * @typedef {{ call: (name: string, args: Record<string, unknown>, options: import("./py-client.js").CallOptions) => Promise<any>, ready: Promise<boolean> }} Reader
 */

/**
 * Read the listed parts with `count` workers, each taking the next part when it is done, and
 * hand each part's items to this page's Python. Resolves once every part is in.
 * @param {HTMLElement} root
 * @param {File[]} files
 * @param {{ parts: { file: number, members: unknown[] }[], workers: number, total: number }} listed
 * @param {AbortSignal} signal
 */
async function readParts(root, files, listed, signal) {
  const queue = [...listed.parts];
  let read = 0;
  let shownAt = 0;
  /** @type {Map<Reader, number>} */
  const reading = new Map(); // each worker's count in the part it is reading
  const count = () => showProgress(root, read + [...reading.values()].reduce((a, b) => a + b, 0), listed.total);
  /** @type {Promise<void>[]} */
  const adding = [];
  const add = (/** @type {unknown[]} */ items) => {
    const show = performance.now() - shownAt >= SHOW_EVERY_MS;
    if (show) shownAt = performance.now();
    const added = callPython("history_add", { items, show, ...drawing(root) }, { signal }).then((out) => {
      if (out.error) throw failed(out.error);
      if (signal.aborted) return;
      put(root, out.regions);
      if ("keep" in out) offerKeep(root, out.keep); // the last file is in
      if ("whole" in out) state(root).whole = out.whole;
    });
    added.catch(() => {}); // awaited below, with the others
    adding.push(added);
  };
  /** @type {(value: false) => void} */
  let drained = () => {};
  const allTaken = new Promise((resolve) => (drained = resolve));
  const next = () => {
    const part = queue.shift();
    if (!queue.length) drained(false);
    return part;
  };
  const work = async (/** @type {Reader} */ worker) => {
    // An extra Python that could not start, or not before every part was taken: the others read.
    if (!(await Promise.race([worker.ready, allTaken]))) return;
    for (let part = next(); part && !signal.aborted; part = next()) {
      const { file, members } = part;
      const progress = (/** @type {number} */ done) => (reading.set(worker, done), count());
      const out = await worker.call("history_part", { name: files[file].name, members }, { files: [files[file]], progress, signal });
      if (out.error) throw failed(out.error);
      reading.delete(worker);
      read += members.length;
      count();
      add(out.items);
    }
  };
  const main = { call: callPython, ready: Promise.resolve(true) };
  const extras = Array.from({ length: listed.workers - 1 }, extraPython);
  try {
    await Promise.all([main, ...extras].map(work));
    if (!listed.parts.length) add([]); // only files refused whole: the history of them
    await Promise.all(adding);
  } finally {
    for (const extra of extras) extra.end(); // each holds a Python's memory
  }
}

/** "Keep this history", offered once a read found runs to keep (`keep`: Python's summaries). */
function offerKeep(/** @type {HTMLElement} */ root, /** @type {unknown} */ keep) {
  state(root).keep = keep ?? null;
  getElement("[data-history-keep]", root).hidden = !keep;
  showErrors(getElement("[data-history-keep]", root), undefined);
}

/** Keep the history read last in the training log (Python merges it: the same runs replaced). */
async function keep(/** @type {HTMLElement} */ root) {
  const history = state(root).keep;
  if (!history) return;
  const area = getElement("[data-history-keep]", root);
  const { answer, outcome } = await changeLog((store) => callPython("history_keep", { history, store, today: today() }));
  showErrors(area, answer?.error ? { [answer.field ?? "keep"]: answer.error } : undefined, { focus: true });
  if (outcome === "written") {
    say(root, answer?.summary ?? "");
    await showKept(root);
  }
  else if (answer?.error) say(root, answer.error);
  else if (outcome === "failed" || outcome === "conflict") say(root, said(root, outcome === "failed" ? "keep-failed" : "keep-busy"));
}

/** The history kept in this browser, with "Use in the planner" from it (Python's HTML). */
async function showKept(/** @type {HTMLElement} */ root) {
  const store = readStore();
  if (!store) return; // nothing kept: nothing to ask Python
  const brief = state(root).drawn; // a read on the page already says the rest
  const out = await callPython("history_kept", { store, links: JSON.parse(root.dataset.links ?? "{}"), today: today(), brief });
  if (!out.error) getElement("[data-history-kept-view]", root).innerHTML = out.html;
}

/**
 * A read that ended unfinished (`why`): the history read before it again, if there was one
 * (from a fresh Python, perhaps), else the sentence alone: nothing half-shown either way.
 * @param {HTMLElement} root
 * @param {"cancelled" | "stopped" | "failed"} why
 * @param {Record<string, Record<string, string>> | null} unread
 */
async function ended(root, why, unread) {
  const current = state(root);
  const back = current.whole && (await callPython("history_back", { items: current.whole, ...drawing(root) }).catch(() => null));
  if (!back?.regions) return put(root, unread?.[why]);
  put(root, back.regions);
  current.drawn = true; // this page's Python holds it again: another unit redraws it
  offerKeep(root, back.keep);
}

async function read(/** @type {HTMLElement} */ root, /** @type {File[]} */ files) {
  if (!files.length) return;
  const current = state(root);
  current.controller?.abort(); // a new choice replaces a read under way
  const controller = (current.controller = new AbortController());
  const { signal } = controller;
  const progress = getElement("[data-history-progress]", root);
  showErrors(root, undefined);
  offerKeep(root, null); // until this read is whole
  showProgress(root, 0, 0);
  progress.hidden = false;
  say(root, getElement("label[for=dc-history-bar]", root).textContent ?? "");
  const several = files.length > 1;
  const args = { name: files[0].name, cores: navigator.hardwareConcurrency || 1, ...(several ? { names: files.map((file) => file.name) } : {}) };
  /** @type {Record<"cancelled" | "stopped" | "failed", Record<string, string>> | null} */
  let unread = null;
  try {
    const listed = await callPython("history_list", args, { files, signal });
    if (listed.error) {
      showErrors(root, { [listed.field ?? "archive"]: listed.error }, { focus: true });
      say(root, listed.error);
      return;
    }
    unread = listed.unread;
    current.drawn = false;
    showProgress(root, 0, listed.total);
    await readParts(root, files, listed, signal);
    current.drawn = true;
    say(root, said(root, "read"));
  } catch (error) {
    if (signal.aborted) {
      if (current.controller !== controller) return; // replaced by a new choice
      await ended(root, "cancelled", unread);
      say(root, said(root, "cancelled"));
    } else if (error instanceof Error && (error.name === "PythonStopped" || error.name === "HistoryFailed")) {
      controller.abort(); // every other worker ends too
      const stopped = error.name === "PythonStopped";
      await ended(root, stopped ? "stopped" : "failed", unread);
      if (!stopped) showErrors(root, { archive: error.message });
      say(root, stopped ? said(root, "stopped") : error.message);
    } else throw error;
  } finally {
    if (current.controller === controller) {
      current.controller = null;
      progress.hidden = true;
    }
  }
}

/** Another unit: this page's Python draws the history it holds again, reading no file. A read
 *  under way draws in the new unit as it goes. */
async function redraw(/** @type {HTMLElement} */ root) {
  const current = state(root);
  if (current.controller || !current.drawn) return;
  const out = await callPython("history_render", drawing(root));
  if (!current.controller) put(root, out.regions);
}

function attach(/** @type {HTMLElement} */ root) {
  reads.set(root, { controller: null, drawn: false, keep: null, whole: null });
  const input = /** @type {HTMLInputElement} */ (getElement("[name=files]", root));
  const choose = (/** @type {File[]} */ files) => read(root, files).catch(() => say(root, said(root, "stopped")));
  input.addEventListener("change", () => {
    const files = [...(input.files ?? [])];
    input.value = ""; // the same archive chosen again reads again
    choose(files);
  });
  onDroppedFiles(getElement("[data-history-drop]", root), choose);
  getElement("[name=units]", root).addEventListener("change", () => redraw(root).catch(() => {}));
  startPythonFor(root, (name) => said(root, name));
  // Once Python is ready (never starting it: a data saver holds it until the reader acts).
  onPythonReady(() => root.isConnected && showKept(root).catch(() => {}));
}

defineComponent("history", {
  attach,
  actions: {
    cancel(root) {
      state(root).controller?.abort(); // py-client.js ends every worker reading it; fresh ones start
    },
    keep: (root) => keep(root).catch(() => say(root, said(root, "stopped"))),
  },
});
