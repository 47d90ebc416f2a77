// @ts-check
// What a tool says about its Python while it is not there yet: held back for a data saver, how
// much has arrived, or why the download failed, with a button to try again. One line per tool,
// under its status line, built here from text (never from what the reader typed).
// py-client.js calls these.
import config from "./runtime-config.js"; // written by the build (sitebuild/service_worker.py)

const DOWNLOAD_BYTES = config.downloadBytes.plain; // a plain start's download, which a data saver gets
const RUNTIME_CACHE = config.runtimeCache; // where the Python worker keeps it
const SHOW_AFTER_MS = 1000; // a quick start says nothing
const UPDATE_EVERY_MS = 1000; // a polite region: a screen reader is not told every chunk

const state = {
  started: 0,
  received: 0,
  total: DOWNLOAD_BYTES,
  /** @type {ReturnType<typeof setTimeout> | undefined} */ timer: undefined,
  shownAt: 0,
  live: false,
  /** @type {Part[]} */ note: [],
};

/** A part of the line: a text, or what makes an element (a button). @typedef {string | (() => HTMLElement)} Part */

const megabytes = (/** @type {number} */ bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The reader asked to save data (the browser sends Save-Data with each request then too). */
export function dataSaverOn() {
  return navigator.connection?.saveData === true;
}

/** Whether an earlier visit kept the runtime on this device: starting it downloads nothing. */
export async function runtimeKept() {
  const snapshot = new URL("../../pyodide/snapshot.bin", import.meta.url).href;
  return Boolean(await self.caches?.match(snapshot, { cacheName: RUNTIME_CACHE }).catch(() => null));
}

function lines() {
  const found = [];
  for (const tool of document.querySelectorAll('[data-component="tool"], [data-component="audit"], [data-component="history"]')) {
    let line = tool.querySelector("[data-runtime]");
    if (!(line instanceof HTMLElement)) {
      line = document.createElement("p");
      line.className = "dc-runtime";
      line.setAttribute("data-runtime", "");
      line.setAttribute("role", "status"); // polite: announced when the reader is not busy
      tool.querySelector("[data-status]")?.after(line);
    }
    found.push(/** @type {HTMLElement} */ (line));
  }
  return found;
}

function say(/** @type {Part[]} */ ...parts) {
  for (const line of lines()) {
    line.replaceChildren(...parts.map((part) => (typeof part === "function" ? part() : part)));
    line.hidden = parts.length === 0;
  }
}

/** Save-Data: say what a change will download, instead of downloading it now. */
export function held() {
  say(
    `Data saver is on, so the live calculator waits: the results below were calculated when this ` +
      `page was built. Changing a field downloads it once (${megabytes(DOWNLOAD_BYTES)}).`,
  );
}

/** A download (or a retry) started: after a second without Python, show how much has arrived. */
export function downloading() {
  clearTimeout(state.timer);
  Object.assign(state, { started: performance.now(), received: 0, live: false });
  say();
  state.timer = setTimeout(() => showProgress(true), SHOW_AFTER_MS);
}

export function progress(/** @type {number} */ received, /** @type {number} */ total) {
  Object.assign(state, { received, total });
  showProgress(false);
}

function showProgress(/** @type {boolean} */ now) {
  if (state.live || performance.now() - state.started < SHOW_AFTER_MS || state.received === 0) return;
  if (!now && performance.now() - state.shownAt < UPDATE_EVERY_MS) return;
  state.shownAt = performance.now();
  const arrived = Math.min(state.received, state.total);
  say(
    arrived < state.total
      ? `Downloading the live calculator: ${megabytes(arrived)} of ${megabytes(state.total)}.`
      : `Downloaded ${megabytes(state.total)}; starting the live calculator.`,
  );
}

/** Python is ready, or stopped for good (the tools say why: tool.js): this line says nothing,
 *  unless Python was started again (restarted). */
export function clear() {
  clearTimeout(state.timer);
  state.live = true;
  say(...state.note);
}

export function ready() {
  clear();
  // After a retry: the tools had marked themselves unavailable (tool.js showFailure).
  for (const tool of document.querySelectorAll(".dc-tool--offline")) tool.classList.remove("dc-tool--offline");
}

/** Python stopped while it worked and a fresh one is starting (py-client.js): said until a
 *  failure or another restart has more to say. */
export function restarted(/** @type {string} */ reason) {
  state.note = [`The guide's Python stopped (${reason}) and was started again; what it was doing then was not finished.`];
  say(...state.note);
}

/** Python could not be downloaded or could not start: say why, with a button that tries again
 *  without reloading the page. */
export function failed(/** @type {string} */ reason, /** @type {() => void} */ tryAgain, download = true) {
  clearTimeout(state.timer);
  state.note = [];
  offer(
    `The live calculator could not ${download ? "be downloaded" : "start"}: ${reason}. The results below were ` +
      "calculated when this page was built. ",
    tryAgain,
  );
}

/** Part of the page's script could not be downloaded (page-helpers.js): the same, for that part. */
export function partFailed(/** @type {string} */ part, /** @type {string} */ reason, /** @type {() => void} */ tryAgain) {
  offer(`${part} could not be downloaded (${reason}). `, tryAgain);
}

function offer(/** @type {string} */ text, /** @type {() => void} */ tryAgain) {
  const button = () => {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "md-button";
    element.textContent = "Try again";
    element.addEventListener("click", tryAgain);
    return element;
  };
  say(text, button);
}
