// @ts-check
// Where the training log lives in this browser: the exact text Python returns, under one key
// (storage.js). Python reads and checks it (drills/training_log/store.py); nothing here parses
// it. Every change is a read-modify-write of that text: one tab at a time (Web Locks), and
// written only if the text is still the one the change was made from, so a tab holding an old
// copy can never write it over a newer one (the change is then made again on the newer text).
// A text Python could not read in full is never written over: when its answer says so
// (`keep_aside`), the old text goes, exactly as it was, under a second key first.
import { KEYS, onChangedElsewhere, read, readJSON, write, writeJSON } from "./storage.js";

/** The log as this browser keeps it ("" when there is none, or storage is blocked). */
export function readStore() {
  return read(KEYS.log) ?? "";
}

/** The log kept aside (a text Python could not read in full), or "" when there is none. */
export function readAside() {
  return read(KEYS.logAside) ?? "";
}

/** @typedef {"written" | "unchanged" | "conflict" | "failed" | "aside-full"} Outcome */

/** Write `text` (null deletes the log) if the log is still `expected`, keeping `expected` aside
 *  first when `keepAside`: "written", "conflict" (another tab changed it meanwhile), "failed"
 *  (the browser refused: full, blocked; nothing changed) or "aside-full" (another unread log is
 *  kept aside already, and one is kept at a time).
 *  @returns {Outcome} */
function writeIfUnchanged(/** @type {string} */ expected, /** @type {string | null} */ text, /** @type {boolean} */ keepAside) {
  if (readStore() !== expected) return "conflict";
  let setAside = false;
  if (keepAside && expected) {
    const aside = read(KEYS.logAside);
    if (aside !== null && aside !== expected) return "aside-full";
    if (!write(KEYS.logAside, expected)) return "failed";
    setAside = aside === null;
  }
  if (write(KEYS.log, text)) return "written";
  if (setAside) write(KEYS.logAside, null); // the log was not written: it is still where it was
  return "failed";
}

/**
 * Change the log: `change(text)` resolves to Python's answer for that text, with the new text
 * in `store` (or no `store`: nothing to write).
 * @template {{store?: string | null, keep_aside?: boolean}} A
 * @param {(text: string) => Promise<A>} change
 * @returns {Promise<{answer: A | null, outcome: Outcome}>}
 */
export async function changeLog(change) {
  const run = async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const before = readStore();
      const answer = await change(before);
      if (answer.store === undefined) return { answer, outcome: /** @type {Outcome} */ ("unchanged") };
      const outcome = writeIfUnchanged(before, answer.store, answer.keep_aside === true);
      if (outcome !== "conflict") return { answer, outcome };
    }
    return { answer: null, outcome: /** @type {Outcome} */ ("conflict") };
  };
  return navigator.locks ? navigator.locks.request(KEYS.log, run) : run();
}

/** Delete the log kept aside, if it is still `expected` (the reader downloaded that one). */
export async function dropAside(/** @type {string} */ expected) {
  const run = async () => {
    if (readAside() === expected) write(KEYS.logAside, null);
  };
  return navigator.locks ? navigator.locks.request(KEYS.log, run) : run();
}

/** Call `listener` when another tab of this site changes the log or the log kept aside. */
export function onLogChangedElsewhere(/** @type {() => void} */ listener) {
  onChangedElsewhere([KEYS.log, KEYS.logAside], listener);
}

/** The last copy downloaded: {date, entries}, or null. */
export function readBackup() {
  return readJSON(KEYS.logBackup);
}

/** Note that a copy of `entries` entries was downloaded today (the reminder waits then). */
export function noteBackup(/** @type {number} */ entries) {
  writeJSON(KEYS.logBackup, { date: today(), entries });
}

/** The reader's date, "2026-03-05": a session cannot be logged as run in the future. */
export function today() {
  const d = new Date();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
