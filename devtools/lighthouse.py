"""Lighthouse 12.2.3 (mobile preset) against a page of a locally served build: its report.

The suite gates on what it finds that no busy machine changes (tests/test_lighthouse.py);
the performance score is a timing, reported by scripts/bench beside another build's.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from devtools.browser import CHROMIUM_ARGS, MISSING, find_chromium

ROOT = Path(__file__).resolve().parent.parent

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = (
    "/technique/",
    "/tools/cadence/",
    "/tools/planner/",
    "/tools/audit/",
)  # a chapter, each tool


def report(url: str) -> dict[str, Any]:
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError(MISSING)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        done = subprocess.run(
            [
                str(ROOT / "node_modules" / ".bin" / "lighthouse"), url,
                f"--chrome-path={chromium}",
                "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json", f"--output-path={out}", "--quiet",
            ],
            capture_output=True, text=True, timeout=900,
        )  # fmt: skip
        if done.returncode:
            raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
        found: dict[str, Any] = json.loads(out.read_text())
        return found


def score(report: dict[str, Any], category: str) -> float:
    return float(report["categories"][category]["score"])


def first_frame_withheld(report: dict[str, Any]) -> bool:
    """The page had loaded, yet its first frame came a second later (scripts/bench says more)."""
    metrics = report["audits"]["metrics"]["details"]["items"][0]
    return bool(metrics["observedFirstContentfulPaint"] > metrics["observedLoad"] + 500)
