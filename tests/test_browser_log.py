"""The training log in Chromium: marking sessions done, persistence, files in and out, damage."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import icalendar
import pytest
from conftest import Held, wait_live

from drills import planner, training_log
from drills.training_log import LogEntry

pytestmark = pytest.mark.browser

KEY = "dc-training-log"
PLANNER = "/tools/planner/"


def wait_log(page: object) -> None:
    wait_live(page)
    page.wait_for_selector("[data-component=log][data-log-live=true]")


def stored(page: object) -> str | None:
    return page.evaluate(f"localStorage.getItem({KEY!r})")


def status(page: object) -> str:
    return page.inner_text("[data-log-status]")


def seed(context: object, text: str) -> None:
    """Put ``text`` in the log's storage before the page's scripts run (first load only)."""
    context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) {"
        f" localStorage.setItem({KEY!r}, {json.dumps(text)});"
        " sessionStorage.setItem('seeded', '1'); }"
    )


def downloaded(page: object, action: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.click(f"[data-action='log:{action}']")
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes().decode("utf-8")


def test_the_log_goes_live_when_its_module_arrives_after_the_planners_answer(
    page: object, base_url: str
) -> None:
    """Each component's module is fetched on its own: under load the planner can be live and
    have shown the kept log's answer before training-log.js arrives, which then waited for an
    answer that never came (the log stayed "not live" after an instant navigation)."""
    held = Held(page, "**/training-log.js")
    page.goto(base_url + PLANNER)
    page.wait_for_selector("[data-tool][data-rehearsed]")  # its idle refresh of the log came first
    assert page.get_attribute("[data-component=log]", "data-log-live") is None
    held.release()
    page.wait_for_selector("[data-component=log][data-log-live=true]")
    assert status(page)


def test_mark_a_session_done_and_it_survives_a_reload(page: object, base_url: str) -> None:
    page.goto(base_url + PLANNER)
    wait_log(page)
    assert stored(page) is None
    page.focus("[data-log-cell='1-1'] [data-action='log:mark']")
    page.keyboard.press("Enter")  # keyboard: the form takes the session and the focus
    assert page.evaluate("document.activeElement.name") == "session"
    assert page.input_value("[data-log-form] [name=session]") == "1-1"
    page.fill("[data-log-form] [name=date]", "2026-03-02")
    page.select_option("[data-log-form] [name=rpe]", "5")
    page.select_option("[data-log-form] [name=confidence]", "3")
    page.select_option("[data-log-form] [name=soreness]", "2")
    page.fill("[data-log-form] [name=cadence]", "172")
    page.check("[data-log-form] input[value=heavy_braking]")
    page.fill("[data-log-form] [name=note]", "Steady, then braked; calm\nby the end")
    page.click("[data-log-form] button[type=submit]")
    page.wait_for_function(
        "() => document.querySelector(\"[data-log-cell='1-1']\").textContent.includes('Done')"
    )
    assert status(page).startswith("Saved")
    # The next descent becomes technique practice, with its reason beside it and in the list.
    assert "Changed by your log" in page.text_content("[data-session-card='1-2']")
    assert "Heavy braking during" in page.text_content(".dc-log-changes")

    text = stored(page)
    kept, message = training_log.read_store(text)
    entries = kept.entries
    assert message is None
    assert entries == (
        LogEntry(
            1,
            1,
            dt.date(2026, 3, 2),
            5,
            3,
            soreness=2,
            cadence_spm=172,
            flags=("heavy_braking",),
            note="Steady, then braked; calm\nby the end",
        ),
    )

    page.reload()
    wait_log(page)
    cell = page.text_content("[data-log-cell='1-1']")
    assert "Done" in cell and "effort 5/10" in cell and "by the end" in cell
    assert stored(page) == text


def test_a_first_visit_shows_the_log_built_with_the_page_and_rewrites_none_of_it(
    page: object, base_url: str
) -> None:
    page.add_init_script(
        """addEventListener("DOMContentLoaded", () => {
          window.logWrites = [];
          new MutationObserver((records) => {
            for (const { target } of records) {
              const part = target.closest("[data-log-cell], [data-log-view], select[name=session]");
              if (part) window.logWrites.push(part.dataset.logCell ?? part.tagName);
            }
          }).observe(document.body, { childList: true, subtree: true });
        });"""
    )
    page.goto(base_url + PLANNER)
    assert "0 of 40 sessions logged" in page.inner_text("[data-log-view]")
    wait_log(page)
    assert page.evaluate("window.logWrites") == []
    assert page.locator("[data-log-cell='1-1'] button").is_visible()
    page.click("[data-log-cell='1-1'] [data-action='log:mark']")
    page.fill("[data-log-form] [name=date]", "2026-03-02")
    page.select_option("[data-log-form] [name=rpe]", "5")
    page.select_option("[data-log-form] [name=confidence]", "4")
    page.click("[data-log-form] button[type=submit]")
    page.wait_for_function("() => window.logWrites.includes('1-1')")
    assert "2-1" not in page.evaluate("window.logWrites")  # unchanged cells stay as they are


def test_invalid_entry_shows_errors_beside_the_fields(page: object, base_url: str) -> None:
    page.goto(base_url + PLANNER)
    wait_log(page)
    page.select_option("[data-log-form] [name=session]", "1-2")
    page.fill("[data-log-form] [name=cadence]", "fast")
    page.click("[data-log-form] button[type=submit]")
    page.locator("[data-log-form] [data-error-for=rpe]").wait_for(state="visible")
    assert "1–10" in page.inner_text("[data-log-form] [data-error-for=rpe]")
    assert "fast" in page.inner_text("[data-log-form] [data-error-for=cadence]")
    assert page.get_attribute("[data-log-form] [name=cadence]", "aria-invalid") == "true"
    assert page.get_attribute("[data-log-status]", "role") == "status"
    assert "nothing was saved" in status(page)
    assert stored(page) is None


def test_export_then_import_in_a_fresh_browser_is_exact(browser: object, base_url: str) -> None:
    plan_texts = {
        "current": "6", "target": "14", "weeks": "6", "sessions": "2",
        "level": "intermediate", "slope": "150", "start": "",
    }  # fmt: skip
    entries = [
        LogEntry(
            1, 1, dt.date(2026, 1, 5), 4, 4, soreness=1, note="Ünïcode — “quotes”, commas; semis"
        ),
        LogEntry(1, 2, dt.date(2026, 1, 8), 8, 2, soreness=7, flags=("knee_collapse", "pain")),
        LogEntry(2, 1, dt.date(2026, 1, 12), 3, 5, cadence_spm=176, note="line one\nline two"),
    ]
    original = training_log.dump_store(entries, plan_texts)

    first = browser.new_context()
    seed(first, original)
    page = first.new_page()
    page.goto(base_url + PLANNER)
    wait_log(page)
    # The log restores the plan it belongs to, since the address names no other.
    page.wait_for_function(
        "() => document.querySelector('form.dc-form [name=weeks]').value === '6'"
    )
    page.wait_for_function(
        "() => document.querySelector(\"[data-log-cell='2-1']\")?.textContent.includes('Done')"
    )
    name, exported = downloaded(page, "export-json")
    first.close()
    assert name.endswith(".json")
    assert exported == original

    second = browser.new_context()
    page = second.new_page()
    page.goto(base_url + PLANNER)
    wait_log(page)
    page.set_input_files("[data-log-import]", files=[
        {"name": name, "mimeType": "application/json", "buffer": exported.encode("utf-8")}
    ])  # fmt: skip
    page.wait_for_function(
        "() => document.querySelector('form.dc-form [name=weeks]').value === '6'"
    )
    page.wait_for_function(
        "() => document.querySelector(\"[data-log-cell='2-1']\")?.textContent.includes('Done')"
    )
    assert "Imported 3 log entries" in status(page)
    assert stored(page) == original
    assert "Pain during" in page.text_content(".dc-log-changes")
    _, again = downloaded(page, "export-json")
    second.close()
    assert again == original


def test_import_of_a_file_that_is_not_a_log_changes_nothing(page: object, base_url: str) -> None:
    page.goto(base_url + PLANNER)
    wait_log(page)
    page.set_input_files("[data-log-import]", files=[
        {"name": "photo.json", "mimeType": "application/json", "buffer": b"[1, 2, 3]"}
    ])  # fmt: skip
    page.wait_for_function(
        "() => document.querySelector('[data-log-status]').textContent.includes('nothing was imported')"
    )
    assert stored(page) is None


def test_a_damaged_store_is_reported_in_one_sentence_and_the_page_works(
    context: object, page: object, base_url: str
) -> None:
    damaged = '{"format": "downhill-confidence-training-log", "schema": 2, "entr'
    seed(context, damaged)
    page.goto(base_url + PLANNER)
    wait_log(page)
    message = status(page)
    assert "damaged" in message
    assert message.endswith(".") and message.count(". ") == 0 and "\n" not in message
    assert page.locator("[data-log-view] .dc-log-message").inner_text() == message
    # The planner still works ...
    page.fill("form.dc-form [name=weeks]", "4")
    page.wait_for_function("() => location.search.includes('weeks=4')")
    assert page.locator("[data-results] section.dc-week").count() == 4
    # ... and so does the log, which starts again.
    page.click("[data-log-cell='1-1'] [data-action='log:mark']")
    page.select_option("[data-log-form] [name=rpe]", "4")
    page.select_option("[data-log-form] [name=confidence]", "4")
    page.click("[data-log-form] button[type=submit]")
    page.wait_for_function(
        "() => document.querySelector(\"[data-log-cell='1-1']\").textContent.includes('Done')"
    )
    kept, problem = training_log.read_store(stored(page))
    entries = kept.entries
    assert problem is None and [e.key for e in entries] == [(1, 1)]
    # The damaged text was not written over: it is kept aside, exactly as it was.
    assert page.evaluate("localStorage.getItem('dc-training-log-unread')") == damaged


def test_a_tampered_store_is_shown_as_text(context: object, page: object, base_url: str) -> None:
    evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>'
    text = training_log.dump_store([LogEntry(1, 1, dt.date(2026, 3, 2), 5, 4, note=evil)])
    seed(context, text.replace('"plan": null', '"plan": {"weeks": "<svg onload=alert(1)>"}'))
    page.goto(base_url + PLANNER)
    wait_log(page)
    page.wait_for_function(
        "() => document.querySelector(\"[data-log-cell='1-1']\").textContent.includes('Done')"
    )
    assert evil in page.text_content("[data-log-cell='1-1']")
    assert page.evaluate("window.pwned") is None


def test_calendar_download_parses_with_icalendar(page: object, base_url: str) -> None:
    page.goto(
        base_url
        + PLANNER
        + "?current=4&target=10&weeks=5&sessions=3&level=beginner&slope=200&start=2027-01-04"
    )
    wait_log(page)
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent.startsWith('Updated')"
    )
    name, text = downloaded(page, "export-ics")
    assert name.endswith(".ics")
    assert "\r\n" in text and all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    plan = planner.make_plan(4, 10, 5, 3, "beginner", 200, dt.date(2027, 1, 4))
    assert len(events) == sum(len(w.sessions) for w in plan.weeks)
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert all("DTSTAMP" in e for e in events)
    assert events[0].decoded("DTSTART") == dt.date(2027, 1, 4)


def test_calendar_without_a_start_date_starts_today(page: object, base_url: str) -> None:
    page.goto(base_url + PLANNER)
    wait_log(page)
    today = page.evaluate(
        "(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; })()"
    )
    _, text = downloaded(page, "export-ics")
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert events[0].decoded("DTSTART") == dt.date(*today)


def test_spreadsheets_download_and_parse_with_csv(
    context: object, page: object, base_url: str
) -> None:
    entries = [
        LogEntry(1, 1, dt.date(2026, 3, 2), 5, 4, soreness=2, note='=HYPERLINK("x"), then; more'),
        LogEntry(1, 3, dt.date(2026, 3, 6), 6, 4, flags=("fall",)),
    ]
    defaults = {
        "current": "4",
        "target": "10",
        "weeks": "10",
        "sessions": "3",
        "level": "beginner",
        "slope": "200",
        "start": "",
    }
    seed(context, training_log.dump_store(entries, defaults))
    page.goto(base_url + PLANNER)
    wait_log(page)
    page.wait_for_function(
        "() => document.querySelector(\"[data-log-cell='1-3']\").textContent.includes('Done')"
    )

    name, text = downloaded(page, "export-csv-plan")
    assert name.endswith(".csv") and text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    plan = planner.make_plan(4, 10, 10)
    assert len(rows) == sum(len(w.sessions) for w in plan.weeks)
    assert rows[0]["Week"] == "1" and rows[0]["Done on"] == "2026-03-02"
    assert rows[0]["Note"] == '\'=HYPERLINK("x"), then; more'  # never a live formula
    assert rows[2]["Fall or near-fall"] == "yes"

    _, text = downloaded(page, "export-csv-log")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [(r["Week"], r["Session"]) for r in rows] == [("1", "1"), ("1", "3")]


def test_print_shows_the_log_beside_each_session(
    context: object, page: object, base_url: str
) -> None:
    seed(
        context,
        training_log.dump_store([LogEntry(1, 1, dt.date(2026, 3, 2), 5, 4, note="Printed note")]),
    )
    page.goto(base_url + PLANNER)
    wait_log(page)
    page.wait_for_function(
        "() => document.querySelector(\"[data-log-cell='1-1']\").textContent.includes('Done')"
    )
    page.emulate_media(media="print")
    assert page.locator("[data-log-entry='1-1'] .dc-log-note").is_visible()
    for hidden in (
        "[data-log-form]",
        ".dc-log-files",
        "[data-log-cell='1-2'] button",
        "[data-log-cell='1-1'] button",
    ):
        assert not page.locator(hidden).first.is_visible(), hidden
