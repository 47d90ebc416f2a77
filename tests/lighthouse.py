"""Lighthouse 12.2.3 (mobile preset) against a page of a locally served build: its report.

The suite gates on what it finds that no busy machine changes (tests/test_lighthouse.py);
the performance score is a timing, reported by scripts/bench beside another build's.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from conftest import CHROMIUM_ARGS, ROOT, chromium_path

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = (
    "/technique/",
    "/tools/cadence/",
    "/tools/planner/",
    "/tools/audit/",
)  # a chapter, each tool


def report(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        done = subprocess.run(
            [
                str(ROOT / "node_modules" / ".bin" / "lighthouse"), url,
                f"--chrome-path={chromium_path()}",
                "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json", f"--output-path={out}", "--quiet",
            ],
            capture_output=True, text=True, timeout=900,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
        return json.loads(out.read_text())


def score(report: dict, category: str) -> float:
    return report["categories"][category]["score"]


def first_frame_withheld(report: dict) -> bool:
    """The page had loaded, yet its first frame came a second later (scripts/bench says more)."""
    metrics = report["audits"]["metrics"]["details"]["items"][0]
    return metrics["observedFirstContentfulPaint"] > metrics["observedLoad"] + 500
