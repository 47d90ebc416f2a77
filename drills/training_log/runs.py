"""Runs the reader added from their own activity files (the descent audit): real exposure.

A run counts after the last session of the plan on or before its day, and the log's rules
read it there (``adjustment``): a run whose descent is far above the recent sessions holds the
plan back, as a session that felt too hard does.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from drills.errors import InputError, shown
from drills.planner import Plan
from drills.training_log.entries import DATE_RANGE, LogEntry, after_today
from drills.words import long_date

MAX_NAME_CHARS = 80
RANGES: dict[str, tuple[float, float]] = {
    "descent_m": (0.0, 20_000.0),  # more than any race's total descent
    "steepest_grade_pct": (0.0, 100.0),
    "moving_time_s": (0.0, 7 * 24 * 3600.0),
    "cadence_spm": (60.0, 260.0),
}


@dataclass(frozen=True)
class LoggedRun:
    date: dt.date
    name: str  # the file's name, as the reader knows it
    descent_m: float
    steepest_grade_pct: float | None = None
    moving_time_s: float | None = None
    cadence_spm: float | None = None

    def __post_init__(self) -> None:
        if isinstance(self.date, dt.datetime) or not isinstance(self.date, dt.date):
            raise InputError("run", f"A run needs the day it was run; got {shown(self.date)}.")
        if self.date < DATE_RANGE[0]:
            raise InputError("run", _wrong_clock(self.date, f"before {long_date(DATE_RANGE[0])}"))
        if self.date > DATE_RANGE[1]:
            raise InputError("run", _wrong_clock(self.date, "after today"))
        if not isinstance(self.name, str) or len(self.name) > MAX_NAME_CHARS:
            raise InputError(
                "run", f"A run's name must be text of at most {MAX_NAME_CHARS} characters."
            )
        for name, (low, high) in RANGES.items():
            value = getattr(self, name)
            if value is None and name != "descent_m":
                continue
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
                or not low <= value <= high
            ):
                raise InputError(
                    "run", f"A run's {name.replace('_', ' ')} is out of range: {shown(value)}."
                )


def _wrong_clock(day: dt.date, when: str) -> str:
    return (
        f"This run is dated {long_date(day)}, {when}: the watch's clock was not set right, "
        "so it cannot go in the log."
    )


def check_run_day(run: LoggedRun, today: dt.date) -> None:
    """Refuse a run dated after ``today`` (the reader's date): no watch recorded it yet."""
    if after_today(run.date, today):
        raise InputError("run", _wrong_clock(run.date, "after today"))


def run_key(run: LoggedRun) -> str:
    """The text that names a run on the page (its remove button)."""
    return f"{run.date.isoformat()}:{run.descent_m:g}:{run.name}"


def run_json(run: LoggedRun) -> dict[str, object]:
    return {
        "date": run.date.isoformat(),
        "name": run.name,
        "descent_m": run.descent_m,
        "steepest_grade_pct": run.steepest_grade_pct,
        "moving_time_s": run.moving_time_s,
        "cadence_spm": run.cadence_spm,
    }


def run_from_json(obj: object) -> LoggedRun:
    """A run from its stored form (or the audit page's summary); InputError on anything else."""
    if not isinstance(obj, Mapping):
        raise InputError("run", "This is not a run from the descent audit.")
    text = obj.get("date")
    try:
        day = dt.date.fromisoformat(text) if isinstance(text, str) and len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise InputError(
            "run", "This file has no times, so it has no day to log: it is a course, not a run."
        )
    name = obj.get("name")
    descent = _number(obj, "descent_m")
    if descent is None:
        raise InputError("run", "This run has no descent to log.")
    return LoggedRun(
        day,
        name if isinstance(name, str) else "",
        descent,
        _number(obj, "steepest_grade_pct"),
        _number(obj, "moving_time_s"),
        _number(obj, "cadence_spm"),
    )


def _number(obj: Mapping[str, object], key: str) -> float | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError("run", f"A run's {key.replace('_', ' ')} must be a number.")
    return float(value)


def place(
    runs: Iterable[LoggedRun], plan: Plan, entries: Iterable[LogEntry]
) -> dict[tuple[int, int], list[tuple[LoggedRun, int]]]:
    """Where each run counts: after which session of the plan, and on which day of it (the
    plan's day 1 is its first day). By the plan's dates when it has a start date, else by
    the logged sessions' dates; a run before the plan, or with nothing to place it by, is
    not read."""
    sessions = [
        ((w.number, k), (w.number - 1) * 7 + s.day, s.date)
        for w in plan.weeks
        for k, s in enumerate(w.sessions, start=1)
    ]
    logged = {e.key: e.date for e in entries}
    placed: dict[tuple[int, int], list[tuple[LoggedRun, int]]] = {}
    for run in sorted(runs, key=lambda r: r.date):
        found = None
        for key, day, when in sessions:
            when = when or logged.get(key)
            if when is not None and when <= run.date:
                found = (key, day + (run.date - when).days)
        if found is not None:
            placed.setdefault(found[0], []).append((run, found[1]))
    return placed
