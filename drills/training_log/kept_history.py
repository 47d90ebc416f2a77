"""A runner's history as the training log keeps it: per-run and per-week summaries, never tracks.

The history page reads a whole export (``drills.history``); when the reader asks, its runs'
summaries and its weeks go into the kept log (``plan_logs.Book.histories``, one per runner), so
the planner can set a plan's weeks beside the descent actually run. Keeping again replaces the
same runs (``drills.history.same_activity``, the rule the history counts a run once by) and the
weeks the new export covers.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from drills.errors import InputError
from drills.history import History, Week, same_activity
from drills.history.duplicates import DUPLICATE_DISTANCE_SHARE
from drills.runs.advice import log_summary
from drills.training_log.runs import MAX_NAME_CHARS, RANGES, LoggedRun, run_from_json, run_json

MAX_DISTANCE_M = 1_000_000.0  # a week's running: far more than anyone's


@dataclass(frozen=True)
class KeptRun:
    """One run's summary: what the log keeps of any run, with its start and distance (the
    duplicate rule's two measures)."""

    run: LoggedRun  # date, name, descent, steepest grade, moving time, cadence
    started: dt.datetime  # UTC, to the second
    distance_m: float

    def __post_init__(self) -> None:
        if not isinstance(self.started, dt.datetime) or self.started.utcoffset() != dt.timedelta():
            raise InputError("history", "A kept run needs its start time in UTC.")
        if self.started.date() != self.run.date:
            raise InputError("history", "A kept run's start is not on its day.")
        _check(self.distance_m, MAX_DISTANCE_M, "distance")

    @property
    def start_s(self) -> float:
        return self.started.timestamp()


@dataclass(frozen=True)
class KeptWeek:
    """One Monday-start week's summary (``drills.history.Week`` without its bands)."""

    start: dt.date  # a Monday
    runs: int
    distance_m: float
    descent_m: float
    moving_time_s: float
    steepest_steady_pct: float | None

    def __post_init__(self) -> None:
        if isinstance(self.start, dt.datetime) or not isinstance(self.start, dt.date):
            raise InputError("history", "A kept week needs the Monday it starts on.")
        if self.start.weekday() != 0:
            raise InputError("history", "A kept week starts on a Monday.")
        if isinstance(self.runs, bool) or not isinstance(self.runs, int) or self.runs < 0:
            raise InputError("history", "A kept week's count of runs is not a count.")
        _check(self.distance_m, MAX_DISTANCE_M, "distance")
        _check(self.descent_m, MAX_DISTANCE_M, "descent")
        _check(self.moving_time_s, 7 * 24 * 3600.0, "moving time")
        if self.steepest_steady_pct is not None:
            _check(self.steepest_steady_pct, RANGES["steepest_grade_pct"][1], "steady grade")


def _check(value: object, high: float, what: str) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 <= value <= high
    ):
        raise InputError("history", f"A kept {what} is out of range.")


@dataclass(frozen=True)
class KeptHistory:
    """One runner's kept history: runs in start order, weeks in date order, one per Monday."""

    athlete: str = ""  # "" for the browser's own runner, as a plan's athlete
    runs: tuple[KeptRun, ...] = ()
    weeks: tuple[KeptWeek, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "runs", tuple(sorted(set(self.runs), key=_run_order)))
        weeks = {w.start: w for w in self.weeks}
        if len(weeks) != len(self.weeks):
            raise InputError("history", "Two kept weeks start on one Monday.")
        object.__setattr__(self, "weeks", tuple(weeks[k] for k in sorted(weeks)))

    @cached_property
    def days(self) -> list[dt.date]:
        """Each run's day, in the runs' order (a UTC start's date: in order too)."""
        return [k.run.date for k in self.runs]


def _run_order(kept: KeptRun) -> tuple[object, ...]:
    return (kept.started, kept.distance_m, kept.run.name, kept.run.descent_m)


def _tenth(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def kept_from(history: History, athlete: str = "") -> KeptHistory:
    """What the log keeps of a history read from an export: each counted run's summary (as the
    descent audit adds a run to the log) and each week's."""
    runs = []
    for item in history.runs:
        if item.audit is None or item.started is None:
            continue
        said = log_summary(item.audit)
        name = (item.title or item.path.rsplit("/", 1)[-1])[:MAX_NAME_CHARS]
        run = LoggedRun(
            item.started.date(),
            name,
            round(said.descent_m, 1),
            _tenth(said.steepest_grade_pct),
            _tenth(said.moving_time_s),
            _tenth(said.descent_cadence_spm),
        )
        started = item.started.astimezone(dt.UTC).replace(microsecond=0)
        runs.append(KeptRun(run, started, round(item.audit.distance_m, 1)))
    weeks = [
        KeptWeek(
            w.start,
            w.runs,
            round(w.distance_m, 1),
            round(w.descent_m, 1),
            round(w.moving_time_s, 1),
            w.steepest_steady_pct,
        )
        for w in history.weeks
    ]
    return KeptHistory(athlete, tuple(runs), tuple(weeks))


def merged(old: KeptHistory | None, new: KeptHistory) -> KeptHistory:
    """``new`` kept over ``old``: the same runs replaced (no run twice), the weeks the new
    export covers replaced, the rest of ``old`` kept."""
    if old is None:
        return new
    runs = [
        r
        for r in old.runs
        if not any(
            same_activity(r.start_s, r.distance_m, n.start_s, n.distance_m) for n in new.runs
        )
    ]
    first = new.weeks[0].start if new.weeks else None
    last = new.weeks[-1].start if new.weeks else None
    weeks = [w for w in old.weeks if first is None or last is None or not first <= w.start <= last]
    return KeptHistory(old.athlete, (*runs, *new.runs), (*weeks, *new.weeks))


def as_history(kept: KeptHistory) -> History:
    """The kept weeks as a history ``drills.history.summary`` and ``plan_start`` read (what
    they need of a week is its descent and steady grade; a week not kept had no runs)."""
    weeks = tuple(
        Week(w.start, w.runs, w.distance_m, w.descent_m, w.moving_time_s, (), w.steepest_steady_pct)
        for w in kept.weeks
    )
    return History((), weeks)


def same_day_run(logged: LoggedRun, kept: LoggedRun) -> bool:
    """Whether a run added from the descent audit is a kept history's run: the same day and
    about the same descent (the log's run has no start time; the same file read twice gives
    the same descent, a device's and an app's copy within the duplicate rule's share)."""
    return logged.date == kept.date and abs(
        logged.descent_m - kept.descent_m
    ) <= DUPLICATE_DISTANCE_SHARE * max(logged.descent_m, kept.descent_m)


def runs_between(
    history: KeptHistory, first: dt.date, last: dt.date, logged: Iterable[LoggedRun] = ()
) -> tuple[LoggedRun, ...]:
    """The kept runs dated from ``first`` to ``last``, leaving out those the log already has
    (``same_day_run``), so no run counts twice."""
    already = list(logged)
    days = history.days  # the runs are in start order: a week's are found by halving
    within = history.runs[bisect_left(days, first) : bisect_right(days, last)]
    return tuple(k.run for k in within if not any(same_day_run(r, k.run) for r in already))


def history_json(history: KeptHistory) -> dict[str, object]:
    return {
        "athlete": history.athlete,
        "runs": [
            {**run_json(k.run), "started": k.started.isoformat(), "distance_m": k.distance_m}
            for k in history.runs
        ],
        "weeks": [
            {
                "start": w.start.isoformat(),
                "runs": w.runs,
                "distance_m": w.distance_m,
                "descent_m": w.descent_m,
                "moving_time_s": w.moving_time_s,
                "steepest_steady_pct": w.steepest_steady_pct,
            }
            for w in history.weeks
        ],
    }


def kept_run_from_json(obj: object) -> KeptRun:
    """A kept run from its stored form; InputError, TypeError, ValueError or KeyError on
    anything else."""
    if not isinstance(obj, Mapping):
        raise TypeError("not a kept run")
    started = obj.get("started")
    if not isinstance(started, str) or len(started) > 40:
        raise TypeError("not a start time")
    fields: Mapping[str, Any] = obj  # checked by KeptRun
    return KeptRun(run_from_json(obj), dt.datetime.fromisoformat(started), fields["distance_m"])


def kept_week_from_json(obj: object) -> KeptWeek:
    if not isinstance(obj, Mapping):
        raise TypeError("not a kept week")
    start = obj.get("start")
    if not isinstance(start, str) or len(start) != 10:
        raise TypeError("not a week's start")
    fields: Mapping[str, Any] = obj  # each checked by KeptWeek
    return KeptWeek(
        dt.date.fromisoformat(start),
        fields["runs"],
        fields["distance_m"],
        fields["descent_m"],
        fields["moving_time_s"],
        fields["steepest_steady_pct"],
    )
