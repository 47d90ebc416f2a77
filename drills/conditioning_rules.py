"""The conditioning chapter's rules: which work leaves the legs stunned, how far it stays from a
descent, and how the strength work is done.

The planner reads these numbers to place the circuit; the chapter, the drills and the planner
page say them in words written from them (``drills.rule_text``). All of it is coaching
practice: we found no study of how to space strength work and descents.
"""

from __future__ import annotations

from collections.abc import Iterable

# Drill kinds (``drills.model.SessionKind``) that leave the legs stunned for a day or more.
HEAVY_KINDS: tuple[str, ...] = ("heavy lowering", "plyometric")

# Heavy work never falls on the day before a descent, nor earlier on the day of one: the next
# descent comes at least this many days after it, on legs that have had a day to recover.
HEAVY_WORK_CLEAR_DAYS = 2

# One lowering tempo for every slow-lowering exercise, in seconds.
LOWERING_S = 3

# The entry test for plyometrics: weeks of regular strength work, clean slow-lowering split
# squats, and a steady single-leg balance with the eyes closed.
PLYOMETRIC_ENTRY_WEEKS = 6
PLYOMETRIC_ENTRY_SETS = (3, 8)  # sets × slow-lowering split squats per leg
PLYOMETRIC_ENTRY_BALANCE_S = 30  # on one leg, eyes closed

# Moderate downhill repeats: their effort on the training log's 1–10 scale.
HILL_REPEAT_RPE = (3, 4)


def heavy_work_allowed(day: int, descent_days: Iterable[int]) -> bool:
    """Whether heavy work on ``day`` keeps clear of every descent in ``descent_days`` (days
    counted on one calendar). A descent on the same day counts as after it: the planner does
    not know the hour, so it never puts heavy work on a descent day."""
    return all(d < day or d - day >= HEAVY_WORK_CLEAR_DAYS for d in descent_days)
