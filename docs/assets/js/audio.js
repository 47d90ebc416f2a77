// @ts-check
// The metronome: Web Audio clicks scheduled a little ahead, so timer jitter never reaches the
// beat. The click's pitch and length are Python's (drills/audio.py, in the practice section's
// settings); the tempo is asked for at every beat, so it follows the calculator's answers.

const AHEAD_S = 0.1; // clicks are scheduled this far ahead...
const EVERY_MS = 25; // ...by a timer this often
const GAIN = 0.5; // a click's loudness, fading to silence over its length

/**
 * @typedef {object} Click
 * @property {number} hz
 * @property {number} ms
 */

export class Metronome {
  /** @type {AudioContext | null} */
  #context = null;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  #timer;
  #next = 0;

  /** @param {Click} click @param {() => number | null} tempo beats a minute, asked at every
   *  beat; null stops the metronome */
  constructor(click, tempo) {
    this.click = click;
    this.tempo = tempo;
  }

  get running() {
    return this.#timer !== undefined;
  }

  start() {
    this.#context ??= new AudioContext();
    this.#context.resume();
    this.#next = this.#context.currentTime + AHEAD_S;
    this.#timer = setInterval(() => this.#schedule(), EVERY_MS);
  }

  stop() {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #schedule() {
    const context = this.#context;
    if (!context) return;
    const length = this.click.ms / 1000;
    while (this.#next < context.currentTime + AHEAD_S) {
      const tempo = this.tempo();
      if (tempo === null) return this.stop();
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = this.click.hz;
      gain.gain.setValueAtTime(GAIN, this.#next);
      gain.gain.exponentialRampToValueAtTime(0.001, this.#next + length);
      osc.connect(gain).connect(context.destination);
      osc.start(this.#next);
      osc.stop(this.#next + length);
      this.#next += 60 / tempo;
    }
  }
}
