"""What an audit means for the rest of the guide: a planner starting grade, a course's race
card and target, what a file hands the planner, and the summary a training log keeps. Pure
functions of an Audit; descents no runner covered (``plausible``) are left out of all of it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from drills.exposure import TARGET_CEILING_PCT
from drills.rule_text import CEILING_REASON
from drills.runs.audit import BAND_EDGES_PCT, STEEPEST_WINDOW_M, Audit, Band, Descent
from drills.runs.plausible import believable, doubts

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
# A race card names this many of the steepest descents, then this many of the longest (by drop)
# among the rest, and sums up the others: a 40 km mountain course has fifty or more.
CARD_STEEPEST = 5
CARD_LONGEST = 5


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
    steepest: tuple[Descent, ...] = ()  # the CARD_STEEPEST steepest, steepest first
    longest: tuple[Descent, ...] = ()  # then the CARD_LONGEST longest drops of the rest
    others: tuple[Descent, ...] = ()  # the rest a runner could run, in course order
    doubted: tuple[Descent, ...] = ()  # descents no runner covered (plausible.doubt)


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
    """The course's sustained descents and the planner target for its steepest one, with the
    steepest and longest named first and the rest summed up."""
    runnable = believable(result.descents)
    doubted = tuple(d.descent for d in doubts(result.descents))
    if not runnable:
        nothing = "The course has no sustained descent, so no downhill target."
        if doubted:
            nothing = (
                "The course has no sustained descent a runner could run (its elevation data is "
                "wrong where it shows one), so no downhill target."
            )
        return RaceCard(result.descents, None, False, nothing, doubted=doubted)
    by_grade = sorted(runnable, key=lambda d: (-d.steepest_grade_pct, d.number))
    steepest = tuple(by_grade[:CARD_STEEPEST])
    rest = [d for d in runnable if d not in steepest]
    longest = tuple(sorted(rest, key=lambda d: (-d.drop_m, d.number))[:CARD_LONGEST])
    others = tuple(d for d in rest if d not in longest)
    top = steepest[0]
    grade = math.ceil(round(top.steepest_grade_pct, 6))  # 10.0000001 % is a 10 % target
    where = (
        f"descent {top.number} (at {top.start_m / 1000:.1f} km) is the course's "
        f"steepest sustained descent, {grade} % over its steepest {STEEPEST_WINDOW_M:g} m"
    )
    parts = (result.descents, steepest, longest, others, doubted)
    if grade > TARGET_CEILING_PCT:
        sentence = (
            f"Target {TARGET_CEILING_PCT:g} %: {where}, steeper than the "
            f"{TARGET_CEILING_PCT:g} % the planner goes up to. Plan to hike its pitches past "
            f"{TARGET_CEILING_PCT:g} %: {CEILING_REASON}."
        )
        return RaceCard(parts[0], TARGET_CEILING_PCT, True, sentence, *parts[1:])
    return RaceCard(parts[0], float(grade), False, f"Target {grade} %: {where}.", *parts[1:])


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
    runnable = believable(result.descents)
    steepest = max((d.steepest_grade_pct for d in runnable), default=None)
    timed = [
        (d.cadence_spm, d.time_s)
        for d in runnable
        if d.cadence_spm is not None and d.time_s is not None and d.time_s > 0
    ]
    total = sum(t for _, t in timed)
    cadence = sum(c * t for c, t in timed) / total if total else None
    return LogSummary(when, result.descent_m, steepest, result.moving_time_s, cadence)


@dataclass(frozen=True)
class Found:
    """What one audited file offers the planner: the grade a run was run steadily on (its
    suggestion), or a course's target."""

    name: str
    steady_pct: float | None
    course_pct: float | None


@dataclass(frozen=True)
class Handoff:
    """The planner's two grades for one file's button, and the file each came from."""

    current_pct: float | None  # None: no run of the reader's says; the planner's own default
    current_from: str | None  # the run whose steady grade it is
    target_pct: float
    target_from: str | None  # the course whose target it is; None: one grade band steeper


def found(result: Audit) -> Found:
    suggestion = planner_suggestion(result)
    card = race_card(result) if result.moving_time_s is None else None
    return Found(
        result.name,
        None if suggestion is None else suggestion.grade_pct,
        None if card is None else card.target_pct,
    )


def band_above(grade_pct: float) -> float:
    """The next grade band's lower edge above this grade (the planner's ceiling past the last)."""
    above = [edge for edge in BAND_EDGES_PCT if edge > grade_pct]
    return min(above[0], TARGET_CEILING_PCT) if above else TARGET_CEILING_PCT


def handoff(files: Sequence[Found], index: int) -> Handoff | None:
    """What file ``index`` hands the planner, given every file audited with it: the current
    grade is the steepest any of the reader's runs was run steadily on, the target a course's
    (its own, for a course; the steepest course's, for a run; without a course, one grade band
    above the current). None when the file offers the planner nothing."""
    own = files[index]
    runs = [f for f in files if f.steady_pct is not None]
    best = max(runs, key=lambda f: f.steady_pct or 0.0, default=None)  # the first, on a tie
    steady = None if best is None else best.steady_pct
    if own.course_pct is not None:
        current = None if steady is None else min(steady, own.course_pct)
        return Handoff(current, None if best is None else best.name, own.course_pct, own.name)
    if best is None or steady is None or own.steady_pct is None:
        return None
    courses = [f for f in files if f.course_pct is not None]
    course = max(courses, key=lambda f: f.course_pct or 0.0, default=None)
    if course is None or course.course_pct is None:
        return Handoff(steady, best.name, band_above(steady), None)
    return Handoff(min(steady, course.course_pct), best.name, course.course_pct, course.name)
