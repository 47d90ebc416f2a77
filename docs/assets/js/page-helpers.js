// @ts-check
// What every page loads: the drill catalog filter and the coaches' copy buttons (no Python),
// the service worker, and, on a page with components (component.js), their modules and Python.
// Without JavaScript the catalog shows every drill and the links stay readable as text.

/** @type {WeakSet<Element>} */
const attached = new WeakSet();

function attachCatalogFilter() {
  const form = document.querySelector("[data-catalog-filter]");
  const table = document.querySelector("[data-catalog]");
  if (!(form instanceof HTMLFormElement) || !(table instanceof HTMLTableElement) || attached.has(form)) return;
  attached.add(form);
  form.hidden = false;
  const count = /** @type {HTMLElement} */ (form.querySelector("[data-catalog-count]"));
  const chosen = (/** @type {string} */ name) => /** @type {HTMLSelectElement} */ (form.elements.namedItem(name)).value;
  const apply = () => {
    const chapter = chosen("chapter");
    const level = chosen("level");
    let shown = 0;
    for (const row of table.tBodies[0].rows) {
      const visible = (!chapter || row.dataset.chapter === chapter) && (!level || row.dataset.level === level);
      row.hidden = !visible;
      shown += Number(visible);
    }
    count.textContent = `${shown} ${shown === 1 ? "drill" : "drills"} shown`;
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
}

function attachCopyButtons() {
  for (const button of document.querySelectorAll("[data-copy-link]")) {
    if (!(button instanceof HTMLElement) || attached.has(button)) continue;
    attached.add(button);
    button.addEventListener("click", async () => {
      const link = new URL(button.dataset.copyLink ?? "", location.href).href;
      const label = /** @type {ChildNode} */ (button.firstChild);
      try {
        await navigator.clipboard.writeText(link);
        label.textContent = "Copied";
      } catch {
        label.textContent = "Select the link to copy";
      }
      setTimeout(() => (label.textContent = "Copy"), 2000);
    });
  }
}

// Each component's module (component.js). Chapters never fetch any; a page with components,
// even one reached by Material's instant navigation, imports theirs once it is on screen (they
// follow later pages through document$ themselves). Python starts beside them, and only once
// the page is on screen: compiling the runtime takes every core of a small device, and the first
// frame used to wait up to a second behind it (Lighthouse on a 2-core machine). A repeat visit
// that kept the runtime started it already, while the page was parsed
// (overrides/partials/javascripts/early-python.html).
/** @type {Record<string, () => Promise<unknown>>} */
const MODULES = {
  tool: () => import("./tool.js"),
  practice: () => import("./practice.js"),
  log: () => import("./training-log.js"),
  audit: () => import("./audit.js"),
  roster: () => import("./roster.js"),
  // The planner's session mode: once Python is live and the page is idle, so its 17 kB never
  // stand between the reader and the first answer.
  session: () => python.then((ok) => ok && new Promise((resolve) => idle(resolve, { timeout: 2000 }))).then(loadSessionMode),
};

/** @type {(started: Promise<boolean>) => void} */
let pythonStarting = () => {};
/** Python's start on this page: true once ready, false if it failed (py-client.js). */
const python = new Promise((resolve) => (pythonStarting = resolve));

function loadComponents() {
  const types = new Set([...document.querySelectorAll("[data-component]")].map((e) => e.getAttribute("data-component") ?? ""));
  if (!types.size) return;
  afterFirstPaint(() => {
    // Fetched beside the components rather than after them (they import it): Python starts sooner.
    pythonStarting(import("./py-client.js").then((client) => client.startPython()));
    for (const type of types) MODULES[type]?.();
  });
}

/** @returns {Promise<unknown>} */
function loadSessionMode(retry = false) {
  const status = () => import("./runtime-status.js");
  return import("./session-mode.js").then(
    () => (retry ? status().then((line) => line.clear()) : undefined), // the line that offered to try again
    (error) => status().then((line) => line.partFailed("Session mode", error.message, () => loadSessionMode(true))),
  );
}

function afterFirstPaint(/** @type {() => void} */ callback) {
  if (performance.getEntriesByType("paint").length > 0) return callback();
  const start = () => {
    observer.disconnect();
    clearTimeout(timer);
    callback();
  };
  const observer = new PerformanceObserver(start); // paint entries arrive once a frame is shown
  observer.observe({ type: "paint" });
  const timer = setTimeout(start, 1000); // a tab in the background never paints
}

// Offline after the first visit: the service worker lives at the site root (works under a
// sub-path). It is registered once the page is idle, and on a tool page only once Python has
// started (py-client.js), so its precaching never competes with the runtime's start-up;
// with a data saver on, a tool page's Python waits for the reader, and the pages do not.
// (The runtime is kept by the Python worker itself as it downloads: py-worker.js.)
function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  // "none": a new build's sw-config.js is seen past the HTTP cache, as sw.js is.
  navigator.serviceWorker.register(new URL("../../sw.js", import.meta.url), { updateViaCache: "none" }).catch(() => {});
}
// What makes the site installable, linked at that same quiet moment (overrides/main.html says why).
function linkManifest() {
  if (document.querySelector('link[rel="manifest"]')) return;
  const link = document.createElement("link");
  link.rel = "manifest";
  link.href = new URL("../../site.webmanifest", import.meta.url).href;
  document.head.append(link);
}
/** Run `callback` once the page is idle (a second later, where the browser cannot say). */
const idle = window.requestIdleCallback?.bind(window) ?? ((/** @type {() => void} */ callback, /** @type {unknown} */ _options) => setTimeout(callback, 1000));

function registerWhenIdle() {
  const whenQuiet = () => {
    linkManifest();
    registerServiceWorker();
  };
  const waitForPython = document.querySelector("[data-component]") && !navigator.connection?.saveData;
  if (!waitForPython) idle(whenQuiet);
  else python.then(() => idle(whenQuiet));
}
if (document.readyState === "complete") registerWhenIdle();
else addEventListener("load", registerWhenIdle, { once: true });

function attachAll() {
  attachCatalogFilter();
  attachCopyButtons();
  loadComponents();
}

if (typeof document$ !== "undefined") document$.subscribe(attachAll);
else attachAll();
