// Session mode on the planner page: a full-screen view to follow one planned session on the hill.
// Python (drills/bridge/session.py) gives every step and its words, the session audio and the
// log entry; this file shows the steps, runs the timer, keeps the screen on and remembers where
// the runner is. Two keys in this browser's localStorage, never sent anywhere:
//   "dc-session-mode"  the session in progress: {key, fields (the plan form's texts), step,
//                      stepStartedAt (ms since 1970), cadence, pace, ratings, audio (made?),
//                      audioAt (s), title, heading, handedStore}; gone once its log entry is saved
//                      or the runner discards it.
//   "dc-session-tempo" {cadence, pace}: the cadence calculator's last valid metronome tempo and
//                      the pace it was worked out for (written on the cadence page, read here).
import { readStore, today } from "./log-store.js";
import { callPython } from "./py-client.js";
import { computeArgs } from "./tools.js";

const STATE_KEY = "dc-session-mode";
const TEMPO_KEY = "dc-session-tempo";
const FOCUSABLE = "button, [href], input, select, textarea, audio[controls], summary, [tabindex]:not([tabindex='-1'])";

function load(key) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null");
  } catch {
    return null;
  }
}

function keep(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or blocked: the session still runs, it just cannot resume */
  }
}

/** The session in progress as kept, in the shape this file needs (the text may be damaged or
 *  edited by hand; Python checks everything that matters when it is sent back). */
function keptSession() {
  const kept = load(STATE_KEY);
  if (!kept || typeof kept !== "object" || typeof kept.key !== "string") return null;
  const texts = (value) => (value && typeof value === "object" ? value : {});
  const step = Number.isInteger(kept.step) && kept.step >= 0 ? kept.step : 0;
  return { ...kept, step, fields: texts(kept.fields), ratings: texts(kept.ratings), stepStartedAt: Number(kept.stepStartedAt) || Date.now(), audioAt: Number(kept.audioAt) || 0 };
}

const sameFields = (a, b) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
const clock = (ms) => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
};

class SessionView {
  constructor(tool) {
    this.tool = tool;
    this.dialog = tool.querySelector("[data-session]");
    this.banner = tool.querySelector("[data-session-resume]");
    this.player = this.dialog.querySelector("[data-session-player]");
    this.state = null;
    this.answer = null;
    this.lock = null;
    tool.addEventListener("click", (event) => this.onClick(event));
    tool.addEventListener("dc:updated", () => this.checkLogged());
    this.dialog.addEventListener("change", (event) => this.onChange(event));
    this.dialog.addEventListener("keydown", (event) => this.trapFocus(event));
    this.dialog.addEventListener("close", () => this.onClose());
    this.player.addEventListener("timeupdate", () => this.followAudio());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && this.dialog.open) this.keepAwake();
    });
    this.offerResume();
  }

  field(selector) {
    return this.dialog.querySelector(selector);
  }

  args() {
    const { key, fields } = this.state;
    return { fields, key, store: readStore(), today: today() };
  }

  save() {
    if (this.state) keep(STATE_KEY, this.state);
  }

  // --- Starting, resuming, leaving ---------------------------------------------------------------

  onClick(event) {
    const start = event.target.closest("[data-session-start]");
    const button = event.target.closest("[data-session-action]");
    const action = start ? () => this.start(start.dataset.sessionStart, start) : this.actions[button?.dataset.sessionAction];
    if (!action || button?.disabled) return;
    // If Python has stopped, the tool's status line already says so (tools.js).
    Promise.resolve(action.call(this, button)).catch(() => {});
  }

  async start(key, opener) {
    const kept = keptSession();
    const fields = computeArgs(this.tool).fields;
    if (kept?.key === key && sameFields(kept.fields, fields)) return this.open(kept, opener);
    const tempo = load(TEMPO_KEY) ?? {};
    const now = Date.now();
    this.open({ key, fields, step: 0, stepStartedAt: now, cadence: tempo.cadence ?? "", pace: tempo.pace ?? "", ratings: {}, audio: false, audioAt: 0 }, opener);
  }

  async open(state, opener) {
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
    const visible = (el) => el?.isConnected && el.getClientRects().length > 0;
    const start = this.tool.querySelector(`[data-session-start="${this.state.key}"]`);
    [this.opener, start, this.banner.querySelector("button")].find(visible)?.focus();
  }

  offerResume() {
    const kept = keptSession();
    this.banner.hidden = !kept || this.dialog.open;
    if (!kept) return;
    this.banner.querySelector("[data-session-resume-title]").textContent = kept.title ?? "";
    this.banner.querySelector("[data-session-resume-step]").textContent = kept.heading ?? "";
  }

  /** Once the entry handed to the log is saved, the session is over. */
  checkLogged() {
    const kept = keptSession();
    if (kept?.handedStore === undefined) return;
    const done = this.tool.querySelector(`[data-log-cell="${kept.key}"] .dc-log-done`);
    if (done && readStore() !== kept.handedStore) {
      keep(STATE_KEY, null);
      if (!this.dialog.open) this.banner.hidden = true;
    }
  }

  // --- Python's steps ----------------------------------------------------------------------------

  async fetchSteps() {
    const { cadence, pace } = this.state;
    const out = await callPython("session_steps", { ...this.args(), cadence, pace });
    if (out.error) {
      this.tool.querySelector("[data-status]").textContent = out.error;
      return false;
    }
    this.answer = out;
    Object.assign(this.state, { title: out.title, step: Math.min(this.state.step, out.steps.length - 1) });
    this.showErrors(out.errors);
    return true;
  }

  /** What stays the same from step to step: the session's title, fields and ratings. */
  fill() {
    const { answer, state } = this;
    this.field("[data-session-title]").textContent = answer.title;
    this.field("[data-session-total]").textContent = answer.steps.length;
    this.field("[data-session-downhill]").hidden = !answer.downhill;
    this.field("[data-session-cadence-cue]").textContent = answer.cadence_cue;
    this.field("[data-session-audio-note]").textContent = answer.audio_note;
    this.field("[data-session-action=audio]").hidden = !answer.audio;
    this.field("[name=cadence]").value = answer.cadence;
    this.field("[name=pace]").value = answer.pace;
    for (const input of this.dialog.querySelectorAll("input[type=radio]")) {
      input.checked = state.ratings[input.name] === input.value;
    }
  }

  render(opening = false) {
    const step = this.answer.steps[this.state.step];
    const last = this.state.step === this.answer.steps.length - 1;
    this.field("[data-session-index]").textContent = this.state.step + 1;
    this.field("[data-session-heading]").textContent = step.heading;
    this.field("[data-session-detail]").textContent = step.detail;
    const cue = this.field("[data-session-cue]");
    cue.textContent = step.cue;
    cue.hidden = !step.cue;
    const title = this.field("[data-session-notes-title]");
    title.textContent = step.notes_title;
    title.hidden = !step.notes_title;
    const notes = this.field("[data-session-notes]");
    notes.replaceChildren(...step.notes.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
    for (const part of this.dialog.querySelectorAll("[data-session-part]")) part.hidden = part.dataset.sessionPart !== step.kind;
    this.field("[data-session-timer-box]").hidden = step.kind === "before" || step.kind === "after";
    this.field("[data-session-action=back]").disabled = this.state.step === 0;
    this.field("[data-session-action=next]").hidden = last;
    this.field("[data-session-announce]").textContent = step.announce;
    this.state.heading = step.heading;
    this.save();
    this.tick();
    // Opening, or when the focused button has just gone (Next on the last step, Back on the
    // first), focus goes to the step's heading: a keyboard never falls out of the view.
    const active = document.activeElement;
    const lost = !this.dialog.contains(active) || active.disabled || !active.getClientRects().length;
    if (opening || lost) this.field("[data-session-heading]").focus();
  }

  tick() {
    if (!this.dialog.isConnected) return this.onClose(); // the page was swapped by instant navigation
    this.field("[data-session-timer]").textContent = clock(Date.now() - this.state.stepStartedAt);
  }

  go(index) {
    const total = this.answer.steps.length;
    const to = Math.max(0, Math.min(total - 1, index));
    if (to === this.state.step) return;
    Object.assign(this.state, { step: to, stepStartedAt: Date.now() });
    this.render();
    this.dialog.querySelector(".dc-session-body").scrollTop = 0;
  }

  showErrors(errors = {}) {
    for (const slot of this.dialog.querySelectorAll("[data-session-error-for]")) {
      const message = errors[slot.dataset.sessionErrorFor] ?? "";
      slot.textContent = message;
      this.field(`input[name=${slot.dataset.sessionErrorFor}]:not([type=radio])`)?.setAttribute("aria-invalid", message ? "true" : "false");
    }
    const first = Object.keys(errors)[0];
    if (first && this.dialog.open) this.field(`input[name=${first}]`)?.focus();
    return !first;
  }

  onChange(event) {
    const input = event.target;
    if (input.type === "radio" && input.checked) {
      this.state.ratings[input.name] = input.value;
      this.save();
    }
  }

  /** The cadence and pace typed, read by Python; false (and the messages shown) if they do not. */
  async readTempo() {
    const cadence = this.field("[name=cadence]").value;
    const pace = this.field("[name=pace]").value;
    if (cadence === this.answer.cadence && pace === this.answer.pace && !Object.keys(this.answer.errors).length) return true;
    Object.assign(this.state, { cadence, pace });
    if (!(await this.fetchSteps())) return false;
    this.fill();
    return !Object.keys(this.answer.errors).length;
  }

  // --- Audio ------------------------------------------------------------------------------------

  async makeAudio(fromButton = true) {
    const button = this.field("[data-session-action=audio]");
    button.disabled = true;
    try {
      if (fromButton && !(await this.readTempo())) return;
      const out = await callPython("session_audio", { ...this.args(), cadence: this.state.cadence, pace: this.state.pace });
      if (out.error) return void this.showErrors({ [out.field ?? "cadence"]: out.error });
      const bytes = Uint8Array.from(atob(out.wav_base64), (c) => c.charCodeAt(0));
      this.dropAudio();
      const url = URL.createObjectURL(new Blob([bytes], { type: "audio/wav" }));
      const resumeAt = fromButton ? 0 : this.state.audioAt;
      this.player.src = url;
      if (resumeAt) this.player.addEventListener("loadedmetadata", () => (this.player.currentTime = resumeAt), { once: true });
      Object.assign(this.field("[data-session-download]"), { href: url, download: out.filename });
      this.field("[data-session-playback]").hidden = false;
      if ("mediaSession" in navigator && typeof MediaMetadata === "function") {
        navigator.mediaSession.metadata = new MediaMetadata({ title: out.title });
      }
      this.state.audio = true;
      this.save();
    } finally {
      button.disabled = false;
    }
  }

  dropAudio() {
    this.field("[data-session-playback]").hidden = true;
    if (!this.player.src) return;
    URL.revokeObjectURL(this.player.src);
    this.player.removeAttribute("src");
    this.player.load();
  }

  /** With the audio playing, the screen moves on when the track announces the next repeat. */
  followAudio() {
    const at = this.player.currentTime;
    if (Math.abs(at - this.state.audioAt) >= 1) {
      this.state.audioAt = at;
      this.save();
    }
    // Only from a repeat on: starting the track during the warm-up does not skip it.
    if (this.player.paused || this.answer.steps[this.state.step].track_at_s === null) return;
    const steps = this.answer.steps;
    let reached = -1;
    steps.forEach((step, index) => {
      if (step.track_at_s !== null && step.track_at_s <= at) reached = index;
    });
    if (reached > this.state.step) this.go(reached);
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

  trapFocus(event) {
    if (event.key !== "Tab") return;
    const focusable = [...this.dialog.querySelectorAll(FOCUSABLE)].filter((el) => !el.disabled && el.getClientRects().length);
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

SessionView.prototype.actions = {
  async next() {
    if (this.answer.steps[this.state.step].kind === "before" && this.answer.downhill && !(await this.readTempo())) return;
    this.go(this.state.step + 1);
  },
  back() {
    this.go(this.state.step - 1);
  },
  leave() {
    this.dialog.close();
  },
  audio() {
    return this.makeAudio();
  },
  async finish() {
    const { cadence, pace, ratings, audio } = this.state;
    const out = await callPython("session_log", { ...this.args(), cadence, pace, ratings, audio });
    if (out.error) return void this.showErrors({ session: out.error });
    if (!this.showErrors(out.errors)) return;
    this.state.handedStore = readStore();
    this.save();
    // Once the view has closed, training-log.js fills its form with these texts (and takes the
    // focus) for the runner to check and save.
    this.afterClose = () => this.tool.dispatchEvent(new CustomEvent("dc:log-prefill", { detail: out.texts }));
    this.dialog.close();
  },
  async resume(button) {
    const kept = keptSession();
    if (!kept) return void (this.banner.hidden = true);
    const form = this.tool.querySelector("form.dc-form");
    if (!sameFields(kept.fields, computeArgs(this.tool).fields)) {
      // The plan the session belongs to goes back on the page, so its log entry lands there.
      for (const [name, text] of Object.entries(kept.fields)) if (form.elements[name]) form.elements[name].value = text;
      form.dispatchEvent(new Event("change"));
    }
    this.open(kept, button);
  },
  discard() {
    keep(STATE_KEY, null);
    this.banner.hidden = true;
  },
};

function attach(tool) {
  if (tool.dcSession) return;
  if (tool.dataset.tool === "cadence") {
    // Remember the tempo worked out here: the planner's session mode starts from it.
    tool.addEventListener("dc:updated", ({ detail }) => {
      if (detail?.data?.session_tempo) keep(TEMPO_KEY, detail.data.session_tempo);
    });
    tool.dcSession = true;
  } else if (tool.querySelector("[data-session]")) {
    tool.dcSession = new SessionView(tool);
  }
}

function attachAll() {
  document.querySelectorAll("[data-tool]").forEach(attach);
}

// Material's instant navigation swaps the page without reloading scripts; document$ fires each time.
if (typeof document$ !== "undefined") document$.subscribe(attachAll);
else attachAll();
