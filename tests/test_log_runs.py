"""Runs from the reader's own activity files in the training log: stored, migrated, and read
by the log's rules as real exposure."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from drills import bridge, planner, training_log
from drills.errors import InputError
from drills.training_log import LogEntry, LoggedRun, dump_store, read_store
from drills.training_log.runs import place
from tests.pages import LINKS

MONDAY = dt.date(2026, 3, 2)
PLAN = planner.make_plan(4, 10, 10, 3, "beginner", 200, MONDAY)
FIELDS = {"current": "4", "target": "10", "weeks": "10", "sessions": "3", "level": "beginner", "slope": "200", "start": "2026-03-02"}  # fmt: skip


def call(name: str, **args: object) -> dict:
    return json.loads(bridge.call(name, json.dumps({"links": LINKS.as_data(), **args})))


def run(day: dt.date, descent: float = 60.0) -> LoggedRun:
    return LoggedRun(day, "morning-run.fit", descent, 14.0, 3000.0, 172.0)


def test_runs_round_trip_and_older_logs_migrate() -> None:
    text = dump_store([LogEntry(1, 1, MONDAY, 5, 4)], FIELDS, [run(MONDAY)])
    store, message = read_store(text)
    assert message is None and store.runs == (run(MONDAY),)
    assert dump_store(store.entries, store.plan, store.runs) == text
    version_two = json.loads(text)
    version_two.update(schema=2)
    del version_two["runs"]
    old, message = read_store(json.dumps(version_two), source="file")
    assert message is None and old.entries == store.entries and old.runs == ()


def test_a_course_without_a_day_is_refused_in_words() -> None:
    with pytest.raises(InputError, match="course"):
        training_log.run_from_json({"date": None, "descent_m": 300, "name": "race.gpx"})


def test_a_run_counts_after_the_last_session_on_or_before_its_day() -> None:
    placed = place([run(MONDAY + dt.timedelta(days=3))], PLAN, [])
    ((key, [(_, day)]),) = placed.items()
    assert key == (1, 2) and day == 4  # after Wednesday's session, on the plan's day 4


def test_a_run_far_bigger_than_recent_sessions_holds_the_plan_back() -> None:
    small = training_log.adjust_plan(PLAN, [], [run(MONDAY + dt.timedelta(days=8), 10)])
    assert small.changes == ()
    big = training_log.adjust_plan(PLAN, [], [run(MONDAY + dt.timedelta(days=8), 400)])
    (change,) = [c for c in big.changes if c.rule == "run"]
    assert change.week == 2 and change.session == 1 and "descended 400 m" in change.text
    assert "descended 400 m" in change.text and "Week 3 holds steepness" in change.text
    # Week 3 is a lighter week anyway; the hold shows in week 4, which stays a step behind.
    assert big.plan.weeks[3].steepest_grade_pct < PLAN.weeks[3].steepest_grade_pct
    assert big.plan.weeks[2].sessions[0].repeats < PLAN.weeks[2].sessions[0].repeats


def test_the_audit_page_adds_a_run_and_the_planner_shows_it() -> None:
    summary = {"date": "2026-03-10", "descent_m": 400.0, "steepest_grade_pct": 18.0,
               "moving_time_s": 3600.0, "descent_cadence_spm": None, "cadence_spm": None}  # fmt: skip
    added = call("log_add_run", store="", run={**summary, "name": "hill.fit"})
    assert added["summary"].startswith("Added your run of 2026-03-10")
    again = call("log_add_run", store=added["store"], run={**summary, "name": "hill.fit"})
    assert "already in the log" in again["error"]
    view = call("compute", tool="planner", fields=FIELDS, store=added["store"], query="?x")
    assert "hill.fit" in view["regions"]["log-view"]["html"]
    assert "descended 400 m" in view["regions"]["log-view"]["html"]
    key = training_log.run_key(read_store(added["store"])[0].runs[0])
    removed = call("log_remove_run", fields=FIELDS, store=added["store"], run_key=key, query="?x")
    assert read_store(removed["store"])[0].runs == ()
