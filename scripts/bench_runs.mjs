// Time the descent audit inside the pinned Pyodide (node), file by file: the bytes go in as a
// Uint8Array, as a browser worker would pass a chosen file, and the audit's HTML comes out.
// Usage: node scripts/bench_runs.mjs ROUNDS FILE...   (scripts/bench_runs.py drives it)
// Prints one JSON line per file: {file, points, first_ms, median_ms, runs_ms}; points -1:
// refused (html_bytes is then the reason's length).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [rounds, ...files] = process.argv.slice(2);
const root = new URL("..", import.meta.url).pathname;
const started = performance.now();
const pyodide = await loadPyodide();
const loaded = performance.now();

// The package's own sources, as the site's wheel would install them.
function copy(dir) {
  pyodide.FS.mkdirTree(`/home/pyodide/${dir}`);
  for (const name of readdirSync(join(root, dir))) {
    const path = join(root, dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "__pycache__") copy(`${dir}/${name}`);
    } else if (name.endsWith(".py")) {
      pyodide.FS.writeFile(`/home/pyodide/${dir}/${name}`, readFileSync(path));
    }
  }
}
copy("drills");
const importStart = performance.now();
const run = pyodide.runPython(`
import sys
sys.path.insert(0, "/home/pyodide")
from drills.errors import InputError
from drills.runs import audit, read_activity
from drills.render.audit_view import audit_html
from drills.render.links import Links

def run(buffer, name):
    try:
        activity = read_activity(buffer.to_bytes(), name)
    except InputError as error:  # a refused file: its reason is the result
        return -1, len(str(error))
    result = audit(activity)
    html = audit_html(result, "metric", Links("", "", ""))  # any links run the same code
    return len(activity.distances_m), len(html)
run
`);
const imported = performance.now();
console.log(JSON.stringify({ startup_ms: loaded - started, import_ms: imported - importStart }));

for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const times = [];
  let records = 0;
  let html = 0;
  for (let k = 0; k < Number(rounds); k++) {
    const t0 = performance.now();
    const out = run(bytes, basename(file)).toJs();
    times.push(performance.now() - t0);
    [records, html] = out;
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(JSON.stringify({
    file: basename(file), bytes: bytes.length, points: records, html_bytes: html,
    first_ms: times[0], median_ms: sorted[Math.floor(sorted.length / 2)], runs_ms: times,
  }));
}
