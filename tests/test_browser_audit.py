"""The descent audit in Chromium: the reader's files read in the page, never sent anywhere."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from drills import training_log
from drills.render.audit_view import totals_html
from drills.runs import audit, read_activity

pytestmark = pytest.mark.browser

FILES = Path(__file__).resolve().parent / "fixtures" / "activities"
RUN = FILES / "activity-large-fenxi2-multisport.fit"


def open_audit(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/tools/audit/")
    page.wait_for_selector("[data-component=audit][data-live=true]")


def items(page: object, count: int) -> None:
    page.wait_for_function(
        "(n) => document.querySelectorAll('[data-audit-items] > li:not([data-audit-item=example])')"
        ".length === n",
        arg=count,
    )


def test_a_real_fit_shows_cpythons_descent_and_no_request_carries_it(
    page: object, base_url: str
) -> None:
    open_audit(page, base_url)
    assert page.locator("[data-audit-items] [data-result=descent_m]").count() == 1  # example
    requests: list[object] = []
    page.on("request", lambda request: requests.append(request))
    page.set_input_files("[name=files]", str(RUN))
    items(page, 1)
    expected = re.search(
        r'data-result="descent_m">([^<]*)<',
        totals_html(audit(read_activity(RUN.read_bytes(), RUN.name)), "metric"),
    )
    shown = page.inner_text("[data-audit-items] [data-result=descent_m]")
    assert shown == html.unescape(expected[1]) == "801 m"
    assert [r.url for r in requests if r.method != "GET" or r.post_data] == []
    assert [r.url for r in requests if RUN.name in r.url] == []


def test_several_files_each_get_a_result_or_a_reason(page: object, base_url: str) -> None:
    open_audit(page, base_url)
    page.set_input_files(
        "[name=files]",
        [str(FILES / "MonitoringFile.fit"), str(FILES / "garmin-fenix-5-run.fit")],
    )
    items(page, 2)
    first, second = page.locator("[data-audit-items] > li").all()
    assert "daily-monitoring" in first.inner_text()
    assert second.locator("[data-result=descent_m]").count() == 1
    page.select_option("[name=units]", "imperial")  # the files are drawn again in feet
    page.wait_for_function(
        "() => document.querySelector('[data-audit-items] [data-result=ascent_m]')"
        "?.textContent.endsWith('ft')"
    )


def test_a_run_goes_into_the_log_and_the_planner_shows_it(page: object, base_url: str) -> None:
    open_audit(page, base_url)
    page.set_input_files("[name=files]", str(RUN))
    items(page, 1)
    page.click("[data-action='audit:add-log']")
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent.startsWith('Added your run')"
    )
    store, _ = training_log.read_store(page.evaluate("localStorage.getItem('dc-training-log')"))
    (run,) = store.runs
    assert run.name == RUN.name and run.descent_m > 700
    page.click("text=Use in the planner")
    page.wait_for_selector("[data-tool][data-live=true]")
    assert float(page.input_value("form.dc-form [name=current]")) > 0
    page.wait_for_function(
        f"() => document.querySelector('[data-log-view]').textContent.includes({RUN.name!r})"
    )
