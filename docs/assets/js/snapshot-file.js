// @ts-check
// The memory snapshot as the site stores it: only the pages of Python's memory that hold
// something. Half of the 31 MB is zero pages; leaving them out halves what a repeat visit reads
// from the cache and what a first visit inflates (scripts/bench). Used by the worker and by
// scripts/make-snapshot.mjs, so the build and the browser write the same format.
//
//   "DCS1", total bytes (u32), run count (u32), then per run its offset and length (u32 each),
//   then the runs' bytes one after another. Little-endian.
const MAGIC = [0x44, 0x43, 0x53, 0x31]; // "DCS1"
const PAGE = 4096;
const HEAD = 12;

/** The runs of pages of `memory` that are not all zero, as [offset, length] pairs. */
function filledRuns(/** @type {Uint8Array} */ memory) {
  const words = new Uint32Array(memory.buffer, memory.byteOffset, memory.byteLength >>> 2);
  /** @type {[number, number][]} */
  const runs = [];
  for (let page = 0; page * PAGE < memory.byteLength; page++) {
    const start = page * PAGE;
    const end = Math.min(start + PAGE, memory.byteLength);
    let filled = false;
    for (let word = start >>> 2; word < end >>> 2 && !filled; word++) filled = words[word] !== 0;
    for (let byte = end & ~3; byte < end && !filled; byte++) filled = memory[byte] !== 0;
    if (!filled) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === start) last[1] += end - start;
    else runs.push([start, end - start]);
  }
  return runs;
}

/** `memory` (a Uint8Array whose length is a multiple of 4) without its zero pages. */
export function pack(/** @type {Uint8Array} */ memory) {
  if (memory.byteOffset % 4 || memory.byteLength % 4) throw new Error("memory is not whole words");
  const runs = filledRuns(memory);
  const filled = runs.reduce((sum, [, length]) => sum + length, 0);
  const packed = new Uint8Array(HEAD + runs.length * 8 + filled);
  const view = new DataView(packed.buffer);
  packed.set(MAGIC);
  view.setUint32(4, memory.byteLength, true);
  view.setUint32(8, runs.length, true);
  let at = HEAD + runs.length * 8;
  runs.forEach(([offset, length], i) => {
    view.setUint32(HEAD + i * 8, offset, true);
    view.setUint32(HEAD + i * 8 + 4, length, true);
    packed.set(memory.subarray(offset, offset + length), at);
    at += length;
  });
  return packed;
}

/** Restores the memory from packed bytes given in any number of pieces, as they arrive: the
 * copying is done while the rest downloads, not after it. Throws on anything `pack` did not make. */
class Unpacker {
  #head = new Uint8Array(0); // the header and run table, until whole
  /** @type {Uint8Array | null} */
  #memory = null;
  /** @type {[number, number][]} */
  #runs = [];
  #run = 0; // the run being filled, and how many of its bytes are in
  #filled = 0;

  push(/** @type {Uint8Array} */ piece) {
    if (!this.#memory) piece = this.#readHead(piece);
    const memory = this.#memory;
    while (piece.length) {
      if (!memory) throw new Error("not a packed memory snapshot");
      if (this.#run === this.#runs.length) throw new Error("a memory snapshot with bytes to spare");
      const [offset, length] = this.#runs[this.#run];
      const n = Math.min(length - this.#filled, piece.length);
      memory.set(piece.subarray(0, n), offset + this.#filled);
      this.#filled += n;
      piece = piece.subarray(n);
      if (this.#filled === length) [this.#run, this.#filled] = [this.#run + 1, 0];
    }
  }

  /** The memory's array, once its size is known (null before). */
  get memory() {
    return this.#memory;
  }

  finish() {
    if (!this.#memory || this.#run < this.#runs.length) throw new Error("a cut-off memory snapshot");
    return this.#memory;
  }

  /** Gathers the header and run table; returns what follows them in `piece`. */
  #readHead(/** @type {Uint8Array} */ piece) {
    const head = new Uint8Array(this.#head.length + piece.length);
    head.set(this.#head);
    head.set(piece, this.#head.length);
    this.#head = head;
    if (head.length < HEAD) return new Uint8Array(0);
    if (MAGIC.some((byte, i) => head[i] !== byte)) throw new Error("not a packed memory snapshot");
    const view = new DataView(head.buffer);
    const total = view.getUint32(4, true);
    const tableEnd = HEAD + view.getUint32(8, true) * 8;
    if (head.length < tableEnd) return new Uint8Array(0);
    for (let at = HEAD; at < tableEnd; at += 8) {
      /** @type {[number, number]} */
      const run = [view.getUint32(at, true), view.getUint32(at + 4, true)];
      if (run[0] + run[1] > total) throw new Error("not a packed memory snapshot");
      this.#runs.push(run);
    }
    this.#memory = new Uint8Array(total);
    return head.subarray(tableEnd);
  }
}

/** The memory that `pack` left out the zero pages of; throws on anything else. */
export function unpack(/** @type {Uint8Array} */ packed) {
  const unpacker = new Unpacker();
  unpacker.push(packed);
  return unpacker.finish();
}

/** `unpack` for a stream of packed bytes, restoring each piece as it arrives. `memory` is the
 * memory's array as soon as its size is known (it fills as the rest arrives); `whole` is the
 * same array once every byte is in. Either rejects if the stream is not a whole packed memory. */
export function unpackStream(/** @type {ReadableStream<Uint8Array>} */ stream) {
  const unpacker = new Unpacker();
  /** @type {{resolve: (memory: Uint8Array) => void, reject: (error: unknown) => void}} */
  let sized = { resolve: () => {}, reject: () => {} };
  /** @type {Promise<Uint8Array>} */
  const memory = new Promise((resolve, reject) => (sized = { resolve, reject }));
  const whole = (async () => {
    for (const reader = stream.getReader(); ; ) {
      const { done, value } = await reader.read();
      if (done) return unpacker.finish();
      unpacker.push(value);
      if (unpacker.memory) sized.resolve(unpacker.memory);
    }
  })();
  whole.then(sized.resolve, sized.reject); // a no-op once sized
  return { memory, whole };
}
