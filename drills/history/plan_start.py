"""Where a plan starts from a runner's history: the planner's current grade is the steepest
grade run regularly, and the first week's planned drop is held within the planner's own spike
rule (``drills.exposure.SPIKE_LIMIT`` over ``SPIKE_WINDOW_DAYS``) applied to the runner's real
weekly descent before the plan begins.

The planner decides each week's drop; this module only chooses inputs (a shorter repeat on the
practice slope, then fewer sessions, then a gentler start) until the planner's own first week
fits, so the plan is checked by the planner itself, never by a copy of its sums.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from drills import exposure as x
from drills.history.model import History
from drills.history.summary import Summary
from drills.planner import SESSIONS_RANGE, SLOPE_RANGE_M, make_plan
from drills.runs.advice import band_above
from drills.words import in_words, pct


@dataclass(frozen=True)
class PlanStart:
    """The planner's inputs a history hands over, and why, in one sentence."""

    current_grade_pct: float
    target_grade_pct: float
    sessions_per_week: int
    slope_length_m: float
    limit_m: float | None  # the most the first week may drop; None: no descent to measure from
    first_week_m: float  # what the planner's first week drops with these inputs
    sentence: str


def recent_biggest_week(history: History, figures: Summary) -> float | None:
    """The biggest week's descent within SPIKE_WINDOW_DAYS before the week after the summary's
    last; None when there is none or it has no descent (the rule has nothing to measure)."""
    if figures.through is None:
        return None
    start = figures.through + timedelta(weeks=1)
    days = x.SPIKE_WINDOW_DAYS
    window = [w.descent_m for w in history.weeks if 0 < (start - w.start).days <= days]
    biggest = max(window, default=0.0)
    return biggest if biggest > 0 else None


def _first_week(
    current: float, target: float, weeks: int, sessions: int, level: str, slope: float
) -> float:
    return make_plan(current, target, weeks, sessions, level, slope).weeks[0].total_drop_m


def _slopes(
    current: float, target: float, weeks: int, sessions: int, level: str, slope: float, limit: float
) -> Iterator[tuple[float, float]]:
    """(slope, first week's drop) from the runner's slope down, each shorter in proportion to
    how far the week was over, until one fits or the planner's shortest slope is reached."""
    while True:
        drop = _first_week(current, target, weeks, sessions, level, slope)
        yield slope, drop
        if drop <= limit or slope <= SLOPE_RANGE_M[0]:
            return
        shorter = x.nice_length(slope * limit / drop)
        slope = max(SLOPE_RANGE_M[0], min(shorter, slope - 1.0))


def _fit(
    current: float, target: float, weeks: int, sessions: int, level: str, slope: float, limit: float
) -> tuple[float, int, float, float]:
    """(current grade, sessions, slope, first week's drop): the first inputs, in the order
    a runner gives up least, whose first week drops no more than ``limit``."""
    grade = current
    while True:
        for count in range(sessions, SESSIONS_RANGE[0] - 1, -1):
            for length, drop in _slopes(grade, target, weeks, count, level, slope, limit):
                if drop <= limit:
                    return grade, count, length, drop
        if grade <= 0:  # at 0 % a week drops nothing: unreachable while limit >= 0
            raise AssertionError("a flat first week always fits")
        # Down the planner's own climb, one step at a time: the plan climbs back at that pace.
        grade = max(0.0, round(grade - x.MAX_GRADE_STEP_PCT[level], 2))


def _sentence(
    start: PlanStart, current: float, biggest: float | None, slope: float, sessions: int
) -> str:
    spike = f"{(x.SPIKE_LIMIT - 1) * 100:.0f} %"
    if biggest is None or start.limit_m is None:
        return (
            f"The planner starts from {pct(current)} %, your steepest regular grade, with its own "
            f"small first week ({start.first_week_m:,.0f} m of drop): you ran no descent in the "
            f"{x.SPIKE_WINDOW_DAYS} days before it, so there is no recent week to measure from."
        )
    changed = []
    if start.slope_length_m < slope:
        changed.append(f"repeats of {start.slope_length_m:g} m")
    if start.sessions_per_week < sessions:
        changed.append(f"{in_words(start.sessions_per_week)} downhill sessions a week")
    if start.current_grade_pct < current:
        changed.append(f"a gentler start at {pct(start.current_grade_pct)} %")
    how = f" (with {' and '.join(changed)})" if changed else ""
    return (
        f"The planner starts from {pct(start.current_grade_pct)} %"
        + (
            ", your steepest regular grade,"
            if start.current_grade_pct == current
            else f" (your steepest regular grade is {pct(current)} %),"
        )
        + f" with a first week of {start.first_week_m:,.0f} m of drop{how}: no more than "
        f"{spike} above your biggest week of the last {x.SPIKE_WINDOW_DAYS} days "
        f"({biggest:,.0f} m), the planner's own rule against spikes."
    )


def plan_start(
    history: History,
    figures: Summary,
    *,
    weeks: int,
    sessions_per_week: int,
    level: str,
    slope_length_m: float,
) -> PlanStart | None:
    """The planner's inputs from a history, given the rest of the planner's form; None when
    no grade counts as regular yet (the summary says what that takes)."""
    current = figures.steepest_regular_pct
    if current is None:
        return None
    current = min(current, x.TARGET_CEILING_PCT)
    target = band_above(current)
    biggest = recent_biggest_week(history, figures)
    if biggest is None:
        grade, sessions, slope = current, sessions_per_week, slope_length_m
        drop = _first_week(grade, target, weeks, sessions, level, slope)
        limit = None
    else:
        limit = x.SPIKE_LIMIT * biggest
        grade, sessions, slope, drop = _fit(
            current, target, weeks, sessions_per_week, level, slope_length_m, limit
        )
    made = PlanStart(grade, target, sessions, slope, limit, drop, "")
    return PlanStart(
        grade,
        target,
        sessions,
        slope,
        limit,
        drop,
        _sentence(made, current, biggest, slope_length_m, sessions_per_week),
    )
