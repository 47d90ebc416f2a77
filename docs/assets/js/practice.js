// @ts-check
// The practice section below the cadence calculator (data-component="practice"): a metronome
// and a click track at the calculator's metronome tempo, and a cadence measured from taps.
// Python makes the click track and reads the taps (drills.bridge.audio); how many taps, the
// click's sound and the fields are its rules, in this section's settings (cadence_view.py).
// The tempo worked out here is also where the planner's session mode starts (storage.js).
import { defineComponent, getElement, own, settings, showErrors } from "./component.js";
import { callPython } from "./py-client.js";
import { KEYS, writeJSON } from "./storage.js";
import { restoreFields } from "./tool.js";

/**
 * @typedef {object} Practice
 * @property {number} tempo the calculator's latest metronome tempo (beats a minute)
 * @property {number[]} taps when the reader tapped (ms), the latest few
 * @property {number | null} cadence what the taps gave
 * @property {import("./audio.js").Metronome | null} metronome
 */

/** @type {WeakMap<HTMLElement, Practice>} */
const sections = new WeakMap();

function state(/** @type {HTMLElement} */ root) {
  let found = sections.get(root);
  if (!found) sections.set(root, (found = { tempo: settings(root).tempo_bpm, taps: [], cadence: null, metronome: null }));
  return found;
}

const tool = (/** @type {HTMLElement} */ root) => /** @type {HTMLElement} */ (root.closest('[data-component="tool"]'));
const output = (/** @type {HTMLElement} */ root) => getElement("[data-tap-output]", root);
const useTap = (/** @type {HTMLElement} */ root) => getElement('[data-action="practice:use-tap"]', root);

/** A message of Python's beside its field here, or none. */
function said(/** @type {HTMLElement} */ root, /** @type {{error?: string, field?: string}} */ out) {
  showErrors(root, out.error && out.field ? { [out.field]: out.error } : {});
}

function attach(/** @type {HTMLElement} */ root) {
  // Every answer of the calculator brings its tempo; the planner's session mode starts from it.
  tool(root).addEventListener("dc:updated", (event) => {
    const data = /** @type {CustomEvent} */ (event).detail?.data;
    if (data?.metronome_bpm) state(root).tempo = data.metronome_bpm;
    if (data?.session_tempo) writeJSON(KEYS.tempo, data.session_tempo);
  });
}

defineComponent("practice", {
  attach,
  actions: {
    async metronome(root, button) {
      const practice = state(root);
      if (!practice.metronome) {
        const { Metronome } = await import("./audio.js"); // loaded the first time it is wanted
        const { click_hz: hz, click_ms: ms } = settings(root);
        // Instant navigation to another page ends it: the section is gone.
        practice.metronome = new Metronome({ hz, ms }, () => (root.isConnected ? state(root).tempo : null));
      }
      const running = !practice.metronome.running;
      if (running) practice.metronome.start();
      else practice.metronome.stop();
      button.setAttribute("aria-pressed", String(running));
      button.textContent = running ? "Stop metronome" : "Start metronome";
    },
    async "click-track"(root, button) {
      const name = settings(root).length_field;
      const length = /** @type {HTMLInputElement} */ (own(root, `[name="${name}"]`)[0]);
      button.toggleAttribute("disabled", true);
      try {
        const out = await callPython("click_track", { tempo: state(root).tempo, [name]: length.value });
        said(root, out);
        if (out.file) (await import("./downloads.js")).download(out.file, out.filename, "audio/wav");
      } finally {
        button.toggleAttribute("disabled", false);
      }
    },
    async tap(root) {
      const { min_taps: least, kept_taps: most } = settings(root);
      const practice = state(root);
      practice.taps.push(performance.now());
      if (practice.taps.length > most) practice.taps.shift();
      const count = practice.taps.length;
      if (count < least) return void (output(root).textContent = `${count} taps; keep going.`);
      const out = await callPython("tap_cadence", { taps: practice.taps });
      said(root, out);
      if (out.cadence_spm === undefined) return;
      output(root).textContent = `About ${out.cadence_spm} steps/min from your last ${count} taps.`;
      practice.cadence = out.cadence_spm;
      useTap(root).hidden = false;
    },
    "tap-reset"(root) {
      Object.assign(state(root), { taps: [], cadence: null });
      output(root).textContent = "";
      useTap(root).hidden = true;
    },
    "use-tap"(root) {
      const { cadence } = state(root);
      if (cadence !== null) restoreFields(tool(root), { [settings(root).cadence_field]: String(cadence) });
    },
  },
});
