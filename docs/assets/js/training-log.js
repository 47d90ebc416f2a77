// The training log on the planner page: a thin client, like tools.js. It keeps the exact text
// Python returns in localStorage, hands that text back with every call, and inserts the escaped
// HTML Python returns. Reading, checking, adjusting and exporting all happen in drills.log_view.
import { callPython, startPython } from "./py-client.js";
import { currentQuery, whenIdle } from "./tools.js";

const KEY = "dc-training-log";
const UNAVAILABLE =
  "The training log needs the live calculator, which could not start in this browser.";

function readStore() {
  try {
    return localStorage.getItem(KEY) ?? "";
  } catch {
    return ""; // storage blocked: Python sees an empty log
  }
}

function writeStore(text) {
  try {
    if (text === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, text);
    return true;
  } catch {
    return false;
  }
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function planFields(tool) {
  const fields = {};
  for (const element of tool.querySelector("form.dc-form").elements) {
    if (element.name) fields[element.name] = element.value;
  }
  return fields;
}

function entryFields(form) {
  const entry = { flags: [] };
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type !== "checkbox") entry[element.name] = element.value;
    else if (element.checked) entry.flags.push(element.value);
  }
  return entry;
}

const parts = (tool) => {
  const section = tool.querySelector("[data-log]");
  return { section, form: section.querySelector("[data-log-form]") };
};

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

// Python marks each part with a fingerprint of its HTML (drills/log_cells.py). A part already
// showing it is left alone: the log pre-rendered with the page, or a refresh that changed
// nothing, costs the browser no new layout.
function update(element, html, shown) {
  if (!element || element.dataset.logShown === shown) return false;
  element.innerHTML = html; // HTML built and escaped by Python
  element.dataset.logShown = shown;
  return true;
}

function render(tool, view) {
  const { section, form } = parts(tool);
  for (const [key, html] of Object.entries(view.cells ?? {})) {
    update(tool.querySelector(`[data-log-cell="${key}"]`), html, view.shown.cells[key]);
  }
  if (view.options !== undefined) {
    const select = form.elements.session;
    const chosen = select.value; // the reader may have picked one meanwhile
    if (update(select, view.options, view.shown.options) && [...select.options].some((option) => option.value === chosen)) {
      select.value = chosen;
    }
  }
  update(section.querySelector("[data-log-view]"), view.html, view.shown.html);
  tool.dcLog = view;
  announce(tool, tool.dcLogNotice ?? view.summary);
  tool.dcLogNotice = null;
  section.dataset.logLive = "true";
}

function restorePlan(tool, texts) {
  const form = tool.querySelector("form.dc-form");
  for (const [name, text] of Object.entries(texts)) {
    if (form.elements[name]) form.elements[name].value = text;
  }
  form.dispatchEvent(new Event("change")); // tools.js recomputes; its dc:updated refreshes the log
}

const base = (tool) => ({ fields: planFields(tool), store: readStore(), today: today() });

async function refresh(tool) {
  const request = (tool.dcLogRequest = (tool.dcLogRequest ?? 0) + 1);
  const view = await callPython("log_view", {
    ...base(tool),
    query: currentQuery(),
    selected: parts(tool).form.elements.session.value,
  });
  if (request !== tool.dcLogRequest) return; // a newer plan is on its way
  if (view.error) return announce(tool, view.error);
  if (view.restore) return restorePlan(tool, view.restore);
  render(tool, view);
}

function keep(tool, out) {
  if (out.error) {
    announce(tool, out.error);
    return false;
  }
  if (!writeStore(out.store)) {
    announce(tool, "This browser did not let the page keep the log (storage is full or blocked).");
    return false;
  }
  return true;
}

function download({ filename, mime, text }) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: mime }));
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

async function exportFile(tool, call, args = {}) {
  const out = await callPython(call, { ...base(tool), ...args });
  if (out.error) return announce(tool, out.error);
  download(out);
  announce(tool, `Downloaded ${out.filename}.`);
}

const actions = {
  mark(tool, button) {
    const texts = tool.dcLog?.forms?.[button.dataset.logKey];
    const { form } = parts(tool);
    if (!texts) return;
    for (const element of form.elements) {
      if (element.type === "checkbox") element.checked = texts.flags.includes(element.value);
      else if (element.name in texts) element.value = texts[element.name];
    }
    showErrors(tool, {});
    form.elements.session.focus();
    form.scrollIntoView({ block: "start" });
  },
  async remove(tool, button) {
    const out = await callPython("log_remove", { ...base(tool), key: button.dataset.logKey });
    if (keep(tool, out)) render(tool, out);
  },
  "show-plan"(tool) {
    if (tool.dcLog?.logged_plan) restorePlan(tool, tool.dcLog.logged_plan);
  },
  async clear(tool) {
    if (!confirm("Delete the training log from this browser? Export it first to keep a copy.")) return;
    writeStore(null);
    tool.dcLogNotice = "Deleted the training log from this browser.";
    await refresh(tool);
  },
  "export-json": (tool) => exportFile(tool, "log_export"),
  "export-ics": (tool) => exportFile(tool, "export_ics"),
  "export-csv-plan": (tool) => exportFile(tool, "export_csv", { kind: "plan" }),
  "export-csv-log": (tool) => exportFile(tool, "export_csv", { kind: "log" }),
};

async function save(tool) {
  const { form } = parts(tool);
  const out = await callPython("log_save", { ...base(tool), entry: entryFields(form) });
  if (out.store === undefined) {
    announce(tool, out.error ?? out.summary);
    return showErrors(tool, out.errors ?? {});
  }
  if (!keep(tool, out)) return;
  showErrors(tool, {});
  form.reset();
  render(tool, out);
}

async function importFile(tool, input) {
  const file = input.files[0];
  input.value = "";
  if (!file) return;
  // A log is far smaller than this; Python reports anything longer as too large to be one.
  const text = await file.slice(0, 600000).text();
  const out = await callPython("log_import", { ...base(tool), text });
  if (!keep(tool, out)) return;
  tool.dcLogNotice = out.summary;
  if (out.restore) restorePlan(tool, out.restore);
  else await refresh(tool);
}

// One log operation at a time per tool: each reads the store the one before it wrote (a refresh
// sent while a save is on its way would otherwise show the log without that entry).
function guarded(tool, task) {
  tool.dcLogQueue = (tool.dcLogQueue ?? Promise.resolve()).then(task).catch(() => announce(tool, UNAVAILABLE));
  return tool.dcLogQueue;
}

function attach(tool) {
  const section = tool.querySelector("[data-log]");
  if (!section || section.dataset.logAttached) return;
  section.dataset.logAttached = "true";
  // While the reader is still changing the plan, refresh the log once they pause: each refresh
  // re-renders every session, and doing it per keystroke slowed the plan itself (scripts/bench).
  let pending = null;
  tool.addEventListener("dc:updated", () => {
    clearTimeout(pending);
    pending = setTimeout(() => guarded(tool, () => refresh(tool)), 150);
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
  // The log's first refresh waits until Python is ready and the page is idle, so the reader's
  // first change to the plan is answered first (on a first visit the log shown is already right).
  startPython().then(() => whenIdle(() => guarded(tool, () => refresh(tool)), { timeout: 1000 }));
}

function attachAll() {
  document.querySelectorAll("[data-tool]").forEach(attach);
}

// Material's instant navigation swaps the page without reloading scripts; document$ fires each time.
if (typeof document$ !== "undefined") document$.subscribe(attachAll);
else attachAll();
