"""Keep this history (issue 33) on a phone: read an export, keep it, and the planner, opened
afterwards and reloaded, sets each week of a plan beside the descent run in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ARTIFACTS
from test_browser_audit_phone import check
from test_browser_history import CHOOSE, open_history, read_done

from sitebuild.history_page import EXAMPLE_ARCHIVE

pytestmark = pytest.mark.browser

# A plan starting on the Monday of the example's first run (2 March 2026).
PLAN = "?current=4&target=12&weeks=8&sessions=3&level=beginner&slope=200&start=2026-03-02"
DESC = "#dc-plan-chart-desc"


def chart_says(page: object) -> str:
    return page.locator(DESC).text_content() or ""


def wait_for_runs_in_chart(page: object) -> None:
    """Wait until the planner's chart (Python's, with the kept log) says what was run."""
    page.wait_for_function(
        "(sel) => /Week 1: planned \\d+ m, run \\d+ m/.test(document.querySelector(sel)?.textContent ?? '')",
        arg=DESC,
    )


def test_a_kept_history_reaches_the_planner_after_a_reload(
    phone: object, base_url: str, site_dir: Path, axe: object
) -> None:
    page = phone
    open_history(page, base_url)
    keep = page.get_by_role("button", name="Keep this history")
    assert keep.is_hidden()  # the example read at build time is not the reader's to keep
    page.get_by_label(CHOOSE).set_input_files(str(site_dir / "tools" / EXAMPLE_ARCHIVE))
    read_done(page)
    keep.click()
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent.startsWith('Kept 18 runs')"
    )
    kept = page.evaluate("() => localStorage.getItem('dc-training-log')")
    assert '"schema": 5' in kept and '"histories"' in kept
    # Beside the read, the kept box names what was kept; the read gives the figures once.
    page.wait_for_function(
        "() => document.querySelector('[data-history-kept-view]').textContent"
        ".startsWith('Kept in this browser: 18 runs over 8 weeks')"
    )
    assert page.locator("[data-history-kept-view] [data-history-handoff]").count() == 0
    check(page, axe, "history-kept")
    # Kept again: the same runs replaced, the kept text unchanged.
    keep.click()
    page.wait_for_function(
        "(s) => document.querySelector('[data-status]').textContent.startsWith('Kept 18 runs')"
        " && localStorage.getItem('dc-training-log') === s",
        arg=kept,
    )
    # Back on the page with nothing chosen: the kept history, and the planner's hand-off from
    # it (test_history_keep.py checks it is the read's; months later it asks for a recent grade).
    page.reload()
    page.wait_for_selector("[data-history-kept-view] [data-history-handoff]")
    assert (
        "Kept in this browser: 18 runs over 8 weeks"
        in page.locator("[data-history-kept-view]").inner_text()
    )
    page.goto(f"{base_url}/tools/planner/{PLAN}")
    wait_for_runs_in_chart(page)
    page.reload()
    wait_for_runs_in_chart(page)
    said = chart_says(page)
    assert "Week 1: planned 72 m, run 206 m" in said, said
    assert page.locator(".dc-plan-chart .dc-done-bars .dc-bar-run").count() == 8
    chart = page.locator("[data-region=chart]")
    chart.scroll_into_view_if_needed()
    chart.screenshot(path=str(ARTIFACTS / f"phone-planner-chart-vs-run-{page.scheme}.png"))
    check(page, axe, "planner-plan-vs-run")
