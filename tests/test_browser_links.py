"""Share links and hand-offs between the tools: a linked page before its Python is live, "Copy
share link" right after an edit, and the cadence page's tempo reaching session mode (issue 31).

"Before Python is live" is made deterministic by holding the runtime's download (routing), as
test_browser_first_visit does; every wait is for what the page shows or keeps.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from conftest import Held, sitemap_for_this_server, wait_for_sitemap, wait_live

from drills.plan_form import DEFAULT_TEXTS
from drills.render import cadence_view, forms, planner_view

pytestmark = pytest.mark.browser

LINKS = {
    "planner": "?current=5&target=15&weeks=12",
    "cadence": "?pace=5:00/km&cadence=170&grade=-20",
}


def expected_summary(tool: str, query: str) -> str:
    """The status line's sentence for the link's values, as Python words it."""
    linked = dict(parse_qsl(query.lstrip("?")))
    if tool == "planner":
        plan = planner_view.plan_for({**DEFAULT_TEXTS, **linked})
        assert plan is not None
        return planner_view.summary(plan)
    reading = forms.read(cadence_view.FIELDS, linked)
    return cadence_view.summary(cadence_view.compute(reading.values))


def wait_attached(page: object) -> None:
    """The tool component has attached (its status line is no longer the build's)."""
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent.startsWith('Loading')"
    )


@pytest.mark.parametrize("tool", ["planner", "cadence"])
def test_a_linked_page_never_shows_the_build_results_as_the_links(
    page: object, base_url: str, tool: str
) -> None:
    query = LINKS[tool]
    held = Held(page)
    page.goto(f"{base_url}/tools/{tool}/{query}")
    wait_attached(page)
    for name, value in parse_qsl(query.lstrip("?")):
        assert page.input_value(f"form.dc-form [name={name}]") == value
    results = page.locator("[data-results]")
    status = page.locator("[data-tool] [data-status]")
    assert results.get_attribute("aria-busy") == "true"
    assert results.is_hidden()
    assert "correct" not in status.inner_text()
    assert "linked values" in status.inner_text()
    notice = page.locator("[data-linking]")
    assert notice.is_visible() and notice.inner_text().startswith("Still working out")
    page.emulate_media(media="print")  # printed, no default plan either
    assert results.is_hidden() and notice.is_visible()
    page.emulate_media(media="screen")

    held.release()
    wait_live(page)
    page.wait_for_function(
        "s => document.querySelector('[data-status]').textContent === s",
        arg=expected_summary(tool, query),
    )
    assert results.is_visible() and results.get_attribute("aria-busy") is None
    assert notice.is_hidden()


def test_a_link_with_the_pages_own_values_shows_them_at_once(page: object, base_url: str) -> None:
    """A chapter's link to the tool as built: its results are already the link's."""
    held = Held(page)
    page.goto(f"{base_url}/tools/cadence/?pace=6:00/km&cadence=164&grade=-10&increase=5")
    wait_attached(page)
    assert page.locator("[data-results]").is_visible()
    assert "already correct" in page.inner_text("[data-status]")
    held.release()
    wait_live(page)


def test_a_tampered_link_is_text_in_the_field_and_python_says_why(
    page: object, base_url: str
) -> None:
    held = Held(page)
    page.goto(f"{base_url}/tools/planner/?weeks=<b>lots</b>&target=15")
    wait_attached(page)
    assert page.input_value("form.dc-form [name=weeks]") == "<b>lots</b>"
    assert page.locator("form.dc-form b").count() == 0
    held.release()
    wait_live(page)
    page.locator("[data-error-for=weeks]:not(:empty)").wait_for()
    assert page.get_attribute("form.dc-form [name=weeks]", "aria-invalid") == "true"


def open_live(page: object, base_url: str, tool: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{base_url}/tools/{tool}/")
    wait_live(page)
    page.evaluate("navigator.clipboard.writeText('nothing copied yet')")


def test_copy_share_link_right_after_an_edit_keeps_its_confirmation(
    page: object, base_url: str
) -> None:
    open_live(page, base_url, "planner")
    page.fill("form.dc-form [name=weeks]", "14")  # its change event fires as the button is pressed
    page.get_by_role("button", name="Copy share link").click()
    page.wait_for_function(
        "async () => location.search.includes('weeks=14')"
        " && (await navigator.clipboard.readText()) !== 'nothing copied yet'"
    )
    assert "weeks=14" in page.evaluate("navigator.clipboard.readText()")
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent"
        " === 'Share link copied to the clipboard.'"
    )


def test_copy_share_link_with_an_invalid_field_says_what_the_link_holds(
    page: object, base_url: str
) -> None:
    open_live(page, base_url, "cadence")
    page.fill("form.dc-form [name=cadence]", "170")
    page.wait_for_function("() => location.search.includes('cadence=170')")
    page.fill("form.dc-form [name=cadence]", "fast")
    page.get_by_role("button", name="Copy share link").click()
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent.endsWith("
        "'The link holds the last valid values; correct the highlighted field to share yours.')"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "cadence=170" in copied and "fast" not in copied


def test_the_tempo_reaches_session_mode_after_an_instant_navigation(
    page: object, base_url: str
) -> None:
    sitemap_for_this_server(page, base_url)
    page.goto(f"{base_url}/tools/cadence/")
    wait_for_sitemap(page)
    wait_live(page)
    page.fill("form.dc-form [name=cadence]", "168")
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent.includes('metronome 176')"
    )
    page.evaluate("window.notReloaded = true")
    page.click("a[href$='tools/planner/'] >> nth=0")
    wait_live(page)
    assert page.evaluate("window.notReloaded") is True  # instant navigation, not a new load
    # Session mode's module arrives at an idle moment; its Start does nothing until then.
    page.evaluate(f"import({base_url + '/assets/js/session-mode.js'!r})")
    page.locator("[data-action='session:start'] >> nth=0").click()
    page.wait_for_selector("dialog[data-session][open]")
    assert page.input_value("dialog [name=cadence]") == "176"
