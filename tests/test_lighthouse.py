"""Lighthouse 12.2.3 (mobile preset) against the built site served locally: the scores are the gate."""

from __future__ import annotations

import json
import statistics
import subprocess
from pathlib import Path

import pytest
from conftest import CHROMIUM_ARGS, ROOT, chromium_path

pytestmark = pytest.mark.browser

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Accessibility, best practices and SEO meet the 0.95 (they score 1.00). Performance
# medians of three on this 2-core machine: chapter 0.92-0.98, cadence 0.94-0.97, planner
# 0.88-0.94. What moves them is outside the page: in most runs (9 of 10 on 2026-11-28) headless
# Chromium's display compositor stops sending the page frames for a second during the load
# (viz "ThrottleUnresponsiveClient", GoogleChrome/lighthouse#17148), so the first frame, painted
# at ~0.25 s, is shown at ~1.2 s, and Lantern's estimates grow with it (up to 0.05). The floors
# sit below that noise and catch real regressions (before the early set-up in overrides/ a
# chapter scored 0.86-0.93, a tool page 0.81-0.94).
CHAPTER = {**dict.fromkeys(CATEGORIES, 0.95), "performance": 0.85}
TOOL = {**CHAPTER, "performance": 0.80}
BUDGETS = {"/technique/": CHAPTER, "/tools/cadence/": TOOL, "/tools/planner/": TOOL}
RUNS = 3  # Lighthouse's own advice for noisy performance scores: take the median of several


def lighthouse(url: str, out: Path) -> dict[str, float | bool]:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    done = subprocess.run(
        [
            str(binary), url,
            f"--chrome-path={chromium_path()}",
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json", f"--output-path={out}", "--quiet",
        ],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.read_text())
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    metrics = report["audits"]["metrics"]["details"]["items"][0]
    # The page had loaded, yet its first frame came a second later: the withheld-frame artifact.
    scores["withheld"] = metrics["observedFirstContentfulPaint"] > metrics["observedLoad"] + 500
    return scores


@pytest.mark.parametrize("path", list(BUDGETS))
def test_lighthouse_mobile_scores(base_url: str, tmp_path: Path, path: str) -> None:
    runs = [lighthouse(base_url + path, tmp_path / f"run{i}.json") for i in range(RUNS)]
    median = {c: statistics.median(run[c] for run in runs) for c in CATEGORIES}
    withheld = sum(run["withheld"] for run in runs)
    print(
        f"lighthouse {path}: " + ", ".join(f"{c} {median[c]:.2f}" for c in CATEGORIES),
        f"(first frame withheld by the headless compositor in {withheld} of {RUNS} runs)",
    )
    low = {c: median[c] for c in CATEGORIES if median[c] < BUDGETS[path][c]}
    assert low == {}, f"below budget {BUDGETS[path]}: {low}"
