"""The site's trimmed standard library (sitebuild/runtime.py) in Pyodide, in Node: every call
the page may make, with nonsense and with activity files in other encodings, finds the modules
it imports in the zip the site ships. A module missing from it would fail only in the browser."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import hostile
import pytest

from sitebuild.history_page import EXAMPLE_ARCHIVE
from tests.pages import audit_item

pytestmark = pytest.mark.browser  # Pyodide in Node: seconds, like the browser tests

ROOT = Path(__file__).resolve().parent.parent
ACTIVITIES = ROOT / "tests" / "fixtures" / "activities"

LOAD = """
import { readFileSync, readdirSync } from "node:fs";
import { loadPyodide } from %(pyodide)s;
const [wheel, stdlib, fixtures] = %(paths)s;
const pyodide = await loadPyodide({ stdLibURL: stdlib });
pyodide.FS.writeFile("/tmp/drills.whl", readFileSync(wheel));
pyodide.FS.mkdirTree("/fx");
for (const name of readdirSync(fixtures)) pyodide.FS.writeFile(`/fx/${name}`, readFileSync(`${fixtures}/${name}`));
"""

SCRIPT = """
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

links = {"references": "", "drills": "", "planner": ""}  # what a page sends with each call
nonsense = [
    {}, {"tool": "planner", "fields": {"weeks": "abc", "target": "-4"}, "marks": {"x": "y"}, "links": links},
    {"tool": "cadence", "fields": {"pace": "5:30/mi", "cadence": "170", "grade": "5°"}, "links": links},
    {"tool": "cadence", "fields": {"pace": "12 km/h", "grade": "50 m in 500 m"}, "links": links},
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
    attempt("audit_file", {"name": name, "links": links}, data)
    attempt("log_import", {"name": name, "text": data.decode("utf-8", "replace"), "store": ""})
json.dumps({"failures": failures, "imported": {
    name: getattr(sys.modules[name], "__file__", None) for name in set(sys.modules) - before
}})
`));
"""


def in_pyodide(site_dir: Path, files: Path, script: str) -> object:
    """What ``script`` (JavaScript, after LOAD) prints last, as JSON; the files of the folder
    ``files`` are in /fx."""
    runtime = site_dir / "pyodide"
    (wheel,) = runtime.glob("drills-*.whl")
    paths = [str(wheel), str(runtime / "python_stdlib.zip"), str(files)]
    pyodide = (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").as_uri()
    code = (LOAD % {"pyodide": json.dumps(pyodide), "paths": json.dumps(paths)}) + script
    done = subprocess.run(
        ["node", "--input-type=module", "-e", code],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_call_finds_its_modules_in_the_shipped_zip(site_dir: Path) -> None:
    result = in_pyodide(site_dir, ACTIVITIES, SCRIPT)
    assert isinstance(result, dict)
    assert result["failures"] == []
    # What the calls imported after drills.bridge: the codecs those files declared, from the zip.
    imported = result["imported"]
    assert {"encodings.cp1252", "encodings.iso8859_15", "encodings.koi8_r"} <= set(imported)
    assert all(f is None or ".zip/" in f for f in imported.values()), imported


HISTORY = """
console.log(pyodide.runPython(`
import json, sysconfig, zipfile
zipfile.ZipFile("/tmp/drills.whl").extractall(sysconfig.get_paths()["purelib"])
from drills.bridge import call

args = {"name": "example-history.zip", "links": {"references": "", "drills": "", "planner": ""}}
call("history", json.dumps(args), open("/fx/example-history.zip", "rb").read())
`));
"""


def test_the_history_page_reads_its_example_in_pyodide(site_dir: Path, tmp_path: Path) -> None:
    """Strava's activities.csv dates are parsed by datetime.strptime, whose module (and the
    calendar it imports) the trace of the pages' start never met."""
    (tmp_path / EXAMPLE_ARCHIVE).write_bytes((site_dir / "tools" / EXAMPLE_ARCHIVE).read_bytes())
    said = in_pyodide(site_dir, tmp_path, HISTORY)
    assert isinstance(said, dict) and "error" not in said, said
    assert said["runs"] == 18


HOSTILE = """
console.log(pyodide.runPython(`
import json, os, sysconfig, zipfile
zipfile.ZipFile("/tmp/drills.whl").extractall(sysconfig.get_paths()["purelib"])
from drills.bridge import call

said = {}
for name in sorted(os.listdir("/fx")):
    data = open(f"/fx/{name}", "rb").read()
    if name.endswith(".json"):
        said[name] = json.loads(call("log_import", json.dumps({"text": data.decode(), "store": ""})))
    else:
        args = {"name": name, "links": {"references": "", "drills": "", "planner": ""}}
        said[name] = json.loads(call("audit_file", json.dumps(args), data))
json.dumps(said)
`));
"""


def test_hostile_files_get_a_sentence_in_pyodide(site_dir: Path, tmp_path: Path) -> None:
    """Nesting that Python in the browser could not survive (issue 28: 3,000 elements deep in a
    46 kB GPX, a 4 kB log export 2,000 deep) is refused before it is parsed. Node's stack is
    deeper than a browser worker's, so the deepest files here are what broke it in Node."""
    files = {
        "deep-3000.gpx": hostile.gpx_deep(3000),
        "deep-30000.gpx": hostile.gpx_deep(30_000),
        "deep-root-30000.gpx": hostile.gpx_deep(30_000, "root"),
        "laughs.gpx": hostile.gpx_entities("laughs"),
        "dated-9999.gpx": hostile.gpx_dated("9999-12-31T23", "-05:00"),
        "deep-2000.json": hostile.json_deep(2000).encode(),
        "deep-50000.json": hostile.json_deep(50_000).encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    said = in_pyodide(site_dir, tmp_path, HOSTILE)
    assert isinstance(said, dict) and said.keys() == files.keys()
    for name in files:
        if name.startswith("deep"):
            text = said[name].get("error") or audit_item(said[name])
            assert "nest" in text, (name, text)
    assert "declares" in audit_item(said["laughs.gpx"])
    assert "data-audit-item" in audit_item(said["dated-9999.gpx"])
