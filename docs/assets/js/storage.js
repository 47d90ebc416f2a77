// @ts-check
// What the site keeps in the reader's browser, and the one module that touches its storage.
// Nothing kept is ever sent anywhere. A browser may refuse (storage full, blocked, private
// mode): a read then finds nothing, and a write says it failed.

/** Every key the site keeps (localStorage). */
export const KEYS = Object.freeze({
  log: "dc-training-log", // the training log: the exact text Python returns (log-store.js)
  logBackup: "dc-training-log-backup", // {date, entries} of the last copy downloaded
  logAside: "dc-training-log-unread", // a log Python could not read in full, as it was
  session: "dc-session-mode", // the session in progress (session-mode.js)
  tempo: "dc-session-tempo", // the cadence calculator's last tempo, where session mode starts
});

/** The text kept under `key`, or null (none, or storage blocked). */
export function read(/** @type {string} */ key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keep `text` under `key` (null removes it); false when the browser refused. */
export function write(/** @type {string} */ key, /** @type {string | null} */ text) {
  try {
    if (text === null) localStorage.removeItem(key);
    else localStorage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

/** The JSON value kept under `key`, or null (none, damaged, or storage blocked). */
export function readJSON(/** @type {string} */ key) {
  try {
    return /** @type {unknown} */ (JSON.parse(read(key) ?? "null"));
  } catch {
    return null;
  }
}

/** Keep `value` as JSON under `key` (null removes it); false when the browser refused. */
export function writeJSON(/** @type {string} */ key, /** @type {unknown} */ value) {
  return write(key, value === null ? null : JSON.stringify(value));
}

/** Call `listener` when another tab of this site changes one of `keys` (or clears them all). */
export function onChangedElsewhere(/** @type {string[]} */ keys, /** @type {() => void} */ listener) {
  addEventListener("storage", (event) => {
    if (event.key === null || keys.includes(event.key)) listener();
  });
}

/** Ask the browser to keep this site's storage; resolves true, false, or null (no such API). */
export async function askToKeep() {
  if (!navigator.storage?.persist) return null;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
