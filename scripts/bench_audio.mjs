// Time the session audio track in Pyodide under Node (the browser worker's interpreter):
// a 40-minute session at the highest cadence, with a ramp and accents (the most clicks and
// the most arithmetic), built with drills.metronome.session_track_wav.
// Usage: node scripts/bench_audio.mjs [minutes]   (run from the repository root)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const minutes = Number(process.argv[2] ?? 40);
const started = performance.now();
const pyodide = await loadPyodide();
const loaded = performance.now();

// The worktree's drills/ package, copied file by file into Pyodide's file system.
function copyTree(dir) {
  pyodide.FS.mkdirTree(`/home/pyodide/${dir}`);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "__pycache__") copyTree(path);
    } else if (name.endsWith(".py")) {
      pyodide.FS.writeFile(`/home/pyodide/${path}`, readFileSync(path));
    }
  }
}
copyTree("drills");

const result = pyodide.runPython(`
import dataclasses, json, time
from drills import planner, session_audio
from drills.metronome import session_timeline, session_track_wav

base = next(
    s for w in planner.make_plan(4, 12, 8, 3, "intermediate", 400).weeks
    for s in w.sessions if s.is_downhill
)
# A repeat length whose track lasts ${minutes} minutes (8 repeats on a 10 % slope).
args = dict(cadence_spm=240, speed_mps=3.0, ramp_from_spm=200, accent_every=4)
length = 20.0
while True:
    session = dataclasses.replace(base, repeats=8, grade_pct=10.0, repeat_length_m=length)
    timeline = session_timeline(session, **args)
    if timeline.length_s >= ${minutes} * 60:
        break
    length += 1.0
times = []
for _ in range(5):
    t = time.perf_counter()
    wav = session_track_wav(session, **args)
    times.append(time.perf_counter() - t)
runs = sum(1 for s in timeline.steps if s.kind == "run")
import base64  # what the bridge's click_track does to hand a WAV to the page today
t = time.perf_counter()
encoded = base64.b64encode(wav).decode("ascii")
base64_s = time.perf_counter() - t
json.dumps({
    "track_min": round(timeline.length_s / 60, 2),
    "repeat_length_m": length,
    "repeats": runs,
    "bytes": len(wav),
    "mb_per_min": round(len(wav) / 1e6 / (timeline.length_s / 60), 4),
    "first_s": round(times[0], 3),
    "median_s": round(sorted(times)[2], 3),
    "base64_s": round(base64_s, 3),
})
`);
const report = JSON.parse(result);
// The same call timed from JavaScript, as the worker sees it (bytes handed over included).
const build = pyodide.runPython("lambda: session_track_wav(session, **args)");
const jsTimes = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const proxy = build();
  const bytes = proxy.toJs();
  proxy.destroy();
  jsTimes.push(performance.now() - t);
  if (bytes.length !== report.bytes) throw new Error("length differs");
}
jsTimes.sort((a, b) => a - b);
report.median_s_from_js_with_copy = Number((jsTimes[2] / 1000).toFixed(3));
report.pyodide_load_s = Number(((loaded - started) / 1000).toFixed(2));
console.log(JSON.stringify(report));
