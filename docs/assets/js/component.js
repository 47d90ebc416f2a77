// @ts-check
// The one protocol of the tool pages' scripts (after Material's components/_/index.ts). A page's
// parts are components: an element with data-component="TYPE", whose module defines it here.
//   data-action="TYPE:NAME"  a button that runs action NAME of the component TYPE: the one it
//                            is in, else the one in the same tool (a plan's "Mark done" is the
//                            log's), else the page's (data-key gives the action its argument)
//   data-error-for="FIELD"   where Python's message about FIELD goes, in the form (else the
//                            component) it is in
//   data-settings='{...}'    what a component takes from Python's rules, written by the build
//   data-region="KEY"        what Python renders (regions.js)
// State lives in each module (WeakMaps keyed by a component's element), never on elements.
import { onPythonFailure, onPythonReady, pythonDownloadFailed, startPython } from "./py-client.js";

/** @typedef {"tool" | "practice" | "log" | "session" | "audit" | "history" | "roster"} ComponentType */

/**
 * An action: what a button does, given the component's element and the button.
 * @callback Action
 * @param {HTMLElement} root
 * @param {HTMLElement} button
 * @returns {unknown}
 */

/**
 * A component: its actions by name, what it does once per element, and how it runs an action
 * (the training log runs one at a time, say; by default an action runs as it comes).
 * @typedef {object} Component
 * @property {Record<string, Action>} actions
 * @property {(root: HTMLElement) => void} [attach]
 * @property {(root: HTMLElement, run: () => unknown) => unknown} [perform]
 */

/** @type {Map<ComponentType, Component>} */
const defined = new Map();
/** @type {WeakSet<HTMLElement>} */
const attached = new WeakSet();

/** The element of the one component of `type` in `node`; throws when there is none. */
export function getComponentElement(/** @type {ComponentType} */ type, /** @type {ParentNode} */ node = document) {
  return getElement(`[data-component="${type}"]`, node);
}

/** Every element of a component of `type` in `node`. */
export function getComponentElements(/** @type {ComponentType} */ type, /** @type {ParentNode} */ node = document) {
  return getElements(`[data-component="${type}"]`, node);
}

/** The first element matching `selector` in `node`; throws when there is none (the page and
 *  its script disagree: a bug to see, not to step round). */
export function getElement(/** @type {string} */ selector, /** @type {ParentNode} */ node = document) {
  const found = node.querySelector(selector);
  if (!(found instanceof HTMLElement)) throw new ReferenceError(`Missing element: ${selector}`);
  return found;
}

/** Every element matching `selector` in `node`. */
export function getElements(/** @type {string} */ selector, /** @type {ParentNode} */ node = document) {
  return /** @type {HTMLElement[]} */ ([...node.querySelectorAll(selector)].filter((e) => e instanceof HTMLElement));
}

// Error slots and fields belong to the nearest form or component they are in.
const SCOPE = "form, [data-component]";

/** The elements matching `selector` in `scope` (a form, or a component's element) that belong
 *  to it, not to a form or component inside it. */
export function own(/** @type {HTMLElement} */ scope, /** @type {string} */ selector) {
  return getElements(selector, scope).filter((element) => element.parentElement?.closest(SCOPE) === scope);
}

/** The component of `type` an element acts on: the one it is in, else the one in its tool,
 *  else the page's. */
export function componentFor(/** @type {ComponentType} */ type, /** @type {Element} */ element) {
  const within = element.closest(`[data-component="${type}"]`);
  if (within instanceof HTMLElement) return within;
  const tool = element.closest('[data-component="tool"]');
  return getComponentElement(type, tool?.querySelector(`[data-component="${type}"]`) ? tool : document);
}

/** Define the component `type`: it attaches to each of its elements, now and on every page. */
export function defineComponent(/** @type {ComponentType} */ type, /** @type {Component} */ component) {
  defined.set(type, component);
  attachAll();
  // A press made while this component's module was still on its way is carried out now.
  const button = pressedEarly.get(type);
  pressedEarly.delete(type);
  if (button?.isConnected) button.click();
}
/** @type {Map<string, HTMLElement>} */
const pressedEarly = new Map();

function attachAll() {
  for (const [type, component] of defined) {
    for (const root of getComponentElements(type)) {
      if (attached.has(root)) continue;
      attached.add(root);
      component.attach?.(root);
    }
  }
}

/** What the build wrote for the component (data-settings), parsed once. */
export function settings(/** @type {HTMLElement} */ root) {
  let found = parsedSettings.get(root);
  if (!found) parsedSettings.set(root, (found = JSON.parse(root.dataset.settings ?? "{}")));
  return /** @type {Record<string, any>} */ (found);
}
/** @type {WeakMap<HTMLElement, object>} */
const parsedSettings = new WeakMap();

// One listener for every action of every component, on every page (instant navigation swaps
// the content, not the document).
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-action]") : null;
  if (!(button instanceof HTMLElement) || button.matches(":disabled")) return;
  const [type, name] = (button.dataset.action ?? "").split(":");
  const component = defined.get(/** @type {ComponentType} */ (type));
  const action = component?.actions[name];
  if (!component) return void pressedEarly.set(type, button); // session mode loads once Python is live
  if (!action) return;
  const root = componentFor(/** @type {ComponentType} */ (type), button);
  const run = () => action(root, button);
  Promise.resolve(component.perform ? component.perform(root, run) : run()).catch(() => {
    /* the page already says why (Python stopped or failed: py-client.js, tool.js) */
  });
});

/** Python's messages beside their fields, in `scope` (a form, or a component's element): each
 *  slot (data-error-for) gets its field's message or none, as text (a message quotes what was
 *  typed), and its field is marked invalid or not. With `focus`, the first field with a
 *  message takes the focus. */
export function showErrors(
  /** @type {HTMLElement} */ scope,
  /** @type {Record<string, string> | undefined} */ errors,
  { focus = false } = {},
) {
  let first = null;
  for (const slot of own(scope, "[data-error-for]")) {
    const field = slot.dataset.errorFor ?? "";
    const message = errors?.[field] ?? "";
    slot.textContent = message;
    const control = own(scope, `[name="${CSS.escape(field)}"]`)[0];
    const choice = control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio");
    if (control && !choice) control.setAttribute("aria-invalid", message ? "true" : "false");
    if (message && !first) first = control;
  }
  if (focus) first?.focus();
}

/** The texts of a form's named fields (a checkbox group: the values ticked). */
export function fieldsOf(/** @type {HTMLFormElement} */ form) {
  /** @type {Record<string, string | string[]>} */
  const fields = {};
  for (const element of form.elements) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
    if (!element.name) continue;
    if (element instanceof HTMLInputElement && element.type === "checkbox") {
      const ticked = /** @type {string[]} */ (fields[element.name] ??= []);
      if (element.checked) ticked.push(element.value);
    } else {
      fields[element.name] = element.value;
    }
  }
  return fields;
}

/** Put `texts` into the fields in `scope` (a form, a dialog) that they name (a checkbox group:
 *  ticked if listed). */
export function fillForm(/** @type {ParentNode} */ scope, /** @type {Record<string, unknown>} */ texts) {
  for (const element of scope.querySelectorAll("input[name], select[name], textarea[name]")) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
    if (!(element.name in texts)) continue;
    const text = texts[element.name];
    if (element instanceof HTMLInputElement && element.type === "checkbox") {
      element.checked = Array.isArray(text) && text.includes(element.value);
    } else if (!(element instanceof HTMLInputElement && element.type === "radio")) {
      element.value = String(text ?? "");
    }
  }
}

/** Files dropped on `zone` go to `choose`, as files chosen in its input do. */
export function onDroppedFiles(/** @type {HTMLElement} */ zone, /** @type {(files: File[]) => unknown} */ choose) {
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dc-audit-drop--over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dc-audit-drop--over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dc-audit-drop--over");
    choose([...(event.dataTransfer?.files ?? [])]);
  });
}

/** Start Python for a component that reads the reader's files: data-live once it is ready;
 *  while it cannot be had, the status line (data-status) says why (`said("unavailable")` or
 *  `said("no-python")`), and what it said before returns once a retry has Python ready. */
export function startPythonFor(/** @type {HTMLElement} */ root, /** @type {(name: string) => string} */ said) {
  const status = getElement("[data-status]", root);
  /** @type {string | null} */
  let before = null;
  onPythonFailure(() => {
    before ??= status.textContent;
    status.textContent = said(pythonDownloadFailed() ? "unavailable" : "no-python");
  });
  onPythonReady(() => {
    root.dataset.live = "true";
    if (before !== null && status.textContent === said("unavailable")) status.textContent = before;
    before = null;
  });
  startPython();
}

/** Run a callback at the page's next idle moment (soon, where the browser cannot say). */
export const whenIdle =
  window.requestIdleCallback?.bind(window) ??
  ((/** @type {() => void} */ callback, /** @type {unknown} */ _options) => setTimeout(callback, 50));

// Material's instant navigation swaps the page without reloading scripts; document$ fires each time.
if (typeof document$ !== "undefined") document$.subscribe(attachAll);
