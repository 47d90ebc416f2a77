"""The bridge's calls for many plans and a coach's roster (issue 32): the kept text in, the new
text and the regions out; the planner page's own log calls keep a book a book."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest

from drills import bridge
from drills import training_log as tl
from drills.training_log import LogEntry
from tests.pages import LINKS

LOGS = Path(__file__).parent / "fixtures" / "logs"
MONDAY = dt.date(2026, 3, 2)
FIELDS = {"current": "4", "target": "10", "weeks": "10", "sessions": "3", "level": "beginner", "slope": "200", "start": "2026-03-02"}  # fmt: skip
OTHER = {**FIELDS, "target": "14"}
ENTRY = {"session": "1-1", "date": "2026-03-02", "rpe": "5", "confidence": "4", "soreness": "2"}


def call(name: str, **args: object) -> dict:
    return json.loads(bridge.call(name, json.dumps({"links": LINKS.as_data(), **args})))


def fixture(version: int) -> str:
    return (LOGS / f"schema-{version}.json").read_text(encoding="utf-8")


def export_of(athlete: str, texts: dict[str, str], *entries: LogEntry) -> str:
    """What an athlete's browser exports: their plan, under their name."""
    book = tl.start_plan(tl.Book(), texts, athlete)
    for entry in entries:
        book = tl.log_entry(book, book.current, entry)
    return call("book_export", store=tl.dump_book(book))["text"]


def test_a_new_plan_beside_an_old_log_keeps_both() -> None:
    old = tl.dump_store([LogEntry(1, 1, MONDAY, 5, 4)], OTHER)
    # The planner page's own call refuses, as before: its log is another plan's.
    assert "different plan" in call("log_save", fields=FIELDS, store=old, entry=ENTRY, today="2026-03-03")["log_errors"]["session"]  # fmt: skip
    out = call("book_save", fields=FIELDS, store=old, entry=ENTRY, today="2026-03-03")
    book = tl.read_book(out["store"]).book
    assert [len(p.entries) for p in book.plans] == [1, 1] and book.current == "p2"
    assert book.get("p1").store == tl.read_store(old)[0]
    assert "other plans are kept" in out["data"]["log_summary"]
    assert "plans" in out["regions"] and "results" in out["regions"]
    # Switching back shows the old plan and its log; its texts fill the planner's form.
    back = call("book_switch", store=out["store"], plan="p1", today="2026-03-03")
    assert back["current"] == "p1" and back["fields"] == OTHER
    assert 'aria-current="true"' in back["regions"]["plans"]["html"]


def test_two_athletes_imported_into_one_browser_each_have_their_row() -> None:
    anna = export_of("Anna Berg", FIELDS, LogEntry(1, 1, MONDAY, 5, 2, soreness=5))
    ben = export_of("Ben Okafor", OTHER, LogEntry(1, 1, MONDAY, 6, 4, flags=("pain",)))
    assert json.loads(anna)["plans"][0]["athlete"] == "Anna Berg"
    first = call("book_import", store="", text=anna, today="2026-03-04")
    both = call("book_import", store=first["store"], text=ben, today="2026-03-04")
    assert "into Ben Okafor: 1 new." in both["summary"]
    html = both["regions"]["roster"]["html"]
    names = re.findall(r'<h3 id="dc-roster-\d+">([^<]+)</h3>', html)
    assert names == ["Ben Okafor", "Anna Berg"]  # pain first
    assert html.count('data-flag="pain"') == 1 and 'data-flag="high_soreness"' in html
    assert html.count("1 of 4 sessions") == 2  # this week, each
    # Anna's next export comes back to her row: the same entry counts once, a new one adds.
    again = export_of(
        "anna berg", FIELDS, LogEntry(1, 1, MONDAY, 5, 2, soreness=5), LogEntry(1, 2, MONDAY, 5, 4)
    )
    out = call("book_import", store=both["store"], text=again, today="2026-03-04")
    assert "1 new." in out["summary"]
    book = tl.read_book(out["store"]).book
    assert [(p.athlete, len(p.entries)) for p in book.plans] == [
        ("Anna Berg", 2),
        ("Ben Okafor", 1),
    ]


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_export_goes_into_the_rows_athlete(version: int) -> None:
    kept = fixture(4)
    out = call("book_import", store=kept, text=fixture(version), athlete="Cleo", today="2026-12-01")
    assert "error" not in out
    book = tl.read_book(out["store"]).book
    cleo = [p for p in book.plans if p.athlete == "Cleo"]
    assert len(cleo) == 1 and len(cleo[0].entries) == len(
        tl.read_store(fixture(version))[0].entries
    )
    assert tl.read_book(kept).book.plans == book.plans[:3]


def test_an_export_names_its_athlete_and_plan_in_safe_characters() -> None:
    book = tl.start_plan(tl.Book(), FIELDS, "Žan ../Kovač <b>")
    out = call("book_export", store=tl.dump_book(book))
    assert out["filename"] == "downhill-log-zan-kovac-b-2026-03-02-4-to-10pct.json"
    assert json.loads(out["text"])["plans"][0]["athlete"] == "Žan ../Kovač <b>"
    shown = call("book_view", store=tl.dump_book(book), today="2026-03-02")
    assert "<b>" not in shown["regions"]["roster"]["html"]


def test_deleting_a_plan_needs_confirmation() -> None:
    kept = fixture(4)
    refused = call("book_delete", store=kept, plan="p1")
    assert refused["field"] == "confirmed" and "nothing was deleted" in refused["error"]
    out = call("book_delete", store=kept, plan="p1", confirmed=True)
    assert [p.id for p in tl.read_book(out["store"]).book.plans] == ["p2", "p3"]


def test_a_book_call_never_changes_a_text_it_cannot_read_whole() -> None:
    data = json.loads(fixture(4))
    data["plans"][0]["entries"].append({"week": "x"})
    out = call("book_switch", store=json.dumps(data), plan="p2")
    assert out["field"] == "log" and "nothing was changed" in out["error"]
    newer = fixture(4).replace('"schema": 4', f'"schema": {tl.SCHEMA_VERSION + 1}')
    assert "newer version" in call("book_view", store=newer)["error"]


def test_the_planner_pages_calls_keep_a_book_a_book() -> None:
    kept = fixture(4)  # current: p3, 4 → 15 % from 7 September 2026
    fields = tl.read_book(kept).book.get("p3").plan_texts()
    entry = {**ENTRY, "session": "1-2", "date": "2026-09-09"}
    out = call("log_save", fields=fields, store=kept, entry=entry, today="2026-09-10")
    book = tl.read_book(out["store"]).book
    assert len(book.get("p3").entries) == 2
    assert out["data"]["log_summary"].endswith("2 of 32 sessions logged.")
    assert book.plans[:2] == tl.read_book(kept).book.plans[:2]
    # The page's compute reads the book's current plan.
    shown = call("compute", tool="planner", fields=fields, store=out["store"], today="2026-09-10")
    assert shown["data"]["log_summary"].startswith("Training log: 2 of 32 sessions logged")


def test_a_note_on_a_planned_session_travels_with_the_export() -> None:
    book = tl.start_plan(tl.Book(), FIELDS, "Anna")
    out = call("book_note", store=tl.dump_book(book), plan="p1", key="2-1", note="Grass path")
    sent = call("book_export", store=out["store"], plan="p1")["text"]
    assert tl.read_book(sent).book.get("p1").notes == ((2, 1, "Grass path"),)
    too_long = call("book_note", store=out["store"], plan="p1", key="2-1", note="x" * 501)
    assert too_long["field"] == "note"


def test_a_coachs_link_names_the_athlete_whose_log_comes_back_to_their_row() -> None:
    query = call("book_link", fields=FIELDS, athlete="Anna Berg & co")["query"]
    assert query.endswith("&athlete=Anna+Berg+%26+co")
    # The athlete opens the link (the planner ignores the key) and logs a session.
    shown = call("compute", tool="planner", link=query, today="2026-03-02")
    assert shown["errors"] == {}
    saved = call("book_save", fields=shown["texts"], store="", entry=ENTRY, query=query, today="2026-03-02")  # fmt: skip
    sent = call("book_export", store=saved["store"])
    assert sent["filename"].startswith("downhill-log-anna-berg-co-2026-03-02")
    # Back in the coach's browser, into Anna's row beside another athlete's plan.
    coach = tl.dump_book(tl.start_plan(tl.Book(), FIELDS, "Ben"))
    out = call("book_import", store=coach, text=sent["text"], today="2026-03-03")
    assert [p.athlete for p in tl.read_book(out["store"]).book.plans] == ["Ben", "Anna Berg & co"]
    twice = call("book_link", fields=FIELDS, athlete="x")["query"] + "&athlete=y"
    saved = call("book_save", fields=FIELDS, store="", entry=ENTRY, query=twice, today="2026-03-02")
    assert tl.read_book(saved["store"]).book.plans[0].athlete == ""  # which one was meant?


def test_a_new_plans_form_never_starts_from_another_plans_entry() -> None:
    old = tl.dump_store([LogEntry(1, 1, MONDAY, 5, 4, note="old plan")], OTHER)
    link = "?" + urlencode(FIELDS)  # the new plan's link, opened with the old log kept
    shown = call(
        "compute", tool="planner", fields=FIELDS, store=old, query=link, today="2026-03-03"
    )
    assert shown["texts"] == FIELDS
    form = shown["data"]["forms"]["1-1"]
    assert form.get("note", "") == "" and form.get("rpe", "") == ""
    # Its own plan's form still starts from what was logged.
    own = call("compute", tool="planner", fields=OTHER, store=old, today="2026-03-03")
    assert own["data"]["forms"]["1-1"]["note"] == "old plan"


def test_the_planners_address_keeps_the_athlete_a_coachs_link_names() -> None:
    book = tl.start_plan(tl.Book(), FIELDS, "Anna Berg")
    out = call("book_link", store=tl.dump_book(book), plan="p1")
    assert out["href"] == LINKS.planner + out["query"]
    assert out["query"] == "?" + urlencode({**FIELDS, "athlete": "Anna Berg"})
    assert out["copied"] == "Plan link for Anna Berg copied to the clipboard: send it to them."
    # Each recompute rewrites the address: the athlete stays in it, for the save to read.
    shown = call("compute", tool="planner", link=out["query"], today="2026-03-02")
    assert shown["query"] == out["query"]
    changed = {**FIELDS, "weeks": "12"}
    typed = call("compute", tool="planner", fields=changed, query=out["query"], today="2026-03-02")
    assert typed["query"] == "?" + urlencode({**changed, "athlete": "Anna Berg"})
    twice = call("compute", tool="planner", link=out["query"] + "&athlete=Ben", today="2026-03-02")
    assert "athlete" not in twice["query"]  # which one was meant?
    plain = call("compute", tool="planner", fields=FIELDS, query="?weeks=10", today="2026-03-02")
    assert "athlete" not in plain["query"]


def test_the_planners_export_of_an_athletes_plan_is_named_for_them_with_its_notes() -> None:
    book = tl.start_plan(tl.Book(), FIELDS, "Anna Berg")
    book = tl.log_entry(book, "p1", LogEntry(1, 1, MONDAY, 5, 4))
    book = tl.set_note(book, "p1", (1, 2), "Grass path")
    out = call("log_export", fields=FIELDS, store=tl.dump_book(book), today="2026-03-03")
    assert out["filename"] == "downhill-log-anna-berg-2026-03-02-4-to-10pct.json"
    assert out["entries"] == 1
    assert tl.read_book(out["text"]).book.plans == book.plans
    # A runner's own plan without notes is exported as before.
    own = tl.log_entry(tl.start_plan(tl.Book(), FIELDS), "p1", LogEntry(1, 1, MONDAY, 5, 4))
    plain = call("log_export", fields=FIELDS, store=tl.dump_book(own), today="2026-03-03")
    assert plain["filename"] == "downhill-training-log-2026-03-03.json"


def planner_card(out: dict, key: str) -> str:
    """The session's card as the planner's answer shows it (no marks sent: the whole plan)."""
    html = out["regions"]["results"]["html"]
    found = re.search(f'data-session-card="{key}".*?(?=data-session-card=|</ol>)', html, re.S)
    return found[0] if found else ""


def test_a_coachs_session_note_travels_to_the_athlete_and_back() -> None:
    # The coach shows Anna's plan on the planner and writes a note on week 1, session 2.
    coach = tl.dump_book(tl.start_plan(tl.start_plan(tl.Book(), OTHER, "Ben"), FIELDS, "Anna"))
    shown = call("compute", tool="planner", fields=FIELDS, store=coach, today="2026-03-01")
    assert 'data-action="log:note" data-key="1-2"' in planner_card(shown, "1-2")
    hostile = '<img src=x onerror="alert(1)"> Grass & soft'
    noted = call("log_note", fields=FIELDS, store=coach, key="1-2", note=hostile, today="2026-03-01")  # fmt: skip
    card = planner_card(noted, "1-2")
    assert "Session note:</strong> &lt;img src=x onerror=&quot;alert(1)&quot;&gt; Grass &amp; soft" in card  # fmt: skip
    assert "<img" not in card and "Edit the note" in card
    assert noted["data"]["notes"] == {"1-2": hostile}
    assert tl.read_book(noted["store"]).book.get("p2").notes == ((1, 2, hostile),)
    # Too long, another plan's session, or not text: a message beside the field, nothing kept.
    long = call("log_note", fields=FIELDS, store=noted["store"], key="1-2", note="x" * 501)
    assert long["field"] == "session_note" and "at most 500 characters; this one has 501" in long["error"]  # fmt: skip
    assert call("log_note", fields=FIELDS, store=noted["store"], key="30-1", note="x")["field"] == "session_note"  # fmt: skip
    assert call("log_note", fields=OTHER, store=noted["store"], key="1-2", note="x")["field"] == "session_note"  # fmt: skip
    # The coach's export goes to Anna, who imports it on her planner: she sees the note.
    sent = call("book_export", store=noted["store"], plan="p2")
    theirs = call("log_import", fields=FIELDS, store="", text=sent["text"], today="2026-03-01")
    assert "1 session note" in theirs["data"]["log_summary"]
    assert "Grass &amp; soft" in planner_card(theirs, "1-2")
    # She logs the session with a note of her own and answers the coach's note.
    saved = call("book_save", fields=FIELDS, store=theirs["store"], entry={**ENTRY, "session": "1-2", "note": "It was wet"}, today="2026-03-03")  # fmt: skip
    answered = call("log_note", fields=FIELDS, store=saved["store"], key="1-2", note="Done, soft indeed", today="2026-03-03")  # fmt: skip
    back = call("log_export", fields=FIELDS, store=answered["store"], today="2026-03-03")
    assert back["filename"].startswith("downhill-log-anna-2026-03-02")
    # Back in the coach's browser: the same row, her entry and her answer to the note.
    done = call("book_import", store=noted["store"], text=back["text"], today="2026-03-04")
    book = tl.read_book(done["store"]).book
    assert [(p.athlete, [e.note for e in p.entries], p.notes) for p in book.plans] == [
        ("Ben", [], ()),
        ("Anna", ["It was wet"], ((1, 2, "Done, soft indeed"),)),
    ]


def test_a_runners_own_plan_has_no_note_button_and_another_plans_notes_are_not_shown() -> None:
    own = tl.dump_book(tl.start_plan(tl.Book(), FIELDS))
    shown = call("compute", tool="planner", fields=FIELDS, store=own, today="2026-03-01")
    assert "log:note" not in planner_card(shown, "1-2")
    anna = tl.set_note(tl.start_plan(tl.Book(), FIELDS, "Anna"), "p1", (1, 2), "Grass path")
    other = call("compute", tool="planner", fields=OTHER, store=tl.dump_book(anna), today="2026-03-01")  # fmt: skip
    assert "Grass path" not in planner_card(other, "1-2") and "log:note" not in planner_card(other, "1-2")  # fmt: skip


def test_session_mode_shows_the_coachs_note_on_every_step_as_text() -> None:
    hostile = '<img src=x onerror="alert(1)"> Grass & soft'
    anna = tl.set_note(tl.start_plan(tl.Book(), FIELDS, "Anna"), "p1", (1, 2), hostile)
    args = {"fields": FIELDS, "store": tl.dump_book(anna), "key": "1-2", "today": "2026-03-01"}
    first = call("session_steps", **args, step=0)
    last = call("session_steps", **args, step=len(first["steps"]) - 1, marks={})
    for out in (first, last):
        note = out["regions"]["session-note"]["html"]
        assert note == "<strong>Session note:</strong> &lt;img src=x onerror=&quot;alert(1)&quot;&gt; Grass &amp; soft"  # fmt: skip
    # Another session of the plan, or the same session of another plan: no note.
    assert call("session_steps", **{**args, "key": "1-1"})["regions"]["session-note"]["html"] == ""
    other = call("session_steps", **{**args, "fields": OTHER})
    assert other["regions"]["session-note"]["html"] == ""


def test_a_note_the_coach_removes_is_removed_in_the_athletes_browser_too() -> None:
    coach = tl.set_note(tl.start_plan(tl.Book(), FIELDS, "Anna"), "p1", (1, 2), "Grass path")
    first = call("book_export", store=tl.dump_book(coach), plan="p1")
    anna = call("log_import", fields=FIELDS, store="", text=first["text"], today="2026-03-01")
    assert "Grass path" in planner_card(anna, "1-2")
    removed = call("book_note", store=tl.dump_book(coach), plan="p1", key="1-2", note="  ")
    assert removed["summary"] == "Removed the session’s note."
    second = call("book_export", store=removed["store"], plan="p1")
    again = call("log_import", fields=FIELDS, store=anna["store"], text=second["text"], today="2026-03-02")  # fmt: skip
    assert "Session note" not in planner_card(again, "1-2")
    assert again["data"]["notes"] == {} and "0 session notes" in again["data"]["log_summary"]
    # A note written after the removal is a note again, in either browser.
    rewritten = call("log_note", fields=FIELDS, store=again["store"], key="1-2", note="Walk it")
    assert rewritten["data"]["notes"] == {"1-2": "Walk it"}
