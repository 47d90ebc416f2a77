"""A kept log the page cannot read in full is never written over (Chromium, issue 28): one size
for import, storage and reading; a newer version's log is left alone; a damaged or too large
one is kept aside, said beside the log, and offered for download."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import wait_live

from drills import training_log
from drills.training_log import LogEntry, LoggedRun
from drills.training_log.store import MAX_STORE_CHARS

pytestmark = pytest.mark.browser

KEY = "dc-training-log"
ASIDE = "dc-training-log-unread"
PLANNER = "/tools/planner/"
FIELDS = {"current": "4", "target": "10", "weeks": "10", "sessions": "3", "level": "beginner", "slope": "200", "start": ""}  # fmt: skip
ENTRY = LogEntry(1, 1, dt.date(2026, 3, 2), 5, 4, note="kept")


def open_log(page: object, base_url: str) -> None:
    page.goto(base_url + PLANNER)
    wait_live(page)
    page.wait_for_selector("[data-component=log][data-log-live=true]")


def seed(context: object, text: str) -> None:
    """Put ``text`` in the log's storage before the page's scripts run (first load only)."""
    context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) {"
        f" localStorage.setItem({KEY!r}, {json.dumps(text)});"
        " sessionStorage.setItem('seeded', '1'); }"
    )


def item(page: object, key: str) -> str | None:
    return page.evaluate(f"localStorage.getItem({key!r})")


def status_says(page: object, words: str) -> None:
    page.wait_for_function(
        "(words) => document.querySelector('[data-log-status]').textContent.includes(words)",
        arg=words,
    )


def save(page: object, session: str) -> None:
    page.click(f"[data-log-cell='{session}'] [data-action='log:mark']")  # fills in the date
    page.select_option("[data-log-form] [name=rpe]", "5")
    page.select_option("[data-log-form] [name=confidence]", "4")
    page.click("[data-log-form] button[type=submit]")


def download(page: object, which: str) -> str:
    with page.expect_download() as info:
        page.click(f"[data-action='log:export-unread'][data-key={which}]")
    return Path(info.value.path()).read_text(encoding="utf-8")


def many_runs(count: int) -> str:
    """A log file of ``count`` runs written compactly (as another program would): under the
    size the page reads, but over it once stored in the page's own form."""
    runs = [
        LoggedRun(dt.date(2025, 1, 1) + dt.timedelta(days=i % 400), f"run-{i}.gpx", 80.0 + i)
        for i in range(count)
    ]
    data = json.loads(training_log.dump_store([ENTRY], FIELDS, runs[:1]))
    data["runs"] = [
        {**data["runs"][0], "name": f"run-{i}.gpx", "descent_m": 80.0 + i} for i in range(count)
    ]
    return json.dumps(data, separators=(",", ":"))


def test_an_import_too_large_to_store_is_refused_and_changes_nothing(
    page: object, base_url: str
) -> None:
    """(a) The file is under the size the page reads, its stored form over it: the page used to
    say "Imported 1 log entry", store it, refuse it as too large after a reload, and leave one
    entry and no runs at the next save."""
    text = many_runs(MAX_STORE_CHARS * 38 // 5_000)  # 3,800 runs for every 500,000 characters
    assert len(text) <= MAX_STORE_CHARS
    open_log(page, base_url)
    page.set_input_files("[data-log-import]", files=[
        {"name": "big.json", "mimeType": "application/json", "buffer": text.encode("utf-8")}
    ])  # fmt: skip
    status_says(page, "nothing was imported")
    size = f"{MAX_STORE_CHARS:,} characters"
    assert size in page.inner_text("[data-log-status]")
    assert item(page, KEY) is None
    assert size in page.inner_text("#dc-log-import-hint")  # the limit the page reads by


def test_a_kept_log_too_large_to_read_is_kept_aside_and_offered(
    context: object, page: object, base_url: str
) -> None:
    """A log stored too large (as an earlier version of the page could) is never written over:
    the next save keeps it aside, and the page offers it until the reader deletes it."""
    kept = training_log.dump_store([ENTRY], FIELDS).replace(
        '"note": "kept"', '"note": "' + "x" * MAX_STORE_CHARS + '"'
    )
    seed(context, kept)
    page.on("dialog", lambda dialog: dialog.accept())
    open_log(page, base_url)
    status_says(page, "too large")
    notice = page.inner_text("[data-log-unread]")
    assert "kept aside" in notice and "Nothing is lost" in notice
    assert download(page, "stored") == kept
    save(page, "1-2")
    page.wait_for_function(
        "() => document.querySelector(\"[data-log-cell='1-2']\").textContent.includes('Done')"
    )
    assert "kept aside" in page.inner_text("[data-log-status]")
    assert item(page, ASIDE) == kept  # exactly as it was
    store, message = training_log.read_store(item(page, KEY))
    assert message is None and [e.key for e in store.entries] == [(1, 2)]
    page.reload()
    open_log(page, base_url)
    page.locator("[data-log-aside]").wait_for()
    assert download(page, "aside") == kept
    page.click("[data-action='log:drop-aside']")
    page.locator("[data-log-aside]").wait_for(state="detached")
    assert item(page, ASIDE) is None and item(page, KEY) is not None


def test_a_log_from_a_newer_version_is_never_written_over(
    context: object, page: object, base_url: str
) -> None:
    """(b) A schema-4 log used to be "not read", and the next save replaced it with a schema-3
    log of one entry."""
    newer = training_log.dump_store([ENTRY], FIELDS).replace(
        '"schema": 3', f'"schema": {training_log.SCHEMA_VERSION + 1}'
    )
    seed(context, newer)
    open_log(page, base_url)
    status_says(page, "newer version")
    assert "reload" in page.inner_text("[data-log-unread]")
    save(page, "1-2")
    status_says(page, "nothing was changed here")
    assert item(page, KEY) == newer and item(page, ASIDE) is None
    assert "Done" not in page.text_content("[data-log-cell='1-2']")
    assert download(page, "stored") == newer


def test_a_log_with_an_unreadable_entry_keeps_it_aside_and_the_rest(
    browser: object, base_url: str
) -> None:
    """(c) One unreadable entry used to be lost at the next save, in silence. Another tab shows
    the kept copy as soon as it is set aside."""
    text = training_log.dump_store(
        [ENTRY, LogEntry(1, 2, dt.date(2026, 3, 4), 6, 4)], FIELDS
    ).replace('"rpe": 6', '"rpe": 99')
    context = browser.new_context()
    seed(context, text)
    first, second = context.new_page(), context.new_page()
    open_log(first, base_url)
    open_log(second, base_url)
    status_says(first, "1 of 2 entries in your saved training log could not be read")
    save(first, "1-3")
    first.wait_for_function(
        "() => document.querySelector(\"[data-log-cell='1-3']\").textContent.includes('Done')"
    )
    assert item(first, ASIDE) == text
    store, _ = training_log.read_store(item(first, KEY))
    assert [e.key for e in store.entries] == [(1, 1), (1, 3)]
    second.locator("[data-log-aside]").wait_for()  # the storage event brought it
    assert download(second, "aside") == text
    context.close()
