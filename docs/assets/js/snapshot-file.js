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
function filledRuns(memory) {
  const words = new Uint32Array(memory.buffer, memory.byteOffset, memory.byteLength >>> 2);
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
export function pack(memory) {
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

/** The memory that `pack` left out the zero pages of; throws on anything else. */
export function unpack(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.byteLength < HEAD || MAGIC.some((byte, i) => packed[i] !== byte)) {
    throw new Error("not a packed memory snapshot");
  }
  const total = view.getUint32(4, true);
  const runs = view.getUint32(8, true);
  const memory = new Uint8Array(total);
  let at = HEAD + runs * 8;
  for (let i = 0; i < runs; i++) {
    const offset = view.getUint32(HEAD + i * 8, true);
    const length = view.getUint32(HEAD + i * 8 + 4, true);
    if (at + length > packed.byteLength || offset + length > total) throw new Error("a cut-off memory snapshot");
    memory.set(packed.subarray(at, at + length), offset);
    at += length;
  }
  if (at !== packed.byteLength) throw new Error("a memory snapshot with bytes to spare");
  return memory;
}
