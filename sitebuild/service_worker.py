"""Fill in the service worker's constants, and the runtime's, after a build.

The site version is a hash of every file the site serves, so any change to a page, an asset,
the runtime or the wheel gives a new service worker and a fresh cache for pages. The runtime
(site/pyodide/) has a cache of its own, named by a hash of those files only: the page's Python
worker fills it as it downloads (py-worker.js), and a build that changes only pages keeps it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path

from sitebuild import runtime

SERVICE_WORKER = "sw.js"
RUNTIME_DIR = "pyodide"
# Files whose constants the build fills in, besides the service worker.
PYTHON_WORKER = "assets/js/py-worker.js"
RUNTIME_STATUS = "assets/js/runtime-status.js"
# Cached when first used, not at install: a chapter reader never downloads the runtime.
ON_DEMAND = (f"{RUNTIME_DIR}/",)
SKIP = ("sitemap.xml.gz", SERVICE_WORKER)
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
    files = [p for p in site_dir.rglob("*") if p.is_file() and p.name != SERVICE_WORKER]
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


def fill_constants(path: Path, values: Mapping[str, object]) -> None:
    """Replace each `const NAME = <placeholder>;` line's value by the JSON of values[NAME]."""
    text = path.read_text(encoding="utf-8")
    for name, value in values.items():
        line = f"const {name} = {json.dumps(value)};"
        pattern = re.compile(rf"^const {name} = [^;\n]*;", re.M)
        text, found = pattern.subn(line.replace("\\", "\\\\"), text, count=1)
        if not found:
            raise ValueError(f"{path.name} has no `const {name} = ...;` line to fill in")
    path.write_text(text, encoding="utf-8")


def write_service_worker(site_dir: Path) -> str:
    """Fill the runtime's constants, then the built sw.js (its version hashes all the rest);
    returns the site version."""
    runtime_cache = f"downhill-confidence-runtime-{runtime_version(site_dir)}"
    plain = download_bytes(site_dir, snapshot=False)
    fill_constants(
        site_dir / PYTHON_WORKER,
        {
            "RUNTIME_CACHE": runtime_cache,
            "INFLATED": list(runtime.INFLATED),
            "WHEEL": wheel_name(site_dir),
            "DOWNLOAD_BYTES": {
                "snapshot": download_bytes(site_dir, snapshot=True),
                "plain": plain,
            },
            "FILES": kept_files(site_dir),
        },
    )
    # A data saver's reader gets the plain start: the page says how much that downloads.
    fill_constants(
        site_dir / RUNTIME_STATUS, {"DOWNLOAD_BYTES": plain, "RUNTIME_CACHE": runtime_cache}
    )
    version = site_version(site_dir)
    fill_constants(
        site_dir / SERVICE_WORKER,
        {"VERSION": version, "PRECACHE": precache_urls(site_dir), "RUNTIME_CACHE": runtime_cache},
    )
    return version
