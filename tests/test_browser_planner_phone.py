"""The planner on a 360 × 740 touch screen, in both colour schemes, through its states.

Fresh (as built, before Python), live, with the log's form open in a session's card, and after
a log entry with pain: nothing is wider than the screen or cut off in a box the keyboard
cannot scroll, each action's result is on screen where the action was, and axe finds nothing.
A screenshot of every state goes to test-artifacts/ to be looked at.
"""

from __future__ import annotations

import pytest
from conftest import ARTIFACTS, PHONE, wait_live

from drills import planner, training_log
from drills.render.html import number

pytestmark = pytest.mark.browser


# Elements of the article wider than the screen, or whose content a box cuts off (overflow
# hidden or clip) or scrolls where the keyboard cannot reach it (the box is not focusable).
LAYOUT_FAULTS = """() => {
    const width = document.documentElement.clientWidth;
    const faults = [];
    const name = (e) => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
        ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +
        (e.dataset.region ? `[${e.dataset.region}]` : '');
    const hidden = (e) => e.closest('.dc-visually-hidden, [hidden], dialog:not([open])');
    for (const e of document.querySelectorAll('.md-content *')) {
        if (hidden(e) || e.getClientRects().length === 0) continue;
        const box = e.getBoundingClientRect();
        if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
            faults.push(`${name(e)} spans ${box.left.toFixed(0)}–${box.right.toFixed(0)} px`);
        }
        const style = getComputedStyle(e);
        const cut = e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
        if (!cut || ['SELECT', 'TEXTAREA', 'INPUT'].includes(e.tagName)) continue;
        const overflow = style.overflowX + ' ' + style.overflowY;
        if (/hidden|clip/.test(overflow) && !/^(summary|svg)$/i.test(e.tagName)) {
            faults.push(`${name(e)} cuts off its content (${overflow})`);
        } else if (/auto|scroll/.test(overflow) && e.tabIndex < 0) {
            faults.push(`${name(e)} scrolls, and the keyboard cannot reach it`);
        }
    }
    const page = document.documentElement.scrollWidth - width;
    if (page > 0) faults.push(`the page scrolls ${page} px sideways`);
    return faults;
}"""

IN_VIEW = """(e) => {
    const box = e.getBoundingClientRect();
    const header = document.querySelector('.md-header')?.offsetHeight ?? 0;
    return box.top >= header && box.bottom <= innerHeight && box.height > 0;
}"""


def check(page: object, axe: object, state: str, scheme: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"planner-phone-{state}-{scheme}.png"))
    faults = page.evaluate(LAYOUT_FAULTS)
    assert faults == [], (state, faults)
    violations = axe.run(page).response["violations"]
    summary = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert violations == [], (state, summary)


def in_view(page: object, selector: str) -> bool:
    return page.locator(selector).evaluate(IN_VIEW)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_planner_reads_and_works_on_a_phone(
    browser: object, base_url: str, axe: object, scheme: str
) -> None:
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        color_scheme=scheme,
        service_workers="block",
    )
    page = context.new_page()
    page.goto(f"{base_url}/tools/planner/")
    check(page, axe, "fresh", scheme)

    wait_live(page)
    page.wait_for_selector("[data-component=log][data-log-live=true]", timeout=60_000)
    # One kind of date input: the start date is a native date input, as the log's date is.
    types = page.eval_on_selector_all(
        "form.dc-form [name=start], [data-log-form] [name=date]", "es => es.map(e => e.type)"
    )
    assert types == ["date", "date"]
    page.fill("form.dc-form [name=start]", "2026-12-14")
    page.wait_for_function("() => location.search.includes('start=2026-12-14')")
    assert page.text_content("[data-region='when-1-1']") == "Mon 14 Dec"
    page.fill("form.dc-form [name=start]", "")
    page.wait_for_function("() => location.search.endsWith('start=')")
    check(page, axe, "live", scheme)

    # Mark done opens the log's form in the session's card, right below the button, and the
    # page stays where it was.
    mark = "[data-log-cell='1-2'] [data-action='log:mark']"
    page.locator(mark).scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    page.tap(mark)
    page.wait_for_selector("[data-log-slot='1-2'] [data-log-form]")
    assert page.evaluate("document.activeElement.name") == "session"
    assert in_view(page, mark) and in_view(page, "[data-log-form] [name=session]")
    assert abs(page.evaluate("scrollY") - before) < 200, "the page jumped"
    check(page, axe, "form-open", scheme)

    # Saved with pain: the entry shows in its card, on screen, and the card has the focus.
    page.select_option("[data-log-form] [name=rpe]", "6")
    page.select_option("[data-log-form] [name=confidence]", "3")
    page.check("[data-log-form] input[value=pain]")
    page.locator("[data-log-form] button[type=submit]").tap()
    page.wait_for_function(
        "() => document.querySelector(\"[data-log-cell='1-2']\").textContent.includes('Done')"
    )
    page.wait_for_selector("[data-log-home] [data-log-form]", state="attached")
    assert in_view(page, "[data-log-cell='1-2'] .dc-log-done")
    assert page.evaluate("document.activeElement.dataset.logCell") == "1-2"
    # The next descent shows the adjusted numbers, and the change where it happened.
    kept, _ = training_log.read_store(page.evaluate("localStorage.getItem('dc-training-log')"))
    plan = training_log.adjust_plan(planner.make_plan(4, 10, 10), kept.entries).plan
    grade = number(plan.weeks[0].sessions[2].grade_pct, 1)
    assert page.text_content("[data-region='work-1-3'] [data-result=grade_pct]") == grade
    assert "Changed by your log" in page.text_content("[data-region='work-1-3']")
    assert f"steepest session {number(plan.highest_grade_pct, 1)} %" in page.text_content(
        "[data-status]"
    )
    check(page, axe, "after-pain", scheme)
    context.close()
