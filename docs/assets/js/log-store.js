// Where the training log lives in this browser: the exact text Python returns, under one key.
// Python reads and checks it on every call (drills/training_log/store.py); nothing here parses
// it. Every change is a read-modify-write of that text: one tab at a time (Web Locks), and
// written only if the text is still the one the change was made from, so a tab holding an old
// copy can never write it over a newer one (the change is then made again on the newer text).
// A text Python could not read in full is never written over: when its answer says so
// (`keep_aside`), the old text goes, exactly as it was, under a second key first.

const KEY = "dc-training-log";
const BACKUP_KEY = "dc-training-log-backup"; // {date, entries} of the last downloaded copy
const ASIDE_KEY = "dc-training-log-unread"; // a log Python could not read in full, as it was

export function readStore() {
  try {
    return localStorage.getItem(KEY) ?? "";
  } catch {
    return ""; // storage blocked: Python sees an empty log
  }
}

/** The log kept aside (a text Python could not read in full), or "" when there is none. */
export function readAside() {
  try {
    return localStorage.getItem(ASIDE_KEY) ?? "";
  } catch {
    return "";
  }
}

/** Write `text` (null deletes the log) if the log is still `expected`, keeping `expected` aside
 *  first when `keepAside`: "written", "conflict" (another tab changed it meanwhile), "failed"
 *  (the browser refused: full, blocked; nothing changed) or "aside-full" (another unread log is
 *  kept aside already, and one is kept at a time). */
function writeIfUnchanged(expected, text, keepAside) {
  let setAside = false;
  try {
    if ((localStorage.getItem(KEY) ?? "") !== expected) return "conflict";
    if (keepAside && expected) {
      const aside = localStorage.getItem(ASIDE_KEY);
      if (aside !== null && aside !== expected) return "aside-full";
      localStorage.setItem(ASIDE_KEY, expected);
      setAside = aside === null;
    }
    if (text === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, text);
    return "written";
  } catch {
    if (setAside) forget(ASIDE_KEY); // the log was not written: it is still where it was
    return "failed";
  }
}

function forget(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    /* storage blocked: there was nothing to forget */
  }
}

/** Change the log: `change(text)` resolves to Python's answer for that text, with the new
 *  text in `store` (or no `store`: nothing to write). Resolves to {answer, outcome}. */
export async function changeLog(change) {
  const run = async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const before = readStore();
      const answer = await change(before);
      if (answer.store === undefined) return { answer, outcome: "unchanged" };
      const outcome = writeIfUnchanged(before, answer.store, answer.keep_aside === true);
      if (outcome !== "conflict") return { answer, outcome };
    }
    return { answer: null, outcome: "conflict" };
  };
  return navigator.locks ? navigator.locks.request(KEY, run) : run();
}

/** Delete the log kept aside, if it is still `expected` (the reader downloaded that one). */
export async function dropAside(expected) {
  const run = async () => {
    if (readAside() === expected) forget(ASIDE_KEY);
  };
  return navigator.locks ? navigator.locks.request(KEY, run) : run();
}

/** Call `listener` when another tab of this site changes the log or the log kept aside. */
export function onLogChangedElsewhere(listener) {
  addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === ASIDE_KEY || event.key === null) listener();
  });
}

export function readBackup() {
  try {
    return JSON.parse(localStorage.getItem(BACKUP_KEY) ?? "null");
  } catch {
    return null;
  }
}

export function noteBackup(entries) {
  try {
    localStorage.setItem(BACKUP_KEY, JSON.stringify({ date: today(), entries }));
  } catch {
    /* the reminder will simply come again */
  }
}

/** Ask the browser to keep this site's storage; resolves true, false, or null (no such API). */
export async function askToKeep() {
  if (!navigator.storage?.persist) return null;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

/** The reader's date, "2026-03-05": a session cannot be logged as run in the future. */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
