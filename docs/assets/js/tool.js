// @ts-check
// The tool component (data-component="tool": the cadence calculator, the planner): it collects
// what the reader typed, asks Python (drills.bridge's "compute") what it means, and shows the
// answer: messages beside the fields, the regions that changed, the status and the address.
// No tool logic here; the parts inside a tool (practice, log, session) are components of their own.
import { defineComponent, fillForm, fieldsOf, getElement, showErrors, whenIdle } from "./component.js";
import { readAside, readBackup, readStore, today } from "./log-store.js";
import { callPython, onPythonFailure, pythonDownloadFailed, pythonFailure, pythonHeld, startPython } from "./py-client.js";
import { apply, marks } from "./regions.js";

/**
 * Python's answer to a change (drills.bridge.answers.answer).
 * @typedef {object} ToolAnswer
 * @property {Record<string, string>} texts the form's texts as read
 * @property {Record<string, string>} errors a message by field
 * @property {string} query the share link's query for these texts
 * @property {boolean} restored the texts are not the reader's (a link's, a kept log's plan)
 * @property {string} [summary] the status line's sentence, when every field reads
 * @property {string} [error] what went wrong, when the call itself failed
 * @property {Record<string, import("./regions.js").Change>} [regions]
 * @property {Record<string, any>} [data] for the components inside the tool
 */

/**
 * A tool's state for this page.
 * @typedef {object} ToolState
 * @property {() => Promise<void>} recompute
 * @property {number | undefined} lastChange when the reader last changed a field
 * @property {Promise<void> | null} running the recompute under way (with the changes made meanwhile)
 * @property {boolean} invalid the last answer had a message for a field: the address bar still
 *   holds the last valid values
 * @property {ToolAnswer | null} last the latest answer shown, for a component attached after it
 */

/** @type {WeakMap<HTMLElement, ToolState>} */
const tools = new WeakMap();

const form = (/** @type {HTMLElement} */ tool) => /** @type {HTMLFormElement} */ (getElement("form.dc-form", tool));
const status = (/** @type {HTMLElement} */ tool) => getElement("[data-status]", tool);

onPythonFailure(() => document.querySelectorAll('[data-component="tool"]').forEach((tool) => showFailure(/** @type {HTMLElement} */ (tool))));

function showFailure(/** @type {HTMLElement} */ tool) {
  if (linkPending(tool)) {
    form(tool).reset(); // back to the values the results below were built for
    linked(tool, false);
  }
  const reason = /webassembly|\.wasm/i.test(pythonFailure() ?? "")
    ? "WebAssembly could not be loaded in this browser"
    : "it could not start";
  status(tool).textContent =
    `The live calculator is unavailable because ${reason}; the results below were calculated ` +
    "for the values shown when this page was built.";
  tool.classList.add("dc-tool--offline");
}

/** What Python needs for one answer: the form's texts, the marks of the regions shown, and on a
 *  page with the training log, the log as this browser keeps it. */
export function computeArgs(/** @type {HTMLElement} */ tool) {
  /** @type {Record<string, unknown>} */
  // links: where the page's links go, as the build wrote them (drills/render/links.py)
  const args = { tool: tool.dataset.tool, fields: fieldsOf(form(tool)), marks: marks(tool), links: JSON.parse(tool.dataset.links ?? "{}") };
  if (tool.querySelector('[data-component="log"]')) {
    const session = tool.querySelector("[data-log-form] [name=session]"); // in a card too
    const selected = session instanceof HTMLSelectElement ? session.value : "";
    const aside = readAside() !== ""; // Python says so beside the log and offers it
    Object.assign(args, { store: readStore(), today: today(), query: currentQuery(), selected, backup: readBackup(), aside });
  }
  return args;
}

/** Show Python's answer: messages beside the fields, the regions that changed, the status and
 *  the address (not for a `quiet` answer, which no reader's change asked for). */
export function show(/** @type {HTMLElement} */ tool, /** @type {ToolAnswer} */ outcome, quiet = false) {
  if (outcome.restored) fillForm(form(tool), outcome.texts ?? {});
  showErrors(form(tool), outcome.errors);
  apply(tool, outcome.regions);
  linked(tool, false); // Python's results are the form's now
  const state = tools.get(tool);
  if (state) state.last = outcome;
  if (state && !quiet) state.invalid = Object.keys(outcome.errors ?? {}).length > 0;
  if (quiet) {
    /* the status line keeps saying what it said */
  } else if (outcome.summary !== undefined) {
    status(tool).textContent = outcome.summary;
    addressBar.set(outcome.query);
  } else if (outcome.error) {
    status(tool).textContent = outcome.error;
  } else {
    status(tool).textContent = "Please correct the highlighted field; the results below are for the last valid values.";
  }
  tool.dispatchEvent(new CustomEvent("dc:updated", { bubbles: true, detail: outcome }));
}

/** The latest answer this tool showed: a component whose module arrived after it (the log,
 *  fetched on its own) starts from it instead of waiting for the next one. */
export function lastAnswer(/** @type {HTMLElement} */ tool) {
  return tools.get(tool)?.last ?? null;
}

/** Put `texts` (a plan's) into the tool's form and recompute: the page turns to that plan. */
export function restoreFields(/** @type {HTMLElement} */ tool, /** @type {Record<string, unknown>} */ texts) {
  fillForm(form(tool), texts);
  return tools.get(tool)?.recompute();
}

// The address bar follows the inputs, a moment after typing stops: Material's instant
// navigation makes each history.replaceState cost tens of milliseconds (scripts/bench).
const addressBar = {
  /** @type {ReturnType<typeof setTimeout> | undefined} */ timer: undefined,
  /** @type {string | null} */ query: null,
  path: "",
  set(/** @type {string} */ query) {
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

/** The query the page stands for now, even while the address bar is still to catch up. */
function currentQuery() {
  return addressBar.query ?? location.search;
}

/** One recompute at a time; changes made meanwhile are shown by one more. */
function recomputer(/** @type {HTMLElement} */ tool, /** @type {ToolState} */ state) {
  let again = false;
  const run = async () => {
    try {
      do {
        again = false;
        show(tool, await callPython("compute", computeArgs(tool)));
      } while (again);
    } catch {
      /* the failure message is already on the page */
    } finally {
      state.running = null;
    }
  };
  return function recompute() {
    state.lastChange = performance.now();
    if (state.running) {
      again = true;
      return state.running;
    }
    return (state.running = run());
  };
}

/** Whether the results shown are still the build's while the form holds a link's values. */
const linkPending = (/** @type {HTMLElement} */ tool) => getElement("[data-results]", tool).getAttribute("aria-busy") === "true";

/** Mark the results as still to be worked out for a link's values (`pending`), or as the form's. */
function linked(/** @type {HTMLElement} */ tool, /** @type {boolean} */ pending) {
  const results = getElement("[data-results]", tool);
  if (pending) results.setAttribute("aria-busy", "true");
  else results.removeAttribute("aria-busy");
  getElement("[data-linking]", tool).hidden = !pending;
}

/** A share link's texts, put as they are into the fields they name (Python reads them once
 *  live); true when one differs from what the page was built with, whose results are then not
 *  the link's. */
function fillFromLink(/** @type {HTMLElement} */ tool) {
  const before = JSON.stringify(fieldsOf(form(tool)));
  fillForm(form(tool), Object.fromEntries(new URLSearchParams(location.search)));
  return JSON.stringify(fieldsOf(form(tool))) !== before;
}

/** Show the training log as this browser keeps it now (another tab may have changed it); the
 *  status line speaks only when the page turns to the log's own plan. */
export async function refresh(/** @type {HTMLElement} */ tool) {
  /** @type {ToolAnswer} */
  const outcome = await callPython("compute", computeArgs(tool));
  show(tool, outcome, !outcome.restored);
}

function attach(/** @type {HTMLElement} */ tool) {
  /** @type {ToolState} */
  const state = { recompute: async () => {}, lastChange: undefined, running: null, invalid: false, last: null };
  state.recompute = recomputer(tool, state);
  tools.set(tool, state);
  if (pythonFailure()) return showFailure(tool);
  const ready = startPython();
  // A share link's values are in the form at once. Unless they are the build's, their answer
  // is asked for now: a data saver's held download starts for it (the results shown are not theirs).
  const link = new URLSearchParams(location.search).size > 0;
  if (link) linked(tool, fillFromLink(tool));
  const ask = () => callPython("compute", { ...computeArgs(tool), link: location.search });
  const fromLink = linkPending(tool) ? ask() : null;
  // A download that failed before this tool was attached must not be hidden behind "Loading".
  // Not while a data saver holds the download back either: runtime-status.js says so.
  if (pythonDownloadFailed()) showFailure(tool);
  else if (linkPending(tool)) status(tool).textContent = "Loading the live calculator; it is still working out the results for the linked values.";
  else if (!pythonHeld()) status(tool).textContent = "Loading the live calculator; the results below are already correct for these values.";
  const inputs = form(tool);
  inputs.addEventListener("input", state.recompute);
  inputs.addEventListener("change", state.recompute);
  inputs.addEventListener("submit", (event) => {
    event.preventDefault();
    state.recompute();
  });
  ready.then(async (ok) => {
    if (!ok) return;
    navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage("cache-runtime"));
    // Shown even after the reader's own change (their answer follows it), the form kept as typed.
    const fromLinkShown = (/** @type {ToolAnswer} */ answer) => {
      show(tool, state.lastChange === undefined ? answer : { ...answer, restored: false });
      return true;
    };
    const linkAnswer = fromLink ?? (link ? ask() : null);
    const restored = linkAnswer ? await linkAnswer.then(fromLinkShown, () => false) : false;
    if (!restored && state.lastChange === undefined) status(tool).textContent = "Live: results update as you type.";
    tool.dataset.live = "true";
    // The page was built with an empty training log: the log this browser keeps follows at
    // the first quiet moment, unless the reader's first change has brought it already.
    if (!restored && tool.querySelector('[data-component="log"]')) {
      whenIdle(() => state.lastChange === undefined && refresh(tool).catch(() => {}), { timeout: 1000 });
    }
    rehearse(tool, state).catch(() => {}); // if Python stops, the page already says so
  });
}

// Python answers slowly for its first few dozen calls, while V8 is still compiling the busiest
// parts of the interpreter into fast code. A few unseen recomputes of the form as it stands, at
// quiet moments while the reader reads, get that done before they type (scripts/bench, p95).
const REHEARSALS = 20;
const QUIET_MS = 500; // never between a reader's changes: each would wait behind a rehearsal
async function rehearse(/** @type {HTMLElement} */ tool, /** @type {ToolState} */ state) {
  let done = 0;
  while (done < REHEARSALS && tool.isConnected) {
    await new Promise((resolve) => whenIdle(resolve));
    if (performance.now() - (state.lastChange ?? 0) < QUIET_MS) continue;
    await callPython("compute", computeArgs(tool));
    done += 1;
  }
  tool.dataset.rehearsed = String(done); // tests wait for this instead of a fixed time
}

defineComponent("tool", {
  attach,
  actions: {
    async share(tool) {
      // The change a field made as this button was pressed is shown first: the link holds it,
      // and its status line does not replace what is said here.
      await tools.get(tool)?.running;
      addressBar.flush();
      const note = tools.get(tool)?.invalid ? " The link holds the last valid values; correct the highlighted field to share yours." : "";
      try {
        await navigator.clipboard.writeText(location.href);
        status(tool).textContent = `Share link copied to the clipboard.${note}`;
      } catch {
        status(tool).textContent = `Copy this share link: ${location.href}${note}`;
      }
    },
    print() {
      window.print();
    },
  },
});
