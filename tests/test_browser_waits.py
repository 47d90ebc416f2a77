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


def test_polling_works_while_a_test_holds_the_pages_clock(page: object) -> None:
    """The offline test holds the page's clock and waits for the worker: a wait that looks
    once per page frame would wait for ever (it did, in every run under load)."""
    import datetime as dt

    from devtools.browser import poll_until

    page.set_content("<p>x</p>")
    page.clock.install()
    page.clock.pause_at(dt.datetime.now() + dt.timedelta(hours=1))
    poll_until(page, "(window.looks = (window.looks || 0) + 1) >= 3", 30)
    assert page.evaluate("window.looks") == 3
