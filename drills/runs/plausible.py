"""Grades no runner ran: a sustained descent whose elevation data cannot be ground a runner
covered is flagged, and left out of what the audit advises (the planner's numbers, a race
card's target, the training log's steepest grade). GPS heights among cliffs and a barometer
that jumps make such descents: "120 % over 50 m", "70 % over 100 m in 8 s".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from drills.exposure import TARGET_CEILING_PCT
from drills.runs.audit import STEEPEST_WINDOW_M, Descent
from drills.words import pct

# The guide runs up to TARGET_CEILING_PCT and walks steeper ground; from 45° (100 %) people
# climb down facing the slope, hands on the rock (the terrain chapter's side-stepping). No
# path holds that over STEEPEST_WINDOW_M, so a steeper reading is the data's, not the ground's.
CLIMBING_GRADE_PCT = 100.0
# The 100 m world record's average speed (9.58 s): nobody covers a descent faster.
SPRINT_MS = 100.0 / 9.58
# That pace on the steepest ground the guide runs (TARGET_CEILING_PCT) loses this much height a
# second (about 3.4 m/s); on steeper ground people walk, and lose height more slowly.
FASTEST_DROP_MS = SPRINT_MS * math.sin(math.atan(TARGET_CEILING_PCT / 100.0))

GRADE, SPEED, DROP = "grade", "speed", "drop"  # why a descent is doubted


@dataclass(frozen=True)
class Doubt:
    """Why a descent cannot be ground a runner covered: its ``kind`` and the value that says so
    (a grade in %, a speed along the ground or a rate of height lost, in m/s)."""

    descent: Descent
    kind: str
    value: float


def _degrees(grade_pct: float) -> str:
    return f"{math.degrees(math.atan(grade_pct / 100.0)):.0f}°"


# The rule in words, written from the constants (the audit page and its help say it).
RULE = (
    f"A sustained descent is not ground anyone ran when, over its steepest "
    f"{STEEPEST_WINDOW_M:g} m, it is steeper than {pct(CLIMBING_GRADE_PCT)} % "
    f"({_degrees(CLIMBING_GRADE_PCT)}: ground people climb down facing the slope, which no "
    f"path holds that far), when it was covered faster than {SPRINT_MS * 3.6:.1f} km/h (the "
    f"100 m world record's pace) or when it lost height faster than {FASTEST_DROP_MS:.1f} m a "
    f"second (that pace on {pct(TARGET_CEILING_PCT)} % ground, the steepest the guide runs). "
    "The elevation or the position data is wrong there"
)


def doubt(descent: Descent) -> Doubt | None:
    """Why this descent cannot be what a runner covered, or None when it can."""
    if descent.steepest_grade_pct > CLIMBING_GRADE_PCT:
        return Doubt(descent, GRADE, descent.steepest_grade_pct)
    if descent.time_s is not None and descent.time_s > 0:
        if descent.length_m / descent.time_s > SPRINT_MS:
            return Doubt(descent, SPEED, descent.length_m / descent.time_s)
        if descent.drop_m / descent.time_s > FASTEST_DROP_MS:
            return Doubt(descent, DROP, descent.drop_m / descent.time_s)
    return None


def doubts(descents: tuple[Descent, ...]) -> tuple[Doubt, ...]:
    """The doubted descents, in track order."""
    return tuple(d for d in map(doubt, descents) if d is not None)


def believable(descents: tuple[Descent, ...]) -> tuple[Descent, ...]:
    """The descents a runner could have covered: what the audit's advice reads."""
    return tuple(d for d in descents if doubt(d) is None)
