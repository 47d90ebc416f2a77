"""The exposure rules: how much downhill running a plan may ask for, and when to back off.

The planner builds plans with these rules and the training log adjusts plans with the same
ones; the rules' prose (``drills.rule_text``) is written from these constants. Load is counted
as vertical drop, a modelling choice: the height descended is the energy the legs must help
absorb, whatever the slope's length. Pure functions, standard library only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# --- The ceiling ------------------------------------------------------------------------------

# The steepest target the planner trains towards. Coaching practice: on steeper ground most
# runners hike, side-step or use poles (the terrain chapter's "Very steep ground"), and the
# studies behind these rules ran on slopes of −10 to −20 % (Schwane 1987, Byrnes 1985).
TARGET_CEILING_PCT = 35.0

# --- Rule 1: start small, climb in small steps --------------------------------------------------

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
# baseline week that rule 2 measures from. Coaching practice (cadence sessions use easy
# declines of at least 2 %).
MIN_DESCENT_GRADE_PCT = 2.0

# Most repeats in one session, and the shortest repeat. Coaching practice: past these, a
# session is better made steeper or split, not longer.
MAX_REPEATS: dict[str, int] = {"beginner": 8, "intermediate": 10, "advanced": 12}
MIN_REPEAT_LENGTH_M = 20.0

# --- Rule 2: no single-session spike -------------------------------------------------------------

# No session's vertical drop may exceed this multiple of the biggest single-session drop of
# the previous SPIKE_WINDOW_DAYS days. Frandsen et al. 2025 (5,205 runners): one run 10–30 %
# longer than the longest run of the past 30 days had a hazard rate ratio of 1.64. We apply
# the same limit to vertical drop, which that study did not measure. The 10 % is a brake on
# spikes, not a tested safe dose: a 10 %-rule plan did no better than a standard one in Buist
# et al. 2008's trial (20.8 % against 20.3 % injured).
SPIKE_LIMIT = 1.10
SPIKE_WINDOW_DAYS = 30

# --- Rule 3: lighter weeks -----------------------------------------------------------------------

# Every Nth week is lighter. Coaching practice: the strength coaches Bell et al. 2022
# interviewed deload every 4–6 weeks; we found no running study of it. Beginners get one a
# week sooner.
LIGHTER_WEEK_EVERY: dict[str, int] = {"beginner": 3, "intermediate": 4, "advanced": 4}

# A lighter week keeps the previous week's grades and cuts each session's volume by at
# least this share: repeats rounded down, or a shorter repeat when there is only one.
# The log makes the same cut after high soreness or effort.
LIGHTER_WEEK_VOLUME_CUT = 0.30

# --- Rule 4: never a long gap --------------------------------------------------------------------

# Longest allowed gap between downhill sessions. Byrnes et al. 1985: the protection from
# one bout of downhill running lasted up to 6 weeks and was gone by 9; two weeks leaves a
# wide margin. Every week has at least two downhill sessions, so a plan never comes close.
MAX_GAP_DAYS = 14

# --- What the runner reports, and what makes the plan back off -------------------------------------
# Coaching practice: we found no study of log-driven adjustment of a downhill plan.

RPE_RANGE = (1, 10)  # session rating of perceived exertion, 1 very easy … 10 maximal
SORENESS_RANGE = (0, 10)  # muscle soreness two days (48 h) after the session, 0 none
CONFIDENCE_RANGE = (1, 5)  # confidence on the descent, 1 scared … 5 relaxed and in control
# The words beside each scale, on every page that asks for a rating or names one. One
# confidence scale for the log, session mode, the drills and the chapters: higher is calmer.
RPE_WORDS: dict[int, str] = {
    1: "very easy",
    2: "easy",
    3: "moderate",
    4: "somewhat hard",
    5: "hard",
    7: "very hard",
    10: "maximal",
}
CONFIDENCE_WORDS: dict[int, str] = {
    1: "scared, braking all the way",
    2: "tense, braking often",
    3: "cautious but in control",
    4: "mostly relaxed",
    5: "relaxed and in control",
}

# Soreness two days later at or below this is mild. Above it the legs are still sore, and
# the guide's rule is not to go steep on sore legs: the next week holds its steepness and the
# descents until its end are cut as in a lighter week. A good week needs mild at most.
MILD_SORENESS = 3
SORENESS_WORDS: dict[int, str] = {
    0: "none",
    **{n: "mild" for n in range(1, MILD_SORENESS + 1)},
    MILD_SORENESS + 1: "more than mild: the plan holds",
    10: "worst imaginable",
}
HIGH_RPE = 8  # effort on a descent at or above this: hold steepness, fewer repeats
LOW_CONFIDENCE = 2  # confidence at or below this on a descent: hold steepness for a week
GOOD_CONFIDENCE = 4  # a full week at or above this confidence, with mild soreness: carry on


# --- Geometry ----------------------------------------------------------------------------------------


def drop_per_metre(grade_pct: float) -> float:
    """Vertical drop per metre measured along the ground: g / sqrt(1 + g²), g = grade / 100."""
    g = grade_pct / 100.0
    return g / math.sqrt(1.0 + g * g)


def vertical_drop(repeats: int, length_m: float, grade_pct: float) -> float:
    """Unrounded vertical drop of ``repeats`` runs of ``length_m`` along a slope."""
    return repeats * length_m * drop_per_metre(grade_pct)


def floor_to(value: float, step: float) -> float:
    """Round down to a multiple of ``step``, forgiving float noise just under it."""
    return round(math.floor(value / step + 1e-9) * step, 9)


def nice_length(metres: float) -> float:
    """A shortened repeat length: whole 10 m from 100 m up, whole metres below."""
    return floor_to(metres, 10.0 if metres >= 100.0 else 1.0)


# --- The rules as functions --------------------------------------------------------------------------


def is_lighter_week(number: int, level: str) -> bool:
    """Whether week ``number`` (1-based) is a lighter week at this level."""
    return number > 1 and number % LIGHTER_WEEK_EVERY[level] == 0


def next_steepest(previous_pct: float, target_pct: float, level: str) -> float:
    """The week's steepest grade after a week whose steepest was ``previous_pct``."""
    step = floor_to(previous_pct + MAX_GRADE_STEP_PCT[level], 0.01)
    return max(previous_pct, min(target_pct, round(step, 2)))


def step_cap(previous_pct: float, level: str) -> float:
    """The steepest grade a week may reach after a week whose steepest was ``previous_pct``."""
    return round(previous_pct + MAX_GRADE_STEP_PCT[level], 2)


def lighter(repeats: int, length_m: float) -> tuple[int, float]:
    """A session cut by LIGHTER_WEEK_VOLUME_CUT: fewer repeats, or one shorter repeat."""
    keep = 1.0 - LIGHTER_WEEK_VOLUME_CUT
    cut = math.floor(repeats * keep + 1e-9)
    if cut >= 1:
        return cut, length_m
    return 1, floor_to(length_m * keep, 1.0)


def spike_limit(history: Sequence[tuple[int, float]], day: int) -> float:
    """The most vertical drop a session on ``day`` may have: SPIKE_LIMIT times the biggest
    session of the previous SPIKE_WINDOW_DAYS days. ``history`` is (day, drop), in date order."""
    biggest = 0.0
    for earlier, drop in reversed(history):
        if day - earlier > SPIKE_WINDOW_DAYS:
            break
        if earlier < day and drop > biggest:
            biggest = drop
    return SPIKE_LIMIT * biggest


def fit_to_limit(
    repeats: int, length_m: float, grade_pct: float, limit: float
) -> tuple[int, float]:
    """Fewer repeats, then a shorter one, until the session's drop is within ``limit``."""
    while repeats > 1 and vertical_drop(repeats, length_m, grade_pct) > limit:
        repeats -= 1
    while length_m > 0 and vertical_drop(repeats, length_m, grade_pct) > limit:
        length_m -= 1.0
    return repeats, length_m


def baseline_volume(level: str, slope_m: float, grade_pct: float) -> tuple[int, float]:
    """Repeats and repeat length for a week up to and including the baseline week."""
    repeats = FIRST_WEEK_REPEATS[level]
    per_repeat = vertical_drop(1, slope_m, grade_pct)
    cap = FIRST_WEEK_MAX_DROP_M[level]
    if per_repeat <= 0.0 or repeats * per_repeat <= cap:
        return repeats, slope_m
    fits = math.floor(cap / per_repeat + 1e-12)
    if fits >= 1:
        return min(repeats, fits), slope_m
    return 1, nice_length(cap / drop_per_metre(grade_pct))


def fill(limit: float, level: str, slope_m: float, grade_pct: float) -> tuple[int, float] | None:
    """Repeats and length whose drop at ``grade_pct`` comes as close to ``limit`` as allowed.

    None when even one repeat of the shortest allowed length would go over the limit.
    """
    per_repeat = vertical_drop(1, slope_m, grade_pct)
    max_repeats = MAX_REPEATS[level]
    if per_repeat * max_repeats <= limit:
        return max_repeats, slope_m
    # One repeat more than fits at full length, each a little shorter, fills the limit ...
    repeats = max(1, math.ceil(limit / per_repeat - 1e-12))
    metres = min(slope_m, nice_length(limit / (repeats * drop_per_metre(grade_pct))))
    while metres > 0 and vertical_drop(repeats, metres, grade_pct) > limit:
        metres -= 1.0
    if metres >= MIN_REPEAT_LENGTH_M:
        return repeats, metres
    # ... unless that makes them too short: then as many full-length repeats as fit.
    if repeats > 1:
        return repeats - 1, slope_m
    return None


def highest_fitting_grade(limit: float, low: float, high: float) -> float:
    """The steepest grade in [low, high] at which one shortest repeat stays under ``limit``."""
    x = limit / MIN_REPEAT_LENGTH_M
    if x >= 1.0:
        return high
    grade = floor_to(100.0 * x / math.sqrt(1.0 - x * x), 0.1)
    return max(low, min(high, grade))
