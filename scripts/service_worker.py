"""Fill in the service worker's version and precache list after a build.

The version is a hash of every file the site serves, so any change to a page, an asset,
the runtime or the wheel gives a new service worker and a fresh cache.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SERVICE_WORKER = "sw.js"
# Cached when first used, not at install: a chapter reader never downloads the runtime.
ON_DEMAND = ("pyodide/",)
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


def site_version(site_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file() and p.name != SERVICE_WORKER):
        digest.update(path.relative_to(site_dir).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]


def write_service_worker(site_dir: Path) -> str:
    """Fill the built sw.js in place; returns the version it was given."""
    worker = site_dir / SERVICE_WORKER
    version = site_version(site_dir)
    text = worker.read_text(encoding="utf-8")
    text = text.replace('const VERSION = "dev";', f"const VERSION = {json.dumps(version)};", 1)
    runtime = sorted(
        p.relative_to(site_dir).as_posix() for p in (site_dir / "pyodide").iterdir() if p.is_file()
    )
    for placeholder, urls in (("PRECACHE", precache_urls(site_dir)), ("RUNTIME_FILES", runtime)):
        text = text.replace(
            f"const {placeholder} = [];", f"const {placeholder} = {json.dumps(urls)};", 1
        )
    worker.write_text(text, encoding="utf-8")
    return version
