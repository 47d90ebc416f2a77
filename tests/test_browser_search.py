"""Search: the index loads only when a reader searches, and then finds the guide's pages."""

from __future__ import annotations

import pytest
from conftest import wait_settled

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"


def index_requests(page: object) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: INDEX in request.url and requests.append(request.url))
    return requests


def test_index_loads_only_once_search_opens_and_finds_chapters(page: object, base_url: str) -> None:
    requests = index_requests(page)
    page.goto(f"{base_url}/technique/")
    wait_settled(page)  # every request the page makes by itself is made
    assert page.evaluate("typeof document$ !== 'undefined'")  # Material has started
    assert requests == [], "a page that nobody searched fetched the search index"

    page.keyboard.press("/")  # Material's shortcut opens search
    page.keyboard.type("cadence")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    assert len(requests) == 1
    hrefs = results.evaluate_all("links => links.map((a) => new URL(a.href).pathname)")
    assert any(path.endswith("/cadence/") for path in hrefs), hrefs


def test_search_links_still_work(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/?q=cadence")  # a shared search
    page.locator(".md-search-result__item").first.wait_for()

    page.goto(f"{base_url}/terrain/?h=footwear")  # a search result's link highlights the term
    marks = page.locator("article mark")
    marks.first.wait_for()
    assert marks.first.inner_text().lower() == "footwear"


def test_without_materials_script_the_page_keeps_its_no_javascript_layout(
    page: object, base_url: str
) -> None:
    page.route("**/bundle.*.min.js", lambda route: route.abort())
    page.goto(f"{base_url}/technique/")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.classList.contains('no-js')")
    assert not page.locator("label.md-header__button[for=__search]").is_visible()
