"""The suite's own wait: it waits for what a predicate resolves to, never for its promise."""

import pytest
from playwright.sync_api import TimeoutError

pytestmark = pytest.mark.browser


def test_an_async_predicate_that_resolves_false_is_not_taken_as_true(page: object) -> None:
    page.set_content("<p>x</p>")
    with pytest.raises(TimeoutError):
        page.wait_for_function("async () => false", timeout=300)


def test_an_async_predicate_is_waited_for_until_it_resolves_true(page: object) -> None:
    page.set_content("<p>x</p>")
    page.evaluate("setTimeout(() => { window.done = true }, 50)")
    page.wait_for_function("async () => window.done === true", timeout=0)
    assert page.evaluate("window.done") is True
