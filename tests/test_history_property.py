"""Properties of combine, the weeks and the summary, on items with made-up audits: whatever the
runs and whichever order they arrive in (one worker or several), nothing is lost, the weeks
are contiguous Mondays whose sums are the runs' sums, and the same activity counts once."""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta
from itertools import combinations, pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from drills.history import Item, combine, summary
from drills.history.duplicates import DUPLICATE_DISTANCE_SHARE, DUPLICATE_START_S
from drills.history.summary import REGULAR_MIN_WEEKS, REGULAR_WINDOW_WEEKS
from drills.runs import Audit, Band
from drills.runs.audit import BAND_EDGES_PCT

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def _audit(start: datetime, distance: float, drops: list[float], fmt: str, steady: bool) -> Audit:
    edges = BAND_EDGES_PCT
    bands = tuple(
        Band(
            grade_from_pct=edges[k],
            grade_to_pct=edges[k + 1] if k + 1 < len(edges) else None,
            distance_m=drop * 10,
            descent_m=drop,
            time_s=drop * 3,
            cadence_spm=170.0,
            cadence_spread_spm=10.0 if steady else 60.0,
        )
        for k, drop in enumerate(drops)
    )
    return Audit(
        name="run",
        format=fmt,
        sport="running",
        start_time_s=start.timestamp(),
        distance_m=distance,
        ascent_m=sum(drops),
        descent_m=math.fsum(drops),
        moving_time_s=distance / 3,
        device_ascent_m=None,
        device_descent_m=None,
        lowest_m=0.0,
        highest_m=100.0,
        warnings=(),
        bands=bands,
        descents=(),
        profile=(),
    )


@st.composite
def items(draw: st.DrawFn) -> list[Item]:
    out: list[Item] = []
    for k in range(draw(st.integers(0, 25))):
        start = T0 + timedelta(seconds=draw(st.integers(0, 120 * 86_400)))
        distance = draw(st.floats(500, 40_000))
        drops = draw(st.lists(st.floats(0, 400), min_size=6, max_size=6))
        fmt = draw(st.sampled_from(["FIT", "TCX", "GPX"]))
        steady = draw(st.booleans())
        status = draw(st.sampled_from(["run", "run", "run", "skipped", "unreadable"]))
        if status == "run":
            out.append(
                Item(f"a/{k}", start, "running", "run", _audit(start, distance, drops, fmt, steady))
            )
            if draw(st.booleans()):  # a re-export of it
                again = start + timedelta(seconds=draw(st.integers(-30, 30)))
                other = draw(st.sampled_from(["FIT", "TCX", "GPX"]))
                audit = _audit(again, distance * draw(st.floats(0.98, 1.02)), drops, other, steady)
                out.append(Item(f"b/{k}", again, "running", "run", audit))
        else:
            out.append(Item(f"c/{k}", start, "cycling", status, reason="Skipped: a ride."))
    return out


@settings(max_examples=150, deadline=None)
@given(items(), st.randoms())
def test_combine_loses_nothing_and_the_weeks_add_up(found: list[Item], rnd: random.Random) -> None:
    history = combine(found)
    assert sorted(i.path for i in history.items) == sorted(i.path for i in found)
    shuffled = list(found)
    rnd.shuffle(shuffled)
    assert combine(shuffled) == history  # workers may return items in any order
    assert combine(history.items) == history
    runs = history.runs
    weeks = history.weeks
    assert bool(weeks) == bool(runs)
    if not runs:
        return
    assert all(w.start.weekday() == 0 for w in weeks)
    assert all(b.start - a.start == timedelta(weeks=1) for a, b in pairwise(weeks))
    days = [i.started.date() for i in runs if i.started is not None]
    assert weeks[0].start <= min(days) < weeks[0].start + timedelta(days=7)
    assert weeks[-1].start <= max(days) < weeks[-1].start + timedelta(days=7)
    assert sum(w.runs for w in weeks) == len(runs)
    audits = [i.audit for i in runs if i.audit is not None]
    assert math.isclose(
        math.fsum(w.descent_m for w in weeks), math.fsum(a.descent_m for a in audits), abs_tol=1e-6
    )
    for k in range(len(BAND_EDGES_PCT)):
        in_weeks = math.fsum(w.bands[k].time_s for w in weeks)
        assert math.isclose(
            in_weeks, math.fsum(a.bands[k].time_s or 0 for a in audits), abs_tol=1e-6
        )


@settings(max_examples=150, deadline=None)
@given(items())
def test_no_two_counted_runs_are_the_same_activity(found: list[Item]) -> None:
    runs = combine(found).runs
    for a, b in combinations(runs, 2):
        assert a.started is not None and b.started is not None and a.audit and b.audit
        near = abs((b.started - a.started).total_seconds()) <= DUPLICATE_START_S
        da, db = a.audit.distance_m, b.audit.distance_m
        assert not (near and abs(da - db) <= DUPLICATE_DISTANCE_SHARE * max(da, db))
    duplicates = [i for i in combine(found).items if i.status == "duplicate"]
    assert all(i.reason and i.audit is None for i in duplicates)


@settings(max_examples=150, deadline=None)
@given(items(), st.integers(0, 200))
def test_the_steepest_regular_grade_is_steady_in_enough_recent_weeks(
    found: list[Item], later: int
) -> None:
    history = combine(found)
    today = T0.date() + timedelta(days=later)
    figures = summary(history, today)
    if not history.weeks:
        assert figures.through is None and figures.sentences == ()
        return
    assert figures.through is not None and figures.through.weekday() == 0
    window = [
        w
        for w in history.weeks
        if figures.through - timedelta(weeks=REGULAR_WINDOW_WEEKS) < w.start <= figures.through
    ]
    grade = figures.steepest_regular_pct
    steady = [w.steepest_steady_pct for w in window if w.steepest_steady_pct is not None]
    if grade is None:
        assert len(steady) < REGULAR_MIN_WEEKS
    else:
        assert sum(g >= grade for g in steady) >= REGULAR_MIN_WEEKS
        assert sum(g > grade for g in steady) < REGULAR_MIN_WEEKS
    for recent in figures.recent:
        assert recent is None or 0 < recent.weeks <= recent.window_weeks
