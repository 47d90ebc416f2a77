"""Benchmark a planner change with a big kept log, as a ratio in one run: the planner's
recompute p95 with a kept book holding a history of KEPT_RUNS runs against an empty log
(goal <= 1.2), in headless Chromium, the same changes in each.

The plan is the largest the page allows (24 weeks, 4 sessions) with a start date, kept in the
book, so every change sets each of its weeks beside the kept runs. The changes move the start
date (the same plan: the log still belongs to it). bench.py runs this with its latency visits;
on its own: .venv/bin/python scripts/bench_kept.py --site site
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

from devtools.browser import wait_in_page
from drills import training_log as tl

KEPT_RUNS = 1_000
CHANGES = 50
START = dt.date(2026, 1, 5)  # a Monday
PLAN = {"current": "0", "target": "35", "weeks": "24", "sessions": "4", "level": "beginner", "slope": "200", "start": START.isoformat()}  # fmt: skip


def kept_book(runs: int = KEPT_RUNS) -> str:
    """A kept log: the plan above and a history of ``runs`` runs, one a day up to the plan's
    end (its weeks all have runs), with their weeks."""
    first = START + dt.timedelta(weeks=24) - dt.timedelta(days=runs)
    kept = []
    for k in range(runs):
        day = first + dt.timedelta(days=k)
        started = dt.datetime(day.year, day.month, day.day, 7, tzinfo=dt.UTC)
        run = tl.LoggedRun(day, f"Morning Run {k}", 150.0 + k % 200, 12.5, 3600.0, 172.0)
        kept.append(tl.KeptRun(run, started, 10_000.0))
    mondays = sorted({r.run.date - dt.timedelta(days=r.run.date.weekday()) for r in kept})
    weeks = tuple(tl.KeptWeek(m, 7, 70_000.0, 1_400.0, 25_200.0, 10.0) for m in mondays)
    book = tl.start_plan(tl.Book(), PLAN)
    return tl.dump_book(tl.keep_history(book, tl.KeptHistory("", tuple(kept), weeks)))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


Measure = Callable[[object, str, list[str]], list[float]]


def keeps_history(site: Path) -> bool:
    """Whether this build keeps a runner's history in the log (an older one, as a baseline, may
    not: it has no kept history to time)."""
    script = site / "assets" / "js" / "history.js"
    return script.exists() and '"history_kept"' in script.read_text()


def kept_latencies(browser: object, base: str, store: str, measure: Measure) -> list[float]:
    """The planner's recompute latencies, in a fresh context keeping ``store`` as its log."""
    ctx = browser.new_context()  # type: ignore[attr-defined]
    ctx.add_init_script(
        f"if (!sessionStorage.getItem('bench')) {{ localStorage.setItem('dc-training-log', "
        f"{json.dumps(store)}); sessionStorage.setItem('bench', '1'); }}"
    )
    page = ctx.new_page()
    query = "&".join(f"{k}={v}" for k, v in PLAN.items())
    page.goto(f"{base}/tools/planner/?{query}")
    page.wait_for_selector("[data-tool][data-live=true]", timeout=120_000)
    if store:  # the kept history is drawn before the changes are timed
        wait_in_page(
            page,
            "() => /, run \\d+ m/.test(document.querySelector('#dc-plan-chart-desc').textContent)",
            timeout_ms=120_000,
        )
    dates = [(START + dt.timedelta(days=7 * (1 + k % 3) + k)).isoformat() for k in range(CHANGES)]
    times = measure(page, "start", dates)
    ctx.close()
    return times


def kept_rows(
    browser: object, base: str, measure: Measure, rounds: int = 3
) -> list[tuple[str, str]]:
    """The bench's rows: p95 with an empty log, with the kept book, and their ratio (the two
    interleaved, ``rounds`` visits each)."""
    book = kept_book()
    empty: list[float] = []
    kept: list[float] = []
    for _ in range(rounds):
        empty += kept_latencies(browser, base, "", measure)
        kept += kept_latencies(browser, base, book, measure)
    ratio = _p95(kept) / _p95(empty)
    return [
        (
            f"planner: recompute p95, empty log / kept log of {KEPT_RUNS:,} runs "
            f"({len(book):,} characters), over {len(kept)} changes (ms)",
            f"{_p95(empty):.1f} / {_p95(kept):.1f} = {ratio:.2f}× (goal <= 1.2)",
        )
    ]


def main() -> None:
    from bench import recompute_latencies  # scripts/ is this script's folder
    from playwright.sync_api import sync_playwright

    from devtools.browser import CHROMIUM_ARGS, MISSING, find_chromium
    from devtools.host import serve

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    server, base = serve(args.site.resolve())
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=find_chromium() or sys.exit(MISSING), args=CHROMIUM_ARGS
        )
        for label, value in kept_rows(browser, base, recompute_latencies, args.rounds):
            print(f"{label}  {value}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
