// Small page helpers that need no Python: the drill catalog filter and the coaches' copy buttons.
// Without JavaScript the catalog shows every drill and the links stay readable as text.

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

function attachAll() {
  attachCatalogFilter();
  attachCopyButtons();
}

if (typeof document$ !== "undefined") document$.subscribe(attachAll);
else attachAll();
