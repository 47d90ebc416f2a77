"""Session mode on a 360 × 740 touch screen: a tap on any control of any step leaves the dialog
where it was, its title and "Leave" in view (issue 31: an effort number scrolled it 356 px).

Found by role, label and text only, as a runner finds them.
"""

from __future__ import annotations

import re

import pytest
from conftest import ARTIFACTS, PHONE, wait_live

from drills.render.log_view import session_name
from drills.render.planner_view import plan_for
from tests.test_session_mode import FIELDS

pytestmark = pytest.mark.browser

COUNT = re.compile(r"^\d+ / \d+$")  # the step counter: "3 / 9"


def steady(page: object, dialog: object, title: str, what: str) -> None:
    """The dialog has not scrolled, and its title and Leave are on screen."""
    assert dialog.evaluate("d => d.scrollTop") == 0, what
    for part in (dialog.get_by_text(title, exact=True), dialog.get_by_role("button", name="Leave")):
        box = part.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (
            what,
            box,
        )


def tap_every_control(page: object, dialog: object, title: str, step: str) -> None:
    """Tap each choice, text field and fold the step shows, checking the dialog after each."""
    for radio in dialog.get_by_role("radio").all():
        if radio.is_visible():
            radio.locator("xpath=ancestor::label").tap()  # the tile a runner taps
            assert radio.is_checked()
            steady(page, dialog, title, f"{step}: radio {radio.get_attribute('value')}")
    for field in dialog.get_by_role("textbox").all():
        if field.is_visible():
            field.tap()
            steady(page, dialog, title, f"{step}: field {field.get_attribute('name')}")
    for fold in dialog.locator("summary").all():
        if fold.is_visible():
            for _ in range(2):  # open, then closed again
                fold.tap()
                steady(page, dialog, title, f"{step}: {fold.inner_text()}")
    audio = dialog.get_by_role("button", name="Make the session audio")
    if audio.is_visible():
        audio.tap()
        dialog.get_by_role("link", name="Download the audio").wait_for()
        steady(page, dialog, title, f"{step}: the session audio")


@pytest.mark.parametrize("key", ["1-3", "1-4"])  # week 1's steepest descent, then its circuit
def test_no_tap_in_session_mode_scrolls_the_dialog(phone: object, base_url: str, key: str) -> None:
    page = phone
    week, number = map(int, key.split("-"))
    title = session_name(plan_for(FIELDS), week, number)
    page.goto(f"{base_url}/tools/planner/")
    wait_live(page)
    card = page.get_by_role("button", name=re.compile(r"^Start this session")).nth(
        (week - 1) * int(FIELDS["sessions"]) + number - 1
    )
    card.tap()
    dialog = page.get_by_role("dialog").filter(has=page.get_by_role("button", name="Leave"))
    dialog.wait_for()
    count = dialog.get_by_text(COUNT)
    total = int(count.inner_text().split(" / ")[1])
    ARTIFACTS.mkdir(exist_ok=True)
    for index in range(1, total + 1):
        assert count.inner_text() == f"{index} / {total}"
        step = f"{key} step {index}"
        page.screenshot(path=str(ARTIFACTS / f"session-phone-{key}-{index:02d}-{page.scheme}.png"))
        tap_every_control(page, dialog, title, step)
        if index < total:
            dialog.get_by_role("button", name="Next").tap()
            page.wait_for_function(
                "([t]) => [...document.querySelectorAll('dialog p')]"
                ".some((p) => p.textContent === t)",
                arg=[f"{index + 1} / {total}"],
            )
            steady(page, dialog, title, f"{step}: Next")
