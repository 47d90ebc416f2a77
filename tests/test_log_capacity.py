"""How many athletes' full logs the kept log holds (issue 32), measured on the real stored form
(``dump_book``), and what a coach is told when it is full: the README says both figures, and a
change that would go over the limit changes nothing and says how to make room."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from drills import bridge, planner
from drills import training_log as tl
from drills.errors import InputError
from drills.training_log import Book, LogEntry, LoggedRun, PlanLog
from tests.pages import LINKS

README = Path(__file__).resolve().parent.parent / "README.md"
START = dt.date(2026, 1, 5)


@dataclass(frozen=True)
class Athlete:
    """A season's log: a 24-week plan, every session logged with a note, the coach's note on
    each session, and a few runs from a watch."""

    sessions_per_week: int
    note_chars: int  # the runner's note on each logged session
    coach_chars: int  # the coach's note on each planned session
    runs: int


TYPICAL = Athlete(sessions_per_week=3, note_chars=100, coach_chars=100, runs=6)
LONGEST = Athlete(planner.SESSIONS_RANGE[1], tl.MAX_NOTE_CHARS, tl.MAX_NOTE_CHARS, runs=12)


def season(who: Athlete, number: int) -> PlanLog:
    texts = {"current": "4", "target": "14", "weeks": str(planner.WEEKS_RANGE[1]), "sessions": str(who.sessions_per_week), "level": "beginner", "slope": "200", "start": START.isoformat()}  # fmt: skip
    book = tl.start_plan(Book(), texts, f"Athlete {number:02d} Surname")
    plan = planner.make_plan(
        4,
        14,
        weeks=planner.WEEKS_RANGE[1],
        sessions_per_week=who.sessions_per_week,
        level="beginner",
        slope_length_m=200,
        start_date=START,
    )
    keys = [(w.number, i, s.date) for w in plan.weeks for i, s in enumerate(w.sessions, 1)]
    entries = [
        LogEntry(w, s, day or START, 6, 4, 3, 172, ("heavy_braking",), "n" * who.note_chars)
        for w, s, day in keys
    ]
    notes = [(w, s, "c" * who.coach_chars) for w, s, _ in keys if who.coach_chars]
    runs = [
        LoggedRun(
            START + dt.timedelta(days=7 * k + 3),
            f"Morning_Run_{k:03d}.fit",
            412.5,
            18.2,
            3600.0,
            171.0,
        )
        for k in range(who.runs)
    ]
    log = book.plans[0]
    return replace(log, id=f"p{number}", entries=tuple(entries), runs=tuple(runs), notes=tuple(notes))  # fmt: skip


def roster_of(who: Athlete, count: int) -> Book:
    plans = tuple(season(who, n) for n in range(1, count + 1))
    return Book(plans, plans[0].id if plans else None)


def athletes_that_fit(who: Athlete) -> int:
    """The most athletes like ``who`` whose logs the kept text holds, by the real stored form."""
    count = 0
    while True:
        try:
            tl.dump_book(roster_of(who, count + 1))
        except InputError:
            return count
        count += 1


def test_the_readme_says_how_many_athletes_the_kept_log_holds() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    typical, longest = athletes_that_fit(TYPICAL), athletes_that_fit(LONGEST)
    assert typical < 20  # a roster of 20 such athletes does not fit: the README must say so
    said = re.search(r"holds the logs of about (\d+) athletes .*? only (\d+) when", text)
    assert said, "README: the kept log's section no longer says how many athletes it holds"
    assert (int(said[1]), int(said[2])) == (typical, longest)
    each = len(tl.dump_book(roster_of(TYPICAL, 1)))
    assert f"about {round(each, -3):,} characters an athlete" in text
    assert f"{tl.MAX_STORE_CHARS:,} characters" in text
    assert tl.MAKE_ROOM in text
    page = README.parent / "docs" / "tools" / "roster.md"
    assert f"about {typical} athletes" in " ".join(page.read_text(encoding="utf-8").split())


def call(name: str, **args: object) -> dict:
    return json.loads(bridge.call(name, json.dumps({"links": LINKS.as_data(), **args})))


@pytest.fixture(scope="module")
def full() -> str:
    return full_log()


def full_log() -> str:
    """A coach's kept log as full as it gets: typical athletes, then as much of one more
    athlete's season as fits (less room left than a session's entry takes)."""
    book = roster_of(TYPICAL, athletes_that_fit(TYPICAL))
    last = season(TYPICAL, len(book.plans) + 1)
    for count in range(len(last.entries), 0, -1):
        try:
            return tl.dump_book(
                replace(book, plans=(*book.plans, replace(last, entries=last.entries[:count])))
            )
        except InputError:
            continue
    raise AssertionError("not one more entry fits")


def test_a_full_log_refuses_the_next_athlete_changes_nothing_and_says_how_to_make_room(
    full: str,
) -> None:
    one_more = tl.dump_book(Book((replace(season(TYPICAL, 1), athlete="New Athlete"),), "p1"))
    out = call("book_import", store=full, text=one_more, today="2026-12-01")
    assert "store" not in out and "nothing was imported" in out["error"]
    assert tl.MAKE_ROOM in out["error"]
    # A session logged into a full log: refused, with the same advice beside the log.
    fields = tl.read_book(full).book.current_log.plan_texts()
    entry = {
        "session": "1-1",
        "date": "2026-01-06",
        "rpe": "5",
        "confidence": "4",
        "note": "x" * 500,
    }
    saved = call("book_save", fields=fields, store=full, entry=entry, today="2026-12-01")
    assert "store" not in saved and tl.MAKE_ROOM in saved["error"]
    # Once the coach exported and deleted an old plan, the same file goes in.
    left = call("book_delete", store=full, plan="p1", confirmed=True)["store"]
    done = call("book_import", store=left, text=one_more, today="2026-12-01")
    assert [p.athlete for p in tl.read_book(done["store"]).book.plans][-1] == "New Athlete"
