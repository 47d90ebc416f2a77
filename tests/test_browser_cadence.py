"""The cadence calculator in Chromium against the built site: the same answers as CPython."""

from __future__ import annotations

import html
import itertools
import re
from urllib.parse import urlencode

import pytest
from conftest import (
    sitemap_for_this_server,
    snapshot_always_pays,
    wait_for_sitemap,
    wait_for_state,
    wait_live,
)

from drills.bridge import compute
from drills.render import forms
from drills.render.cadence_view import FIELDS
from tests.pages import LINKS

pytestmark = pytest.mark.browser

RESULT = re.compile(r'data-result="(\w+)">([^<]*)<')


def expected(fields: dict[str, str]) -> tuple[dict[str, str], str]:
    """The values CPython renders for these field texts, and the share query they give."""
    out = compute({"tool": "cadence", "fields": fields, "links": LINKS.as_data()})
    results = out["regions"]["results"]["html"]
    return {k: html.unescape(v) for k, v in RESULT.findall(results)}, out["query"]


def shown(page: object) -> dict[str, str]:
    return page.eval_on_selector_all(
        "[data-result]",
        "els => Object.fromEntries(els.map(e => [e.dataset.result, e.textContent]))",
    )


def fill(page: object, fields: dict[str, str]) -> None:
    for name, text in fields.items():
        page.fill(f"form.dc-form [name={name}]", text)


def recompute_matches_cpython(page: object, fields: dict[str, str]) -> None:
    values, query = expected(fields)
    fill(page, fields)
    wait_for_state(page, query)
    assert shown(page) == values, fields


def open_tool(page: object, base_url: str, query: str = "") -> None:
    page.goto(f"{base_url}/tools/cadence/{query}")
    wait_live(page)


def test_prerendered_results_are_there_before_python(page: object, base_url: str) -> None:
    page.route("**/pyodide.asm.wasm*", lambda route: route.abort())  # shipped as .wasm.gz too
    page.goto(f"{base_url}/tools/cadence/")
    defaults = {f.name: f.default for f in FIELDS}
    assert shown(page) == expected(defaults)[0]
    page.wait_for_function(
        "document.querySelector('[data-status]').textContent.includes('unavailable')"
    )
    status = page.inner_text("[data-status]")
    assert "calculated for the values shown when this page was built" in status
    assert shown(page) == expected(defaults)[0]  # still there after the failure


def test_failing_worker_script_is_reported_and_results_stay(page: object, base_url: str) -> None:
    page.route("**/py-worker.js", lambda route: route.fulfill(status=500, body="boom"))
    page.goto(f"{base_url}/tools/cadence/")
    page.wait_for_function(
        "document.querySelector('[data-status]').textContent.includes('unavailable')"
    )
    assert len(shown(page)) >= 10


def runtime_requests(page: object) -> list[str]:
    names: list[str] = []
    page.on("request", lambda r: "/pyodide/" in r.url and names.append(r.url.rsplit("/", 1)[1]))
    return names


def test_drills_comes_from_the_memory_snapshot(page: object, base_url: str) -> None:
    snapshot_always_pays(page)
    fetched = runtime_requests(page)
    open_tool(page, base_url)
    recompute_matches_cpython(page, {"pace": "5:00/km", "cadence": "168", "grade": "-12"})
    assert "snapshot.bin.gz" in fetched
    assert not [name for name in fetched if name.endswith(".whl")]  # already imported
    print(f"snapshot start fetched {sorted(set(fetched))}")


def test_without_the_snapshot_drills_loads_from_the_site_lockfile(
    page: object, base_url: str
) -> None:
    page.route("**/snapshot.bin.gz", lambda route: route.fulfill(status=404, body="gone"))
    fetched = runtime_requests(page)
    open_tool(page, base_url)
    recompute_matches_cpython(page, {"pace": "6:30/km", "cadence": "158", "grade": "-20"})
    assert "pyodide-lock.json" in fetched
    assert [name for name in fetched if name.startswith("drills-") and name.endswith(".whl")]
    print(f"plain start fetched {sorted(set(fetched))}")


GRID = [
    dict(zip(["pace", "cadence", "grade", "increase"], values, strict=True))
    for values in itertools.islice(
        itertools.product(
            ["4:30/km", "6:00", "9:39/mi", "11 km/h", "7 mph"],
            ["150", "164", "182.5"],
            ["-45", "-10", "0", "-5.7°", "80 m in 1 km", "12"],
            ["0", "5", "15"],
        ),
        0,
        None,
        13,  # a spread-out sample of 21 combinations
    )
]


def test_browser_results_equal_cpython_on_a_grid(page: object, base_url: str) -> None:
    assert len(GRID) >= 20
    open_tool(page, base_url)
    for fields in GRID:
        recompute_matches_cpython(page, fields)


def test_invalid_input_shows_its_message_beside_the_field(page: object, base_url: str) -> None:
    open_tool(page, base_url)
    before = shown(page)
    page.fill("form.dc-form [name=cadence]", "abc")
    slot = page.locator("[data-error-for=cadence]")
    slot.wait_for(state="visible")
    assert "Cadence must be a number between 100 and 240" in slot.inner_text()
    assert page.get_attribute("form.dc-form [name=cadence]", "aria-invalid") == "true"
    assert shown(page) == before  # the last good results stay
    page.fill("form.dc-form [name=cadence]", "170")
    slot.wait_for(state="hidden")


def test_share_link_round_trips(page: object, base_url: str) -> None:
    fields = {"pace": "8:03/mi", "cadence": "171", "grade": "-14", "increase": "7"}
    query = forms.to_query(FIELDS, fields)
    open_tool(page, base_url, query)
    values, _ = expected(fields)
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent.startsWith('Updated')"
    )
    for name, text in fields.items():
        assert page.input_value(f"form.dc-form [name={name}]") == text
    assert shown(page) == values
    # Editing updates the address bar, and that address restores the same state.
    page.fill("form.dc-form [name=cadence]", "175")
    page.wait_for_function("() => location.search.includes('cadence=175')")
    link = page.url
    page.goto(link)
    wait_live(page)
    page.wait_for_function("() => document.querySelector('[name=cadence]').value === '175'")
    assert shown(page) == expected({**fields, "cadence": "175"})[0]


@pytest.mark.parametrize(
    "payload",
    ['<script>window.canary="pwned"</script>', '"><img src=x onerror="window.canary=\'pwned\'">'],
)
def test_tampered_link_runs_nothing_and_shows_text(
    page: object, base_url: str, payload: str
) -> None:
    page.add_init_script("window.canary = 'untouched'")
    open_tool(page, base_url, "?" + urlencode({"pace": payload, "cadence": "170"}))
    slot = page.locator("[data-error-for=pace]")
    slot.wait_for(state="visible")
    assert payload[:20] in slot.inner_text()  # shown as text
    assert page.input_value("form.dc-form [name=pace]") == payload
    assert page.evaluate("window.canary") == "untouched"
    assert page.locator("img[src=x]").count() == 0


def test_tool_attaches_after_instant_navigation(page: object, base_url: str) -> None:
    sitemap_for_this_server(page, base_url)
    page.goto(f"{base_url}/cadence/")
    wait_for_sitemap(page)
    page.evaluate("window.notReloaded = true")
    page.click("a[href$='tools/cadence/?pace=6:00/km&cadence=164&grade=-10&increase=5'] >> nth=0")
    wait_live(page)
    assert page.evaluate("window.notReloaded") is True  # instant navigation, not a new load
    page.fill("form.dc-form [name=cadence]", "200")
    page.wait_for_function(
        "() => document.querySelector('[data-result=target_cadence_spm]').textContent === '210.0'"
    )
    # The chapter itself never started Python: one worker, created on the tool page.
    assert (
        page.evaluate(
            "performance.getEntriesByType('resource').filter(e => e.name.includes('pyodide.asm.wasm')).length"
        )
        <= 1
    )


def test_tap_along_and_click_track(page: object, base_url: str) -> None:
    page.clock.install()  # the taps' times come from the page's clock, not from waiting
    open_tool(page, base_url)
    button = page.locator("[data-action='practice:tap']")
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    for _ in range(8):
        button.press("Space")  # keyboard operable
        page.clock.run_for(340)  # a step every 0.34 s: 176.5 steps/min
    page.clock.resume()
    page.wait_for_function(
        "() => document.querySelector('[data-tap-output]').textContent.startsWith('About')"
    )
    spm = float(re.search(r"About ([\d.]+)", page.inner_text("[data-tap-output]")).group(1))
    assert spm == pytest.approx(60 / 0.34, abs=0.5)
    page.click("[data-action='practice:use-tap']")
    assert page.input_value("form.dc-form [name=cadence]") == f"{spm:g}"
    wait_for_state(page, expected({"cadence": f"{spm:g}"})[1])
    page.fill("[name=minutes]", "1")
    with page.expect_download() as download:
        page.click("[data-action='practice:click-track']")
    path = download.value.path()
    import wave

    with wave.open(str(path)) as wav:
        assert wav.getnframes() == 8000 * 60
