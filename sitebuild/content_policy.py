"""Complete each page's Content-Security-Policy with the inline scripts the site holds.

The policy is in overrides/main.html (a static host sends no headers of ours, so each page
carries it in a <meta>); it lets a script run only from this site or, inline, when its SHA-256
is listed. Listed are the inline scripts of every page, not only its own: Material's instant
navigation swaps in the next page's content (and runs its scripts) under the first page's policy.
``mkdocs serve`` injects a live-reload script that changes with every request: there, and only
there, inline scripts are allowed instead.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

PLACEHOLDER = "'inline-scripts'"  # in overrides/main.html, replaced here
SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<text>.*?)</script>", re.S)
DATA_TYPE = re.compile(r"""\btype=["']?application/(?:ld\+)?json""")  # data, never run


def inline_hashes(html: str) -> set[str]:
    """The CSP source of each inline script in ``html`` that a browser would run."""
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(m["text"].encode()).digest()).decode() + "'"
        for m in SCRIPT.finditer(html)
        if not re.search(r"\bsrc=", m["attrs"]) and not DATA_TYPE.search(m["attrs"])
    }


def complete_policies(site_dir: Path, serving: bool = False) -> int:
    """Fill every page's policy in place; returns how many inline scripts it lists."""
    pages = {}
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if PLACEHOLDER in text:  # not the redirect pages, which are not made from our template
            pages[path] = text
    hashes = sorted(set().union(*map(inline_hashes, pages.values())))
    sources = "'unsafe-inline'" if serving else " ".join(hashes)
    for path, text in pages.items():
        path.write_text(text.replace(PLACEHOLDER, sources), encoding="utf-8")
    return len(hashes)
