"""Lighthouse (mobile preset) against the built site served locally: what it finds that a busy
machine does not change is the gate. Its performance score is a timing: scripts/bench reports
it, beside another build's."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools import lighthouse

pytestmark = pytest.mark.browser

GATED, FLOOR = ("accessibility", "best-practices", "seo"), 0.95  # they score 1.00
# What the page and its workers ask for, however far it got while Lighthouse watched (a busy
# machine may end the watch before Python has started): at most these requests, and these
# bytes besides the Python runtime (measured 11 / 95 kB on the chapter, 23-26 / 98-122 kB on
# the tools). The runtime's own bytes are test_browser_first_visit's.
MOST = {"/technique/": (14, 120_000), "tools": (32, 150_000)}
RUNTIME = "/pyodide/"


@pytest.mark.parametrize("path", lighthouse.PAGES)
def test_lighthouse_mobile_audits(base_url: str, site_dir: Path, path: str) -> None:
    report = lighthouse.report(base_url + path)
    scores = {c: lighthouse.score(report, c) for c in GATED}
    asked = report["audits"]["network-requests"]["details"]["items"]
    urls = [r["url"] for r in asked if not r["url"].startswith(("data:", "blob:"))]
    own_bytes = sum(r["transferSize"] for r in asked if RUNTIME not in r["url"])
    most_requests, most_bytes = MOST.get(path, MOST["tools"])
    print(
        f"lighthouse {path}: " + ", ".join(f"{c} {s:.2f}" for c, s in scores.items()),
        f"; {len(urls)} requests, {own_bytes:,} bytes besides the runtime",
    )
    assert {c: s for c, s in scores.items() if s < FLOOR} == {}, f"below {FLOOR}"
    assert [u for u in urls if not u.startswith(base_url + "/")] == [], "another origin"
    assert len(urls) <= most_requests
    assert own_bytes <= most_bytes
