"""Debian's Chromium as the tests and the benchmark drive it (through Playwright)."""

from __future__ import annotations

import shutil
import time

from playwright.sync_api import Page

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING = "Debian's chromium is not installed: run ./scripts/setup (apt-get install chromium)."


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def poll_until(page: Page, expression: str, timeout_s: float) -> None:
    """Poll an (async) expression in the page until it is truthy, looking from here: it works
    while a test holds the page's clock (wait_in_page's loop waits for the page's frames)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_s:.0f} s: {expression}")
        page.wait_for_timeout(200)  # the interval between two looks, not a wait for an outcome


# Playwright's Page.wait_for_function compiles its predicate inside the page (new Function),
# which the site's Content-Security-Policy refuses, as it refuses any eval. This one sends the
# predicate's source with each call, as page.evaluate does (the browser compiles it for the
# debugger, outside the page's policy), so the tests and the bench run under the site's real
# policy.
POLL = """async ([arg, ms]) => {
    const probe = () => (%s);
    const deadline = performance.now() + (ms ?? Infinity);
    for (;;) {
        const value = probe();  // an async predicate's promise is awaited, never taken as true
        if (await (typeof value === "function" ? value(arg) : value)) return true;
        if (performance.now() > deadline) return false;
        await new Promise((resolve) => requestAnimationFrame(resolve));
    }
}"""


def wait_in_page(
    page: Page, expression: str, *, arg: object = None, timeout_ms: float | None = None
) -> None:
    """As Page.wait_for_function (a predicate, or an expression; its promise awaited), under the
    site's policy; ``timeout_ms`` None: no limit."""
    from playwright.sync_api import Error, TimeoutError

    deadline = time.monotonic() + (timeout_ms or float("inf")) / 1000
    while True:
        left = None if timeout_ms is None else max(0, (deadline - time.monotonic()) * 1000)
        try:
            if page.evaluate(POLL % expression, [arg, left]):
                return
        except Error as error:  # a navigation ended the page it polled: poll the next one
            if "context was destroyed" not in str(error) and "navigat" not in str(error):
                raise
        if time.monotonic() > deadline:
            raise TimeoutError(f"wait_for_function: {timeout_ms} ms exceeded: {expression}")
