"""The progression planner: a week-by-week plan from a comfortable descent to a steeper one.

Each week has three downhill jobs (quick steps on a gentle slope, body position and landing on
a middling slope, both together on the week's steepest slope) plus one conditioning session.
The plan follows the exposure rules (``drills.exposure``): it climbs in small steps, never lets
one session's vertical drop jump far above the recent biggest, lightens every few weeks, and
stops short of the target rather than cramming when the weeks run out. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from drills import exposure as x
from drills.conditioning_rules import heavy_work_allowed
from drills.errors import InputError, check_number, check_whole, shown
from drills.model import LEVELS
from drills.plan_note import plan_note
from drills.rule_text import CEILING_REASON
from drills.session_content import practice_drills, practice_kinds, session_content, session_kinds

# --- Input ranges -------------------------------------------------------------------------

CURRENT_RANGE_PCT = (0.0, x.TARGET_CEILING_PCT)  # steepest descent run comfortably now
WEEKS_RANGE = (2, 24)
SESSIONS_RANGE = (2, 4)  # downhill sessions a week; the conditioning session is extra
SLOPE_RANGE_M = (x.MIN_REPEAT_LENGTH_M, 2000.0)  # the practice slope, measured along the ground
# The days a plan's sessions and the training log's entries may fall on: beyond them a date is
# a typo or a tampered link (year 9999 once overflowed the calendar), not a training day.
DATE_RANGE = (dt.date(2000, 1, 1), dt.date(2100, 12, 31))

# The name of each of make_plan's inputs on the page: the form field and the share-link key, and
# the field an InputError names. The one list of the planner's fields (drills.render.planner_view
# labels them; the training log keeps a plan's texts under them).
FORM_FIELDS: dict[str, str] = {
    "current_grade_pct": "current",
    "target_grade_pct": "target",
    "weeks": "weeks",
    "sessions_per_week": "sessions",
    "level": "level",
    "slope_length_m": "slope",
    "start_date": "start",
}

# --- The weekly pattern (coaching practice) ---------------------------------------------------

FOCUS_PATTERN: dict[int, tuple[str, ...]] = {
    2: ("cadence", "combined"),
    3: ("cadence", "posture", "combined"),
    4: ("cadence", "posture", "combined", "posture"),
}
SESSION_DAYS: dict[int, tuple[int, ...]] = {2: (1, 4), 3: (1, 3, 5), 4: (1, 3, 5, 7)}
# After the week's steepest session (day 4 or 5). With four descents a week a descent follows
# the next day, so the circuit there leaves out heavy work (drills.conditioning_rules).
CONDITIONING_DAY = 6

# Conditioning circuit rounds: fewer in the first week and in lighter weeks.
CONDITIONING_ROUNDS = 3
CONDITIONING_ROUNDS_LIGHT = 2


# --- Domain data --------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanInputs:
    current_grade_pct: float
    target_grade_pct: float
    weeks: int
    sessions_per_week: int
    level: str
    slope_length_m: float
    start_date: dt.date | None


@dataclass(frozen=True)
class Session:
    day: int  # 1–7 within the week
    date: dt.date | None
    focus: str  # "cadence", "posture", "combined" or "conditioning"
    grade_pct: float  # descent steepness, 0 for conditioning
    repeats: int  # downhill repeats, or conditioning circuit rounds
    repeat_length_m: float  # along the ground; 0 for conditioning
    vertical_drop_m: float  # whole session, to 0.1 m; 0 for conditioning
    drill_ids: tuple[str, ...]
    cadence_cue: str
    key_cues: tuple[str, ...]
    # Drills with a place of their own on this day, apart from the circuit: falling practice
    # and the slope survey (drills.session_content.practice_kinds).
    practice_ids: tuple[str, ...] = ()

    @property
    def is_downhill(self) -> bool:
        return self.focus != "conditioning"


@dataclass(frozen=True)
class Week:
    number: int  # 1-based
    is_lighter: bool
    sessions: tuple[Session, ...]
    start_date: dt.date | None

    @property
    def steepest_grade_pct(self) -> float:
        return max(s.grade_pct for s in self.sessions)

    @property
    def total_drop_m(self) -> float:
        return round(sum(s.vertical_drop_m for s in self.sessions), 1)


@dataclass(frozen=True)
class Plan:
    inputs: PlanInputs
    weeks: tuple[Week, ...]
    reached_target: bool
    highest_grade_pct: float
    note: str  # for the reader, in plain words


# --- Validation -------------------------------------------------------------------------------


def _as_typed(value: float) -> str:
    """A number as the reader likely typed it: 3.0 from a parsed "3" shows as "3"."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return shown(value)


def _target(value: object, current: float) -> float:
    """The target grade: at least the current one, at most the ceiling, and why if not."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if is_number and value < current:  # type: ignore[operator]
        raise InputError(
            FORM_FIELDS["target_grade_pct"],
            f"Target steepness must be between your current steepness ({current:g} %) and "
            f"{x.TARGET_CEILING_PCT:g} %; you entered {_as_typed(value)}.",  # type: ignore[arg-type]
        )
    if is_number and value > x.TARGET_CEILING_PCT:  # type: ignore[operator]
        raise InputError(
            FORM_FIELDS["target_grade_pct"],
            f"Target steepness must be {x.TARGET_CEILING_PCT:g} % or less: {CEILING_REASON}; "
            f"you entered {_as_typed(value)}.",  # type: ignore[arg-type]
        )
    return check_number(
        FORM_FIELDS["target_grade_pct"],
        "Target steepness",
        value,
        current,
        x.TARGET_CEILING_PCT,
        "%",
    )


def _check_start(start: dt.date, weeks: int) -> None:
    """A start date within DATE_RANGE, late enough for the whole plan to end within it."""
    first, end = DATE_RANGE
    last = end - dt.timedelta(days=7 * weeks - 1)
    if not first <= start <= last:
        raise InputError(
            FORM_FIELDS["start_date"],
            f"Start date must be from {first.isoformat()} to {last.isoformat()}, so that a "
            f"{weeks}-week plan ends by {end.isoformat()}; you entered {start.isoformat()}.",
        )


def _validate(
    current_grade_pct: object,
    target_grade_pct: object,
    weeks: object,
    sessions_per_week: object,
    level: object,
    slope_length_m: object,
    start_date: object,
) -> PlanInputs:
    current = check_number(
        FORM_FIELDS["current_grade_pct"],
        "Current steepness",
        current_grade_pct,
        *CURRENT_RANGE_PCT,
        "%",
    )
    target = _target(target_grade_pct, current)
    n_weeks = check_whole(FORM_FIELDS["weeks"], "Weeks", weeks, *WEEKS_RANGE)
    sessions = check_whole(
        FORM_FIELDS["sessions_per_week"], "Sessions per week", sessions_per_week, *SESSIONS_RANGE
    )
    if not isinstance(level, str) or level not in LEVELS:
        raise InputError(
            FORM_FIELDS["level"],
            f"Level must be beginner, intermediate or advanced; you entered {shown(level)}.",
        )
    slope = check_number(
        FORM_FIELDS["slope_length_m"], "Slope length", slope_length_m, *SLOPE_RANGE_M, "m"
    )
    if isinstance(start_date, dt.datetime):
        start_date = start_date.date()
    if start_date is not None and not isinstance(start_date, dt.date):
        raise InputError(
            FORM_FIELDS["start_date"],
            f"Start date must be a date; you entered {shown(start_date)}.",
        )
    if start_date is not None:
        _check_start(start_date, n_weeks)
    return PlanInputs(current, target, n_weeks, sessions, level, slope, start_date)


# --- Building the plan ------------------------------------------------------------------------


def _week_grades(top: float) -> dict[str, float]:
    """Grades of each downhill focus in a week whose steepest grade is ``top``."""
    cadence = min(top, max(x.MIN_DESCENT_GRADE_PCT, round(top / 2.0, 1)))
    posture = min(top, max(cadence, round((cadence + top) / 2.0, 1)))
    return {"cadence": cadence, "posture": posture, "combined": top}


@dataclass(frozen=True)
class _Draft:
    """One week as the rules shape it, before drills and dates are attached."""

    number: int
    is_lighter: bool
    top: float  # the week's steepest grade
    rounds: int  # conditioning circuit rounds
    downhill: tuple[tuple[int, str, float, int, float, float], ...]  # day, focus, grade, r, m, drop


def _week_volume(
    inputs: PlanInputs,
    number: int,
    top: float,
    previous: tuple[int, float],
    baseline_done: bool,
    limit: float,
    previous_top: float,
) -> tuple[float, int, float]:
    """The week's steepest grade, repeats and repeat length, as the rules allow them."""
    if x.is_lighter_week(number, inputs.level):
        return top, *x.lighter(*previous)
    if not baseline_done:
        return top, *x.baseline_volume(inputs.level, inputs.slope_length_m, top)
    volume = x.fill(limit, inputs.level, inputs.slope_length_m, top)
    if volume is None:
        top = x.highest_fitting_grade(limit, previous_top, top)
        volume = x.fill(limit, inputs.level, inputs.slope_length_m, top)
    repeats, length = volume if volume is not None else (1, x.MIN_REPEAT_LENGTH_M)
    return top, repeats, length


def _drafts(inputs: PlanInputs) -> Iterator[_Draft]:
    """The plan's weeks in order, continuing past ``inputs.weeks`` up to the longest plan.

    Each week depends only on the weeks before it, so a shorter plan is a prefix of a longer
    one; the note reads further along to say how many weeks the target would take.
    """
    level = inputs.level
    pattern = FOCUS_PATTERN[inputs.sessions_per_week]
    days = SESSION_DAYS[inputs.sessions_per_week]
    combined_day = days[pattern.index("combined")]
    history: list[tuple[int, float]] = []  # (absolute day, unrounded drop), in date order
    baseline_done = False  # True once a week on a real descent (>= 2 %) is complete
    volume = (0, 0.0)
    previous_top = inputs.current_grade_pct

    for number in range(1, WEEKS_RANGE[1] + 1):
        first_day = (number - 1) * 7
        lighter = x.is_lighter_week(number, level)
        top = (
            previous_top
            if number == 1 or lighter
            else x.next_steepest(previous_top, inputs.target_grade_pct, level)
        )
        limit = x.spike_limit(history, first_day + combined_day)
        top, repeats, length = _week_volume(
            inputs, number, top, volume, baseline_done, limit, previous_top
        )
        volume = (repeats, length)
        grades = _week_grades(top)
        downhill = []
        for focus, day in zip(pattern, days, strict=True):
            grade = grades[focus]
            r, metres = volume
            if baseline_done:  # a guard: the week's volume was chosen to pass already
                r, metres = x.fit_to_limit(
                    r, metres, grade, x.spike_limit(history, first_day + day)
                )
            drop = x.vertical_drop(r, metres, grade)
            history.append((first_day + day, drop))
            downhill.append((day, focus, grade, r, metres, drop))
        rounds = CONDITIONING_ROUNDS_LIGHT if lighter or number == 1 else CONDITIONING_ROUNDS
        yield _Draft(number, lighter, top, rounds, tuple(downhill))
        previous_top = top
        if top >= x.MIN_DESCENT_GRADE_PCT:
            baseline_done = True


def _date(start: dt.date | None, week: int, day: int) -> dt.date | None:
    if start is None:
        return None
    return start + dt.timedelta(days=(week - 1) * 7 + day - 1)


def heavy_work_day(sessions_per_week: int, day: int) -> bool:
    """Whether the conditioning rules allow heavy work on this day of any week, with this
    week's descents and the next week's on one calendar."""
    days = SESSION_DAYS[sessions_per_week]
    return heavy_work_allowed(day, (*days, *(d + 7 for d in days)))


def make_session(
    inputs: PlanInputs,
    week: int,
    day: int,
    focus: str,
    grade: float,
    repeats: int,
    length: float,
    drop: float,
) -> Session:
    """A session with its drills, cues and date (the training log remakes sessions with it)."""
    kinds = session_kinds(focus, heavy_work_day(inputs.sessions_per_week, day))
    drill_ids, cues, cadence_cue = session_content(focus, inputs.level, grade, kinds)
    practice: tuple[str, ...] = ()
    if focus == "conditioning":
        own = practice_kinds(week, x.is_lighter_week(week, inputs.level))
        practice = practice_drills(inputs.level, own) if own else ()
    # Positional, in field order: the planner makes thousands of these in the tests.
    return Session(
        day,
        _date(inputs.start_date, week, day),
        focus,
        grade,
        repeats,
        length,
        round(drop, 1),
        drill_ids,
        cadence_cue,
        cues,
        practice,
    )


def _week(inputs: PlanInputs, draft: _Draft) -> Week:
    number = draft.number
    sessions = [
        make_session(inputs, number, day, focus, grade, r, metres, drop)
        for day, focus, grade, r, metres, drop in draft.downhill
    ]
    sessions.append(
        make_session(inputs, number, CONDITIONING_DAY, "conditioning", 0.0, draft.rounds, 0.0, 0.0)
    )
    sessions.sort(key=lambda s: s.day)
    return Week(number, draft.is_lighter, tuple(sessions), _date(inputs.start_date, number, 1))


# --- Public entry point -------------------------------------------------------------------------


def make_plan(
    current_grade_pct: float,
    target_grade_pct: float,
    weeks: int,
    sessions_per_week: int = 3,
    level: str = "beginner",
    slope_length_m: float = 200,
    start_date: dt.date | None = None,
) -> Plan:
    """A week-by-week plan from ``current_grade_pct`` towards ``target_grade_pct``.

    Raises InputError (a ValueError) naming the form field for any input out of range,
    including a target above the planner's ceiling (``exposure.TARGET_CEILING_PCT``).
    """
    inputs = _validate(
        current_grade_pct,
        target_grade_pct,
        weeks,
        sessions_per_week,
        level,
        slope_length_m,
        start_date,
    )
    drafts = _drafts(inputs)
    kept = list(itertools.islice(drafts, inputs.weeks))
    highest = max(d.top for d in kept)
    reached = highest >= inputs.target_grade_pct
    target = inputs.target_grade_pct
    note = plan_note(
        inputs.current_grade_pct,
        target,
        inputs.weeks,
        [d.number for d in kept if d.is_lighter],
        next((d.number for d in kept if d.top >= target), None),
        None if reached else next((d.number for d in drafts if d.top >= target), None),
        highest,
    )
    return Plan(inputs, tuple(_week(inputs, d) for d in kept), reached, highest, note)


__all__ = [
    "CURRENT_RANGE_PCT",
    "FORM_FIELDS",
    "SESSIONS_RANGE",
    "SLOPE_RANGE_M",
    "WEEKS_RANGE",
    "Plan",
    "PlanInputs",
    "Session",
    "Week",
    "make_plan",
    "make_session",
]
