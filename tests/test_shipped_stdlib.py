"""The site's trimmed standard library (scripts/site_runtime.py) in Pyodide, in Node: every call
the page may make, with nonsense and with activity files in other encodings, finds the modules
it imports in the zip the site ships. A module missing from it would fail only in the browser."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser  # Pyodide in Node: seconds, like the browser tests

ROOT = Path(__file__).resolve().parent.parent
ACTIVITIES = ROOT / "tests" / "fixtures" / "activities"

SCRIPT = """
import { readFileSync, readdirSync } from "node:fs";
import { loadPyodide } from %(pyodide)s;
const [wheel, stdlib, fixtures] = %(paths)s;
const pyodide = await loadPyodide({ stdLibURL: stdlib });
pyodide.FS.writeFile("/tmp/drills.whl", readFileSync(wheel));
pyodide.FS.mkdirTree("/fx");
for (const name of readdirSync(fixtures)) pyodide.FS.writeFile(`/fx/${name}`, readFileSync(`${fixtures}/${name}`));
console.log(pyodide.runPython(`
import json, os, sys, sysconfig, zipfile, zlib
zipfile.ZipFile("/tmp/drills.whl").extractall(sysconfig.get_paths()["purelib"])
from drills.bridge import CALLS, call

before = set(sys.modules)
failures = []

def attempt(name, args, data=None):
    try:
        call(name, json.dumps(args), data)
    except ImportError as error:
        failures.append(f"{name}: {error!r}")
    except Exception:
        pass  # what a call says about nonsense is tested elsewhere

nonsense = [
    {}, {"tool": "planner", "fields": {"weeks": "abc", "target": "-4"}, "marks": {"x": "y"}},
    {"tool": "cadence", "fields": {"pace": "5:30/mi", "cadence": "170", "grade": "5°"}},
    {"tool": "cadence", "fields": {"pace": "12 km/h", "grade": "50 m in 500 m"}},
    {"store": "not json", "entry": {"session": "1-1", "date": "2026-13-40", "rpe": "x"}},
    {"store": "{}", "text": "week,session\\\\n1,2,3", "name": "log.csv"},
]
for name in CALLS:
    for args in nonsense:
        attempt(name, args)
files = {name: open(f"/fx/{name}", "rb").read() for name in os.listdir("/fx")}
text = files["korita-zbevnica.gpx"].decode()
def declared(codec):
    return text.replace('encoding="UTF-8"', f'encoding="{codec}"').encode(codec, "replace")
packer = zlib.compressobj(9, zlib.DEFLATED, 31)
files |= {
    "utf16.gpx": text.encode("utf-16"), "cp1252.gpx": declared("windows-1252"),
    "latin9.gpx": declared("ISO-8859-15"), "koi8.gpx": declared("KOI8-R"),
    "packed.gpx.gz": packer.compress(text.encode()) + packer.flush(),
    "junk.fit": bytes(range(256)) * 8, "cut.fit": files["garmin-fenix-5-run.fit"][:5000],
}
for name, data in files.items():
    attempt("audit_file", {"name": name}, data)
    attempt("log_import", {"name": name, "text": data.decode("utf-8", "replace"), "store": ""})
json.dumps({"failures": failures, "imported": {
    name: getattr(sys.modules[name], "__file__", None) for name in set(sys.modules) - before
}})
`));
"""


def test_every_call_finds_its_modules_in_the_shipped_zip(site_dir: Path) -> None:
    runtime = site_dir / "pyodide"
    (wheel,) = runtime.glob("drills-*.whl")
    paths = [str(wheel), str(runtime / "python_stdlib.zip"), str(ACTIVITIES)]
    pyodide = (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").as_uri()
    script = SCRIPT % {"pyodide": json.dumps(pyodide), "paths": json.dumps(paths)}
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["failures"] == []
    # What the calls imported after drills.bridge: the codecs those files declared, from the zip.
    imported = result["imported"]
    assert {"encodings.cp1252", "encodings.iso8859_15", "encodings.koi8_r"} <= set(imported)
    assert all(f is None or ".zip/" in f for f in imported.values()), imported
