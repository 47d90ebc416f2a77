"""The Content-Security-Policy in Chromium: an injected inline script is blocked, and nothing the
site itself does is (the runtime, the service worker, search, the notebook, every tool)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import wait_live, wait_until
from test_browser_audit import RUN
from test_browser_offline import wait_runtime_cached

pytestmark = pytest.mark.browser

# Each violation the page reports, as "directive blocked-URI".
VIOLATIONS = """(() => {
    window.dcViolations = [];
    document.addEventListener('securitypolicyviolation',
        (e) => window.dcViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
})()"""


def violations(page: object) -> list[str]:
    blocked = page.evaluate("window.dcViolations")
    refused = [m for m in page.watch.console_errors if "Content Security Policy" in m]
    return blocked + refused


def test_an_injected_inline_script_is_blocked(page: object, base_url: str) -> None:
    page.add_init_script(VIOLATIONS)
    page.add_init_script("window.canary = 'untouched'")

    def injected(route: object) -> None:
        html = route.fetch().text()
        payload = (
            "<script>window.canary = 'pwned'</script>"
            "<img src=x onerror=\"window.canary = 'pwned'\" alt=''>"
        )
        route.fulfill(
            body=html.replace("</article>", payload + "</article>"), content_type="text/html"
        )

    page.route("**/tools/cadence/", injected)
    page.goto(f"{base_url}/tools/cadence/")
    wait_live(page)  # the site's own scripts run
    assert page.evaluate("window.canary") == "untouched"
    blocked = page.evaluate("window.dcViolations")
    assert any(v.startswith("script-src-elem inline") for v in blocked), blocked
    assert any(v.startswith("script-src-attr inline") for v in blocked), blocked


def test_nothing_the_site_does_is_blocked(browser: object, base_url: str, site_dir: Path) -> None:
    from conftest import PageWatch

    context = browser.new_context()  # with the service worker
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    page.watch = PageWatch(page)
    seen: list[str] = []

    def visit(path: str) -> None:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        seen.append(path)

    visit("/")
    visit("/technique/")
    page.keyboard.press("/")  # search: Material's worker and the index
    page.keyboard.type("cadence")
    page.locator(".md-search-result__item a").first.wait_for()
    assert violations(page) == []
    visit("/drills/")
    page.select_option("[data-catalog-filter] [name=level]", index=1)
    visit("/science/")  # the notebook: its figures and styles
    assert violations(page) == []
    visit("/404.html")
    visit("/tools/cadence/")
    wait_live(page)
    page.fill("form.dc-form [name=cadence]", "172")
    page.wait_for_function("new URLSearchParams(location.search).get('cadence') === '172'")
    wait_runtime_cached(page)  # the service worker controls the page, and the runtime is kept
    assert violations(page) == []
    visit("/tools/planner/")  # Python started early by the inline script, from the kept runtime
    wait_live(page)
    page.fill("form.dc-form [name=weeks]", "12")
    page.wait_for_function("new URLSearchParams(location.search).get('weeks') === '12'")
    page.click(
        "[data-action='session:start'][data-key='1-3']"
    )  # session mode, loaded once the page is idle
    page.wait_for_selector("dialog[data-session][open]")
    page.keyboard.press("Escape")
    assert violations(page) == []
    visit("/tools/audit/")
    page.wait_for_selector("[data-component=audit][data-live=true]")
    page.set_input_files("[name=files]", str(RUN))
    page.wait_for_selector("[data-audit-items] [data-result=descent_m]")
    assert violations(page) == []
    # Instant navigation: the next page's content and scripts run under the first page's policy.
    page.goto(f"{base_url}/cadence/")
    page.click("a[href$='tools/cadence/?pace=6:00/km&cadence=164&grade=-10&increase=5'] >> nth=0")
    wait_live(page)
    wait_until(page, "navigator.serviceWorker.controller !== null")
    assert violations(page) == [] and page.watch.page_errors == []
    print(f"no violation on {len(seen) + 1} pages of every type")
    context.close()
