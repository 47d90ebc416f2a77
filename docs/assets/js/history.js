// @ts-check
// The history page (data-component="history"): a runner's whole export, or many activity files,
// read by Python in this page's worker a slice at a time (drills/bridge/history.py). The page
// posts the File handles, never their bytes: it reads nothing of them itself, and nothing is
// sent anywhere. Python answers with the page's regions, put in as they come.
import { defineComponent, getElement, getElements, onDroppedFiles, showErrors, startPythonFor } from "./component.js";
import { today } from "./log-store.js";
import { callPython } from "./py-client.js";

/** @type {WeakMap<HTMLElement, { controller: AbortController | null }>} */
const reads = new WeakMap();

function state(/** @type {HTMLElement} */ root) {
  const found = reads.get(root);
  if (!found) throw new ReferenceError("The history is not attached");
  return found;
}

const said = (/** @type {HTMLElement} */ root, /** @type {string} */ name) => getElement(`[data-history-says="${name}"]`, root).textContent ?? "";
const say = (/** @type {HTMLElement} */ root, /** @type {string} */ text) => (getElement("[data-status]", root).textContent = text);
const units = (/** @type {HTMLElement} */ root) => /** @type {HTMLSelectElement} */ (getElement("[name=units]", root)).value;

/** The progress bar and its count: how many of the archive's files Python has read. */
function showProgress(/** @type {HTMLElement} */ root, /** @type {number} */ done, /** @type {number} */ total) {
  const bar = /** @type {HTMLProgressElement} */ (getElement("[data-history-bar]", root));
  bar.max = Math.max(total, 1);
  bar.value = done;
  getElement("[data-history-count]", root).textContent = total ? `${done} of ${total} files` : "";
}

/** Python's regions, each into its element (its HTML built and escaped by Python). */
function put(/** @type {HTMLElement} */ root, /** @type {Record<string, string>} */ regions) {
  for (const element of getElements("[data-history-region]", root)) {
    const html = regions[element.dataset.historyRegion ?? ""];
    if (html !== undefined) element.innerHTML = html;
  }
}

async function read(/** @type {HTMLElement} */ root, /** @type {File[]} */ files) {
  if (!files.length) return;
  const current = state(root);
  current.controller?.abort(); // a new choice replaces a read under way
  const controller = (current.controller = new AbortController());
  const progress = getElement("[data-history-progress]", root);
  showErrors(root, undefined);
  showProgress(root, 0, 0);
  progress.hidden = false;
  say(root, getElement("label[for=dc-history-bar]", root).textContent ?? "");
  const several = files.length > 1;
  const args = {
    name: files[0].name,
    units: units(root),
    links: JSON.parse(root.dataset.links ?? "{}"),
    today: today(),
    ...(several ? { names: files.map((file) => file.name) } : {}),
  };
  try {
    const out = await callPython("history", args, {
      files,
      signal: controller.signal,
      progress: (done, total) => showProgress(root, done, total),
    });
    if (out.error) {
      showErrors(root, { [out.field ?? "archive"]: out.error }, { focus: true });
      say(root, out.error);
      return;
    }
    put(root, out.regions);
    say(root, said(root, "read"));
  } catch (error) {
    if (controller.signal.aborted) {
      if (current.controller === controller) say(root, said(root, "cancelled")); // not replaced by a new choice
    } else if (error instanceof Error && error.name === "PythonStopped") say(root, said(root, "stopped"));
    else throw error;
  } finally {
    if (current.controller === controller) {
      current.controller = null;
      progress.hidden = true;
    }
  }
}

function attach(/** @type {HTMLElement} */ root) {
  reads.set(root, { controller: null });
  const input = /** @type {HTMLInputElement} */ (getElement("[name=files]", root));
  const choose = (/** @type {File[]} */ files) => read(root, files).catch(() => say(root, said(root, "stopped")));
  input.addEventListener("change", () => {
    const files = [...(input.files ?? [])];
    input.value = ""; // the same archive chosen again reads again
    choose(files);
  });
  onDroppedFiles(getElement("[data-history-drop]", root), choose);
  startPythonFor(root, (name) => said(root, name));
}

defineComponent("history", {
  attach,
  actions: {
    cancel(root) {
      state(root).controller?.abort(); // py-client.js ends the worker reading it; a fresh one starts
    },
  },
});
