"""The memory snapshot's stored form (docs/assets/js/snapshot-file.js), run in Node as the build
runs it: what `pack` leaves out comes back as zeros, and `unpack` refuses anything else; the
worker's `unpackStream` restores the same memory from pieces as they arrive."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE = ROOT / "docs" / "assets" / "js" / "snapshot-file.js"

ROUND_TRIP = """
import { pack, unpack, unpackStream } from %s;
const memory = new Uint8Array(4096 * 5 + 12);  // whole words, the last page short
memory[0] = 1;                 // page 0 filled
memory[4096 * 2 + 4095] = 2;   // page 2 filled in its last byte only
memory[4096 * 3] = 3;          // page 3 follows it: one run of two pages
memory[4096 * 5 + 11] = 4;     // the short last page
const packed = pack(memory);
const back = unpack(packed);
const refusals = [];
for (const bad of [packed.subarray(0, packed.length - 1), new Uint8Array([1, 2, 3, 4]), memory]) {
  try { unpack(bad); refusals.push(null); } catch (error) { refusals.push(error.message); }
}
// As a download arrives: in 7-byte pieces, so the header and every run are split.
const pieces = (bytes) => new ReadableStream({
  start(controller) {
    for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.slice(at, at + 7));
    controller.close();
  },
});
const streamed = unpackStream(pieces(packed));
const sized = await streamed.memory;  // Pyodide sizes Python's memory from it
const whole = await streamed.whole;
const cut = unpackStream(pieces(packed.subarray(0, packed.length - 1)));
const cutError = await cut.whole.then(() => null, (error) => error.message);
const same = (a) => a.length === memory.length && a.every((byte, i) => byte === memory[i]);
console.log(JSON.stringify({
  same: same(back), streamed: same(whole) && sized === whole, cutError,
  packed: packed.length, refusals,
}));
"""


def node(script: str) -> dict[str, object]:
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script % json.dumps(MODULE.as_uri())],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return json.loads(done.stdout)


def test_pack_leaves_out_zero_pages_and_unpack_restores_them() -> None:
    result = node(ROUND_TRIP)
    assert result["same"] is True and result["streamed"] is True
    assert result["cutError"] == "a cut-off memory snapshot"
    # Header 12, three runs of 8, pages 0, 2-3 and the 12-byte tail.
    assert result["packed"] == 12 + 3 * 8 + 4096 * 3 + 12
    assert all(result["refusals"]), result["refusals"]


def test_the_built_snapshot_is_packed(site_dir: Path) -> None:
    memory = gzip.decompress((site_dir / "pyodide" / "snapshot.bin.gz").read_bytes())
    assert memory[:4] == b"DCS1"
    total = int.from_bytes(memory[4:8], "little")
    assert total > 20_000_000 and len(memory) < total * 0.7  # about half is zero pages
