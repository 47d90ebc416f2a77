// Make a Pyodide memory snapshot with `drills` already imported and rehearsed, without its zero
// pages (docs/assets/js/snapshot-file.js) and gzipped, for the browser worker to restore: it
// skips the interpreter's start-up, the package's import and the slow first calls (scripts/bench).
// Private Pyodide API (_makeSnapshot): the version is pinned in package.json and the browser
// tests prove the restore. Loading the wheel with pyodide.loadPackage would leave JS handles
// the snapshot cannot hold ("Unexpected hiwire entry"), so Python itself unpacks the same
// wheel the site lockfile lists and imports what the pages call (drills.bridge), nothing the
// build alone uses (chapters' pages and figures). The restored file system holds only the
// standard library: every module a call needs must be imported here (tests/test_layers.py).
//
//   node make-snapshot.mjs WHEEL STDLIB_ZIP OUTPUT           the snapshot, gzipped
//   node make-snapshot.mjs --trace WHEEL STDLIB_ZIP OUTPUT   instead, the standard library's
//     files that Python read on the way (JSON): what the site's trimmed zip must hold
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { pack } from "../docs/assets/js/snapshot-file.js";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const trace = process.argv[2] === "--trace";
const [wheel, stdlib, output] = process.argv.slice(trace ? 3 : 2);
const pyodide = await loadPyodide({ _makeSnapshot: true, stdLibURL: stdlib });
pyodide.FS.writeFile("/tmp/drills.whl", readFileSync(wheel));
pyodide.runPython(`
import sysconfig, zipfile

zipfile.ZipFile("/tmp/drills.whl").extractall(sysconfig.get_paths()["purelib"])
from drills.bridge import rehearsal

rehearsal.rehearse()
`);
pyodide.FS.unlink("/tmp/drills.whl");
if (!trace) zeroFreeMemory(pyodide._module); // the trace keeps no snapshot
const snapshot = pyodide.makeMemorySnapshot();
if (trace) {
  // After the snapshot is taken: a plain start in the browser takes its own (py-worker.js).
  writeFileSync(output, pyodide.runPython(`
import json, sys
json.dumps(sorted({
    path.split(".zip/", 1)[1]
    for module in list(sys.modules.values())
    if ".zip/" in (path := getattr(module, "__file__", None) or "")
}))
`));
} else {
  writeFileSync(output, gzipSync(pack(snapshot), { level: 9 }));
}

// Memory that Python allocated and freed while importing still holds its old bytes, and the
// snapshot would carry them. Borrow every free block from the allocator, zero it and give it
// back, staying below the memory's current size (growing it would enlarge the snapshot): the
// download shrinks by about 0.6 MB (6.8 -> 6.2 MB).
function zeroFreeMemory(module) {
  const end = module.HEAPU8.length;
  const blocks = [];
  for (let size = 1 << 22; size >= 16; ) {
    const block = (module._sbrk(0) >>> 0) + size + (1 << 17) < end ? module._malloc(size) : 0;
    if (!block) {
      size >>= 1;
      continue;
    }
    module.HEAPU8.fill(0, block, block + size);
    blocks.push(block);
  }
  for (const block of blocks) module._free(block);
  if (module.HEAPU8.length !== end) throw new Error("zeroing free memory grew the heap");
}
