"""The progression planner in Chromium: the same plan as CPython, share links, print view."""

from __future__ import annotations

import html
import re

import pytest
from conftest import wait_for_state, wait_live

from drills.bridge import compute
from drills.bridge.rehearsal import LARGEST_PLAN
from drills.render import forms
from drills.render.planner_view import FIELDS
from tests.pages import LINKS, python_page

pytestmark = pytest.mark.browser

RESULT = re.compile(r'data-result="(\w+)">([^<]*)<')


def expected(fields: dict[str, str]) -> tuple[list[tuple[str, str]], str]:
    """The results CPython shows for these fields, and the share link's query."""
    page = python_page("planner", fields)
    query = compute({"tool": "planner", "fields": fields, "links": LINKS.as_data()})["query"]
    return [(k, html.unescape(v)) for k, v in RESULT.findall(page)], query


def shown(page: object) -> list[tuple[str, str]]:
    return [
        tuple(pair)
        for pair in page.eval_on_selector_all(
            "[data-results] [data-result]", "els => els.map(e => [e.dataset.result, e.textContent])"
        )
    ]


def set_fields(page: object, fields: dict[str, str]) -> None:
    for name, text in fields.items():
        selector = f"form.dc-form [name={name}]"
        if page.locator(selector).evaluate("e => e.tagName") == "SELECT":
            page.select_option(selector, text)
        else:
            page.fill(selector, text)


GRID = [
    {"current": "4", "target": "10", "weeks": "10", "sessions": "3", "level": "beginner", "slope": "200"},
    {**LARGEST_PLAN, "level": "advanced", "slope": "2000"},
    {"current": "8", "target": "16", "weeks": "12", "sessions": "2", "level": "intermediate", "slope": "150"},
    {"current": "12", "target": "12", "weeks": "2", "sessions": "3", "level": "beginner", "slope": "20"},
    {"current": "3", "target": "25", "weeks": "6", "sessions": "4", "level": "beginner", "slope": "450"},
    {"current": "10", "target": "20", "weeks": "10", "sessions": "3", "level": "advanced", "slope": "300", "start": "2027-01-04"},
]  # fmt: skip


def test_browser_plan_equals_cpython_plan(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/tools/planner/")
    wait_live(page)
    for fields in GRID:
        values, query = expected(fields)
        set_fields(page, fields)
        wait_for_state(page, query)
        assert shown(page) == values, fields


def test_share_link_restores_the_same_plan(page: object, base_url: str) -> None:
    fields = GRID[5]
    page.goto(f"{base_url}/tools/planner/{forms.to_query(FIELDS, fields)}")
    wait_live(page)
    values, _ = expected(fields)
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent.startsWith('Updated')"
    )
    assert shown(page) == values
    assert page.input_value("[name=start]") == "2027-01-04"
    first_day = page.locator("[data-results] [data-region='when-1-1']").text_content()
    assert first_day.startswith("Mon")  # text_content: weeks off screen are not rendered


def test_invalid_and_impossible_inputs_explain_themselves(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/tools/planner/")
    wait_live(page)
    before = shown(page)
    page.fill("[name=weeks]", "30")
    page.locator("[data-error-for=weeks]").wait_for(state="visible")
    assert "between 2 and 24" in page.inner_text("[data-error-for=weeks]")
    page.fill("[name=weeks]", "10")
    page.fill("[name=target]", "2")  # below the current 4 %: valid fields, invalid combination
    page.locator("[data-error-for=target]").wait_for(state="visible")
    assert shown(page) == before


def test_print_view_hides_navigation_and_form(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/tools/planner/")
    wait_live(page)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", "form.dc-form", ".dc-print-actions"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".dc-handout__grid").first.is_visible()
    assert page.locator(".dc-handout__cues li").first.is_visible()


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF Chromium printed: its page objects (not the /Pages tree's nodes)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_the_default_plan_prints_on_at_most_two_a4_pages(page: object, base_url: str) -> None:
    """A coach's handout: the week grid with each session's numbers and cues, each set of
    cues and each drill once, and the warning signs (once 38 pages, words split and rows
    broken across pages)."""
    page.goto(f"{base_url}/tools/planner/")
    wait_live(page)
    pages = pdf_pages(page.pdf(format="A4"))
    print(f"the default plan prints on {pages} A4 pages")
    assert 1 <= pages <= 2
    page.emulate_media(media="print")
    rows = page.locator(".dc-handout__grid tbody tr")
    assert rows.count() == 10 and rows.first.is_visible()
    assert page.locator(".dc-handout__grid td").count() == 40
    assert not page.locator(".dc-plan-weeks").is_visible()  # the cards stay on screen


def test_plan_drill_links_lead_to_drill_pages(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/tools/planner/")
    link = page.locator(".dc-plan-session__drills a").first
    name = link.text_content()
    link.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").evaluate("h => h.firstChild.textContent.trim()") == name


COUNT_COMPUTE_CALLS = """
    window.computeCalls = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
        if (message?.call === 'compute') window.computeCalls.push(performance.now());
        return post.call(this, message, ...rest);
    };
"""


def test_rehearsals_run_unseen_and_only_at_quiet_moments(page: object, base_url: str) -> None:
    """Once live, the page sends Python 20 unseen recomputes of the form as it stands (V8
    compiles the interpreter's hot code meanwhile), none within half a second of a change."""
    page.add_init_script(COUNT_COMPUTE_CALLS)
    page.goto(f"{base_url}/tools/planner/")
    wait_live(page)
    page.wait_for_selector(
        "[data-component=log][data-log-live=true]"
    )  # the kept log's first answer
    changed_at = page.evaluate(
        """() => {
            const tool = document.querySelector('[data-tool]');
            window.updates = 0;
            tool.addEventListener('dc:updated', () => (window.updates += 1));
            const input = tool.querySelector('[name=slope]');
            const at = performance.now();
            input.value = '321';
            input.dispatchEvent(new Event('input', {bubbles: true}));
            return at;
        }"""
    )
    page.wait_for_selector("[data-tool][data-rehearsed='20']")
    page.wait_for_function("window.updates >= 1")  # the change's own answer (it may come last)
    calls = page.evaluate("window.computeCalls")
    assert len(calls) == 22, "the first answer (the kept log), the change, and 20 rehearsals"
    after_change = [t - changed_at for t in calls if t >= changed_at]
    assert [t for t in after_change[1:] if t < 500] == [], "a rehearsal crowded the change"
    assert page.evaluate("window.updates") == 1, "a rehearsal's answer reached the page"
    assert shown(page) == expected({"slope": "321"})[0], "the page shows the reader's plan"


def test_a_change_inside_the_frame_rewrites_only_changed_regions(
    page: object, base_url: str
) -> None:
    """A new slope keeps the plan's weeks and sessions: the page rewrites only the regions that
    changed (no week is parsed again), and ends up exactly as CPython renders the new plan."""
    largest = LARGEST_PLAN
    page.goto(f"{base_url}/tools/planner/")
    wait_live(page)
    set_fields(page, {**largest, "slope": "200"})
    wait_for_state(page, expected({**largest, "slope": "200"})[1])
    page.evaluate(
        """() => {
            window.rewritten = new Set();
            new MutationObserver((records) => {
                for (const r of records) window.rewritten.add(r.target.dataset?.region ?? r.target.tagName);
            }).observe(document.querySelector('[data-results]'), {childList: true, subtree: true});
        }"""
    )
    set_fields(page, {"slope": "350"})
    wait_for_state(page, expected({**largest, "slope": "350"})[1])
    rewritten = page.evaluate("[...window.rewritten]")
    assert rewritten and all(
        p in ("summary", "chart") or p.startswith(("work-", "print-")) for p in rewritten
    )
    assert len([p for p in rewritten if p.startswith("work-")]) == 24 * 4  # not the conditioning
    assert len([p for p in rewritten if p.startswith("print-")]) == 24 * 4  # the handout's cells
    same = page.evaluate(
        """(html) => {
            const fresh = document.createElement('template');
            fresh.innerHTML = html;
            return fresh.content.querySelector('[data-results]').isEqualNode(document.querySelector('[data-results]'));
        }""",
        python_page("planner", {**largest, "slope": "350"}),
    )
    assert same, "the page differs from a full render of the new plan"


COUNT_MESSAGES = """
    window.messages = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
        window.messages.push(message?.call);
        return post.call(this, message, ...rest);
    };
"""


def test_one_change_posts_exactly_one_message_to_the_worker(page: object, base_url: str) -> None:
    """The answer to one change holds the plan and the training log beside it: by the time
    the log shows the new plan's sessions, one message has gone to the worker."""
    page.add_init_script(COUNT_MESSAGES)
    page.goto(f"{base_url}/tools/planner/")
    wait_live(page)
    page.wait_for_selector("[data-tool][data-rehearsed='20']")
    page.evaluate("window.messages = []")
    set_fields(page, {"weeks": "7"})
    wait_for_state(page, expected({"weeks": "7"})[1])
    page.wait_for_function(
        "() => document.querySelector('[data-log-view]').textContent.includes('0 of 28 sessions')"
    )
    assert page.evaluate("window.messages") == ["compute"]
