// @ts-check
// The descent audit page (data-component="audit"): the reader's files go to Python in this
// page's worker (never to a server), each handed over once, and each comes back as one item of
// the list, a region, or its reason. Python reads, audits, keeps what the items need for the
// visit and renders them (drills/bridge/audit.py): a change of units sends no file again. This
// module keeps only what each file found (for the planner hand-offs) and a run's summary (for
// the log).
import { defineComponent, getElement, onDroppedFiles, startPythonFor } from "./component.js";
import { changeLog, today } from "./log-store.js";
import { callPython } from "./py-client.js";
import { apply, marks } from "./regions.js";

/**
 * A file the reader chose, as this page keeps it (never its bytes).
 * @typedef {object} Chosen
 * @property {string} name
 * @property {Record<string, unknown> | null} found what it hands the planner, once audited
 * @property {Record<string, unknown> | null} run its summary for the training log, if a dated run
 */

/**
 * The audit's state on this page.
 * @typedef {object} Audit
 * @property {Chosen[]} chosen the files of this visit, in the order chosen
 * @property {number} calls how many Python is reading now
 * @property {AbortController | null} controller cancels them (py-client.js ends that Python)
 */

/** @type {WeakMap<HTMLElement, Audit>} */
const audits = new WeakMap();

function audit(/** @type {HTMLElement} */ root) {
  const found = audits.get(root);
  if (!found) throw new ReferenceError("The audit is not attached");
  return found;
}

function say(/** @type {HTMLElement} */ root, /** @type {string} */ text) {
  getElement("[data-status]", root).textContent = text;
}

const said = (/** @type {HTMLElement} */ root, /** @type {string} */ name) => getElement(`[data-audit-says="${name}"]`, root).textContent ?? "";
const megabytes = (/** @type {number} */ bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const units = (/** @type {HTMLElement} */ root) => /** @type {HTMLSelectElement} */ (getElement("[name=units]", root)).value;
const found = (/** @type {HTMLElement} */ root) => audit(root).chosen.map((file) => file.found);
/** Where the page's links go, as the build wrote them (drills/render/links.py). */
const links = (/** @type {HTMLElement} */ root) => JSON.parse(root.dataset.links ?? "{}");

/** Hand file `index`'s bytes to Python and show its item; a file Python did not read to its end
 *  (cancelled, or it stopped Python) gets an item saying so, and is never read again. */
async function auditOne(/** @type {HTMLElement} */ root, /** @type {number} */ index, /** @type {ArrayBuffer} */ bytes) {
  const state = audit(root);
  const { name } = state.chosen[index];
  const { signal } = (state.controller ??= new AbortController());
  const cancel = getElement('[data-action="audit:cancel"]', root);
  state.calls += 1;
  cancel.hidden = false;
  try {
    const args = { name, units: units(root), index, found: found(root), marks: marks(root), links: links(root) };
    const out = await callPython("audit_file", args, { bytes, signal });
    if (out.error) return say(root, out.error);
    apply(root, out.regions);
    Object.assign(state.chosen[index], { run: out.run, found: out.found });
  } catch (error) {
    if (!signal.aborted && !(error instanceof Error && error.name === "PythonStopped")) throw error;
    const why = signal.aborted ? "cancelled" : "stopped";
    apply(root, (await callPython("audit_unread", { index, name, why, marks: marks(root) })).regions);
  } finally {
    state.calls -= 1;
    cancel.hidden = state.calls === 0;
  }
}

async function auditFiles(/** @type {HTMLElement} */ root, /** @type {File[]} */ files) {
  if (!files.length) return;
  const state = audit(root);
  for (const file of files) {
    const index = state.chosen.length;
    // Progress: a large file takes a moment to read and to audit.
    say(root, `Reading ${file.name} (${megabytes(file.size)}), file ${index + 1}…`);
    state.chosen.push({ name: file.name, found: null, run: null });
    const bytes = await file.arrayBuffer(); // handed to Python: this page keeps no copy
    await auditOne(root, index, bytes).catch(() => say(root, `${file.name} could not be audited.`));
  }
  const n = state.chosen.length;
  say(root, `Audited ${n} ${n === 1 ? "file" : "files"}; each shows its result or why it could not be read.`);
}

/** Another unit: Python draws the files it read again (it kept what they need). */
async function redraw(/** @type {HTMLElement} */ root) {
  const out = await callPython("audit_render", { units: units(root), found: found(root), marks: marks(root), links: links(root) });
  apply(root, out.regions);
  if (out.summary) say(root, out.summary);
}

function attach(/** @type {HTMLElement} */ root) {
  audits.set(root, { chosen: [], calls: 0, controller: null });
  const input = /** @type {HTMLInputElement} */ (getElement("[name=files]", root));
  input.addEventListener("change", () => auditFiles(root, [...(input.files ?? [])]).finally(() => (input.value = "")));
  onDroppedFiles(getElement("[data-audit-drop]", root), (files) => auditFiles(root, files));
  getElement("[name=units]", root).addEventListener("change", () => redraw(root).catch(() => {}));
  startPythonFor(root, (name) => said(root, name));
}

defineComponent("audit", {
  attach,
  actions: {
    print(root, button) {
      const item = /** @type {HTMLElement} */ (button.closest("[data-audit-item]"));
      item.classList.add("dc-audit-printing");
      addEventListener("afterprint", () => item.classList.remove("dc-audit-printing"), { once: true });
      print();
    },
    async "add-log"(root, button) {
      const index = Number(button.closest("[data-audit-item]")?.getAttribute("data-audit-item"));
      const run = audit(root).chosen[index]?.run;
      if (!run) return;
      const { answer, outcome } = await changeLog((store) => callPython("log_add_run", { store, run, today: today() }));
      const text =
        outcome === "written"
          ? `${answer?.summary} ${said(root, "added")}`
          : (answer?.error ?? said(root, outcome === "aside-full" ? "aside-full" : "not-kept"));
      say(root, text);
      getElement("[data-audit-said=log]", /** @type {HTMLElement} */ (button.parentElement)).textContent = text; // beside the button too
      if (outcome === "written") button.toggleAttribute("disabled", true);
    },
    cancel(root) {
      const state = audit(root);
      state.controller?.abort();
      state.controller = null;
    },
  },
});
