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
# reaches the targets (0.95 chapter, 0.90 tools) in many runs, not steadily enough to
# gate on: the same build on this 2-core machine gave medians of five of chapter 0.96 / 0.92,
# cadence 0.97 / 0.92 and planner 0.94 / 0.90 within one hour (2026-11-28), and single planner
# runs anywhere from 0.84 to 0.97. What is left on every page is Material's bundle starting up,
# about 90 ms here even with its compile hint (scripts/compile_hints.py), which Lighthouse's 4x
# CPU simulation turns into ~250 ms of blocking time. The floor sits below that noise and above
# the regressions we have seen (0.81-0.86 before the early set-up in overrides/). In most runs
# the first frame is shown ~1 s after it is painted: under Lighthouse only (Playwright loads of
# the same pages show it at once), and only while the first paint is held with
# blocking="render"; held another way it is prompt, and the score the same.
BUDGET = {**dict.fromkeys(CATEGORIES, 0.95), "performance": 0.85}
PAGES = (
    "/technique/",
    "/tools/cadence/",
    "/tools/planner/",
    "/tools/audit/",
)  # a chapter, each tool
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
    # The page had loaded, yet its first frame came a second later (see above).
    scores["withheld"] = metrics["observedFirstContentfulPaint"] > metrics["observedLoad"] + 500
    return scores


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_mobile_scores(base_url: str, tmp_path: Path, path: str) -> None:
    runs = [lighthouse(base_url + path, tmp_path / f"run{i}.json") for i in range(RUNS)]
    median = {c: statistics.median(run[c] for run in runs) for c in CATEGORIES}
    withheld = sum(run["withheld"] for run in runs)
    print(
        f"lighthouse {path}: " + ", ".join(f"{c} {median[c]:.2f}" for c in CATEGORIES),
        f"(first frame shown a second late in {withheld} of {RUNS} runs)",
    )
    low = {c: median[c] for c in CATEGORIES if median[c] < BUDGET[c]}
    assert low == {}, f"below budget {BUDGET}: {low}"
