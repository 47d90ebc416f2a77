// The descent audit page: the reader's files go to Python in this page's worker (never to a
// server) and each comes back as one item of the list, or its reason. Python reads, audits and
// renders; this script only hands over the bytes, and keeps a run's summary for the log.
import { changeLog, today } from "./log-store.js";
import { callPython, onPythonFailure, onPythonReady, pythonDownloadFailed, startPython } from "./py-client.js";

function root() {
  return document.querySelector("[data-audit]");
}

/** Where the page's links go, as the build wrote them (drills/render/links.py). */
function links() {
  return JSON.parse(root().dataset.links);
}

function say(tool, text) {
  tool.querySelector("[data-status]").textContent = text;
}

const said = (tool, name) => tool.querySelector(`[data-audit-says="${name}"]`).textContent;
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

// The files of this visit, kept so a change of units redraws them (nothing is stored).
const chosen = [];
// The calls Python is reading files for: the reader may cancel them (py-client.js ends that
// Python and starts a fresh one).
const reading = { calls: 0, controller: null };

async function auditOne(tool, index) {
  const { file, bytes, unread } = chosen[index];
  if (unread) return; // cancelled, or it stopped Python: never read again
  const units = tool.querySelector("[name=units]").value;
  const copy = bytes.slice(); // the worker takes over the copy it is handed
  const { signal } = (reading.controller ??= new AbortController());
  const cancel = tool.querySelector("[data-audit-action=cancel]");
  reading.calls += 1;
  cancel.hidden = false;
  let out;
  try {
    out = await callPython("audit_file", { name: file.name, units, index, links: links() }, copy, { signal });
  } catch (error) {
    if (!signal.aborted && error.name !== "PythonStopped") throw error;
    chosen[index].unread = true;
    return place(tool, index, unreadItem(tool, file.name, index, signal.aborted ? "cancelled" : "stopped"));
  } finally {
    reading.calls -= 1;
    cancel.hidden = reading.calls === 0;
  }
  const template = document.createElement("template");
  template.innerHTML = out.html ?? ""; // built and escaped by Python
  const item = template.content.firstElementChild;
  if (!item) return say(tool, out.error ?? `${file.name} could not be audited.`);
  place(tool, index, item);
  chosen[index].run = out.run;
  chosen[index].found = out.found;
}

function place(tool, index, item) {
  const items = tool.querySelector("[data-audit-items]");
  const old = items.querySelector(`[data-audit-item="${index}"]`);
  if (old) old.replaceWith(item);
  else items.append(item);
}

/** The item of a file Python did not read to its end (the template's, rendered by Python). */
function unreadItem(tool, name, index, why) {
  const item = tool.querySelector("template[data-audit-unread]").content.firstElementChild.cloneNode(true);
  item.dataset.auditItem = String(index);
  item.querySelector("h3").textContent = name;
  item.querySelector("[data-audit-error]").textContent = said(tool, why);
  return item;
}

// Each file's planner button takes what the other files found (a course, the runner's steady
// grade from their runs): Python draws them all again. Without Python (stopped, cancelled),
// each keeps the button its own file drew.
async function handOff(tool) {
  const out = await callPython("audit_handoffs", { found: chosen.map((c) => c.found ?? null), links: links() }).catch(() => ({}));
  for (const [index, html] of (out.html ?? []).entries()) {
    const box = tool.querySelector(`[data-audit-item="${index}"] [data-audit-handoff]`);
    if (box) box.outerHTML = html; // built and escaped by Python
  }
}

async function auditFiles(tool, files) {
  if (!files.length) return;
  const items = tool.querySelector("[data-audit-items]");
  if (!chosen.length) items.replaceChildren(); // the example makes way for the reader's files
  for (const file of files) {
    const index = chosen.length;
    // Progress: a large file takes a moment to read and to audit.
    say(tool, `Reading ${file.name} (${megabytes(file.size)}), file ${index + 1}…`);
    chosen.push({ file, bytes: new Uint8Array(await file.arrayBuffer()) });
    await auditOne(tool, index).catch(() => say(tool, `${file.name} could not be audited.`));
  }
  await handOff(tool);
  const n = chosen.length;
  say(tool, `Audited ${n} ${n === 1 ? "file" : "files"}; each shows its result or why it could not be read.`);
}

const actions = {
  print(tool, button) {
    const item = button.closest("[data-audit-item]");
    item.classList.add("dc-audit-printing");
    addEventListener("afterprint", () => item.classList.remove("dc-audit-printing"), { once: true });
    print();
  },
  async "add-log"(tool, button) {
    const run = chosen[Number(button.closest("[data-audit-item]").dataset.auditItem)]?.run;
    if (!run) return;
    const { answer, outcome } = await changeLog((store) => callPython("log_add_run", { store, run, today: today() }));
    const text =
      outcome === "written"
        ? `${answer.summary} ${said(tool, "added")}`
        : (answer?.error ?? said(tool, outcome === "aside-full" ? "aside-full" : "not-kept"));
    say(tool, text);
    button.parentElement.querySelector("[data-audit-said=log]").textContent = text; // beside the button too
    if (outcome === "written") button.disabled = true;
  },
  cancel() {
    reading.controller?.abort();
    reading.controller = null;
  },
};

function attach() {
  const tool = root();
  if (!tool || tool.dataset.attached) return;
  tool.dataset.attached = "true";
  const input = tool.querySelector("[name=files]");
  input.addEventListener("change", () => auditFiles(tool, [...input.files]).finally(() => (input.value = "")));
  const drop = tool.querySelector("[data-audit-drop]");
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("dc-audit-drop--over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("dc-audit-drop--over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("dc-audit-drop--over");
    auditFiles(tool, [...event.dataTransfer.files]);
  });
  tool.querySelector("[name=units]").addEventListener("change", async () => {
    for (let index = 0; index < chosen.length; index += 1) await auditOne(tool, index);
    await handOff(tool);
  });
  tool.addEventListener("click", (event) => {
    const button = event.target.closest("[data-audit-action]");
    if (button) actions[button.dataset.auditAction]?.(tool, button);
  });
  // What the status said before Python failed returns once a retry has it ready.
  let before = null;
  onPythonFailure(() => {
    before ??= tool.querySelector("[data-status]").textContent;
    say(tool, said(tool, pythonDownloadFailed() ? "unavailable" : "no-python"));
  });
  onPythonReady(() => {
    tool.dataset.live = "true";
    if (before !== null && tool.querySelector("[data-status]").textContent === said(tool, "unavailable")) say(tool, before);
    before = null;
  });
  startPython();
}

if (typeof document$ !== "undefined") document$.subscribe(attach);
else attach();
