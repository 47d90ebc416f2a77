"""The coach's roster (issue 32): rows, flags at the log's own thresholds, the order, planned
against done, and the command line that reads a folder of exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from drills import exposure as x
from drills import training_log as tl
from drills.training_log import Book, LogEntry, LoggedRun
from drills.training_log import __main__ as cli
from drills.training_log import roster as r

LOGS = Path(__file__).parent / "fixtures" / "logs"
MONDAY = dt.date(2026, 3, 2)
TEXTS = {"current": "4", "target": "10", "weeks": "6", "sessions": "2", "level": "beginner", "slope": "200", "start": MONDAY.isoformat()}  # fmt: skip


def athlete(book: Book, name: str, *entries: LogEntry, target: str = "10") -> Book:
    book = tl.start_plan(book, {**TEXTS, "target": target}, name)
    for entry in entries:
        book = tl.log_entry(book, book.current, entry)
    return book


def test_flags_use_the_logs_thresholds() -> None:
    calm = LogEntry(1, 1, MONDAY, 5, x.LOW_CONFIDENCE + 1, soreness=x.MILD_SORENESS)
    assert r.attention_flags(calm) == ()
    tense = LogEntry(1, 1, MONDAY, 5, x.LOW_CONFIDENCE, soreness=x.MILD_SORENESS + 1)
    assert r.attention_flags(tense) == ("low_confidence", "high_soreness")
    hurt = LogEntry(1, 1, MONDAY, 5, 4, flags=("fall", "pain"))
    assert r.attention_flags(hurt) == ("pain", "fall")
    rule = r.order_rule()
    assert f"{x.LOW_CONFIDENCE}/5" in rule and f"over {x.MILD_SORENESS}/10" in rule


def test_the_athlete_who_needs_attention_comes_first() -> None:
    book = athlete(Book(), "Zoe", LogEntry(1, 1, MONDAY, 5, 4, flags=("pain",)))
    book = athlete(book, "Adam", LogEntry(1, 1, MONDAY, 5, 4, soreness=1))
    book = athlete(book, "Mia", LogEntry(1, 1, MONDAY, 5, x.LOW_CONFIDENCE))
    book = athlete(book, "Ben")  # nothing logged, a session due
    rows = r.roster_rows(book, MONDAY)  # the first session is due
    assert [row.athlete for row in rows] == ["Zoe", "Mia", "Ben", "Adam"]
    zoe = rows[0]
    assert zoe.flags == ("pain",)
    assert zoe.changes and "Pain" in zoe.changes[0]  # what the log changed, from adjustment
    assert rows[2].behind and not rows[3].behind


def test_counts_this_week_and_overall() -> None:
    entries = [LogEntry(w, s, MONDAY + dt.timedelta(days=7 * (w - 1) + s), 5, 4) for w, s in
               [(1, 1), (1, 2), (1, 3), (2, 1)]]  # fmt: skip
    book = athlete(Book(), "Anna", *entries)
    book = tl.start_plan(book, {**TEXTS, "target": "12"}, "Anna")  # a second plan, current
    book = tl.switch_plan(book, "p1")
    [row] = r.roster_rows(book, MONDAY + dt.timedelta(days=8))
    p = row.progress
    assert (p.plan_id, p.week, p.done_week, p.planned_week) == ("p1", 2, 1, 3)
    assert (p.done, p.planned, row.plans) == (4, 18, 2)
    assert row.last == entries[-1]


def test_planned_against_logged_and_run_descent() -> None:
    book = athlete(Book(), "Anna", LogEntry(1, 1, MONDAY, 5, 4, soreness=1))
    log = book.get("p1")
    log = tl.PlanLog(log.id, log.athlete, log.plan, log.entries,
                     (LoggedRun(MONDAY + dt.timedelta(days=8), "hill.gpx", 250.0),))  # fmt: skip
    weeks = r.planned_and_done(log)
    plan = tl.adjust_plan(r.plan_from_texts(TEXTS), log.entries).plan  # type: ignore[arg-type]
    assert [w.planned_m for w in weeks] == [w.total_drop_m for w in r.plan_from_texts(TEXTS).weeks]  # type: ignore[union-attr]
    assert weeks[0].logged_m == plan.weeks[0].sessions[0].vertical_drop_m > 0
    assert sum(w.logged_m for w in weeks[1:]) == 0
    assert weeks[1].run_m == 250.0 and weeks[0].run_m == 0


def write_folder(folder: Path) -> None:
    for version in (1, 2, 3, 4):
        name = f"schema-{version}.json"
        (folder / name).write_text((LOGS / name).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "=cmd().json").write_text((LOGS / "schema-3.json").read_text(), encoding="utf-8")
    (folder / "notes.txt").write_text("not a log")
    (folder / "broken.json").write_text("{", encoding="utf-8")


def test_the_command_line_reads_a_folder_of_every_version(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    write_folder(tmp_path)
    out = io.StringIO()
    assert cli.main(["roster", str(tmp_path), "--json", "--today", "2026-03-20"], out) == 0
    data = json.loads(out.getvalue())
    names = [a["athlete"] for a in data["athletes"]]
    # Older exports name no athlete: each is filed under its file's name; a book names its own.
    assert sorted(names) == sorted(
        ["=cmd()", "schema-1", "schema-2", "schema-3", "Anna Berg", "Ben Okafor", "schema-4"]
    )
    assert data["athletes"][0]["flags"] == ["Pain"]
    assert "broken.json: This file is damaged" in capsys.readouterr().err
    out = io.StringIO()
    assert cli.main(["roster", str(tmp_path), "--json", "--today", "2026-12-01"], out) == 0
    total = sum(a["done"] for a in json.loads(out.getvalue())["athletes"])
    assert total == 3 + 4 + 2 + 2 + 4  # every entry of every file (schema 4 holds 4)

    out = io.StringIO()
    assert cli.main(["roster", str(tmp_path), "--csv", "--today", "2026-03-20"], out) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    shown = [row["athlete"] for row in rows]
    assert shown == [n.replace("=", "'=") for n in names]  # a file's name is never a formula
    out = io.StringIO()
    assert cli.main(["roster", str(tmp_path), "--today", "2026-03-20"], out) == 0
    assert out.getvalue().endswith(r.order_rule() + "\n")


def test_the_command_line_says_when_there_is_no_log(tmp_path: Path) -> None:
    assert cli.main(["roster", str(tmp_path)], io.StringIO()) == 1
    assert cli.main(["roster", str(tmp_path / "missing")], io.StringIO()) == 1


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_export_alone_makes_a_roster(version: int, tmp_path: Path) -> None:
    (tmp_path / "kim.json").write_text((LOGS / f"schema-{version}.json").read_text())
    out = io.StringIO()
    assert cli.main(["roster", str(tmp_path), "--json", "--today", "2026-04-01"], out) == 0
    [row] = json.loads(out.getvalue())["athletes"]
    assert row["athlete"] == "kim" and row["done"] > 0
