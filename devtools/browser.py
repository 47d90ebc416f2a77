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
    """Poll an (async) expression in the page until it is truthy.

    Playwright's wait_for_function does not await a Promise: an async predicate passes at once.
    """
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_s:.0f} s: {expression}")
        page.wait_for_timeout(200)  # the interval between two looks, not a wait for an outcome
