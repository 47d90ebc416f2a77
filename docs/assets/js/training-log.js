// @ts-check
// The training log on the planner page (data-component="log"): a thin client, like tool.js. It
// keeps the exact text Python returns in this browser (log-store.js) and shows Python's answer
// through the planner tool (tool.js). Reading, checking, adjusting and exporting happen in
// Python (drills/bridge/log.py); a plan change already brings the log with it (one call).
import { defineComponent, fieldsOf, fillForm, getElement, getElements, showErrors } from "./component.js";
import { changeLog, dropAside, noteBackup, onLogChangedElsewhere, readAside } from "./log-store.js";
import { callPython, startPython } from "./py-client.js";
import { askToKeep } from "./storage.js";
import { computeArgs, lastAnswer, refresh, restoreFields, show } from "./tool.js";

const UNAVAILABLE = "The training log needs the live calculator, which could not start in this browser.";

/**
 * The log's state on this page.
 * @typedef {object} Log
 * @property {HTMLFormElement} form the log's one form: in its section, or opened in a card
 * @property {HTMLFormElement} note the session note's one form: hidden at home, or in a card
 * @property {Record<string, any> | null} answer the log's part of Python's latest answer
 * @property {boolean} askedToKeep
 * @property {Promise<unknown>} queue one operation at a time: each reads what the last wrote
 */

/** @type {WeakMap<HTMLElement, Log>} */
const logs = new WeakMap();

function log(/** @type {HTMLElement} */ root) {
  const found = logs.get(root);
  if (!found) throw new ReferenceError("The training log is not attached");
  return found;
}

const tool = (/** @type {HTMLElement} */ root) => /** @type {HTMLElement} */ (root.closest('[data-component="tool"]'));

/** Put the form in the card of session `key`, below what the log shows there, or back in the
 *  log's section (no key, or no such card). Focus inside the form stays where it was. */
function place(/** @type {HTMLElement} */ root, /** @type {string} */ key) {
  const { form } = log(root);
  const slot = key ? tool(root).querySelector(`[data-log-slot="${CSS.escape(key)}"]`) : null;
  const target = slot ?? getElement("[data-log-home]", root);
  const focused = form.contains(document.activeElement) ? /** @type {HTMLElement} */ (document.activeElement) : null;
  if (form.parentElement !== target) target.append(form);
  form.dataset.logIn = slot ? key : "";
  focused?.focus({ preventScroll: true });
}

/** Close a form opened in a card; focus goes to that card's log (what was saved, or the
 *  button that opened the form), brought into view if the form had scrolled it away. */
function closeForm(/** @type {HTMLElement} */ root) {
  const key = log(root).form.dataset.logIn;
  if (!key) return;
  place(root, "");
  const cell = tool(root).querySelector(`[data-log-cell="${CSS.escape(key)}"]`);
  const target = cell?.querySelector(".dc-log-done") ? cell : cell?.querySelector("button");
  if (!(target instanceof HTMLElement)) return;
  target.focus({ preventScroll: true });
  const box = target.getBoundingClientRect();
  const header = document.querySelector(".md-header");
  const top = header instanceof HTMLElement ? header.offsetHeight : 0;
  // Centred: Material's "Back to top" button covers the top of the page after a scroll up.
  if (box.top < top || box.bottom > innerHeight) target.scrollIntoView({ block: "center" });
}

function announce(/** @type {HTMLElement} */ root, /** @type {string} */ text) {
  getElement("[data-log-status]", root).textContent = text;
}

/** A sentence the page was built with (the log section's template), by its name. */
const said = (/** @type {HTMLElement} */ root, /** @type {string} */ name) => getElement(`[data-log-says="${name}"]`, root).textContent ?? "";

// Every answer that reaches the page (a plan change, a save, an import) carries the log's state.
function onAnswer(/** @type {HTMLElement} */ root, /** @type {Record<string, any> | undefined} */ data) {
  if (!data || data.log_summary === undefined) return;
  log(root).answer = data;
  announce(root, data.log_summary);
  root.dataset.logLive = "true";
}

/** Make a change to the log (`call` with `args` on the log as this browser keeps it), keep the
 *  new text, and show Python's answer; says why when nothing was kept. */
async function change(/** @type {HTMLElement} */ root, /** @type {string} */ call, /** @type {Record<string, unknown>} */ args) {
  const result = await changeLog((store) => callPython(call, { ...computeArgs(tool(root)), ...args, store }));
  const { answer, outcome } = result;
  if (outcome === "written") show(tool(root), answer);
  else if (answer?.error) announce(root, answer.error);
  else if (outcome === "failed") announce(root, said(root, "not-kept"));
  else if (outcome === "conflict") announce(root, said(root, "busy"));
  else if (outcome === "aside-full") announce(root, said(root, "aside-full"));
  return result;
}

// The first time the reader saves, ask the browser to keep the log, and say what it answered.
async function keepStorage(/** @type {HTMLElement} */ root) {
  if (log(root).askedToKeep) return;
  log(root).askedToKeep = true;
  const kept = await askToKeep().catch(() => null);
  for (const line of getElements("[data-log-storage]", root)) {
    line.hidden = line.dataset.logStorage !== (kept ? "kept" : "may-clear");
  }
}

async function exportFile(/** @type {HTMLElement} */ root, /** @type {string} */ call, args = {}) {
  const out = await callPython(call, { ...computeArgs(tool(root)), ...args });
  if (out.error) return void announce(root, out.error);
  (await import("./downloads.js")).download(out.text, out.filename, out.mime);
  announce(root, `Downloaded ${out.filename}.`);
  return out;
}

/** Open the log's form on `texts` (a session's key, date, ratings, flags, note) for the reader
 *  to check and save: in that session's card, its blank form under what is given. */
export function openEntry(/** @type {HTMLElement} */ root, /** @type {Record<string, unknown>} */ texts) {
  const { form, answer } = log(root);
  const blank = answer?.forms?.[String(texts.session)] ?? {};
  fillForm(form, { flags: [], ...blank, ...texts });
  place(root, String(texts.session ?? ""));
  showErrors(form, {});
  getElement("[name=session]", form).focus(); // scrolls only as far as needed: the form is below the button
}

/** Open the note form in the card of session `key`, on the note the plan holds for it. */
function openNote(/** @type {HTMLElement} */ root, /** @type {string} */ key) {
  const { note, answer } = log(root);
  const slot = tool(root).querySelector(`[data-log-slot="${CSS.escape(key)}"]`);
  if (!slot) return closeNote(root); // the plan shown has no such session now
  if (note.dataset.noteFor !== key) fillForm(note, { session_note: answer?.notes?.[key] ?? "" });
  note.dataset.noteFor = key;
  showErrors(note, {});
  slot.append(note);
  getElement("[name=session_note]", note).focus();
}

/** The note form back at home, hidden; focus to the card's note button. */
function closeNote(/** @type {HTMLElement} */ root) {
  const { note } = log(root);
  const key = note.dataset.noteFor ?? "";
  note.dataset.noteFor = "";
  getElement("[data-note-home]", root).append(note);
  const button = tool(root).querySelector(`[data-action="log:note"][data-key="${CSS.escape(key)}"]`);
  if (button instanceof HTMLElement) button.focus();
}

async function saveNote(/** @type {HTMLElement} */ root) {
  const { note } = log(root);
  const texts = fieldsOf(note);
  const { answer, outcome } = await change(root, "log_note", { key: note.dataset.noteFor, note: texts.session_note });
  if (outcome === "written") return closeNote(root);
  showErrors(note, answer?.field === "session_note" ? { session_note: answer.error } : {}, { focus: true });
}

async function save(/** @type {HTMLElement} */ root) {
  const { form } = log(root);
  const { answer, outcome } = await change(root, "book_save", { entry: fieldsOf(form) }); // another plan's log kept beside
  if (outcome === "unchanged" && answer?.log_errors) {
    announce(root, answer.log_summary);
    return showErrors(form, answer.log_errors, { focus: true });
  }
  if (outcome !== "written") return; // the form keeps what the reader typed
  showErrors(form, {});
  form.reset();
  closeForm(root); // the saved entry shows in the session's card, where the form was
  await keepStorage(root);
}

async function importFile(/** @type {HTMLElement} */ root, /** @type {HTMLInputElement} */ input) {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  // Python refuses a log over its size in characters; a character is at most 4 bytes, so this
  // many bytes hold every file it accepts, and more than it accepts of any other.
  const bytes = 4 * Number(input.dataset.logMaxChars) + 4;
  const text = await file.slice(0, bytes).text();
  await change(root, "log_import", { text });
}

// One log operation at a time: each reads the store the one before it wrote.
function guarded(/** @type {HTMLElement} */ root, /** @type {() => unknown} */ task) {
  const state = log(root);
  state.queue = state.queue.then(task).catch(() => announce(root, UNAVAILABLE));
  return state.queue;
}

function attach(/** @type {HTMLElement} */ root) {
  const form = /** @type {HTMLFormElement} */ (getElement("[data-log-form]", root));
  const note = /** @type {HTMLFormElement} */ (getElement("[data-note-form]", root));
  logs.set(root, { form, note, answer: null, askedToKeep: false, queue: Promise.resolve() });
  const planner = tool(root);
  planner.addEventListener("dc:updated", (event) => {
    onAnswer(root, /** @type {CustomEvent} */ (event).detail?.data);
    // A new plan may have rewritten the card the form was open in: open it in the new card.
    if (!form.isConnected) place(root, form.dataset.logIn ?? "");
    if (!note.isConnected) (note.dataset.noteFor ? openNote(root, note.dataset.noteFor) : closeNote(root));
  });
  // The planner may have answered before this module arrived (each is fetched on its own).
  onAnswer(root, lastAnswer(planner)?.data);
  // Another session chosen in a form open in a card: the form moves to that session's card.
  getElement("[name=session]", form).addEventListener("change", (event) => {
    if (form.dataset.logIn) place(root, /** @type {HTMLSelectElement} */ (event.target).value);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    guarded(root, () => save(root));
  });
  note.addEventListener("submit", (event) => {
    event.preventDefault();
    guarded(root, () => saveNote(root));
  });
  const input = /** @type {HTMLInputElement} */ (getElement("[data-log-import]", root));
  input.addEventListener("change", () => guarded(root, () => importFile(root, input)));
  startPython().then((ok) => ok || announce(root, UNAVAILABLE));
  // Another tab saved, removed or imported: show its log here too, without a reload.
  onLogChangedElsewhere(() => root.isConnected && guarded(root, () => refresh(planner)));
}

defineComponent("log", {
  attach,
  perform: guarded,
  actions: {
    mark(root, button) {
      const texts = log(root).answer?.forms?.[button.dataset.key ?? ""];
      if (texts) openEntry(root, texts);
    },
    remove: (root, button) => change(root, "log_remove", { key: button.dataset.key }),
    "remove-run": (root, button) => change(root, "log_remove_run", { run_key: button.dataset.key }),
    "close-form": closeForm,
    note: (root, button) => openNote(root, button.dataset.key ?? ""),
    "close-note": closeNote,
    "show-plan"(root) {
      const plan = log(root).answer?.logged_plan;
      if (plan) restoreFields(tool(root), plan);
    },
    async clear(root) {
      if (!confirm("Delete the training log from this browser? Export it first to keep a copy.")) return;
      await change(root, "log_clear", {});
    },
    async "export-json"(root) {
      const out = await exportFile(root, "log_export");
      if (!out) return;
      noteBackup(out.entries); // the reminder waits until entries outside this copy build up
      await refresh(tool(root));
    },
    // A log this page could not read in full, as it is kept: the log itself, or the copy aside.
    "export-unread"(root, button) {
      const which = button.dataset.key;
      return exportFile(root, "log_export_unread", which === "aside" ? { which, aside_text: readAside() } : { which });
    },
    async "drop-aside"(root) {
      const kept = readAside();
      if (!confirm("Delete the kept log from this browser? Download it first to keep a copy.")) return;
      await dropAside(kept);
      await refresh(tool(root));
    },
    "export-ics": (root) => exportFile(root, "export_ics"),
    "export-csv-plan": (root) => exportFile(root, "export_csv", { kind: "plan" }),
    "export-csv-log": (root) => exportFile(root, "export_csv", { kind: "log" }),
  },
});
