"""What an audit means for the rest of the guide: a planner starting grade, a course's race
card and target, and the summary a training log keeps. Pure functions of an Audit."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from drills.exposure import TARGET_CEILING_PCT
from drills.rule_text import CEILING_REASON
from drills.runs.audit import STEEPEST_WINDOW_M, Audit, Band, Descent

# "Real time" on a grade: two minutes in the band, over one stretch or several. Less is a
# corner or two, which says little about how the runner handles that grade.
REAL_TIME_S = 120.0
# "Steady cadence": the cadence's time-weighted spread in the band is at most this share of its
# mean. Second-by-second cadence on a trail varies by itself: on the multisport test file's
# gentle descents the spread is 16–18 %; from 20 % up to 30 % it is 21–27 %, where running and
# walking steps mix. This is our rule of thumb, not a published threshold.
STEADY_SPREAD_PCT = 20.0
# Studies of downhill running's muscle damage use grades of 10 to 15 % and more (Bontemps et
# al. 2020, in the guide's evidence); the audit reports the share of descent from here on.
STEEP_FROM_PCT = 10.0
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Suggestion:
    """A starting grade for the planner ("the steepest grade you run comfortably")."""

    grade_pct: float
    sentence: str


@dataclass(frozen=True)
class RaceCard:
    """A course's sustained descents in order, and the planner target that prepares for them."""

    descents: tuple[Descent, ...]
    target_pct: float | None  # None: the course has no sustained descent
    capped: bool  # the steepest pitch is above TARGET_CEILING_PCT
    sentence: str


@dataclass(frozen=True)
class LogSummary:
    """What the training log keeps of an audited run."""

    date: date | None  # the day of the file's first time (UTC); None for a course
    descent_m: float
    steepest_grade_pct: float | None  # steepest 50 m of its sustained descents
    moving_time_s: float | None
    descent_cadence_spm: float | None  # time-weighted mean over its sustained descents


def _band_name(band: Band) -> str:
    if band.grade_to_pct is None:
        return f"{band.grade_from_pct:g} % and steeper"
    return f"{band.grade_from_pct:g}–{band.grade_to_pct:g} %"


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds >= 90 else f"{seconds:.0f} s"


def planner_suggestion(result: Audit) -> Suggestion | None:
    """The steepest band where the runner spent REAL_TIME_S at a steady cadence (without
    cadence: the steepest band with REAL_TIME_S), as a starting grade for the planner.

    None when it cannot say: a course without times, a file of another sport, or no band with
    real time in it.
    """
    if result.moving_time_s is None or result.sport not in (None, "running"):
        return None
    has_cadence = any(b.cadence_spm is not None for b in result.bands)
    for band in reversed(result.bands):
        if band.time_s is None or band.time_s < REAL_TIME_S:
            continue
        if has_cadence:
            if band.cadence_spm is None or band.cadence_spread_spm is None:
                continue
            spread = band.cadence_spread_spm / band.cadence_spm * 100.0
            if spread > STEADY_SPREAD_PCT:
                continue
            how = (
                f"You ran {_minutes(band.time_s)} on {_band_name(band)} descents at a steady "
                f"{band.cadence_spm:.0f} steps/min (it varied by {spread:.0f} %)"
            )
        else:
            how = (
                f"You ran {_minutes(band.time_s)} on {_band_name(band)} descents (the file has "
                "no cadence, so only the time counts)"
            )
        return Suggestion(
            band.grade_from_pct,
            f"{how}: start the planner from {band.grade_from_pct:g} %.",
        )
    return None


def race_card(result: Audit) -> RaceCard:
    """The course's sustained descents and the planner target for its steepest one."""
    if not result.descents:
        return RaceCard(
            (), None, False, "The course has no sustained descent, so no downhill target."
        )
    steepest = max(result.descents, key=lambda d: d.steepest_grade_pct)
    grade = math.ceil(round(steepest.steepest_grade_pct, 6))  # 10.0000001 % is a 10 % target
    where = (
        f"descent {steepest.number} (at {steepest.start_m / 1000:.1f} km) is the course's "
        f"steepest sustained descent, {grade} % over its steepest {STEEPEST_WINDOW_M:g} m"
    )
    if grade > TARGET_CEILING_PCT:
        return RaceCard(
            result.descents,
            TARGET_CEILING_PCT,
            True,
            f"Target {TARGET_CEILING_PCT:g} %: {where}, steeper than the "
            f"{TARGET_CEILING_PCT:g} % the planner goes up to. Plan to hike its pitches past "
            f"{TARGET_CEILING_PCT:g} %: {CEILING_REASON}.",
        )
    return RaceCard(result.descents, float(grade), False, f"Target {grade} %: {where}.")


def steep_share(result: Audit) -> float | None:
    """The share (%) of the descent at STEEP_FROM_PCT or steeper; None without descent."""
    if result.descent_m < 1.0:
        return None
    steep = sum(b.descent_m for b in result.bands if b.grade_from_pct >= STEEP_FROM_PCT)
    return steep / result.descent_m * 100.0


def log_summary(result: Audit) -> LogSummary:
    """The training log's record of this run."""
    when = None
    if result.start_time_s is not None:
        when = (EPOCH + timedelta(seconds=result.start_time_s)).date()
    steepest = max((d.steepest_grade_pct for d in result.descents), default=None)
    timed = [
        (d.cadence_spm, d.time_s)
        for d in result.descents
        if d.cadence_spm is not None and d.time_s is not None and d.time_s > 0
    ]
    total = sum(t for _, t in timed)
    cadence = sum(c * t for c, t in timed) / total if total else None
    return LogSummary(when, result.descent_m, steepest, result.moving_time_s, cadence)
