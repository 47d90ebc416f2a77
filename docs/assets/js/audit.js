// The descent audit page: the reader's files go to Python in this page's worker (never to a
// server) and each comes back as one item of the list, or its reason. Python reads, audits and
// renders; this script only hands over the bytes, and keeps a run's summary for the log.
import { changeLog, today } from "./log-store.js";
import { callPython, onPythonFailure, startPython } from "./py-client.js";

function root() {
  return document.querySelector("[data-audit]");
}

function say(tool, text) {
  tool.querySelector("[data-status]").textContent = text;
}

const said = (tool, name) => tool.querySelector(`[data-audit-says="${name}"]`).textContent;
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

// The files of this visit, kept so a change of units redraws them (nothing is stored).
const chosen = [];

async function auditOne(tool, index) {
  const { file, bytes } = chosen[index];
  const units = tool.querySelector("[name=units]").value;
  const copy = bytes.slice(); // the worker takes over the copy it is handed
  const out = await callPython("audit_file", { name: file.name, units, index }, copy);
  const html = out.html ?? "";
  const items = tool.querySelector("[data-audit-items]");
  const template = document.createElement("template");
  template.innerHTML = html; // built and escaped by Python
  const item = template.content.firstElementChild;
  const old = items.querySelector(`[data-audit-item="${index}"]`);
  if (!item) return say(tool, out.error ?? `${file.name} could not be audited.`);
  if (old) old.replaceWith(item);
  else items.append(item);
  chosen[index].run = out.run;
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
    if (outcome === "written") {
      say(tool, `${answer.summary} ${said(tool, "added")}`);
      button.disabled = true;
    } else say(tool, answer?.error ?? said(tool, outcome === "aside-full" ? "aside-full" : "not-kept"));
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
  });
  tool.addEventListener("click", (event) => {
    const button = event.target.closest("[data-audit-action]");
    if (button) actions[button.dataset.auditAction]?.(tool, button);
  });
  onPythonFailure(() => say(tool, "The audit needs the guide's Python, which could not start in this browser."));
  startPython().then((ok) => {
    if (ok) tool.dataset.live = "true";
  });
}

if (typeof document$ !== "undefined") document$.subscribe(attach);
else attach();
