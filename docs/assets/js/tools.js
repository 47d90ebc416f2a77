// Thin client for the in-page tools. It collects what the reader typed, asks Python (in one
// module worker per visit) what it means, and inserts what Python returns. No tool logic here.

import { readAside, readBackup, readStore, today } from "./log-store.js";
import { callPython, onPythonFailure, pythonDownloadFailed, pythonFailure, pythonHeld, startPython } from "./py-client.js";
import { apply, marks } from "./regions.js";
import * as runtimeStatus from "./runtime-status.js";

onPythonFailure(() => document.querySelectorAll("[data-tool]").forEach(showFailure));

function showFailure(tool) {
  const status = tool.querySelector("[data-status]");
  const reason = /webassembly|\.wasm/i.test(pythonFailure())
    ? "WebAssembly could not be loaded in this browser"
    : "it could not start";
  status.textContent =
    `The live calculator is unavailable because ${reason}; the results below were calculated ` +
    "for the values shown when this page was built.";
  tool.classList.add("dc-tool--offline");
}

function fieldsOf(form) {
  const fields = {};
  for (const element of form.elements) if (element.name) fields[element.name] = element.value;
  return fields;
}

/** What Python needs for one answer: the form's texts, the marks of the regions shown, and on a
 *  page with the training log, the log as this browser keeps it. */
export function computeArgs(tool) {
  // links: where the page's links go, as the build wrote them (drills/render/links.py)
  const args = { tool: tool.dataset.tool, fields: fieldsOf(tool.querySelector("form.dc-form")), marks: marks(tool), links: JSON.parse(tool.dataset.links) };
  const log = tool.querySelector("[data-log]");
  if (log) {
    const selected = tool.querySelector("[data-log-form] [name=session]")?.value ?? ""; // in a card too
    const aside = readAside() !== ""; // Python says so beside the log and offers it
    Object.assign(args, { store: readStore(), today: today(), query: currentQuery(), selected, backup: readBackup(), aside });
  }
  return args;
}

/** Show Python's answer: messages beside the fields, the regions that changed, the status and
 *  the address (not for a `quiet` answer, which no reader's change asked for). */
export function show(tool, outcome, quiet = false) {
  const form = tool.querySelector("form.dc-form");
  if (outcome.restored) {
    for (const [name, text] of Object.entries(outcome.texts ?? {})) {
      if (form.elements[name]) form.elements[name].value = text;
    }
  }
  for (const slot of tool.querySelectorAll("form [data-error-for]")) {
    const message = outcome.errors?.[slot.dataset.errorFor] ?? "";
    slot.textContent = message; // messages quote what was typed: text only, never markup
    form.elements[slot.dataset.errorFor]?.setAttribute("aria-invalid", message ? "true" : "false");
  }
  apply(tool, outcome.regions);
  const status = tool.querySelector("[data-status]");
  if (quiet) {
    /* the status line keeps saying what it said */
  } else if (outcome.summary !== undefined) {
    status.textContent = outcome.summary;
    addressBar.set(outcome.query);
  } else if (outcome.error) {
    status.textContent = outcome.error;
  } else {
    status.textContent = "Please correct the highlighted field; the results below are for the last valid values.";
  }
  tool.dispatchEvent(new CustomEvent("dc:updated", { bubbles: true, detail: outcome }));
}

// The address bar follows the inputs, a moment after typing stops: Material's instant
// navigation makes each history.replaceState cost tens of milliseconds (scripts/bench).
const addressBar = {
  timer: null,
  query: null,
  set(query) {
    this.query = query;
    this.path = location.pathname;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), 250);
  },
  flush() {
    clearTimeout(this.timer);
    const samePage = this.path === location.pathname; // not after navigating elsewhere
    if (this.query !== null && samePage && this.query !== location.search) {
      history.replaceState(history.state, "", this.query + location.hash);
    }
    this.query = null;
  },
};

/** Run a callback at the page's next idle moment (soon, where the browser cannot say). */
export const whenIdle = window.requestIdleCallback?.bind(window) ?? ((callback) => setTimeout(callback, 50));

/** The query the page stands for now, even while the address bar is still to catch up. */
export function currentQuery() {
  return addressBar.query ?? location.search;
}

function recomputer(tool) {
  let running = false;
  let again = false;
  return async function recompute() {
    tool.dcLastChange = performance.now();
    if (running) return void (again = true);
    running = true;
    try {
      do {
        again = false;
        show(tool, await callPython("compute", computeArgs(tool)));
      } while (again);
    } catch {
      /* the failure message is already on the page */
    } finally {
      running = false;
    }
  };
}

// A share link's values: the page was built with the defaults. Resolves true once shown.
async function restoreFromLink(tool) {
  if (new URLSearchParams(location.search).size === 0) return false;
  show(tool, await callPython("compute", { ...computeArgs(tool), link: location.search }));
  return true;
}

/** Show the training log as this browser keeps it now (another tab may have changed it); the
 *  status line speaks only when the page turns to the log's own plan. */
export async function refresh(tool) {
  const outcome = await callPython("compute", computeArgs(tool));
  show(tool, outcome, !outcome.restored);
}

async function showKeptLog(tool) {
  if (tool.dcLastChange === undefined) await refresh(tool);
}

function attach(tool) {
  if (tool.dataset.attached) return;
  tool.dataset.attached = "true";
  const status = tool.querySelector("[data-status]");
  if (pythonFailure()) return showFailure(tool);
  const ready = startPython();
  // A download that failed before this tool was attached (the worker starts beside tools.js:
  // page-helpers.js) must not be hidden behind "Loading". Not while a data saver holds the
  // download back either: runtime-status.js says so (py-client.js).
  if (pythonDownloadFailed()) showFailure(tool);
  else if (!pythonHeld()) status.textContent = "Loading the live calculator; the results below are already correct for these values.";
  const recompute = recomputer(tool);
  const form = tool.querySelector("form.dc-form");
  form.addEventListener("input", recompute);
  form.addEventListener("change", recompute);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    recompute();
  });
  tool.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button) actions[button.dataset.action]?.(tool, button, recompute);
  });
  ready.then(async (ok) => {
    if (!ok) return;
    navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage("cache-runtime"));
    const restored = await restoreFromLink(tool).catch(() => false);
    if (!restored && tool.dcLastChange === undefined) status.textContent = "Live: results update as you type.";
    tool.dataset.live = "true";
    // The page was built with an empty training log: the log this browser keeps follows at
    // the first quiet moment, unless the reader's first change has brought it already.
    if (!restored && tool.querySelector("[data-log]")) whenIdle(() => showKeptLog(tool).catch(() => {}), { timeout: 1000 });
    rehearse(tool).catch(() => {}); // if Python stops, the page already says so
  });
}

// Python answers slowly for its first few dozen calls, while V8 is still compiling the busiest
// parts of the interpreter into fast code. A few unseen recomputes of the form as it stands, at
// quiet moments while the reader reads, get that done before they type (scripts/bench, p95).
const REHEARSALS = 20;
const QUIET_MS = 500; // never between a reader's changes: each would wait behind a rehearsal
async function rehearse(tool) {
  let done = 0;
  while (done < REHEARSALS && tool.isConnected) {
    await new Promise((resolve) => whenIdle(resolve));
    if (performance.now() - (tool.dcLastChange ?? 0) < QUIET_MS) continue;
    await callPython("compute", computeArgs(tool));
    done += 1;
  }
  tool.dataset.rehearsed = String(done); // tests wait for this instead of a fixed time
}

const actions = {
  async share(tool) {
    addressBar.flush();
    const status = tool.querySelector("[data-status]");
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = "Share link copied to the clipboard.";
    } catch {
      status.textContent = `Copy this share link: ${location.href}`;
    }
  },
  print() {
    window.print();
  },
  metronome(tool, button) {
    metronome.running ? metronome.stop() : metronome.start(tool, button);
  },
  async "click-track"(tool, button) {
    const minutes = tool.querySelector("input[name=minutes]");
    const error = tool.querySelector("[data-error-for=minutes]");
    const tempo = Number(tool.querySelector("[data-result=metronome_bpm]").textContent);
    button.disabled = true;
    try {
      const out = await callPython("click_track", { tempo, minutes: minutes.value });
      error.textContent = out.error ?? "";
      minutes.setAttribute("aria-invalid", out.error ? "true" : "false");
      if (out.wav_base64) {
        const bytes = Uint8Array.from(atob(out.wav_base64), (c) => c.charCodeAt(0));
        const link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([bytes], { type: "audio/wav" }));
        link.download = `click-track-${tempo}bpm-${minutes.value.trim()}min.wav`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      }
    } catch {
      /* the failure message is already on the page */
    } finally {
      button.disabled = false;
    }
  },
  async tap(tool) {
    const taps = (tool.dcTaps ??= []);
    taps.push(performance.now());
    if (taps.length > 16) taps.shift();
    const output = tool.querySelector("[data-tap-output]");
    if (taps.length < 6) return void (output.textContent = `${taps.length} taps; keep going.`);
    const out = await callPython("tap_cadence", { taps });
    tool.querySelector("[data-error-for=taps]").textContent = out.error ?? "";
    if (out.cadence_spm !== undefined) {
      output.textContent = `About ${out.cadence_spm} steps/min from your last ${taps.length} taps.`;
      tool.dcTapCadence = out.cadence_spm;
      tool.querySelector("[data-action=use-tap]").hidden = false;
    }
  },
  "tap-reset"(tool) {
    tool.dcTaps = [];
    tool.querySelector("[data-tap-output]").textContent = "";
    tool.querySelector("[data-action=use-tap]").hidden = true;
  },
  "use-tap"(tool, button, recompute) {
    tool.querySelector("form.dc-form").elements.cadence.value = String(tool.dcTapCadence);
    recompute();
  },
};

// Web Audio clicks scheduled a little ahead, so timer jitter never reaches the beat.
const metronome = {
  running: false,
  start(tool, button) {
    this.context ??= new AudioContext();
    this.context.resume();
    this.tool = tool;
    this.button = button;
    this.next = this.context.currentTime + 0.1;
    this.running = true;
    button.setAttribute("aria-pressed", "true");
    button.textContent = "Stop metronome";
    this.timer = setInterval(() => this.schedule(), 25);
  },
  schedule() {
    if (!this.tool.isConnected) return this.stop();
    const bpm = Number(this.tool.querySelector("[data-result=metronome_bpm]")?.textContent) || 170;
    while (this.next < this.context.currentTime + 0.1) {
      const osc = this.context.createOscillator();
      const gain = this.context.createGain();
      osc.frequency.value = 1000;
      gain.gain.setValueAtTime(0.5, this.next);
      gain.gain.exponentialRampToValueAtTime(0.001, this.next + 0.03);
      osc.connect(gain).connect(this.context.destination);
      osc.start(this.next);
      osc.stop(this.next + 0.03);
      this.next += 60 / bpm;
    }
  },
  stop() {
    clearInterval(this.timer);
    this.running = false;
    this.button?.setAttribute("aria-pressed", "false");
    if (this.button) this.button.textContent = "Start metronome";
  },
};

function attachAll() {
  document.querySelectorAll("[data-tool]").forEach(attach);
}

// page-helpers.js imports this module only once a tool page is parsed and shown, so Python
// starts now (attach() would start it too). Once it is ready or has failed, the service worker
// may begin precaching (page-helpers.js).
startPython().then(() => {
  window.dcPythonSettled = true;
  document.dispatchEvent(new Event("dc:python-settled"));
});

// Material's instant navigation swaps the page without reloading scripts; document$ fires each time.
if (typeof document$ !== "undefined") document$.subscribe(attachAll);
else attachAll();
// The planner's session mode, and the cadence page's tempo it starts from: loaded once Python is
// live and the page is idle, so its 17 kB never stand between the reader and the first answer.
function loadSessionMode(retry = false) {
  import("./session-mode.js").then(
    () => retry && runtimeStatus.clear(), // the line offered to try again
    (error) => runtimeStatus.partFailed("Session mode", error.message, () => loadSessionMode(true)),
  );
}
startPython().then((ok) => ok && whenIdle(() => loadSessionMode(), { timeout: 2000 }));
