"""The runtime's settings and the service worker's, written as files after a build.

The Python worker and the page's status line import ``assets/js/runtime-config.js`` (an ES
module); the service worker, a classic script, loads ``sw-config.js`` with importScripts. Both
are written here from the built files; the JavaScript in docs/ holds no value of the build's.
The site version is a hash of every file the site serves, so any change to a page, an asset,
the runtime or the wheel gives a new service worker and a fresh cache for pages. The runtime
(site/pyodide/) has a cache of its own, named by a hash of those files only: the page's Python
worker fills it as it downloads (py-worker.js), and a build that changes only pages keeps it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from sitebuild import runtime

SERVICE_WORKER = "sw.js"
RUNTIME_DIR = "pyodide"
RUNTIME_CONFIG = "assets/js/runtime-config.js"  # read by py-worker.js and runtime-status.js
OFFLINE_CONFIG = "sw-config.js"  # read by sw.js; beside it, as its version names every other file
OFFLINE_NAME = "OFFLINE"  # the constant sw-config.js declares
# Cached when first used, not at install: a chapter reader never downloads the runtime.
ON_DEMAND = (f"{RUNTIME_DIR}/",)
SKIP = ("sitemap.xml.gz", SERVICE_WORKER, OFFLINE_CONFIG)
NOT_NEEDED = (".map", ".ipynb")  # source maps, and the notebook download (fetched on request)
UNUSED_PREFIXES = ("assets/javascripts/lunr/",)  # search stemmers for other languages


def precache_urls(site_dir: Path) -> list[str]:
    """Every page (as its directory URL) and asset, relative to the site root."""
    urls = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(ON_DEMAND + UNUSED_PREFIXES) or rel in SKIP or rel.endswith(NOT_NEEDED):
            continue
        if rel.endswith("index.html"):
            rel = rel.removesuffix("index.html") or "./"
        urls.append(rel)
    return urls


def _digest(site_dir: Path, paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(site_dir).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]


def site_version(site_dir: Path) -> str:
    ours = (SERVICE_WORKER, OFFLINE_CONFIG)
    files = [
        p
        for p in site_dir.rglob("*")
        if p.is_file() and p.relative_to(site_dir).as_posix() not in ours
    ]
    return _digest(site_dir, files)


def runtime_version(site_dir: Path) -> str:
    return _digest(site_dir, [p for p in (site_dir / RUNTIME_DIR).iterdir() if p.is_file()])


def wheel_name(site_dir: Path) -> str:
    (wheel,) = (site_dir / RUNTIME_DIR).glob("drills-*.whl")
    return wheel.name


def download_bytes(site_dir: Path, snapshot: bool) -> int:
    """What a first visit to a tool page downloads of the runtime, from the files themselves:
    with the memory snapshot, or with the wheel to start Python plainly (py-worker.js)."""
    extra = runtime.SNAPSHOT_NAME if snapshot else wheel_name(site_dir)
    names = (*runtime.FIRST_VISIT, extra)
    return sum((site_dir / RUNTIME_DIR / name).stat().st_size for name in names)


def kept_files(site_dir: Path) -> dict[str, list[int | str]]:
    """Each runtime file as the Python worker keeps it (inflated), by name: [length, SHA-256].
    The worker reports a download of another length, and keeps no copy that differs."""
    folder = site_dir / RUNTIME_DIR
    files: dict[str, list[int | str]] = {}
    for path in sorted(folder.iterdir()):
        name = path.name.removesuffix(".gz")
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        entry: list[int | str] = [len(data), hashlib.sha256(data).hexdigest()]
        if files.setdefault(name, entry) != entry:
            raise ValueError(f"{path.name} does not inflate to {name}")
    return files


def _frozen(value: object) -> str:
    return f"Object.freeze({json.dumps(value, separators=(',', ':'))})"


HEADER = "// Written by the build (sitebuild/service_worker.py) from the built files.\n"


def write_module(path: Path, value: object) -> None:
    """An ES module whose default export is ``value``, frozen."""
    path.write_text(f"{HEADER}export default {_frozen(value)};\n", encoding="utf-8")


def write_classic(path: Path, name: str, value: object) -> None:
    """A classic script (for importScripts) declaring the constant ``name`` as ``value``, frozen."""
    path.write_text(f"{HEADER}const {name} = {_frozen(value)};\n", encoding="utf-8")


def read_config(path: Path) -> dict[str, object]:
    """The value a file written above holds."""
    text = path.read_text(encoding="utf-8")
    value = json.loads(text[text.index("Object.freeze(") + 14 : text.rindex(");")])
    if not isinstance(value, dict):
        raise ValueError(f"{path.name} holds no settings")
    return value


def write_service_worker(site_dir: Path, live_reload: bool = False) -> str:
    """Write the runtime's settings, then the service worker's (its version hashes all the
    rest); returns the site version. ``live_reload``: built by ``mkdocs serve``, whose pages
    change as they are edited and whose reload channel the worker must leave alone (sw.js)."""
    runtime_cache = f"downhill-confidence-runtime-{runtime_version(site_dir)}"
    write_module(
        site_dir / RUNTIME_CONFIG,
        {
            "runtimeCache": runtime_cache,
            "inflated": list(runtime.INFLATED),
            "wheel": wheel_name(site_dir),
            "downloadBytes": {
                "snapshot": download_bytes(site_dir, snapshot=True),
                "plain": download_bytes(site_dir, snapshot=False),
            },
            "files": kept_files(site_dir),
        },
    )
    version = site_version(site_dir)
    write_classic(
        site_dir / OFFLINE_CONFIG,
        OFFLINE_NAME,
        {
            "version": version,
            "precache": precache_urls(site_dir),
            "runtimeCache": runtime_cache,
            "liveReload": live_reload,
        },
    )
    return version
