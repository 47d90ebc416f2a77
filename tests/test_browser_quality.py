"""What a reader would notice: accessibility in both schemes, phones, keyboards, stray requests."""

from __future__ import annotations

import pytest
from conftest import ARTIFACTS, wait_live, wait_settled

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "start": "/",
    "chapter": "/technique/",
    "drill": "/drills/quiet-feet/",
    "catalog": "/drills/",
    "cadence": "/tools/cadence/",
    "planner": "/tools/planner/",
    "audit": "/tools/audit/",
    "notebook": "/science/",
}


@pytest.fixture(scope="module")
def axe() -> object:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()  # bundles axe-core: nothing is fetched


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_axe_finds_no_violations(
    browser: object, base_url: str, axe: object, kind: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + PAGE_TYPES[kind])
    if kind in ("cadence", "planner"):
        wait_live(page)  # check the live tool, not only the pre-rendered one
    violations = axe.run(page).response["violations"]
    summary = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    print(f"axe {kind} {scheme}: {len(violations)} violations {summary}")
    context.close()
    assert violations == [], summary


def test_colour_scheme_is_chosen_before_first_paint_and_remembered(
    browser: object, base_url: str
) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    # Without Material's script at all: the scheme comes from the page's own inline script.
    page.route("**/bundle.*.min.js", lambda route: route.abort())
    page.goto(f"{base_url}/technique/")
    scheme = lambda: page.get_attribute("body", "data-md-color-scheme")  # noqa: E731
    assert scheme() == "slate"  # the system's choice, on first paint
    page.locator("label[for^=__palette_]:visible").click()
    assert scheme() == "default"
    page.unroute("**/bundle.*.min.js")
    page.goto(f"{base_url}/tools/cadence/")
    assert scheme() == "default"  # the reader's choice outlives the system's
    page.focus("[data-dc-palette] input:checked")
    page.keyboard.press("Enter")
    assert scheme() == "slate"
    assert page.locator("label[for^=__palette_]:visible").get_attribute("title") == (
        "Switch to light mode"
    )
    context.close()


def test_first_paint_already_has_the_layout_materials_script_would_set(
    page: object, base_url: str
) -> None:
    held: list[object] = []
    page.route("**/bundle.*.min.js", lambda route: held.append(route))  # held until released
    page.goto(f"{base_url}/technique/", wait_until="commit")
    page.wait_for_selector("#__config", state="attached")
    page.wait_for_function("() => performance.getEntriesByType('paint').length > 0")
    classes = page.evaluate("[...document.documentElement.classList]")
    assert "js" in classes and "no-js" not in classes and "js-focus-visible" in classes
    # the page's own stylesheet links are absolute already: Material would re-parse them
    hrefs = page.eval_on_selector_all(
        "head link[rel=stylesheet]", "ls => ls.map((l) => l.getAttribute('href'))"
    )
    assert hrefs and all(h.startswith(base_url) for h in hrefs), hrefs
    held[0].continue_()
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.classList.contains('js')")


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_phone_width_has_no_horizontal_scroll(browser: object, base_url: str, kind: str) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.goto(base_url + PAGE_TYPES[kind])
    if kind in ("cadence", "planner"):
        wait_live(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"mobile-{kind}.png"), full_page=False)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    print(
        f"mobile {kind}: horizontal overflow {overflow}px, screenshot test-artifacts/mobile-{kind}.png"
    )
    if kind in ("cadence", "planner"):
        # Every input is on screen and reachable at this width.
        widths = page.eval_on_selector_all(
            "form.dc-form :is(input, select)",
            "els => els.map(e => e.getBoundingClientRect().right)",
        )
        assert widths and max(widths) <= 360
    context.close()
    assert overflow <= 0


def focus_ring(page: object) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth) || 0")


def test_cadence_tool_works_from_the_keyboard(page: object, base_url: str) -> None:
    page.goto(base_url + "/tools/cadence/")
    wait_live(page)
    page.focus("form.dc-form [name=pace]")
    page.keyboard.press("Tab")  # to cadence
    assert page.evaluate("document.activeElement.name") == "cadence"
    assert focus_ring(page) >= 2  # focus is visible
    page.keyboard.press("Control+A")
    page.keyboard.type("180")
    page.keyboard.press("Enter")  # recompute
    page.wait_for_function(
        "() => document.querySelector('[data-result=target_cadence_spm]').textContent === '189.0'"
    )
    assert page.get_attribute("[data-status]", "role") == "status"  # the change is announced
    assert "189.0" in page.inner_text("[data-status]")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.focus("[data-action='tool:share']")
    assert focus_ring(page) >= 2
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent.includes('copied')"
    )
    assert "cadence=180" in page.evaluate("navigator.clipboard.readText()")


def test_planner_works_from_the_keyboard_and_prints(page: object, base_url: str) -> None:
    page.add_init_script("window.printed = 0; window.print = () => { window.printed += 1; }")
    page.goto(base_url + "/tools/planner/")
    wait_live(page)
    page.focus("form.dc-form [name=weeks]")
    page.keyboard.press("Control+A")
    page.keyboard.type("16")
    page.keyboard.press("Tab")  # sessions select
    page.keyboard.press("ArrowDown")  # 3 → 4 sessions
    page.wait_for_function(
        "() => location.search.includes('weeks=16') && location.search.includes('sessions=4')"
    )
    assert page.locator("[data-results] section.dc-week").count() == 16
    page.focus("[data-action='tool:print']")
    assert focus_ring(page) >= 2
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 1


def test_chapter_loads_nothing_of_pyodide_and_logs_no_errors(page: object, base_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "/technique/")
    wait_settled(page)
    tools = ("pyodide", "snapshot", "tool.js", "py-client.js", "py-worker.js", "training-log.js")
    assert not [u for u in requests if any(name in u for name in tools)]
    assert [u for u in requests if u.endswith("page-helpers.js")]
    assert page.watch.console_errors == []


def test_catalog_filters_by_chapter_and_level(page: object, base_url: str) -> None:
    from drills import catalog

    page.goto(base_url + "/drills/")
    page.select_option("[data-catalog-filter] [name=chapter]", "terrain")
    page.select_option("[data-catalog-filter] [name=level]", "advanced")
    expected = [d.name for d in catalog.DRILLS if d.chapter == "terrain" and d.level == "advanced"]
    visible = page.locator("table.dc-catalog tbody tr:visible td:first-child").all_inner_texts()
    assert visible == expected
    assert page.inner_text("[data-catalog-count]") == f"{len(expected)} drills shown"


def test_catalog_lists_every_drill_without_javascript(browser: object, base_url: str) -> None:
    from drills import catalog

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/drills/")
    assert page.locator("table.dc-catalog tbody tr:visible").count() == len(catalog.DRILLS)
    assert not page.locator("[data-catalog-filter]").is_visible()  # no controls that cannot work
    context.close()
