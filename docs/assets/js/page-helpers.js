// What every page loads: the drill catalog filter and the coaches' copy buttons (no Python),
// the service worker, and, on a page with a tool, the tools' own scripts. Without JavaScript
// the catalog shows every drill and the links stay readable as text.

function attachCatalogFilter() {
  const form = document.querySelector("[data-catalog-filter]");
  const table = document.querySelector("[data-catalog]");
  if (!form || !table || form.dataset.attached) return;
  form.dataset.attached = "true";
  form.hidden = false;
  const count = form.querySelector("[data-catalog-count]");
  const apply = () => {
    const chapter = form.elements.chapter.value;
    const level = form.elements.level.value;
    let shown = 0;
    for (const row of table.tBodies[0].rows) {
      const visible = (!chapter || row.dataset.chapter === chapter) && (!level || row.dataset.level === level);
      row.hidden = !visible;
      shown += visible;
    }
    count.textContent = `${shown} ${shown === 1 ? "drill" : "drills"} shown`;
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
}

function attachCopyButtons() {
  for (const button of document.querySelectorAll("[data-copy-link]")) {
    if (button.dataset.attached) continue;
    button.dataset.attached = "true";
    button.addEventListener("click", async () => {
      const link = new URL(button.dataset.copyLink, location.href).href;
      const label = button.firstChild;
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

// Chapters never fetch the tools' scripts; a tool page, even one reached by Material's instant
// navigation, imports them once (they follow later pages through document$ themselves).
// Python starts with tools.js, and only once the page is on screen: compiling the runtime
// takes every core of a small device, and the first frame used to wait up to a second behind
// it (Lighthouse on a 2-core machine). A repeat visit that kept the runtime started the worker
// already, while the page was parsed (overrides/partials/javascripts/early-python.html).
function loadToolsIfNeeded() {
  if (document.querySelector("[data-audit]")) afterFirstPaint(() => import("./audit.js"));
  if (!document.querySelector("[data-tool]")) return;
  afterFirstPaint(() => {
    // Fetched beside tools.js rather than after it (tools.js imports it): Python starts sooner.
    import("./py-client.js").then((python) => python.startPython());
    import("./tools.js");
    if (document.querySelector("[data-log]")) import("./training-log.js");
  });
}

function afterFirstPaint(callback) {
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
// started (tools.js says so), so its precaching never competes with the runtime's start-up;
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
function registerWhenIdle() {
  const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 1000));
  const whenQuiet = () => {
    linkManifest();
    registerServiceWorker();
  };
  const waitForPython = document.querySelector("[data-tool]") && !navigator.connection?.saveData;
  if (!waitForPython || window.dcPythonSettled) idle(whenQuiet);
  else document.addEventListener("dc:python-settled", () => idle(whenQuiet), { once: true });
}
if (document.readyState === "complete") registerWhenIdle();
else addEventListener("load", registerWhenIdle, { once: true });

function attachAll() {
  attachCatalogFilter();
  attachCopyButtons();
  loadToolsIfNeeded();
}

if (typeof document$ !== "undefined") document$.subscribe(attachAll);
else attachAll();
