"""From a history to the planner: the current grade is the steepest regular grade, and the
first week's planned drop stays within the planner's own spike rule over the runner's real
recent weeks (drills.exposure.SPIKE_LIMIT, SPIKE_WINDOW_DAYS)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drills import exposure, planner
from drills.history import History, Week, summary
from drills.history.plan_start import plan_start, recent_biggest_week

FIRST = date(2026, 1, 5)  # a Monday


def _history(descents: list[float], steady: list[float | None]) -> History:
    weeks = tuple(
        Week(FIRST + timedelta(weeks=k), 1, 10_000.0, d, 3600.0, (), s)
        for k, (d, s) in enumerate(zip(descents, steady, strict=True))
    )
    return History((), weeks)


def _start(history: History, sessions: int = 3, level: str = "beginner", slope: float = 200):
    return plan_start(
        history,
        summary(history),
        weeks=10,
        sessions_per_week=sessions,
        level=level,
        slope_length_m=slope,
    )


def test_a_big_recent_week_keeps_the_planners_own_first_week() -> None:
    history = _history([900, 1200, 800, 1000], [10, 10, 10, 12])
    start = _start(history)
    assert start is not None
    own = planner.make_plan(10, 15, 10, 3, "beginner", 200).weeks[0].total_drop_m
    assert (start.current_grade_pct, start.target_grade_pct) == (10, 15)
    assert (start.sessions_per_week, start.slope_length_m) == (3, 200)
    assert start.first_week_m == own and start.limit_m == pytest.approx(1320)
    assert start.sentence == (
        f"The planner starts from 10 %, your steepest regular grade, with a first week of "
        f"{own:,.0f} m of drop: no more than 10 % above your biggest week of the last 30 days "
        "(1,200 m), the planner's own rule against spikes."
    )


def test_a_small_recent_week_shortens_the_repeats_to_fit() -> None:
    history = _history([40, 30, 20, 25], [12, 12, 12, 12])
    start = _start(history)
    assert start is not None and start.limit_m == pytest.approx(44)
    assert start.first_week_m <= 44 and start.slope_length_m < 200
    plan = planner.make_plan(
        start.current_grade_pct,
        start.target_grade_pct,
        10,
        start.sessions_per_week,
        "beginner",
        start.slope_length_m,
    )
    assert plan.weeks[0].total_drop_m == start.first_week_m
    assert f"repeats of {start.slope_length_m:g} m" in start.sentence


def test_only_the_weeks_within_the_rules_window_count() -> None:
    # 5,000 m five weeks before the plan: outside the 30 days the rule looks back over.
    history = _history([5000, 40, 30, 20, 25], [12, 12, 12, 12, 12])
    assert exposure.SPIKE_WINDOW_DAYS == 30  # the weeks above assume it
    assert recent_biggest_week(history, summary(history)) == 40


def test_no_recent_descent_keeps_the_planners_baseline_and_says_why() -> None:
    # Unreachable from real files (a regular grade needs descent in recent weeks), but the
    # summary's types allow it: the planner's own baseline week then stands.
    start = _start(_history([0, 0, 0], [8, 8, 8]))
    own = planner.make_plan(8, 10, 10, 3, "beginner", 200).weeks[0].total_drop_m
    assert start is not None and start.limit_m is None and start.first_week_m == own
    assert "no recent week to measure from" in start.sentence


def test_no_regular_grade_hands_over_nothing() -> None:
    assert _start(_history([300, 300], [8, None])) is None


@settings(max_examples=60, deadline=None)
@given(
    descents=st.lists(st.one_of(st.floats(0, 150), st.floats(0, 3000)), min_size=3, max_size=10),
    grades=st.lists(st.sampled_from([0.0, 5.0, 10.0, 15.0, 20.0, 30.0]), min_size=10, max_size=10),
    sessions=st.integers(*planner.SESSIONS_RANGE),
    level=st.sampled_from(["beginner", "intermediate", "advanced"]),
    slope=st.floats(*planner.SLOPE_RANGE_M),
)
def test_the_first_week_never_drops_more_than_the_rule_allows(
    descents: list[float], grades: list[float], sessions: int, level: str, slope: float
) -> None:
    history = _history(
        descents, [g if d > 0 else None for d, g in zip(descents, grades, strict=False)]
    )
    figures = summary(history)
    start = plan_start(
        history, figures, weeks=10, sessions_per_week=sessions, level=level, slope_length_m=slope
    )
    if figures.steepest_regular_pct is None:
        assert start is None
        return
    assert start is not None
    plan = planner.make_plan(
        start.current_grade_pct,
        start.target_grade_pct,
        10,
        start.sessions_per_week,
        level,
        start.slope_length_m,
    )
    assert plan.weeks[0].total_drop_m == start.first_week_m
    biggest = max(descents[-4:])
    if biggest > 0:
        assert start.limit_m == pytest.approx(exposure.SPIKE_LIMIT * biggest)
        assert start.first_week_m <= exposure.SPIKE_LIMIT * biggest
    else:
        assert start.limit_m is None
    assert start.current_grade_pct <= figures.steepest_regular_pct
