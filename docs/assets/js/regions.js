// @ts-check
// The one way what Python says reaches a page: Python renders regions
// (drills/render/regions.py), marks each with fingerprints of what it shows, and answers a call
// with only the regions whose marks differ. This module sends the marks and applies the answer.
// Besides regions, the scripts set only their own state: what is hidden or disabled, the
// session's clock, a status line's sentence, the values of form fields.

/** @typedef {[string, string]} Mark */

/**
 * One region's change (drills.render.regions.Change).
 * @typedef {object} Change
 * @property {string} [html] the region's new content (with `shown` and `frame`)
 * @property {string} [shown]
 * @property {string | null} [frame]
 * @property {string} [element] a region the page does not show yet, whole...
 * @property {string} [into] ...to append to the list marked data-region-list="into"
 * @property {boolean} [gone] the region is removed
 */

/** The marks of every region inside `root`: {key: [shown, frame]}. */
export function marks(/** @type {ParentNode} */ root) {
  /** @type {Record<string, Mark>} */
  const out = {};
  for (const element of root.querySelectorAll("[data-region]")) {
    if (!(element instanceof HTMLElement)) continue;
    out[element.dataset.region ?? ""] = [element.dataset.shown ?? "", element.dataset.frame ?? ""];
  }
  return out;
}

/** Rewrite what changed: outer regions come first; a region whose frame stands gets new
 *  marks only, and its changed regions follow. All HTML is built and escaped by Python. */
export function apply(/** @type {ParentNode} */ root, /** @type {Record<string, Change> | undefined} */ changes) {
  if (!changes) return;
  /** @type {Map<string, HTMLElement>} */
  const byKey = new Map();
  for (const element of root.querySelectorAll("[data-region]")) {
    if (element instanceof HTMLElement) byKey.set(element.dataset.region ?? "", element);
  }
  for (const [key, change] of Object.entries(changes)) {
    if (change.element !== undefined) {
      const list = root.querySelector(`[data-region-list="${CSS.escape(change.into ?? "")}"]`);
      const template = document.createElement("template");
      template.innerHTML = change.element;
      const added = template.content.firstElementChild;
      if (list && added) list.append(added);
      continue;
    }
    const element = byKey.get(key);
    if (!element?.isConnected) continue;
    if (change.gone) {
      element.remove();
      continue;
    }
    if (change.html !== undefined) {
      const chosen = element instanceof HTMLSelectElement ? element.value : null;
      element.innerHTML = change.html;
      if (element instanceof HTMLSelectElement && [...element.options].some((option) => option.value === chosen)) {
        element.value = chosen ?? ""; // a reader's choice outlives a new list
      }
      if (change.frame) element.dataset.frame = change.frame;
      else delete element.dataset.frame;
    }
    element.dataset.shown = change.shown ?? "";
  }
}
