// @ts-check
// Session mode on the planner page (data-component="session"): a full-screen view to follow one
// planned session on the hill. Python (drills/bridge/session.py) renders the session and the
// step on screen as regions, makes the session audio and the log entry; this module pages
// through the steps, runs the timer, keeps the screen on and remembers where the runner is,
// in this browser only (storage.js, KEYS.session): {key, fields (the plan form's texts), step,
// stepStartedAt (ms since 1970), cadence, pace, ratings, audio (made?), audioAt (s), title,
// heading, handedStore}; gone once its log entry is saved or the runner discards it.
import { defineComponent, fillForm, getComponentElement, getElement, getElements, showErrors } from "./component.js";
import { readStore, today } from "./log-store.js";
import { callPython } from "./py-client.js";
import { apply, marks } from "./regions.js";
import { KEYS, readJSON, writeJSON } from "./storage.js";
import { computeArgs, restoreFields } from "./tool.js";
import { openEntry } from "./training-log.js";

const FOCUSABLE = "button, [href], input, select, textarea, audio[controls], summary, [tabindex]:not([tabindex='-1'])";

/**
 * A session in progress, as kept.
 * @typedef {object} Kept
 * @property {string} key
 * @property {Record<string, unknown>} fields
 * @property {number} step
 * @property {number} stepStartedAt
 * @property {string} cadence
 * @property {string} pace
 * @property {Record<string, string>} ratings
 * @property {boolean} audio
 * @property {number} audioAt
 * @property {string} [title]
 * @property {string} [heading]
 * @property {string} [handedStore]
 */

/**
 * Python's session: what the page needs of it besides its regions.
 * @typedef {object} Steps
 * @property {string} title
 * @property {string} heading
 * @property {number} step
 * @property {boolean} downhill
 * @property {boolean} audio
 * @property {Record<string, string>} texts the tempo fields' texts
 * @property {Record<string, string>} errors
 * @property {{kind: string, track_at_s: number | null}[]} steps
 * @property {Record<string, import("./regions.js").Change>} regions
 * @property {string} [error]
 */

/** The session in progress as kept, in the shape this file needs (the text may be damaged or
 *  edited by hand; Python checks everything that matters when it is sent back).
 *  @returns {Kept | null} */
function keptSession() {
  const kept = /** @type {Record<string, any> | null} */ (readJSON(KEYS.session));
  if (!kept || typeof kept !== "object" || typeof kept.key !== "string") return null;
  const texts = (/** @type {unknown} */ value) => (value && typeof value === "object" ? /** @type {Record<string, any>} */ (value) : {});
  const step = Number.isInteger(kept.step) && kept.step >= 0 ? kept.step : 0;
  return { ...kept, key: kept.key, step, fields: texts(kept.fields), ratings: texts(kept.ratings), stepStartedAt: Number(kept.stepStartedAt) || Date.now(), audioAt: Number(kept.audioAt) || 0, cadence: String(kept.cadence ?? ""), pace: String(kept.pace ?? ""), audio: kept.audio === true };
}

const sameFields = (/** @type {unknown} */ a, /** @type {unknown} */ b) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
const clock = (/** @type {number} */ ms) => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
};

class SessionView {
  /** @type {Kept | null} */ state = null;
  /** @type {Steps | null} */ answer = null;
  /** @type {WakeLockSentinel | null} */ lock = null;
  /** @type {HTMLElement | null} */ opener = null;
  /** @type {(() => void) | null} */ afterClose = null;
  /** @type {ReturnType<typeof setInterval> | undefined} */ timer;
  opening = false;
  asked = 0; // the step asked of Python last: an older answer is not shown

  constructor(/** @type {HTMLElement} */ root) {
    this.root = root;
    this.tool = /** @type {HTMLElement} */ (root.closest('[data-component="tool"]'));
    this.dialog = /** @type {HTMLDialogElement} */ (getElement("dialog[data-session]", root));
    this.banner = getElement("[data-session-resume]", root);
    this.player = /** @type {HTMLAudioElement} */ (getElement("[data-session-player]", root));
    this.tool.addEventListener("dc:updated", () => this.checkLogged());
    this.dialog.addEventListener("change", (event) => this.onChange(event));
    this.dialog.addEventListener("keydown", (event) => this.trapFocus(event));
    this.dialog.addEventListener("close", () => this.onClose());
    this.player.addEventListener("timeupdate", () => this.followAudio());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && this.dialog.open) this.keepAwake();
    });
    this.offerResume();
  }

  field(/** @type {string} */ selector) {
    return getElement(selector, this.dialog);
  }

  /** @returns {Kept} */
  get kept() {
    if (!this.state) throw new ReferenceError("No session is open");
    return this.state;
  }

  /** @returns {Steps} */
  get steps() {
    if (!this.answer) throw new ReferenceError("No session is open");
    return this.answer;
  }

  save() {
    if (this.state) writeJSON(KEYS.session, this.state);
  }

  // --- Starting, resuming, leaving ---------------------------------------------------------------

  start(/** @type {string} */ key, /** @type {HTMLElement} */ opener) {
    const kept = keptSession();
    const fields = computeArgs(this.tool).fields;
    if (kept?.key === key && sameFields(kept.fields, fields)) return this.open(kept, opener);
    const tempo = /** @type {Record<string, string> | null} */ (readJSON(KEYS.tempo)) ?? {};
    const state = { key, fields: /** @type {Record<string, unknown>} */ (fields), step: 0, stepStartedAt: Date.now(), cadence: tempo.cadence ?? "", pace: tempo.pace ?? "", ratings: {}, audio: false, audioAt: 0 };
    return this.open(state, opener);
  }

  async open(/** @type {Kept} */ state, /** @type {HTMLElement} */ opener) {
    if (this.dialog.open || this.opening) return; // a double tap opens it once
    this.opening = true;
    this.state = state;
    this.opener = opener;
    this.dropAudio();
    const ok = await this.fetchSteps().finally(() => (this.opening = false));
    if (!ok) return;
    this.save();
    this.banner.hidden = true;
    this.fill();
    this.dialog.showModal();
    this.render(true);
    this.timer = setInterval(() => this.tick(), 1000);
    this.keepAwake();
    if (state.audio) this.makeAudio(false).catch(() => {}); // made again, where it had got to
  }

  onClose() {
    clearInterval(this.timer);
    this.lock?.release().catch(() => {});
    this.lock = null;
    if (!this.player.paused) this.player.pause();
    this.save();
    this.offerResume();
    const then = this.afterClose;
    this.afterClose = null;
    if (then) return then();
    // Focus goes back where the session was opened from: its button, or the resume offer.
    const visible = (/** @type {Element | null | undefined} */ el) => el instanceof HTMLElement && el.isConnected && el.getClientRects().length > 0;
    const start = this.tool.querySelector(`[data-action="session:start"][data-key="${CSS.escape(this.state?.key ?? "")}"]`);
    const back = [this.opener, start, this.banner.querySelector("button")].find(visible);
    if (back instanceof HTMLElement) back.focus();
  }

  offerResume() {
    const kept = keptSession();
    this.banner.hidden = !kept || this.dialog.open;
    if (!kept) return;
    // The reader's own session, as this browser keeps it: text, never markup.
    getElement("[data-session-resume-title]", this.banner).textContent = kept.title ?? "";
    getElement("[data-session-resume-step]", this.banner).textContent = kept.heading ?? "";
  }

  /** Once the entry handed to the log is saved, the session is over. */
  checkLogged() {
    const kept = keptSession();
    if (kept?.handedStore === undefined) return;
    const done = this.tool.querySelector(`[data-log-cell="${CSS.escape(kept.key)}"] .dc-log-done`);
    if (done && readStore() !== kept.handedStore) {
      writeJSON(KEYS.session, null);
      if (!this.dialog.open) this.banner.hidden = true;
    }
  }

  // --- Python's session and steps -----------------------------------------------------------------

  args() {
    const { key, fields } = this.kept;
    return { fields, key, store: readStore(), today: today() };
  }

  /** Ask Python for the session and its step `state.step`, and show them; false (and the
   *  reason said) when it refuses. An answer overtaken by a later question is dropped. */
  async fetchSteps() {
    const { cadence, pace, step } = this.kept;
    const asked = ++this.asked;
    /** @type {Steps} */
    const out = await callPython("session_steps", { ...this.args(), cadence, pace, step, marks: marks(this.root) });
    if (asked !== this.asked) return false;
    if (out.error) {
      getElement("[data-status]", this.tool).textContent = out.error;
      return false;
    }
    this.answer = out;
    apply(this.root, out.regions);
    Object.assign(this.kept, { title: out.title, step: out.step, heading: out.heading });
    showErrors(this.root, out.errors, { focus: this.dialog.open });
    return true;
  }

  /** What stays the same from step to step: which parts there are, the tempo, the ratings. */
  fill() {
    const { steps, kept } = this;
    this.field("[data-session-downhill]").hidden = !steps.downhill;
    this.field('[data-action="session:audio"]').hidden = !steps.audio;
    fillForm(this.dialog, steps.texts);
    for (const input of this.dialog.querySelectorAll("input[type=radio]")) {
      if (input instanceof HTMLInputElement) input.checked = kept.ratings[input.name] === input.value;
    }
  }

  /** The step on screen, as the last answer has it: its parts, timer and buttons. */
  render(opening = false) {
    const { step } = this.kept;
    const { kind } = this.steps.steps[step];
    const last = step === this.steps.steps.length - 1;
    for (const part of getElements("[data-session-part]", this.dialog)) part.hidden = part.dataset.sessionPart !== kind;
    this.field("[data-session-timer-box]").hidden = kind === "before" || kind === "after";
    this.field('[data-action="session:back"]').toggleAttribute("disabled", step === 0);
    this.field('[data-action="session:next"]').hidden = last;
    this.save();
    this.tick();
    // Opening, or when the focused button has just gone (Next on the last step, Back on the
    // first), focus goes to the step's heading: a keyboard never falls out of the view.
    const active = document.activeElement;
    const lost = !this.dialog.contains(active) || active?.matches(":disabled") || !active?.getClientRects().length;
    if (opening || lost) this.field("[data-session-heading]").focus();
  }

  tick() {
    if (!this.dialog.isConnected) return this.onClose(); // the page was swapped by instant navigation
    this.field("[data-session-timer]").textContent = clock(Date.now() - this.kept.stepStartedAt);
  }

  async go(/** @type {number} */ index) {
    const total = this.steps.steps.length;
    const to = Math.max(0, Math.min(total - 1, index));
    if (to === this.kept.step) return;
    Object.assign(this.kept, { step: to, stepStartedAt: Date.now() });
    if (!(await this.fetchSteps())) return;
    this.render();
    this.field(".dc-session-body").scrollTop = 0;
  }

  onChange(/** @type {Event} */ event) {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === "radio" && input.checked) {
      this.kept.ratings[input.name] = input.value;
      this.save();
    }
  }

  /** The cadence and pace typed, read by Python; false (and the messages shown) if they do not. */
  async readTempo() {
    const typed = {
      cadence: /** @type {HTMLInputElement} */ (this.field("[name=cadence]")).value,
      pace: /** @type {HTMLInputElement} */ (this.field("[name=pace]")).value,
    };
    const { texts, errors } = this.steps;
    if (sameFields(typed, texts) && !Object.keys(errors).length) return true;
    Object.assign(this.kept, typed);
    if (!(await this.fetchSteps())) return false;
    this.fill();
    return !Object.keys(this.steps.errors).length;
  }

  // --- Audio ------------------------------------------------------------------------------------

  async makeAudio(fromButton = true) {
    const button = this.field('[data-action="session:audio"]');
    button.toggleAttribute("disabled", true);
    try {
      if (fromButton && !(await this.readTempo())) return;
      const { cadence, pace } = this.kept;
      const out = await callPython("session_audio", { ...this.args(), cadence, pace });
      if (out.error) return void showErrors(this.root, { [out.field ?? "cadence"]: out.error }, { focus: true });
      const { fileAddress } = await import("./downloads.js");
      this.dropAudio();
      const url = fileAddress(out.file, "audio/wav");
      const resumeAt = fromButton ? 0 : this.kept.audioAt;
      this.player.src = url;
      if (resumeAt) this.player.addEventListener("loadedmetadata", () => (this.player.currentTime = resumeAt), { once: true });
      Object.assign(this.field("[data-session-download]"), { href: url, download: out.filename });
      this.field("[data-session-playback]").hidden = false;
      if ("mediaSession" in navigator && typeof MediaMetadata === "function") {
        navigator.mediaSession.metadata = new MediaMetadata({ title: out.title });
      }
      this.kept.audio = true;
      this.save();
    } finally {
      button.toggleAttribute("disabled", false);
    }
  }

  dropAudio() {
    this.field("[data-session-playback]").hidden = true;
    if (!this.player.src) return;
    import("./downloads.js").then(({ forget }) => forget(this.player.src));
    this.player.removeAttribute("src");
    this.player.load();
  }

  /** With the audio playing, the screen moves on when the track announces the next repeat. */
  followAudio() {
    const at = this.player.currentTime;
    if (Math.abs(at - this.kept.audioAt) >= 1) {
      this.kept.audioAt = at;
      this.save();
    }
    // Only from a repeat on: starting the track during the warm-up does not skip it.
    const steps = this.steps.steps;
    if (this.player.paused || steps[this.kept.step].track_at_s === null) return;
    let reached = -1;
    steps.forEach((step, index) => {
      if (step.track_at_s !== null && step.track_at_s <= at) reached = index;
    });
    if (reached > this.kept.step) this.go(reached).catch(() => {});
  }

  // --- Wake lock and keyboard ------------------------------------------------------------------

  async keepAwake() {
    const notice = this.field("[data-session-wake]");
    if (!("wakeLock" in navigator)) return void (notice.hidden = false);
    try {
      this.lock = await navigator.wakeLock.request("screen");
      notice.hidden = true;
    } catch {
      notice.hidden = false; // refused (battery saver, or the page is not visible)
    }
  }

  trapFocus(/** @type {KeyboardEvent} */ event) {
    if (event.key !== "Tab") return;
    const focusable = getElements(FOCUSABLE, this.dialog).filter((el) => !el.matches(":disabled") && el.getClientRects().length);
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && (document.activeElement === first || !this.dialog.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }
}

/** @type {WeakMap<HTMLElement, SessionView>} */
const views = new WeakMap();
const view = (/** @type {HTMLElement} */ root) => {
  const found = views.get(root);
  if (!found) throw new ReferenceError("Session mode is not attached");
  return found;
};

defineComponent("session", {
  attach: (root) => views.set(root, new SessionView(root)),
  actions: {
    start: (root, button) => view(root).start(button.dataset.key ?? "", button),
    async next(root) {
      const it = view(root);
      const here = it.steps.steps[it.kept.step];
      if (here.kind === "before" && it.steps.downhill && !(await it.readTempo())) return;
      return it.go(it.kept.step + 1);
    },
    back: (root) => view(root).go(view(root).kept.step - 1),
    leave: (root) => view(root).dialog.close(),
    audio: (root) => view(root).makeAudio(),
    async finish(root) {
      const it = view(root);
      const { cadence, pace, ratings, audio } = it.kept;
      const out = await callPython("session_log", { ...it.args(), cadence, pace, ratings, audio });
      if (out.error) return void showErrors(root, { session: out.error }, { focus: true });
      showErrors(root, out.errors, { focus: true });
      if (Object.keys(out.errors ?? {}).length) return;
      it.kept.handedStore = readStore();
      it.save();
      // Once the view has closed, the log's form opens on these texts (and takes the focus)
      // for the runner to check and save.
      it.afterClose = () => openEntry(getComponentElement("log", it.tool), out.texts);
      it.dialog.close();
    },
    async resume(root, button) {
      const it = view(root);
      const kept = keptSession();
      if (!kept) return void (it.banner.hidden = true);
      // The plan the session belongs to goes back on the page, so its log entry lands there.
      if (!sameFields(kept.fields, computeArgs(it.tool).fields)) restoreFields(it.tool, kept.fields);
      return it.open(kept, button);
    },
    discard(root) {
      writeJSON(KEYS.session, null);
      view(root).banner.hidden = true;
    },
  },
});
