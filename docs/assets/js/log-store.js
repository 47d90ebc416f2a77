// Where the training log lives in this browser: the exact text Python returns, under one key.
// Python reads and checks it on every call (drills/training_log/store.py); nothing here parses it.

const KEY = "dc-training-log";

export function readStore() {
  try {
    return localStorage.getItem(KEY) ?? "";
  } catch {
    return ""; // storage blocked: Python sees an empty log
  }
}

/** Keep `text` (null deletes the log); false when the browser refused. */
export function writeStore(text) {
  try {
    if (text === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, text);
    return true;
  } catch {
    return false;
  }
}

/** The reader's date, "2026-03-05": a session cannot be logged as run in the future. */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
