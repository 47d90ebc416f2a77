// The training log on the planner page: a thin client, like tools.js. It keeps the exact text
// Python returns in this browser (log-store.js), sends it with every call, and shows Python's
// answer through tools.js. Reading, checking, adjusting and exporting happen in Python
// (drills/bridge/log.py); a plan change already brings the log with it (one call, tools.js).
import { askToKeep, changeLog, dropAside, noteBackup, onLogChangedElsewhere, readAside } from "./log-store.js";
import { callPython, startPython } from "./py-client.js";
import { computeArgs, refresh, show } from "./tools.js";

const UNAVAILABLE = "The training log needs the live calculator, which could not start in this browser.";

function entryFields(form) {
  const entry = { flags: [] };
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type !== "checkbox") entry[element.name] = element.value;
    else if (element.checked) entry.flags.push(element.value);
  }
  return entry;
}

// The log's one form: in the log's own section, or opened in a session's card (`place`).
const parts = (tool) => {
  const section = tool.querySelector("[data-log]");
  tool.dcLogForm ??= section.querySelector("[data-log-form]");
  return { section, form: tool.dcLogForm };
};

/** Put the form in the card of session `key`, below what the log shows there, or back in the
 *  log's section (no key, or no such card). Focus inside the form stays where it was. */
function place(tool, key) {
  const { section, form } = parts(tool);
  const slot = key ? tool.querySelector(`[data-log-slot="${CSS.escape(key)}"]`) : null;
  const target = slot ?? section.querySelector("[data-log-home]");
  const focused = form.contains(document.activeElement) ? document.activeElement : null;
  if (form.parentElement !== target) target.append(form);
  form.dataset.logIn = slot ? key : "";
  focused?.focus({ preventScroll: true });
}

/** Close a form opened in a card; focus goes to that card's log (what was saved, or the
 *  button that opened the form), brought into view if the form had scrolled it away. */
function closeForm(tool) {
  const { form } = parts(tool);
  const key = form.dataset.logIn;
  if (!key) return;
  place(tool, "");
  const cell = tool.querySelector(`[data-log-cell="${CSS.escape(key)}"]`);
  const target = cell?.querySelector(".dc-log-done") ? cell : cell?.querySelector("button");
  if (!target) return;
  target.focus({ preventScroll: true });
  const box = target.getBoundingClientRect();
  const header = document.querySelector(".md-header")?.offsetHeight ?? 0;
  // Centred: Material's "Back to top" button covers the top of the page after a scroll up.
  if (box.top < header || box.bottom > innerHeight) target.scrollIntoView({ block: "center" });
}

function announce(tool, text) {
  parts(tool).section.querySelector("[data-log-status]").textContent = text;
}

function showErrors(tool, errors) {
  const { section, form } = parts(tool);
  for (const slot of section.querySelectorAll("[data-log-error-for]")) {
    const message = errors[slot.dataset.logErrorFor] ?? "";
    slot.textContent = message; // messages quote what was typed: text only, never markup
    const control = form.querySelector(`[name="${slot.dataset.logErrorFor}"]`);
    if (control?.type !== "checkbox") control?.setAttribute("aria-invalid", message ? "true" : "false");
  }
  form.querySelector("[aria-invalid=true]")?.focus();
}

// Every answer that reaches the page (a plan change, a save, an import) carries the log's state.
function onAnswer(tool, { data }) {
  if (!data || data.log_summary === undefined) return;
  tool.dcLog = data;
  announce(tool, data.log_summary);
  parts(tool).section.dataset.logLive = "true";
}

function restorePlan(tool, texts) {
  const form = tool.querySelector("form.dc-form");
  for (const [name, text] of Object.entries(texts)) {
    if (form.elements[name]) form.elements[name].value = text;
  }
  form.dispatchEvent(new Event("change")); // tools.js recomputes, the log with it
}

/** A sentence the page was built with (the log section's template), by its name. */
const said = (tool, name) => parts(tool).section.querySelector(`[data-log-says="${name}"]`).textContent;

/** Make a change to the log (`call` with `args` on the log as this browser keeps it), keep the
 *  new text, and show Python's answer; says why when nothing was kept. Resolves to
 *  {answer, outcome}: "written", "unchanged" (Python refused), "failed", "conflict" or
 *  "aside-full". */
async function change(tool, call, args) {
  const result = await changeLog((store) => callPython(call, { ...computeArgs(tool), ...args, store }));
  const { answer, outcome } = result;
  if (outcome === "written") show(tool, answer);
  else if (answer?.error) announce(tool, answer.error);
  else if (outcome === "failed") announce(tool, said(tool, "not-kept"));
  else if (outcome === "conflict") announce(tool, said(tool, "busy"));
  else if (outcome === "aside-full") announce(tool, said(tool, "aside-full"));
  return result;
}

// The first time the reader saves, ask the browser to keep the log, and say what it answered.
async function keepStorage(tool) {
  if (tool.dcAskedToKeep) return;
  tool.dcAskedToKeep = true;
  const kept = await askToKeep().catch(() => null);
  const { section } = parts(tool);
  for (const line of section.querySelectorAll("[data-log-storage]")) {
    line.hidden = line.dataset.logStorage !== (kept ? "kept" : "may-clear");
  }
}

function download({ filename, mime, text }) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: mime }));
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

async function exportFile(tool, call, args = {}) {
  const out = await callPython(call, { ...computeArgs(tool), ...args });
  if (out.error) return void announce(tool, out.error);
  download(out);
  announce(tool, `Downloaded ${out.filename}.`);
  return out;
}

/** Fill the log form with `texts` (a session's key, date, ratings, flags, note) for the
 *  reader to check and save. */
function fillForm(tool, texts) {
  const { form } = parts(tool);
  for (const element of form.elements) {
    if (element.type === "checkbox") element.checked = (texts.flags ?? []).includes(element.value);
    else if (element.name in texts) element.value = texts[element.name];
  }
  place(tool, texts.session);
  showErrors(tool, {});
  form.elements.session.focus(); // scrolls only as far as needed: the form is below the button
}

const actions = {
  mark(tool, button) {
    const texts = tool.dcLog?.forms?.[button.dataset.logKey];
    if (texts) fillForm(tool, texts);
  },
  async remove(tool, button) {
    await change(tool, "log_remove", { key: button.dataset.logKey });
  },
  async "remove-run"(tool, button) {
    await change(tool, "log_remove_run", { run_key: button.dataset.runKey });
  },
  "close-form": closeForm,
  "show-plan"(tool) {
    if (tool.dcLog?.logged_plan) restorePlan(tool, tool.dcLog.logged_plan);
  },
  async clear(tool) {
    if (!confirm("Delete the training log from this browser? Export it first to keep a copy.")) return;
    await change(tool, "log_clear", {});
  },
  async "export-json"(tool) {
    const out = await exportFile(tool, "log_export");
    if (!out) return;
    noteBackup(out.entries); // the reminder waits until entries outside this copy build up
    await refresh(tool);
  },
  // A log this page could not read in full, as it is kept: the log itself, or the copy aside.
  "export-unread"(tool, button) {
    const which = button.dataset.logWhich;
    return exportFile(tool, "log_export_unread", which === "aside" ? { which, aside_text: readAside() } : { which });
  },
  async "drop-aside"(tool) {
    const kept = readAside();
    if (!confirm("Delete the kept log from this browser? Download it first to keep a copy.")) return;
    await dropAside(kept);
    await refresh(tool);
  },
  "export-ics": (tool) => exportFile(tool, "export_ics"),
  "export-csv-plan": (tool) => exportFile(tool, "export_csv", { kind: "plan" }),
  "export-csv-log": (tool) => exportFile(tool, "export_csv", { kind: "log" }),
};

async function save(tool) {
  const { form } = parts(tool);
  const entry = entryFields(form);
  const { answer, outcome } = await change(tool, "log_save", { entry });
  if (outcome === "unchanged" && answer.log_errors) {
    announce(tool, answer.log_summary);
    return showErrors(tool, answer.log_errors);
  }
  if (outcome !== "written") return; // the form keeps what the reader typed
  showErrors(tool, {});
  form.reset();
  closeForm(tool); // the saved entry shows in the session's card, where the form was
  await keepStorage(tool);
}

async function importFile(tool, input) {
  const file = input.files[0];
  input.value = "";
  if (!file) return;
  // Python refuses a log over its size in characters; a character is at most 4 bytes, so this
  // many bytes hold every file it accepts, and more than it accepts of any other.
  const bytes = 4 * Number(input.dataset.logMaxChars) + 4;
  const text = await file.slice(0, bytes).text();
  await change(tool, "log_import", { text });
}

// One log operation at a time per tool: each reads the store the one before it wrote.
function guarded(tool, task) {
  tool.dcLogQueue = (tool.dcLogQueue ?? Promise.resolve()).then(task).catch(() => announce(tool, UNAVAILABLE));
  return tool.dcLogQueue;
}

function attach(tool) {
  const section = tool.querySelector("[data-log]");
  if (!section || section.dataset.logAttached) return;
  section.dataset.logAttached = "true";
  tool.addEventListener("dc:updated", (event) => onAnswer(tool, event.detail ?? {}));
  // A new plan may have rewritten the card the form was open in: open it in the new card.
  tool.addEventListener("dc:updated", () => parts(tool).form.isConnected || place(tool, parts(tool).form.dataset.logIn));
  // Another session chosen in a form open in a card: the form moves to that session's card.
  parts(tool).form.elements.session.addEventListener("change", (event) => {
    if (parts(tool).form.dataset.logIn) place(tool, event.target.value);
  });
  // Another part of the page (session mode) hands over an entry for the reader to confirm:
  // its texts over the session's own blank form.
  tool.addEventListener("dc:log-prefill", ({ detail }) => {
    const blank = tool.dcLog?.forms?.[detail?.session] ?? {};
    fillForm(tool, { ...blank, ...detail });
  });
  parts(tool).form.addEventListener("submit", (event) => {
    event.preventDefault();
    guarded(tool, () => save(tool));
  });
  tool.addEventListener("click", (event) => {
    const button = event.target.closest("[data-log-action]");
    const action = button && actions[button.dataset.logAction];
    if (action) guarded(tool, () => action(tool, button));
  });
  section
    .querySelector("[data-log-import]")
    .addEventListener("change", (event) => guarded(tool, () => importFile(tool, event.target)));
  startPython().then((ok) => ok || announce(tool, UNAVAILABLE));
  // Another tab saved, removed or imported: show its log here too, without a reload.
  onLogChangedElsewhere(() => tool.isConnected && guarded(tool, () => refresh(tool)));
}

function attachAll() {
  document.querySelectorAll("[data-tool]").forEach(attach);
}

// Material's instant navigation swaps the page without reloading scripts; document$ fires each time.
if (typeof document$ !== "undefined") document$.subscribe(attachAll);
else attachAll();
