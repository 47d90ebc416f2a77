"""The weeks a history's runs add up to: distance, descent and each grade band's share.

A week's steepest steady grade is the steepest band in which the week's runs spent at least
REAL_TIME_S at a steady cadence (the descent audit's own "real time" and "steady cadence",
``drills.runs.advice``, summed over the week instead of one run). Runs recorded without
cadence count their time, as the audit's planner suggestion does.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from drills.history.model import Item, Week, WeekBand
from drills.runs import Audit, Band
from drills.runs.advice import REAL_TIME_S, STEADY_SPREAD_PCT

STEADY_RULE = (
    f"at least {REAL_TIME_S / 60:g} minutes in a week on that grade, at a steady cadence "
    f"(varying by {STEADY_SPREAD_PCT:g} % or less) where the watch recorded cadence"
)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _steady(band: Band, has_cadence: bool) -> bool:
    """Whether the band's time counts towards the week's steady time."""
    if not has_cadence:
        return True
    if band.cadence_spm is None or band.cadence_spread_spm is None or band.cadence_spm <= 0:
        return False
    return band.cadence_spread_spm / band.cadence_spm * 100.0 <= STEADY_SPREAD_PCT


def _bands(audits: Sequence[Audit], layout: Sequence[Band]) -> tuple[WeekBand, ...]:
    out = []
    for k, shape in enumerate(layout):
        mine = [(a.bands[k], any(b.cadence_spm is not None for b in a.bands)) for a in audits]
        out.append(
            WeekBand(
                grade_from_pct=shape.grade_from_pct,
                grade_to_pct=shape.grade_to_pct,
                descent_m=math.fsum(b.descent_m for b, _ in mine),
                distance_m=math.fsum(b.distance_m for b, _ in mine),
                time_s=math.fsum(b.time_s or 0.0 for b, _ in mine),
                steady_time_s=math.fsum(b.time_s or 0.0 for b, c in mine if _steady(b, c)),
            )
        )
    return tuple(out)


def _week(start: date, audits: Sequence[Audit], layout: Sequence[Band]) -> Week:
    bands = _bands(audits, layout)
    steady = [b.grade_from_pct for b in bands if b.steady_time_s >= REAL_TIME_S]
    return Week(
        start=start,
        runs=len(audits),
        distance_m=math.fsum(a.distance_m for a in audits),
        descent_m=math.fsum(a.descent_m for a in audits),
        moving_time_s=math.fsum(a.moving_time_s or 0.0 for a in audits),
        bands=bands,
        steepest_steady_pct=max(steady, default=None),
    )


def weekly(runs: Sequence[Item]) -> tuple[Week, ...]:
    """Monday-start weeks (UTC dates) from the first run's to the last's, empty ones included.

    ``runs`` are counted items (each with an audit and a start).
    """
    by_week: dict[date, list[Audit]] = {}
    for item in runs:
        if item.audit is not None and item.started is not None:
            by_week.setdefault(monday(item.started.date()), []).append(item.audit)
    if not by_week:
        return ()
    layout = next(iter(by_week.values()))[0].bands
    first, last = min(by_week), max(by_week)
    count = (last - first).days // 7 + 1
    starts = [first + timedelta(weeks=k) for k in range(count)]
    return tuple(_week(start, by_week.get(start, []), layout) for start in starts)
