// The one way a tool page changes: Python renders regions (drills/render/regions.py), marks each
// with fingerprints of what it shows, and answers a call with only the regions whose marks
// differ. This module sends the marks and applies the answer.

/** The marks of every region inside `root`: {key: [shown, frame]}. */
export function marks(root) {
  const out = {};
  for (const element of root.querySelectorAll("[data-region]")) {
    out[element.dataset.region] = [element.dataset.shown ?? "", element.dataset.frame ?? ""];
  }
  return out;
}

/** Rewrite what changed: outer regions come first; a region whose frame stands gets new
 *  marks only, and its changed regions follow. All HTML is built and escaped by Python. */
export function apply(root, changes) {
  if (!changes) return;
  const byKey = new Map([...root.querySelectorAll("[data-region]")].map((e) => [e.dataset.region, e]));
  for (const [key, change] of Object.entries(changes)) {
    const element = byKey.get(key);
    if (!element?.isConnected) continue;
    if (change.html !== undefined) {
      const chosen = element instanceof HTMLSelectElement ? element.value : null;
      element.innerHTML = change.html;
      if (chosen !== null && [...element.options].some((option) => option.value === chosen)) {
        element.value = chosen; // a reader's choice outlives a new list
      }
      if (change.frame) element.dataset.frame = change.frame;
      else delete element.dataset.frame;
    }
    element.dataset.shown = change.shown;
  }
}
