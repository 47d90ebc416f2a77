"""The progression planner: a week-by-week plan from a comfortable descent to a steeper one.

Each week has the seed article's three downhill jobs (cadence on easy declines, posture and
foot landing on moderate grades, both together on the week's steepest grade) plus one
conditioning session. The plan climbs in small steps, never lets one session's vertical
drop jump far above the recent biggest, lightens every few weeks, and stops short of the
target rather than cramming when the weeks run out.

Load is counted as vertical drop, a modelling choice: the height descended is the energy the
legs must help absorb, whatever the slope's length. Pure functions, standard library only.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from drills import catalog
from drills.errors import InputError, check_range, shown
from drills.model import LEVELS, Drill

# --- Input ranges -------------------------------------------------------------------------

CURRENT_RANGE_PCT = (0.0, 40.0)  # steepest descent the runner already runs comfortably
TARGET_MAX_PCT = 45.0  # Minetti et al. 2002 measured up to 45 %; no data beyond
WEEKS_RANGE = (2, 24)
SESSIONS_RANGE = (2, 4)  # downhill sessions a week; the conditioning session is extra
SLOPE_RANGE_M = (20.0, 2000.0)  # length of the practice slope, measured along the ground

# The page's form field names (also the share-link keys); InputError.field uses these.
FORM_FIELDS: dict[str, str] = {
    "current_grade_pct": "current",
    "target_grade_pct": "target",
    "weeks": "weeks",
    "sessions_per_week": "sessions",
    "level": "level",
    "slope_length_m": "slope",
    "start_date": "start",
}

# --- Rule 1: start small, climb in small steps --------------------------------------------

# Biggest rise in the week's steepest grade from one week to the next. Coaching practice;
# the principle (tiny start, small increments over more than two weeks) is Schwane et al. 1987.
MAX_GRADE_STEP_PCT: dict[str, float] = {"beginner": 1.0, "intermediate": 1.5, "advanced": 2.0}

# Week-1 repeats per downhill session: "very small quantities" (Schwane et al. 1987);
# the counts are coaching practice.
FIRST_WEEK_REPEATS: dict[str, int] = {"beginner": 4, "intermediate": 5, "advanced": 6}

# Cap on any baseline-week session's vertical drop, so a long slope means fewer repeats.
# Coaching practice, after Schwane et al. 1987's advice to start with very little.
FIRST_WEEK_MAX_DROP_M: dict[str, float] = {
    "beginner": 40.0,
    "intermediate": 60.0,
    "advanced": 80.0,
}

# Below this grade a week counts as flat running: the first week at or above it is the
# baseline week that rule 2 measures from. Coaching practice (the seed's cadence sessions
# use "easy declines" of at least 2 %).
MIN_DESCENT_GRADE_PCT = 2.0

# Most repeats in one session, and the shortest repeat in a full week (the shortest slope
# the planner accepts). Coaching practice: past these, a session is better made steeper
# or split, not longer.
MAX_REPEATS: dict[str, int] = {"beginner": 8, "intermediate": 10, "advanced": 12}
MIN_REPEAT_LENGTH_M = SLOPE_RANGE_M[0]

# --- Rule 2: no single-session spike -------------------------------------------------------

# No session's vertical drop may exceed this multiple of the biggest single-session drop of
# the previous SPIKE_WINDOW_DAYS days. Frandsen et al. 2025 (5,205 runners): one run 10–30 %
# longer than the longest run of the past 30 days had a hazard rate ratio of 1.64. We apply
# the same limit to vertical drop, which that study did not measure.
SPIKE_LIMIT = 1.10
SPIKE_WINDOW_DAYS = 30

# --- Rule 3: lighter weeks -------------------------------------------------------------------

# Every Nth week is lighter. Coaching practice: Bell et al. 2022 found strength coaches
# deload every 4–6 weeks; no running study has tested it. Beginners get one a week sooner.
LIGHTER_WEEK_EVERY: dict[str, int] = {"beginner": 3, "intermediate": 4, "advanced": 4}

# A lighter week keeps the previous week's grades and cuts each session's volume by at
# least this share: repeats rounded down, or a shorter repeat when there is only one.
# Coaching practice (Bell et al. 2022, strength training; no running evidence).
LIGHTER_WEEK_VOLUME_CUT = 0.30

# --- Rule 4: never a long gap ------------------------------------------------------------------

# Longest allowed gap between downhill sessions. Byrnes et al. 1985: the protection from
# one bout of downhill running lasted up to 6 weeks and was gone by 9; two weeks leaves a
# wide margin. Every week has at least two downhill sessions, so the plan never comes close.
MAX_GAP_DAYS = 14

# --- The weekly pattern (the seed article; coaching practice) ------------------------------

FOCUS_PATTERN: dict[int, tuple[str, ...]] = {
    2: ("cadence", "combined"),
    3: ("cadence", "posture", "combined"),
    4: ("cadence", "posture", "combined", "posture"),
}
SESSION_DAYS: dict[int, tuple[int, ...]] = {2: (1, 4), 3: (1, 3, 5), 4: (1, 3, 5, 7)}
CONDITIONING_DAY = 6  # after the week's steepest session (day 4 or 5), never the day before it

# Which chapters' drills each focus draws on, and how many drills per chapter.
FOCUS_CHAPTERS: dict[str, tuple[str, ...]] = {
    "cadence": ("cadence",),
    "posture": ("technique",),
    "combined": ("technique", "cadence", "exposure"),
    "conditioning": ("conditioning",),
}
DRILLS_PER_CHAPTER: dict[str, int] = {"cadence": 2, "posture": 2, "combined": 1, "conditioning": 4}
KEY_CUES_PER_SESSION = 3  # the spec allows 2–4; three fit on a phone screen

# Conditioning circuit rounds: fewer in the first week and in lighter weeks.
CONDITIONING_ROUNDS = 3
CONDITIONING_ROUNDS_LIGHT = 2


# --- Domain data --------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One rule the planner follows, as the planner page lists it."""

    title: str
    text: str
    source_key: str | None  # key into drills.references.REFERENCES
    practice_based: bool  # True where the rule rests on coaching practice, not on studies


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


RULES: tuple[Rule, ...] = (
    Rule(
        "Start small",
        "Week 1 stays at the steepness you already find comfortable, with only a few short "
        "repeats. Schwane et al. (1987) found that 5–15 minutes a day of downhill running "
        "for one to two weeks reduced later soreness, and advised starting with very small "
        "amounts and building up over more than two weeks. The exact first-week figures (4, "
        "5 or 6 repeats by level, and at most 40, 60 or 80 m (130, 200 or 260 ft) of "
        "vertical drop per session) are coaching practice.",
        "schwane-1987",
        False,
    ),
    Rule(
        "Climb in small steps",
        "The steepest session of the week rises by at most 1 % a week for beginners, 1.5 % "
        "for intermediate runners and 2 % for advanced runners, and never goes past your "
        "target.",
        None,
        True,
    ),
    Rule(
        "No session much bigger than recent ones",
        "No session's vertical drop is more than 10 % above your biggest session of the "
        "previous 30 days; your first week on a real descent sets the starting point. In a "
        "study of 5,205 runners (Frandsen et al. 2025), a single run 10–30 % longer than "
        "the longest run of the previous 30 days came with a higher injury rate (hazard "
        "rate ratio 1.64). That study measured distance; applying it to vertical drop is "
        "our choice.",
        "frandsen-2025",
        False,
    ),
    Rule(
        "A lighter week every few weeks",
        "Every third week for beginners, and every fourth week otherwise, has at least 30 % "
        "fewer repeats and no new steepness. Bell et al. (2022) reported that strength "
        "coaches lighten training every 4–6 weeks; no running study has tested this.",
        "bell-2022",
        True,
    ),
    Rule(
        "Never more than two weeks off descents",
        "Every week has at least two downhill sessions, so you are never two weeks without "
        "one. In Byrnes et al. (1985), the protection a 30-minute downhill run gave against "
        "muscle damage lasted up to 6 weeks and was gone by 9 weeks.",
        "byrnes-1985",
        False,
    ),
    Rule(
        "One week, three jobs",
        "Each week practises cadence on an easy decline, posture and foot landing on a "
        "moderate grade, and both together on the week's steepest grade, plus one "
        "conditioning session for strength and balance.",
        None,
        True,
    ),
    Rule(
        "Cadence from your own baseline",
        "Cadence cues are a few per cent above your own step rate on the flat, never a fixed "
        "number. Heiderscheit et al. (2011) had 45 runners raise their preferred step rate "
        "by 5 % and 10 %, and both lowered the energy the knee absorbed; no study has "
        "published a right downhill cadence in steps per minute.",
        "heiderscheit-2011",
        False,
    ),
    Rule(
        "No cramming",
        "If the weeks are too few to reach your target within these rules, the plan stops at "
        "the steepest grade it reaches safely and says so, rather than taking bigger steps.",
        None,
        True,
    ),
)


# --- Geometry ---------------------------------------------------------------------------------


def drop_per_metre(grade_pct: float) -> float:
    """Vertical drop per metre measured along the ground: g / sqrt(1 + g²), g = grade / 100."""
    g = grade_pct / 100.0
    return g / math.sqrt(1.0 + g * g)


def vertical_drop(repeats: int, length_m: float, grade_pct: float) -> float:
    """Unrounded vertical drop of ``repeats`` runs of ``length_m`` along a slope."""
    return repeats * length_m * drop_per_metre(grade_pct)


# --- Validation -------------------------------------------------------------------------------


def _number(field: str, label: str, value: object, low: float, high: float, unit: str) -> float:
    suffix = f" {unit}" if unit else ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(
            field,
            f"{label} must be a number between {low:g} and {high:g}{suffix}; "
            f"you entered {shown(repr(value))}.",
        )
    try:
        # Ints are checked as given, so the message repeats exactly what was entered.
        return float(check_range(field, label, value, low, high, unit))
    except OverflowError:  # an int too big to compare as a float
        raise InputError(
            field,
            f"{label} must be between {low:g} and {high:g}{suffix}; you entered {shown(value)}.",
        ) from None


def _as_typed(value: float) -> str:
    """A number as the reader likely typed it: 3.0 from a parsed "3" shows as "3"."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return shown(value)


def _whole(field: str, label: str, value: object, low: int, high: int) -> int:
    message = f"{label} must be a whole number between {low} and {high}; you entered "
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(field, f"{message}{shown(repr(value))}.")
    if (
        isinstance(value, float) and not (math.isfinite(value) and value.is_integer())
    ) or not low <= value <= high:
        raise InputError(field, f"{message}{shown(value)}.")
    return int(value)


def _validate(
    current_grade_pct: object,
    target_grade_pct: object,
    weeks: object,
    sessions_per_week: object,
    level: object,
    slope_length_m: object,
    start_date: object,
) -> PlanInputs:
    current = _number("current", "Current steepness", current_grade_pct, *CURRENT_RANGE_PCT, "%")
    if (
        isinstance(target_grade_pct, int | float)
        and not isinstance(target_grade_pct, bool)
        and target_grade_pct < current
    ):
        raise InputError(
            "target",
            f"Target steepness must be between your current steepness ({current:g} %) and "
            f"{TARGET_MAX_PCT:g} %; you entered {_as_typed(target_grade_pct)}.",
        )
    target = _number("target", "Target steepness", target_grade_pct, current, TARGET_MAX_PCT, "%")
    n_weeks = _whole("weeks", "Weeks", weeks, *WEEKS_RANGE)
    sessions = _whole("sessions", "Sessions per week", sessions_per_week, *SESSIONS_RANGE)
    if not isinstance(level, str) or level not in LEVELS:
        raise InputError(
            "level",
            f"Level must be beginner, intermediate or advanced; you entered {shown(level)}.",
        )
    slope = _number("slope", "Slope length", slope_length_m, *SLOPE_RANGE_M, "m")
    if isinstance(start_date, dt.datetime):
        start_date = start_date.date()
    if start_date is not None and not isinstance(start_date, dt.date):
        raise InputError("start", f"Start date must be a date; you entered {shown(start_date)}.")
    return PlanInputs(current, target, n_weeks, sessions, level, slope, start_date)


# --- Drills and cues --------------------------------------------------------------------------


def _level_gap(runner_level: str, drill: Drill) -> int:
    return LEVELS.index(runner_level) - LEVELS.index(drill.level)


def _grade_distance(drill: Drill, grade_pct: float) -> float:
    return max(drill.grade_min_pct - grade_pct, grade_pct - drill.grade_max_pct, 0.0)


@lru_cache(maxsize=64)
def _suitable(chapter: str, level: str) -> tuple[Drill, ...]:
    """A chapter's drills at this level or an easier one (catalog.matching's level rule),
    the runner's own level first, then catalog order."""
    rank = LEVELS.index(level)
    return tuple(
        sorted(
            (d for d in catalog.by_chapter(chapter) if LEVELS.index(d.level) <= rank),
            key=lambda d: _level_gap(level, d),
        )
    )


def chapter_drills(chapter: str, level: str, grade_pct: float, count: int) -> tuple[Drill, ...]:
    """Up to ``count`` drills of a chapter for this level and grade, the runner's level first.

    The same drills as ``catalog.matching`` (the tests check they agree), read from a cached
    per-level list because the planner asks thousands of times. When no drill's grade range
    holds the grade, the one nearest to it stands in.
    """
    suitable = _suitable(chapter, level)
    found = [d for d in suitable if d.grade_min_pct <= grade_pct <= d.grade_max_pct]
    if found:
        return tuple(found[:count])
    if not suitable:
        return ()
    nearest = min(suitable, key=lambda d: (_grade_distance(d, grade_pct), _level_gap(level, d)))
    return (nearest,)


@lru_cache(maxsize=4096)
def _session_content(
    focus: str, level: str, grade_pct: float
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """Drill ids, key cues and cadence cue for one session (cached: the catalog is fixed)."""
    chosen: list[Drill] = []
    for chapter in FOCUS_CHAPTERS[focus]:
        chosen.extend(chapter_drills(chapter, level, grade_pct, DRILLS_PER_CHAPTER[focus]))
    cues: list[str] = []
    for rank in range(max((len(d.cues) for d in chosen), default=0)):
        for drill in chosen:
            if rank < len(drill.cues) and drill.cues[rank] not in cues:
                cues.append(drill.cues[rank])
    return (
        tuple(d.id for d in chosen),
        tuple(cues[:KEY_CUES_PER_SESSION]),
        _cadence_cue(focus, level, grade_pct),
    )


def _cadence_cue(focus: str, level: str, grade_pct: float) -> str:
    # Relative to the runner's own flat baseline: Heiderscheit et al. 2011 tested +5 % and
    # +10 %; no published downhill cadence in steps per minute exists.
    if focus == "conditioning":
        return "No cadence target in this session."
    if grade_pct < MIN_DESCENT_GRADE_PCT:
        return "Your flat baseline: count it and write it down; later cues build on it."
    if focus == "posture":
        return "At or a little above your flat baseline; let the posture cue lead."
    if focus == "combined":
        return "About 5 % above your flat baseline, held as the slope steepens."
    if level == "advanced" and grade_pct >= 10.0:
        return "About 10 % above your flat baseline; drop back to 5 % if it stops feeling relaxed."
    if level != "beginner" and grade_pct >= 4.0:
        return "About 5–10 % above your flat baseline."
    return "About 5 % above your flat baseline."


# --- Building the plan ------------------------------------------------------------------------


def _floor_to(value: float, step: float) -> float:
    """Round down to a multiple of ``step``, forgiving float noise just under it."""
    return round(math.floor(value / step + 1e-9) * step, 9)


def _nice_length(metres: float) -> float:
    """A shortened repeat length: whole 10 m from 100 m up, whole metres below."""
    return _floor_to(metres, 10.0 if metres >= 100.0 else 1.0)


def _round_grade(value: float) -> float:
    return round(value, 2)


def _week_grades(top: float) -> dict[str, float]:
    """Grades of each downhill focus in a week whose steepest grade is ``top``."""
    cadence = min(top, max(MIN_DESCENT_GRADE_PCT, round(top / 2.0, 1)))
    posture = min(top, max(cadence, round((cadence + top) / 2.0, 1)))
    return {"cadence": cadence, "posture": posture, "combined": top}


def _baseline_volume(inputs: PlanInputs, top: float) -> tuple[int, float]:
    """Repeats and repeat length for a week up to and including the baseline week."""
    level, length = inputs.level, inputs.slope_length_m
    repeats = FIRST_WEEK_REPEATS[level]
    per_repeat = vertical_drop(1, length, top)
    cap = FIRST_WEEK_MAX_DROP_M[level]
    if per_repeat <= 0.0 or repeats * per_repeat <= cap:
        return repeats, length
    fits = math.floor(cap / per_repeat + 1e-12)
    if fits >= 1:
        return min(repeats, fits), length
    return 1, _nice_length(cap / drop_per_metre(top))


def _fill(limit: float, inputs: PlanInputs, top: float) -> tuple[int, float] | None:
    """Repeats and length whose drop at ``top`` comes as close to ``limit`` as allowed.

    None when even one repeat of the shortest allowed length would go over the limit.
    """
    length = inputs.slope_length_m
    per_repeat = vertical_drop(1, length, top)
    max_repeats = MAX_REPEATS[inputs.level]
    if per_repeat * max_repeats <= limit:
        return max_repeats, length
    # One repeat more than fits at full length, each a little shorter, fills the limit ...
    repeats = max(1, math.ceil(limit / per_repeat - 1e-12))
    metres = min(length, _nice_length(limit / (repeats * drop_per_metre(top))))
    while metres > 0 and vertical_drop(repeats, metres, top) > limit:
        metres -= 1.0
    if metres >= MIN_REPEAT_LENGTH_M:
        return repeats, metres
    # ... unless that makes them too short: then as many full-length repeats as fit.
    if repeats > 1:
        return repeats - 1, length
    return None


def _highest_fitting_grade(limit: float, low: float, high: float) -> float:
    """The steepest grade in [low, high] at which one shortest repeat stays under ``limit``."""
    x = limit / MIN_REPEAT_LENGTH_M
    if x >= 1.0:
        return high
    grade = _floor_to(100.0 * x / math.sqrt(1.0 - x * x), 0.1)
    return max(low, min(high, grade))


def _lighter(repeats: int, length: float) -> tuple[int, float]:
    cut = math.floor(repeats * (1.0 - LIGHTER_WEEK_VOLUME_CUT) + 1e-9)
    if cut >= 1:
        return cut, length
    return 1, _floor_to(length * (1.0 - LIGHTER_WEEK_VOLUME_CUT), 1.0)


@dataclass(frozen=True)
class _Draft:
    """One week as the rules shape it, before drills and dates are attached."""

    number: int
    is_lighter: bool
    top: float  # the week's steepest grade
    rounds: int  # conditioning circuit rounds
    downhill: tuple[tuple[int, str, float, int, float, float], ...]  # day, focus, grade, r, m, drop


def _drafts(inputs: PlanInputs) -> Iterator[_Draft]:
    """The plan's weeks in order, continuing past ``inputs.weeks`` up to the longest plan.

    Each week depends only on the weeks before it, so a shorter plan is a prefix of a longer
    one; the note reads further along to say how many weeks the target would take.
    """
    level = inputs.level
    step = MAX_GRADE_STEP_PCT[level]
    pattern = FOCUS_PATTERN[inputs.sessions_per_week]
    days = SESSION_DAYS[inputs.sessions_per_week]
    combined_day = days[pattern.index("combined")]
    history: list[tuple[int, float]] = []  # (absolute day, unrounded drop), in date order
    baseline_done = False  # True once a week on a real descent (>= 2 %) is complete
    repeats, length = 0, 0.0
    previous_top = inputs.current_grade_pct

    def window_limit(day: int) -> float:
        biggest = 0.0
        for earlier_day, drop in reversed(history):
            if day - earlier_day > SPIKE_WINDOW_DAYS:
                break
            if earlier_day < day and drop > biggest:
                biggest = drop
        return SPIKE_LIMIT * biggest

    for number in range(1, WEEKS_RANGE[1] + 1):
        first_day = (number - 1) * 7
        lighter = number > 1 and number % LIGHTER_WEEK_EVERY[level] == 0
        if number == 1 or lighter:
            top = previous_top
        else:
            top = min(inputs.target_grade_pct, _round_grade(_floor_to(previous_top + step, 0.01)))
            top = max(top, previous_top)

        if lighter:
            repeats, length = _lighter(repeats, length)
        elif not baseline_done:
            repeats, length = _baseline_volume(inputs, top)
        else:
            limit = window_limit(first_day + combined_day)
            volume = _fill(limit, inputs, top)
            if volume is None:
                top = _highest_fitting_grade(limit, previous_top, top)
                volume = _fill(limit, inputs, top)
            repeats, length = volume if volume is not None else (1, MIN_REPEAT_LENGTH_M)

        grades = _week_grades(top)
        downhill = []
        for focus, day in zip(pattern, days, strict=True):
            grade = grades[focus]
            r, metres = repeats, length
            if baseline_done:  # a guard: the week's volume was chosen to pass already
                limit = window_limit(first_day + day)
                while r > 1 and vertical_drop(r, metres, grade) > limit:
                    r -= 1
                while metres > 0 and vertical_drop(r, metres, grade) > limit:
                    metres -= 1.0
            drop = vertical_drop(r, metres, grade)
            history.append((first_day + day, drop))
            downhill.append((day, focus, grade, r, metres, drop))
        rounds = CONDITIONING_ROUNDS_LIGHT if lighter or number == 1 else CONDITIONING_ROUNDS
        yield _Draft(number, lighter, top, rounds, tuple(downhill))
        previous_top = top
        if top >= MIN_DESCENT_GRADE_PCT:
            baseline_done = True


def _week(inputs: PlanInputs, draft: _Draft) -> Week:
    number = draft.number
    sessions = [
        _session(inputs, number, day, focus, grade, r, metres, drop)
        for day, focus, grade, r, metres, drop in draft.downhill
    ]
    sessions.append(
        _session(inputs, number, CONDITIONING_DAY, "conditioning", 0.0, draft.rounds, 0.0, 0.0)
    )
    sessions.sort(key=lambda s: s.day)
    return Week(number, draft.is_lighter, tuple(sessions), _date(inputs.start_date, number, 1))


def _date(start: dt.date | None, week: int, day: int) -> dt.date | None:
    if start is None:
        return None
    return start + dt.timedelta(days=(week - 1) * 7 + day - 1)


def _session(
    inputs: PlanInputs,
    week: int,
    day: int,
    focus: str,
    grade: float,
    repeats: int,
    length: float,
    drop: float,
) -> Session:
    drill_ids, cues, cadence_cue = _session_content(focus, inputs.level, grade)
    when = None if inputs.start_date is None else _date(inputs.start_date, week, day)
    # Positional, in field order: the planner makes thousands of these in the tests.
    return Session(
        day, when, focus, grade, repeats, length, round(drop, 1), drill_ids, cadence_cue, cues
    )


# --- The note -----------------------------------------------------------------------------------

_NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


def _in_words(n: int) -> str:
    if n < len(_NUMBER_WORDS):
        return _NUMBER_WORDS[n]
    tens, ones = divmod(n, 10)
    word = {2: "twenty", 3: "thirty"}.get(tens, str(tens * 10))
    return f"{word}-{_NUMBER_WORDS[ones]}" if ones else word


def pct(value: float) -> str:
    """A grade for readers: one decimal at most, none when it is whole ("4", "4.5")."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _listing(numbers: list[int]) -> str:
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _note(
    inputs: PlanInputs, kept: list[_Draft], later: Iterator[_Draft], reached: bool, highest: float
) -> str:
    """The reader's summary; ``later`` continues the plan past its last week."""
    current, target = pct(inputs.current_grade_pct), pct(inputs.target_grade_pct)
    lighter = [d.number for d in kept if d.is_lighter]
    lighter_text = (
        f" Week {lighter[0]} is a lighter week: fewer repeats and no new steepness."
        if len(lighter) == 1
        else f" Weeks {_listing(lighter)} are lighter weeks: fewer repeats and no new steepness."
        if lighter
        else ""
    )
    if not reached:
        needed = next((d.number for d in later if d.top >= inputs.target_grade_pct), None)
        advice = (
            f"Repeat the last two weeks or lengthen the plan to {needed} weeks."
            if needed is not None
            else "Repeat the last two weeks, lengthen the plan or choose a nearer target."
        )
        return (
            f"{_in_words(inputs.weeks).capitalize()} weeks is not enough to go from {current} % "
            f"to {target} % at safe steps; this plan reaches {pct(_floor_to(highest, 0.1))} %. "
            f"{advice}{lighter_text}"
        )
    if inputs.target_grade_pct <= inputs.current_grade_pct:
        return (
            f"Your target is the {current} % you already run comfortably, so this plan keeps "
            f"that steepness and builds how much of it you do.{lighter_text}"
        )
    first = next(d.number for d in kept if d.top >= inputs.target_grade_pct)
    if first == inputs.weeks:
        when = f"This plan takes you from {current} % to {target} % in its last week."
    else:
        when = (
            f"This plan takes you from {current} % to {target} % by week {first}, then keeps "
            f"that steepness while the amount of running builds."
        )
    return when + lighter_text


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

    Raises InputError (a ValueError) naming the form field for any input out of range.
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
    weeks = tuple(_week(inputs, d) for d in kept)
    return Plan(inputs, weeks, reached, highest, _note(inputs, kept, drafts, reached, highest))


__all__ = [
    "CURRENT_RANGE_PCT",
    "FIRST_WEEK_MAX_DROP_M",
    "FIRST_WEEK_REPEATS",
    "FORM_FIELDS",
    "LIGHTER_WEEK_EVERY",
    "LIGHTER_WEEK_VOLUME_CUT",
    "MAX_GAP_DAYS",
    "MAX_GRADE_STEP_PCT",
    "MAX_REPEATS",
    "MIN_DESCENT_GRADE_PCT",
    "MIN_REPEAT_LENGTH_M",
    "RULES",
    "SESSIONS_RANGE",
    "SLOPE_RANGE_M",
    "SPIKE_LIMIT",
    "SPIKE_WINDOW_DAYS",
    "TARGET_MAX_PCT",
    "WEEKS_RANGE",
    "Plan",
    "PlanInputs",
    "Rule",
    "Session",
    "Week",
    "chapter_drills",
    "drop_per_metre",
    "make_plan",
    "pct",
    "vertical_drop",
]


# --- The training log ---------------------------------------------------------------------------

from typing import TYPE_CHECKING  # noqa: E402  (appended with ``adjust``)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from drills.training_log import LogEntry


def adjust(plan: Plan, log_entries: Iterable[LogEntry]) -> tuple[Plan, list[str]]:
    """The plan with its later sessions adjusted to the training log, and each reason in words.

    ``log_entries`` are ``drills.training_log.LogEntry`` values; the rules are
    ``training_log.LOG_RULES``. Adjustments never make a session steeper or bigger than here.
    """
    from drills import training_log  # imported here: training_log builds on this module

    return training_log.adjust(plan, log_entries)


__all__ += ["adjust"]
