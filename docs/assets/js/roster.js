// @ts-check
// Many plans in one browser (data-component="roster"): a coach's roster page, and the planner's
// list of the runner's plans. A thin client: the kept log's one text (log-store.js) goes to
// Python untouched (drills/bridge/roster.py); a change that answers `store` is kept exactly as
// answered, and the regions Python answers are applied. Another tab's change is shown here too.
import { defineComponent, getElement, showErrors } from "./component.js";
import { changeLog, onLogChangedElsewhere, readStore, today } from "./log-store.js";
import { callPython, startPython } from "./py-client.js";
import { apply, marks } from "./regions.js";
import { restoreFields } from "./tool.js";

/**
 * A roster's state on this page.
 * @typedef {object} Roster
 * @property {Promise<unknown>} queue one change at a time: each reads what the last wrote
 * @property {string | null} shown the kept text the regions show (null: the build's example)
 * @property {string} athlete the card whose import button chose the file ("": the file's own)
 */

/** @type {WeakMap<HTMLElement, Roster>} */
const rosters = new WeakMap();

function roster(/** @type {HTMLElement} */ root) {
  const found = rosters.get(root);
  if (!found) throw new ReferenceError("The roster is not attached");
  return found;
}

const tool = (/** @type {HTMLElement} */ root) => /** @type {HTMLElement | null} */ (root.closest('[data-component="tool"]'));
const said = (/** @type {HTMLElement} */ root, /** @type {string} */ name) => getElement(`[data-roster-says="${name}"]`, root).textContent ?? "";
const announce = (/** @type {HTMLElement} */ root, /** @type {string} */ text) => (getElement("[data-roster-status]", root).textContent = text);

/** What every call takes: the links the page was built with (the planner's: its tool's). */
function baseArgs(/** @type {HTMLElement} */ root) {
  const links = (tool(root) ?? root).dataset.links;
  return { links: JSON.parse(links ?? "{}"), today: today(), marks: marks(root) };
}

/** Show Python's regions for the kept text as it is now. */
async function view(/** @type {HTMLElement} */ root) {
  const store = readStore();
  const answer = await callPython("book_view", { ...baseArgs(root), store });
  roster(root).shown = store;
  if (answer.error) return void announce(root, answer.error);
  apply(root, answer.regions);
  if (answer.message) announce(root, answer.message);
  root.dataset.rosterLive = "true";
}

/** Change the kept text with `call`, keep what Python answers, and show it. */
async function change(/** @type {HTMLElement} */ root, /** @type {string} */ call, /** @type {Record<string, unknown>} */ args) {
  const { answer, outcome } = await changeLog((store) => callPython(call, { ...baseArgs(root), ...args, store }));
  showErrors(root, answer?.field ? { [answer.field]: answer.error } : {});
  if (outcome === "written") {
    roster(root).shown = answer?.store ?? null;
    apply(root, answer?.regions);
    announce(root, answer?.summary ?? "");
    const planner = tool(root);
    // The planner turns to the plan now current, and its log with it.
    if (planner && answer?.fields) await restoreFields(planner, answer.fields);
  } else if (answer?.error) announce(root, answer.error);
  else if (outcome === "failed") announce(root, said(root, "not-kept"));
  else if (outcome === "conflict") announce(root, said(root, "busy"));
  return answer;
}

async function exportPlan(/** @type {HTMLElement} */ root, /** @type {string} */ plan) {
  const out = await callPython("book_export", { ...baseArgs(root), store: readStore(), plan });
  if (out.error) return void announce(root, out.error);
  (await import("./downloads.js")).download(out.text, out.filename, out.mime);
  announce(root, `Downloaded ${out.filename}.`);
}

/** A coach's plan link for the plan's athlete, copied to the clipboard (else shown to copy). */
async function copyLink(/** @type {HTMLElement} */ root, /** @type {string} */ plan) {
  const out = await callPython("book_link", { ...baseArgs(root), store: readStore(), plan });
  if (out.error) return void announce(root, out.error);
  const url = new URL(out.href, location.href).href;
  try {
    await navigator.clipboard.writeText(url);
    announce(root, out.copied);
  } catch {
    announce(root, `${out.copy} ${url}`);
  }
}

async function importFile(/** @type {HTMLElement} */ root, /** @type {HTMLInputElement} */ input) {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  // Python refuses a log over its size in characters, at most 4 bytes each (training-log.js).
  const text = await file.slice(0, 4 * Number(input.dataset.maxChars) + 4).text();
  const athlete = roster(root).athlete;
  roster(root).athlete = "";
  await change(root, "book_import", { text, athlete });
}

// One change at a time: each reads the text the one before it wrote.
function guarded(/** @type {HTMLElement} */ root, /** @type {() => unknown} */ task) {
  const state = roster(root);
  state.queue = state.queue.then(task).catch(() => announce(root, said(root, "no-python")));
  return state.queue;
}

/** The plan a button names, in the button's own words ("Delete Anna: 4 % to 10 %…"). */
const planWords = (/** @type {HTMLElement} */ button) => (button.textContent ?? "").replace(/^Delete /, "").replace(/…$/, "");

function attach(/** @type {HTMLElement} */ root) {
  rosters.set(root, { queue: Promise.resolve(), shown: null, athlete: "" });
  const input = root.querySelector("[data-roster-file]");
  if (input instanceof HTMLInputElement) input.addEventListener("change", () => guarded(root, () => importFile(root, input)));
  startPython().then((ok) => (ok ? guarded(root, () => view(root)) : announce(root, said(root, "no-python"))));
  // Another tab changed the log: show it here too, without a reload.
  onLogChangedElsewhere(() => root.isConnected && guarded(root, () => view(root)));
  // On the planner, the log's own calls (a save, an import, a delete) change the kept text too.
  tool(root)?.addEventListener("dc:updated", () => {
    if (roster(root).shown !== null && readStore() !== roster(root).shown) guarded(root, () => view(root));
  });
}

defineComponent("roster", {
  attach,
  actions: {
    // The file chooser opens now, while the tap still counts as the reader's.
    import(root, button) {
      roster(root).athlete = button.dataset.key ?? "";
      getElement("[data-roster-file]", root).click();
    },
    export: (root, button) => guarded(root, () => exportPlan(root, button.dataset.key ?? "")),
    link: (root, button) => guarded(root, () => copyLink(root, button.dataset.key ?? "")),
    switch: (root, button) => guarded(root, () => change(root, "book_switch", { plan: button.dataset.key })),
    delete(root, button) {
      const plan = button.dataset.key ?? "";
      const words = planWords(button);
      return guarded(root, async () => {
        if (confirm(said(root, "export-first").replace("%s", words))) await exportPlan(root, plan);
        if (!confirm(said(root, "confirm-delete").replace("%s", words))) return;
        await change(root, "book_delete", { plan, confirmed: true });
      });
    },
  },
});
