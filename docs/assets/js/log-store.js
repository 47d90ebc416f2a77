// Where the training log lives in this browser: the exact text Python returns, under one key.
// Python reads and checks it on every call (drills/training_log/store.py); nothing here parses
// it. Every change is a read-modify-write of that text: one tab at a time (Web Locks), and
// written only if the text is still the one the change was made from, so a tab holding an old
// copy can never write it over a newer one (the change is then made again on the newer text).

const KEY = "dc-training-log";
const BACKUP_KEY = "dc-training-log-backup"; // {date, entries} of the last downloaded copy

export function readStore() {
  try {
    return localStorage.getItem(KEY) ?? "";
  } catch {
    return ""; // storage blocked: Python sees an empty log
  }
}

/** Write `text` (null deletes the log) if the log is still `expected`: "written", "conflict"
 *  (another tab changed it meanwhile), or "failed" (the browser refused: full, blocked). */
function writeIfUnchanged(expected, text) {
  try {
    if ((localStorage.getItem(KEY) ?? "") !== expected) return "conflict";
    if (text === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, text);
    return "written";
  } catch {
    return "failed";
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
      const outcome = writeIfUnchanged(before, answer.store);
      if (outcome !== "conflict") return { answer, outcome };
    }
    return { answer: null, outcome: "conflict" };
  };
  return navigator.locks ? navigator.locks.request(KEY, run) : run();
}

/** Call `listener` when another tab of this site changes the log. */
export function onLogChangedElsewhere(listener) {
  addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) listener();
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
