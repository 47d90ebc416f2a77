"""Many plans in one browser at 360 px (issue 32): a coach's roster of two athletes' exports,
a runner's new plan link beside an old log, and a second tab that sees each change. Each
state passes the phone layout check and axe; its screenshot goes to test-artifacts/."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import ARTIFACTS, wait_live
from test_browser_audit_phone import check
from test_log_capacity import full_log

from drills import bridge
from drills import training_log as tl
from drills.training_log import LogEntry

pytestmark = pytest.mark.browser

KEY = "dc-training-log"
TODAY = dt.date.today()
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())  # week 1 of a plan started this week
FIELDS = {"current": "4", "target": "10", "weeks": "10", "sessions": "3", "level": "beginner", "slope": "200", "start": MONDAY.isoformat()}  # fmt: skip
OTHER = {**FIELDS, "target": "14", "level": "intermediate"}


def export_of(folder: Path, athlete: str, texts: dict[str, str], entry: LogEntry) -> Path:
    """An athlete's file as their browser exports it, under the name it gives."""
    book = tl.start_plan(tl.Book(), texts, athlete)
    book = tl.log_entry(book, book.current, entry)
    out = json.loads(bridge.call("book_export", json.dumps({"store": tl.dump_book(book)})))
    path = folder / out["filename"]
    path.write_text(out["text"], encoding="utf-8")
    return path


def open_roster(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/tools/roster/")
    page.wait_for_selector("[data-component=roster][data-roster-live=true]", timeout=180_000)


def cards(page: object) -> list[dict[str, object]]:
    """Each card as shown: its athlete, this week's count and its flags."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.dc-roster-card')].map((c) => ({
            name: c.querySelector('h3').textContent,
            week: c.querySelector('.dc-roster-counts dd').textContent,
            flags: [...c.querySelectorAll('[data-flag]')].map((f) => f.dataset.flag),
        }))"""
    )


def card_count(page: object, n: int) -> None:
    page.wait_for_function(
        "(n) => document.querySelectorAll('.dc-roster-card').length === n", arg=n
    )


def log_first_session(page: object) -> None:
    """Mark week 1, session 1 done with an effort and a confidence, and save it."""
    page.click("[data-log-cell='1-1'] [data-action='log:mark']")
    page.select_option("[data-log-form] [name=rpe]", "6")
    page.select_option("[data-log-form] [name=confidence]", "3")
    page.click("[data-log-form] button[type=submit]")


def another_phone(browser: object, like: object) -> object:
    """A fresh browser of its own (the athlete's), the same phone as ``like``'s."""
    return browser.new_context(
        viewport=like.viewport_size, is_mobile=True, has_touch=True, service_workers="block"
    )


def test_two_athletes_imported_into_one_browser_each_have_their_card(
    phone: object, base_url: str, axe: object, tmp_path: Path
) -> None:
    anna = export_of(tmp_path, "Anna Berg", FIELDS, LogEntry(1, 1, MONDAY, 5, 4, soreness=5))
    ben = export_of(tmp_path, "Ben Okafor", OTHER, LogEntry(1, 1, MONDAY, 6, 4, flags=("pain",)))
    page = phone
    open_roster(page, base_url)
    card_count(page, 0)  # the build's example gave way to this browser's (empty) roster
    other = page.context.new_page()  # a second tab on the same roster
    open_roster(other, base_url)

    page.set_input_files("[data-roster-file]", str(anna))
    card_count(page, 1)
    card_count(other, 1)  # the second tab saw the change (storage event)
    page.set_input_files("[data-roster-file]", str(ben))
    card_count(page, 2)
    assert "into Ben Okafor: 1 new." in page.inner_text("[data-roster-status]")
    kept = tl.read_book(page.evaluate(f"localStorage.getItem({KEY!r})")).book
    assert [(p.athlete, len(p.entries)) for p in kept.plans] == [("Anna Berg", 1), ("Ben Okafor", 1)]  # fmt: skip
    rows = tl.roster_rows(kept, TODAY)
    assert [(r.athlete, r.progress.done_week, r.flags) for r in rows] == [
        ("Ben Okafor", 1, ("pain",)),  # pain first
        ("Anna Berg", 1, ("high_soreness",)),
    ]
    assert cards(page) == [
        {
            "name": r.athlete,
            "week": f"1 of {r.progress.planned_week} sessions",
            "flags": list(r.flags),
        }
        for r in rows
    ]
    check(page, axe, "roster")

    # Anna's next file, chosen from her card, goes back into her card: one plan, two entries.
    again = export_of(tmp_path, "Anna Berg", FIELDS, LogEntry(1, 2, MONDAY, 5, 3))
    with page.expect_file_chooser() as chooser:
        page.click(".dc-roster-card:nth-child(2) [data-action='roster:import']")
    chooser.value.set_files(str(again))
    page.wait_for_function(
        "() => document.querySelector('[data-roster-status]').textContent.includes('Anna Berg: 1 new')"
    )
    assert [c["week"].split(" of ")[0] for c in cards(page)] == ["1", "2"]


def test_a_new_plan_link_beside_an_old_log_keeps_both_plans(
    phone: object, base_url: str, axe: object
) -> None:
    page = phone
    old = tl.dump_store([LogEntry(1, 1, MONDAY, 5, 4, note="old plan")], OTHER)
    page.context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) {"
        f" localStorage.setItem({KEY!r}, {json.dumps(old)}); sessionStorage.setItem('seeded', '1'); }}"
    )
    page.goto(f"{base_url}/tools/planner/?{urlencode(FIELDS)}")
    wait_live(page)
    page.wait_for_selector("[data-component=roster][data-roster-live=true]")
    other = page.context.new_page()  # a second tab on the roster page
    open_roster(other, base_url)
    card_count(other, 1)

    log_first_session(page)
    page.wait_for_function("() => document.querySelectorAll('.dc-plan-line').length === 2")
    kept = tl.read_book(page.evaluate(f"localStorage.getItem({KEY!r})")).book
    assert [(p.plan_texts(), [e.note for e in p.entries]) for p in kept.plans] == [
        (OTHER, ["old plan"]),
        (FIELDS, [""]),
    ]
    assert "other plans are kept" in page.inner_text("[data-log-status]")
    current = page.locator(".dc-plan-line[aria-current=true]")
    assert "Current plan" in current.inner_text()
    page.locator(".dc-plans").scroll_into_view_if_needed()
    # The list alone, to look at (before the whole page's screenshot, which moves the view).
    page.locator(".dc-plans-home").screenshot(path=str(ARTIFACTS / f"plan-list-{page.scheme}.png"))
    check(page, axe, "plan-list")
    other.wait_for_function("() => document.querySelectorAll('.dc-plan-line').length === 2")

    # Back to the old plan: the planner turns to it and shows its entry.
    page.click(".dc-plan-line:not([aria-current]) [data-action='roster:switch']")
    page.wait_for_function("(t) => document.querySelector('[name=target]').value === t", arg="14")
    page.wait_for_selector("[data-log-cell='1-1'] .dc-log-done")
    assert tl.read_book(page.evaluate(f"localStorage.getItem({KEY!r})")).book.current == kept.plans[0].id  # fmt: skip

    # Deleting the new plan: its export is offered first, then a confirm; only then it goes.
    asked: list[str] = []

    def answer(dialog: object) -> None:
        asked.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    with page.expect_download() as saved:
        page.click(".dc-plan-line:not([aria-current]) [data-action='roster:delete']")
    assert saved.value.suggested_filename.endswith(f"{MONDAY.isoformat()}-4-to-10pct.json")
    page.wait_for_function("() => document.querySelectorAll('.dc-plan-line').length === 1")
    assert ["Download a copy" in asked[0], "cannot be undone" in asked[1]] == [True, True]
    sent = tl.read_book(Path(saved.value.path()).read_text(encoding="utf-8")).book
    assert [(p.plan_texts(), len(p.entries)) for p in sent.plans] == [(FIELDS, 1)]
    left = tl.read_book(page.evaluate(f"localStorage.getItem({KEY!r})")).book
    assert [(p.plan_texts(), [e.note for e in p.entries]) for p in left.plans] == [(OTHER, ["old plan"])]  # fmt: skip


def test_a_coachs_plan_link_brings_the_athletes_log_back_to_their_card(
    phone: object, browser: object, base_url: str, axe: object, tmp_path: Path
) -> None:
    coach = phone
    kept = tl.start_plan(tl.start_plan(tl.Book(), FIELDS, "Anna Berg"), OTHER, "Ben Okafor")
    coach.context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) {"
        f" localStorage.setItem({KEY!r}, {json.dumps(tl.dump_book(kept))});"
        " sessionStorage.setItem('seeded', '1'); }"
    )
    coach.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_roster(coach, base_url)
    card_count(coach, 2)
    anna = coach.locator(".dc-roster-card", has_text="Anna Berg")
    anna.locator("[data-action='roster:link']").click()
    coach.wait_for_function(
        "() => document.querySelector('[data-roster-status]').textContent"
        " === 'Plan link for Anna Berg copied to the clipboard: send it to them.'"
    )
    link = coach.evaluate("navigator.clipboard.readText()")
    assert link.startswith(f"{base_url}/tools/planner/?") and "athlete=Anna+Berg" in link
    anna.screenshot(path=str(ARTIFACTS / f"roster-link-{coach.scheme}.png"))
    check(coach, axe, "roster-link")

    # Anna opens the link in her own browser, logs a session and exports her log.
    athlete = another_phone(browser, coach)
    page = athlete.new_page()
    page.goto(link)
    wait_live(page)
    log_first_session(page)
    page.wait_for_selector("[data-log-cell='1-1'] .dc-log-done")
    theirs = tl.read_book(page.evaluate(f"localStorage.getItem({KEY!r})")).book
    assert [(p.athlete, p.plan_texts(), len(p.entries)) for p in theirs.plans] == [
        ("Anna Berg", FIELDS, 1)
    ]
    with page.expect_download() as saved:
        page.click("[data-action='log:export-json']")
    assert saved.value.suggested_filename.startswith("downhill-log-anna-berg-")
    sent = tmp_path / saved.value.suggested_filename
    saved.value.save_as(sent)
    athlete.close()

    # Back in the coach's browser: into Anna's card, no second card.
    coach.set_input_files("[data-roster-file]", str(sent))
    coach.wait_for_function(
        "() => document.querySelector('[data-roster-status]').textContent.includes('into Anna Berg: 1 new')"
    )
    card_count(coach, 2)
    book = tl.read_book(coach.evaluate(f"localStorage.getItem({KEY!r})")).book
    assert [(p.athlete, len(p.entries)) for p in book.plans] == [("Anna Berg", 1), ("Ben Okafor", 0)]  # fmt: skip


def test_a_full_roster_refuses_one_more_athlete_keeps_everything_and_says_how_to_make_room(
    phone: object, base_url: str, tmp_path: Path
) -> None:
    full = full_log()
    page = phone
    page.context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) {"
        f" localStorage.setItem({KEY!r}, {json.dumps(full)}); sessionStorage.setItem('seeded', '1'); }}"
    )
    open_roster(page, base_url)
    cards = len(tl.roster_rows(tl.read_book(full).book, TODAY))
    card_count(page, cards)
    dana = export_of(tmp_path, "Dana New", FIELDS, LogEntry(1, 1, MONDAY, 5, 4))
    page.set_input_files("[data-roster-file]", str(dana))
    page.wait_for_function(
        "(t) => document.querySelector('[data-roster-status]').textContent.includes(t)",
        arg=tl.MAKE_ROOM,
    )
    assert "nothing was imported" in page.inner_text("[data-roster-status]")
    card_count(page, cards)
    assert page.evaluate(f"localStorage.getItem({KEY!r})") == full


def test_a_coachs_session_note_is_shown_as_text_and_reaches_the_athlete(
    phone: object, browser: object, base_url: str, axe: object, tmp_path: Path
) -> None:
    coach = phone
    kept = tl.start_plan(tl.start_plan(tl.Book(), OTHER, "Ben Okafor"), FIELDS, "Anna Berg")
    kept = tl.log_entry(kept, kept.current, LogEntry(1, 1, MONDAY, 5, 4))
    coach.context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) {"
        f" localStorage.setItem({KEY!r}, {json.dumps(tl.dump_book(kept))});"
        " sessionStorage.setItem('seeded', '1'); }"
    )
    coach.goto(f"{base_url}/tools/planner/")
    wait_live(coach)
    coach.wait_for_function("(t) => document.querySelector('[name=target]').value === t", arg="10")
    coach.click("[data-action='log:note'][data-key='1-2']")
    form = coach.locator("[data-session-card='1-2'] [data-note-form]")
    form.wait_for()
    # Longer than a note may be (the field's maxlength bypassed): a message beside the field.
    form.locator("[name=session_note]").evaluate("(t) => (t.value = 'x'.repeat(501))")
    form.locator("button[type=submit]").click()
    error = form.locator("[data-error-for=session_note]")
    coach.wait_for_function(
        "() => document.querySelector('#dc-session-note-error').textContent.includes('this one has 501')"
    )
    assert form.locator("[name=session_note]").get_attribute("aria-invalid") == "true"
    assert "at most 500 characters" in error.inner_text()
    hostile = '<img src=x onerror="document.body.dataset.owned=1"> Soft grass & roots'
    form.locator("[name=session_note]").fill(hostile)
    form.locator("button[type=submit]").click()
    note = coach.locator("[data-log-cell='1-2'] .dc-session-note")
    note.wait_for()
    assert note.text_content() == f"Session note: {hostile}"
    assert note.locator("img").count() == 0
    assert coach.evaluate("document.body.dataset.owned") is None
    assert form.count() == 0  # the form went home, hidden
    mine = tl.read_book(coach.evaluate(f"localStorage.getItem({KEY!r})")).book
    assert [(p.athlete, p.notes) for p in mine.plans] == [("Ben Okafor", ()), ("Anna Berg", ((1, 2, hostile),))]  # fmt: skip
    card = coach.locator("[data-session-card='1-2']")
    card.scroll_into_view_if_needed()
    card.screenshot(path=str(ARTIFACTS / f"planner-note-{coach.scheme}.png"))
    plans = coach.locator(".dc-plans-home")
    plans.scroll_into_view_if_needed()
    assert plans.locator("[data-action='roster:link']").all_inner_texts() == [
        "Copy plan link for Ben Okafor",
        "Copy plan link for Anna Berg",
    ]
    plans.screenshot(path=str(ARTIFACTS / f"planner-plans-link-{coach.scheme}.png"))
    check(coach, axe, "planner-note")
    with coach.expect_download() as saved:
        coach.click("[data-action='log:export-json']")
    assert saved.value.suggested_filename.startswith("downhill-log-anna-berg-")
    sent = tmp_path / saved.value.suggested_filename
    saved.value.save_as(sent)

    # Anna imports the coach's file on her planner: the note is on that session's card.
    athlete = another_phone(browser, coach)
    page = athlete.new_page()
    page.goto(f"{base_url}/tools/planner/")
    wait_live(page)
    page.set_input_files("[data-log-import]", str(sent))
    theirs = page.locator("[data-log-cell='1-2'] .dc-session-note")
    theirs.wait_for()
    assert theirs.text_content() == f"Session note: {hostile}"
    assert page.locator("[data-log-cell='1-1'] .dc-log-done").count() == 1
    assert "1 session note" in page.inner_text("[data-log-status]")
    athlete.close()
