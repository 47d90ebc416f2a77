"""Many plans in one browser (issue 32): the book's operations, its stored form (schema 5, with
the runners' kept histories, issue 33) and every older stored form, read from copies kept in
tests/fixtures/logs.

The fixtures were written by the code of their time: schema-2.json by store.dump_store as of
6b29fad^, schema-3.json by main's dump_store before schema 4, schema-4.json by dump_book before
schema 5, schema-5.json by dump_book (schema-4.json's plans, the history page's example kept
for Anna Berg and three of its runs for the browser's own runner);
schema 1 was never written by committed code, so schema-1.json is schema-2.json's first three
entries in the form the migration documents ({"schema": 1, "entries": [...]}).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drills import training_log as tl
from drills.errors import InputError
from drills.training_log import Book, LogEntry
from tests import log_strategies

LOGS = Path(__file__).parent / "fixtures" / "logs"
MONDAY = dt.date(2026, 3, 2)
BASE = {"current": "4", "target": "10", "weeks": "8", "sessions": "3", "level": "beginner", "slope": "200", "start": "2026-03-02"}  # fmt: skip
# Three plans with different sessions (same_plan tells them apart), by their target.
TEXTS = [{**BASE, "target": t} for t in ("10", "12", "14")]
ATHLETES = ["", "Anna Berg", "Ben Okafor"]


def fixture(version: int) -> str:
    return (LOGS / f"schema-{version}.json").read_text(encoding="utf-8")


def raw_entries(text: str) -> list[dict[str, object]]:
    data = json.loads(text)
    if data["schema"] >= 4:
        return [e for p in data["plans"] for e in p["entries"]]
    return list(data["entries"])


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_every_stored_version_reads_whole(version: int) -> None:
    text = fixture(version)
    assert json.loads(text)["schema"] == version
    reading = tl.read_book(text)
    assert reading.message is None and reading.complete and not reading.newer
    book = reading.book
    assert book.entry_count == len(raw_entries(text)) > 0
    assert book.current is not None
    # Written as a book and read again: the same book, and the same text once more.
    again = tl.read_book(tl.dump_book(book)).book
    assert again == book
    assert tl.dump_book(again) == tl.dump_book(book)


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_log_is_one_plan_with_everything_kept(version: int) -> None:
    text = fixture(version)
    book = tl.read_book(text).book
    assert len(book.plans) == 1 and book.plans[0].athlete == ""
    single = tl.read_store(text)[0]
    assert book.plans[0].store == single
    if version >= 2:
        assert single.plan_texts() == json.loads(text)["plan"]
    if version == 3:
        assert len(book.plans[0].runs) == len(json.loads(text)["runs"]) == 1


def test_the_single_plan_reader_shows_a_books_current_plan() -> None:
    """The planner page reads a book through read_text: the current plan's log."""
    book = tl.read_book(fixture(4)).book
    store = tl.read_store(fixture(4))[0]
    assert store == book.get(book.current).store
    assert store.runs and store.entries


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_every_older_export_imports_into_an_athletes_row(version: int) -> None:
    kept = tl.read_book(fixture(4)).book
    incoming = tl.read_book(fixture(version), source="file").book
    done = tl.import_book(kept, incoming, athlete="Cleo")
    assert done.book.entry_count == kept.entry_count + done.added
    for plan_id, theirs in zip(done.plans, incoming.plans, strict=True):
        mine = done.book.get(plan_id)
        assert {e.key: e for e in theirs.entries}.items() <= {
            e.key: e for e in mine.entries
        }.items()
        assert mine.athlete == (theirs.athlete or "Cleo")
    # The same file again changes nothing: an entry imported twice counts once.
    twice = tl.import_book(done.book, incoming, athlete="Cleo")
    assert twice.book == done.book and twice.added == twice.replaced == 0


def test_a_new_plan_beside_an_old_log_keeps_the_old_plan() -> None:
    old = tl.read_book(fixture(3)).book
    book = tl.start_plan(old, TEXTS[2])
    assert len(book.plans) == 2 and book.current == book.plans[1].id
    assert book.plans[0] == old.plans[0]
    # Back to the first plan: the same log, untouched.
    assert tl.switch_plan(book, old.plans[0].id).current_log == old.plans[0]


def test_a_moved_start_date_is_the_same_plan() -> None:
    book = tl.start_plan(Book(), TEXTS[0], "Anna")
    book = tl.log_entry(book, "p1", LogEntry(1, 1, MONDAY, 5, 4))
    moved = tl.start_plan(book, {**TEXTS[0], "start": "2026-03-09"}, "anna ")
    assert len(moved.plans) == 1 and moved.plans[0].entries == book.plans[0].entries
    assert moved.plans[0].plan_texts()["start"] == "2026-03-09"


def test_only_delete_plan_removes_a_plan() -> None:
    book = tl.read_book(fixture(4)).book
    gone = tl.delete_plan(book, "p1")
    assert [p.id for p in gone.plans] == ["p2", "p3"] and gone.current == "p3"
    assert tl.delete_plan(gone, "p3").current == "p2"
    with pytest.raises(InputError):
        tl.delete_plan(book, "p9")


def test_a_long_athlete_name_is_refused_with_its_length() -> None:
    with pytest.raises(InputError) as caught:
        tl.start_plan(Book(), TEXTS[0], "x" * (tl.MAX_NAME_CHARS + 1))
    assert caught.value.field == "athlete"
    assert tl.clean_athlete(" Anna\n\tBerg\x00 ") == "Anna Berg"


def test_a_damaged_plan_in_a_book_is_left_out_and_said() -> None:
    data = json.loads(fixture(4))
    data["plans"][1]["id"] = "<script>"
    reading = tl.read_book(json.dumps(data), source="file")
    assert [p.id for p in reading.book.plans] == ["p1", "p3"]
    assert not reading.complete
    assert reading.message == "This file holds 1 plan that could not be read and was left out."


@pytest.mark.parametrize("current", [["p1"], {"p": 1}, "p9", None, 3])
def test_a_tampered_current_plan_reads_as_the_last_plan(current: object) -> None:
    data = json.loads(fixture(4))
    data["current"] = current
    assert tl.read_book(json.dumps(data)).book.current == "p3"


def test_a_version_4_book_reads_as_one_with_no_history_and_keeps_everything() -> None:
    four, five = tl.read_book(fixture(4)).book, tl.read_book(fixture(5)).book
    assert four.histories == () and four.plans == five.plans
    assert [h.athlete for h in five.histories] == ["Anna Berg", ""]
    assert [len(h.runs) for h in five.histories] == [18, 3]
    # What a version 4 book becomes once written: version 5, the same plans, nothing lost.
    assert json.loads(tl.dump_book(four))["schema"] == tl.SCHEMA_VERSION == 5
    assert tl.read_book(tl.dump_book(four)).book == four


def test_a_kept_history_is_summaries_never_tracks() -> None:
    data = json.loads(fixture(5))
    run_keys = {k for h in data["histories"] for r in h["runs"] for k in r}
    assert run_keys == {"date", "name", "descent_m", "steepest_grade_pct", "moving_time_s",
                        "cadence_spm", "started", "distance_m"}  # fmt: skip
    week_keys = {k for h in data["histories"] for w in h["weeks"] for k in w}
    assert week_keys == {"start", "runs", "distance_m", "descent_m", "moving_time_s",
                         "steepest_steady_pct"}  # fmt: skip


def _anna() -> tl.KeptHistory:
    found = tl.read_book(fixture(5)).book.history_of("anna berg")
    assert found is not None
    return found


def test_keeping_again_replaces_the_same_runs_and_the_weeks_it_covers() -> None:
    book = tl.read_book(fixture(5)).book
    anna = _anna()
    assert tl.keep_history(book, anna) == book  # the same export kept twice: no doubles
    # A later export holding the last two weeks again (re-exported: a second off) and a new week.
    later = anna.runs[-4:]
    moved = [dataclasses.replace(k, started=k.started + dt.timedelta(seconds=1)) for k in later]
    new_week = dataclasses.replace(anna.weeks[-1], start=anna.weeks[-1].start + dt.timedelta(7))
    again = tl.keep_history(
        book, tl.KeptHistory("Anna Berg", tuple(moved), (*anna.weeks[-2:], new_week))
    ).history_of("Anna Berg")
    assert again is not None
    assert len(again.runs) == len(anna.runs)  # replaced, not doubled
    assert set(moved) <= set(again.runs) and not set(later) & set(again.runs)
    assert [w.start for w in again.weeks] == [*(w.start for w in anna.weeks), new_week.start]
    # The other runner's history and every plan untouched.
    after = tl.keep_history(book, tl.KeptHistory("Anna Berg", tuple(moved)))
    assert after.history_of("") == book.history_of("") and after.plans == book.plans


def test_a_damaged_kept_run_is_left_out_and_said() -> None:
    data = json.loads(fixture(5))
    data["histories"][0]["runs"][0]["started"] = "yesterday"
    data["histories"][1]["weeks"][0]["start"] = "2026-03-04"  # not a Monday
    reading = tl.read_book(json.dumps(data))
    assert not reading.complete and reading.message is not None
    assert "2 parts of a kept running history" in reading.message
    assert len(reading.book.history_of("Anna Berg").runs) == 17  # type: ignore[union-attr]


def test_export_and_import_carry_the_athletes_history() -> None:
    book = tl.read_book(fixture(5)).book
    sent = tl.export_book(book, "p1")  # Anna's plan
    assert sent.histories == (_anna(),)
    into = tl.import_book(Book(), tl.read_book(tl.dump_book(sent), source="file").book)
    assert into.book.history_of("Anna Berg") == _anna()
    # A coach's import of a file naming no one: the history goes to the row's athlete.
    own = tl.export_book(book, "p3")
    coach = tl.import_book(Book(), own, "Kim Lee").book
    assert coach.history_of("Kim Lee") == dataclasses.replace(
        book.history_of(""), athlete="Kim Lee"
    )  # type: ignore[arg-type]
    assert coach.history_of("") is None
    # Deleting a plan keeps the runner's history.
    assert tl.delete_plan(book, "p1").histories == book.histories


def test_a_newer_book_is_refused() -> None:
    newer = fixture(4).replace('"schema": 4', f'"schema": {tl.SCHEMA_VERSION + 1}')
    reading = tl.read_book(newer)
    assert reading.newer and reading.book == Book()


def test_single_plan_changes_keep_a_book_a_book() -> None:
    kept = fixture(4)
    book = tl.read_book(kept).book
    current = book.get(book.current)
    entry = LogEntry(1, 2, dt.date(2026, 9, 9), 6, 4)
    single = tl.with_changes(current.store, entries=[*current.entries, entry])
    after = tl.read_book(tl.written_back(kept, single)).book
    assert after.get("p3").entries == (*current.entries, entry)
    assert [p for p in after.plans if p.id != "p3"] == [p for p in book.plans if p.id != "p3"]
    # An older single-plan log stays in its own form.
    assert tl.written_back(fixture(3), single) == single
    # The page's "delete the log" on a book deletes only the current plan.
    assert [p.id for p in tl.read_book(tl.written_back(kept, "")).book.plans] == ["p1", "p2"]


# --- Property: no entry lost, no two plans' entries mixed -------------------------------------


@st.composite
def one_entry(draw: st.DrawFn) -> LogEntry:
    """An entry of log_strategies' kind for a session of the first weeks, with a note of any
    characters (the stored form's JSON keeps each as it was)."""
    key = (draw(st.integers(1, 3)), draw(st.integers(1, 4)))
    dates = st.dates(MONDAY, MONDAY + dt.timedelta(days=30))
    return dataclasses.replace(
        log_strategies.entries(draw, [key], dates)[0], note=draw(st.text(max_size=8))
    )


entries_st = one_entry()
RUN_DAY = dt.datetime(2026, 3, 2, 7, tzinfo=dt.UTC)
DISTANCES = (5000.0, 8000.0)  # more than the duplicate rule's share apart: two runs, not one


@st.composite
def kept_run(draw: st.DrawFn) -> tl.KeptRun:
    """A run of a history on one of a few starts an hour apart, a second or two off (an
    export and a re-export of it); the same start and distance are one activity."""
    slot, distance = draw(st.integers(0, 5)), draw(st.sampled_from(DISTANCES))
    started = RUN_DAY + dt.timedelta(hours=slot, seconds=draw(st.integers(0, 2)))
    run = tl.LoggedRun(started.date(), draw(st.text(max_size=4)), draw(st.floats(0, 900)))
    return tl.KeptRun(run, started, distance)


def _activity(kept: tl.KeptRun) -> tuple[int, float]:
    return (kept.started.hour, kept.distance_m)


steps_st = st.lists(
    st.one_of(
        st.tuples(st.just("start"), st.integers(0, 2), st.integers(0, 2)),
        st.tuples(st.just("log"), entries_st),
        st.tuples(st.just("switch"), st.integers(0, 5)),
        st.tuples(
            st.just("import"),
            st.integers(0, 2),
            st.integers(0, 2),
            st.lists(entries_st, max_size=4),
        ),
        st.tuples(st.just("export")),
        st.tuples(st.just("store")),
        st.tuples(st.just("keep"), st.integers(0, 2), st.lists(kept_run(), max_size=4)),
    ),
    max_size=25,
)


def _identity(log: tl.PlanLog) -> tuple[str, str]:
    return (log.athlete.casefold(), log.plan_texts()["target"])  # type: ignore[index]


@settings(max_examples=60, deadline=None)
@given(steps_st)
def test_any_sequence_loses_no_entry_and_mixes_no_plans(steps: list[tuple[object, ...]]) -> None:
    book = Book()
    expected: dict[tuple[str, str], dict[tuple[int, int], LogEntry]] = {}
    kept: dict[str, dict[tuple[int, float], tl.KeptRun]] = {}  # athlete → activity → run
    for step in steps:
        kind = step[0]
        if kind == "start":
            athlete, texts = ATHLETES[step[1]], TEXTS[step[2]]  # type: ignore[index]
            book = tl.start_plan(book, texts, athlete)
            expected.setdefault((athlete.casefold(), texts["target"]), {})
        elif kind == "log" and book.current is not None:
            entry = step[1]
            assert isinstance(entry, LogEntry)
            book = tl.log_entry(book, book.current, entry)
            expected[_identity(book.get(book.current))][entry.key] = entry
        elif kind == "switch" and book.plans:
            book = tl.switch_plan(book, book.plans[step[1] % len(book.plans)].id)  # type: ignore[operator]
        elif kind == "import":
            athlete, texts = ATHLETES[step[1]], TEXTS[step[2]]  # type: ignore[index]
            incoming = list({e.key: e for e in step[3]}.values())  # type: ignore[attr-defined]
            older = tl.dump_store(incoming, texts)  # an athlete's single-plan export
            book = tl.import_book(book, tl.read_book(older, source="file").book, athlete).book
            expected.setdefault((athlete.casefold(), texts["target"]), {}).update(
                {e.key: e for e in incoming}
            )
        elif kind == "export" and book.current is not None:
            sent = tl.dump_book(tl.export_book(book, book.current))
            back = tl.import_book(book, tl.read_book(sent, source="file").book)
            assert back.added == back.replaced == 0 and back.book == book
        elif kind == "store":  # kept, read back (migrated through every reader)
            book = tl.read_book(tl.dump_book(book)).book
        elif kind == "keep":
            athlete = ATHLETES[step[1]]  # type: ignore[index]
            runs = list({_activity(k): k for k in step[2]}.values())  # type: ignore[attr-defined]
            book = tl.keep_history(book, tl.KeptHistory(athlete, tuple(runs)))
            kept.setdefault(athlete.casefold(), {}).update({_activity(k): k for k in runs})
        got = {_identity(p): {e.key: e for e in p.entries} for p in book.plans}
        assert len(got) == len(book.plans)  # one plan per athlete and plan
        assert got == expected
        histories = {
            h.athlete.casefold(): {_activity(k): k for k in h.runs} for h in book.histories
        }
        assert histories == kept  # no run lost, doubled, or in another runner's history
