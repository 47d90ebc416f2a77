"""Put the Python runtime into the built site: the Pyodide files, the `drills` wheel, a snapshot.

Called by the MkDocs hook after each build. The wheel is built with `python -m build`,
registered with `pyodide lockfile add-wheels` against the npm package's lockfile, and the
lockfile is then trimmed to what the site ships, so Pyodide never looks for anything else.
A memory snapshot with that wheel imported (scripts/make-snapshot.mjs) is what the browser
restores; the lockfile is its fallback. The standard library the site ships holds only the
files Python reads to start and import `drills.bridge` (traced by the same script) and the text
codecs an activity file may declare: 0.9 MB gzipped instead of Pyodide's 2.5 MB.
Results are cached by the package's source hash and the Pyodide version: live reload stays quick.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
# Only what a worker that loads `drills` fetches: no console pages, no CommonJS build, no maps.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STDLIB = "python_stdlib.zip"  # Pyodide's name; the site's copy is trimmed (trim_stdlib)
# What a page that loads Pyodide on its main thread fetches of the package, as the package has
# them (the bench's naive page, the first-visit test's yardstick), besides the `drills` wheel.
NAIVE_FILES = (*RUNTIME_FILES, STDLIB)
CACHE = ROOT / "build" / "runtime"
SNAPSHOT_NAME = "snapshot.bin.gz"
# Shipped gzipped beside the plain file and inflated in the browser (py-worker.js), so a host
# that compresses nothing still sends a third of the bytes (wasm 9.6 -> 3.5 MB, glue 1.25 -> 0.26).
# The plain files stay for a repeat visit whose copy was lost. The standard library's members are
# stored, not deflated, so one gzip stream compresses across files (0.89 MB against 1.0 MB as a
# deflated zip), and Python reads them without inflating each.
PACKED = ("pyodide.asm.wasm", "pyodide.asm.mjs", STDLIB)
# What the browser's worker fetches as NAME.gz and inflates: those three and the memory snapshot.
INFLATED = (*PACKED, SNAPSHOT_NAME.removesuffix(".gz"))
# What a first visit to a tool page downloads of the runtime (py-worker.js): on a fast network the
# memory snapshot, on a slow one (or with a data saver) the wheel instead, and Python starts plainly.
FIRST_VISIT = (
    "pyodide.mjs",
    "pyodide-lock.json",
    *(f"{n}.gz" for n in PACKED),
)


def source_hash() -> str:
    digest = hashlib.sha256()
    inputs = [ROOT / "pyproject.toml", ROOT / "scripts" / "make-snapshot.mjs", Path(__file__)]
    inputs.append(ROOT / "docs" / "assets" / "js" / "snapshot-file.js")
    for path in [*sorted((ROOT / "drills").rglob("*.py")), *inputs]:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _run(*args: str | Path) -> None:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise RuntimeError(f"{' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}")


def _shipped(out: Path) -> Path:
    """A copy of what the wheel is built from: the project's metadata and ``drills`` alone, so
    the build's own package (installed beside it for development) never ships."""
    source = out / "source"
    source.mkdir(parents=True)
    shutil.copy2(ROOT / "pyproject.toml", source / "pyproject.toml")
    shutil.copytree(
        ROOT / "drills", source / "drills", ignore=shutil.ignore_patterns("__pycache__")
    )
    return source


def build_wheel_and_lock() -> Path:
    """A folder holding the `drills` wheel, the site lockfile and the memory snapshot.

    Rebuilt when drills/, the snapshot script or the Pyodide version changes.
    """
    if not (PYODIDE_NPM / "pyodide-lock.json").exists():
        raise RuntimeError("node_modules/pyodide is missing: run ./scripts/setup (it runs npm ci).")
    out = CACHE / f"{source_hash()}-pyodide-{pyodide_version()}"
    if (out / SNAPSHOT_NAME).exists():
        return out
    shutil.rmtree(CACHE, ignore_errors=True)
    wheels = out / "wheels"
    source = _shipped(out)
    _run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", wheels, source)
    (wheel,) = wheels.glob("drills-*.whl")
    full_lock = out / "pyodide-lock.full.json"
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    _run(
        pyodide_cli, "lockfile", "add-wheels",
        "--input", PYODIDE_NPM / "pyodide-lock.json",
        "--output", full_lock,
        "--base-path", wheels,
        wheel,
    )  # fmt: skip
    lock = json.loads(full_lock.read_text())
    lock["packages"] = {"drills": lock["packages"]["drills"]}
    (out / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True))
    shutil.copy2(wheel, out / wheel.name)
    snapshot_script = ROOT / "scripts" / "make-snapshot.mjs"
    traced = out / "stdlib-traced.json"
    _run("node", snapshot_script, "--trace", wheel, PYODIDE_NPM / STDLIB, traced)
    trim_stdlib(PYODIDE_NPM / STDLIB, json.loads(traced.read_text()), out / STDLIB)
    # The snapshot is made with the zip the browser mounts: its import caches point into it.
    partial = out / f"{SNAPSHOT_NAME}.partial"
    _run("node", snapshot_script, wheel, out / STDLIB, partial)
    partial.rename(out / SNAPSHOT_NAME)
    return out


# Codecs Python looks up by name when an activity file declares its encoding (XML) or starts
# with a byte-order mark (drills.runs.read): never imported by the trace.
CODECS = re.compile(
    r"encodings/(utf_\w+|ascii|latin_1|charmap|cp125\d|iso8859_\d+|mac_roman|koi8_r)\.py"
)


# Modules of what a page imports on demand, after the trace: drills.history reads Strava's csv
# and parses its dates with datetime.strptime (_strptime, which imports calendar).
ON_DEMAND = ("csv.py", "_strptime.py", "calendar.py")


def trim_stdlib(full: Path, traced: list[str], target: Path) -> None:
    """Write the members of ``full`` that were traced (or are CODECS or ON_DEMAND), stored, to
    ``target``."""
    with zipfile.ZipFile(full) as source:
        wanted = set(traced) | set(ON_DEMAND)
        names = [n for n in source.namelist() if n in wanted or CODECS.fullmatch(n)]
        missing = wanted - set(names)
        if missing:
            raise RuntimeError(f"traced files missing from {full.name}: {sorted(missing)}")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
            for name in names:  # fixed dates: the same input makes the same bytes
                out.writestr(
                    zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), source.read(name)
                )


def pyodide_version() -> str:
    return str(json.loads((PYODIDE_NPM / "package.json").read_text())["version"])


def install_runtime(site_dir: Path) -> Path:
    """Copy the runtime, the wheel, the lockfile and the snapshot into ``site_dir/pyodide``."""
    built = build_wheel_and_lock()
    target = site_dir / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE_NPM / name, target / name)
    shutil.copy2(built / STDLIB, target / STDLIB)
    for name in PACKED:
        packed = built / f"{name}.gz"
        if not packed.exists():  # made once per cache folder: level 9 takes a second
            data = gzip.compress((target / name).read_bytes(), compresslevel=9, mtime=0)
            packed.with_suffix(".partial").write_bytes(data)
            packed.with_suffix(".partial").rename(packed)
        shutil.copy2(packed, target / packed.name)
    for path in [built / "pyodide-lock.json", *built.glob("drills-*.whl"), built / SNAPSHOT_NAME]:
        shutil.copy2(path, target / path.name)
    return target
