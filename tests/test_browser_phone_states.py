"""The cadence calculator, the planner and the audit on a 360 × 740 touch screen, in both
colour schemes, through their states: fresh (as built, before Python), linked (a share
link's values before and after Python has worked them out), after a live recompute, the planner after a log entry, the audit after auditing the example course.

In each: nothing wider than the screen or cut off in a box the keyboard cannot scroll
(test_browser_audit_phone's check), and axe finds nothing. Controls are found by role and
label, as a runner finds them; every wait is for what the page shows. A screenshot of each
state goes to test-artifacts/ to be looked at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Held, wait_live
from test_browser_audit_phone import check
from test_browser_links import LINKS, expected_summary, wait_attached

pytestmark = pytest.mark.browser

COURSE = Path(__file__).resolve().parent.parent / "docs" / "tools" / "example-course.gpx"


def retype(page: object, label: str, name: str, text: str) -> None:
    """Type into the field so labelled and wait until the page shows that value's results
    (the address bar carries it once they are in)."""
    page.get_by_label(label, exact=True).fill(text)
    page.wait_for_function(
        "([n, t]) => new URLSearchParams(location.search).get(n) === t", arg=[name, text]
    )


def test_the_cadence_calculator_in_every_state(phone: object, base_url: str, axe: object) -> None:
    page = phone
    page.goto(f"{base_url}/tools/cadence/")
    check(page, axe, "cadence-fresh")
    wait_live(page)
    retype(page, "Grade, % (downhill is negative)", "grade", "-18")
    assert page.get_by_text("Updated for a 18.0 % descent").is_visible()
    check(page, axe, "cadence-live")
    retype(page, "Grade, % (downhill is negative)", "grade", "12")
    assert page.get_by_text(re.compile("^A positive grade is a climb")).is_visible()
    check(page, axe, "cadence-climb")


def test_the_planner_in_every_state(phone: object, base_url: str, axe: object) -> None:
    page = phone
    page.goto(f"{base_url}/tools/planner/")
    check(page, axe, "planner-fresh")
    wait_live(page)
    retype(page, "Weeks", "weeks", "12")
    retype(page, "Target steepness (%)", "target", "15")
    check(page, axe, "planner-live")
    page.get_by_role("button", name="Mark done: week 1, session 2").tap()
    form = page.get_by_role("form", name="Mark a session done")
    form.get_by_label("Effort (RPE, 1–10)").select_option("6")
    form.get_by_label("Confidence on the descent (1–5)").select_option("3")
    form.get_by_label("Pain").check()
    form.get_by_role("button", name="Save to the log").tap()
    page.get_by_text(re.compile(r"^1 of \d+ sessions logged")).wait_for()
    check(page, axe, "planner-logged")


def test_the_audit_in_every_state(phone: object, base_url: str, axe: object) -> None:
    page = phone
    page.goto(f"{base_url}/tools/audit/")
    check(page, axe, "audit-fresh")
    page.get_by_label(re.compile("^Your activity files")).set_input_files(str(COURSE))
    page.get_by_role("status").filter(has_text=re.compile("^Audited")).wait_for()
    check(page, axe, "audit-course")


@pytest.mark.parametrize("tool", ["cadence", "planner"])
def test_a_linked_tool_before_and_after_python(
    phone: object, base_url: str, axe: object, tool: str
) -> None:
    page = phone
    held = Held(page)
    page.goto(f"{base_url}/tools/{tool}/{LINKS[tool]}")
    wait_attached(page)
    check(page, axe, f"{tool}-linked")
    held.release()
    wait_live(page)
    page.get_by_text(expected_summary(tool, LINKS[tool]), exact=True).wait_for()
    check(page, axe, f"{tool}-linked-live")
