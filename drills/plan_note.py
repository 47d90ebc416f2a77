"""The plan's note: one paragraph that tells the reader what the plan does and why."""

from __future__ import annotations

from drills.exposure import floor_to
from drills.words import in_words, listing, pct


def plan_note(
    current_pct: float,
    target_pct: float,
    weeks: int,
    lighter_weeks: list[int],
    first_at_target: int | None,
    weeks_needed: int | None,
    highest_pct: float,
) -> str:
    """The reader's summary of a plan.

    ``first_at_target`` is the first week at the target (None when the plan stops short);
    ``weeks_needed`` is how long a plan would have to be to reach it (None beyond the
    longest plan).
    """
    current, target = pct(current_pct), pct(target_pct)
    lighter_text = ""
    if len(lighter_weeks) == 1:
        lighter_text = (
            f" Week {lighter_weeks[0]} is a lighter week: fewer repeats and no new steepness."
        )
    elif lighter_weeks:
        lighter_text = (
            f" Weeks {listing(lighter_weeks)} are lighter weeks: fewer repeats and no new "
            "steepness."
        )
    if first_at_target is None:
        advice = (
            f"Repeat the last two weeks or lengthen the plan to {weeks_needed} weeks."
            if weeks_needed is not None
            else "Repeat the last two weeks, lengthen the plan or choose a nearer target."
        )
        return (
            f"{in_words(weeks).capitalize()} weeks is not enough to go from {current} % "
            f"to {target} % at safe steps; this plan reaches {pct(floor_to(highest_pct, 0.1))} %. "
            f"{advice}{lighter_text}"
        )
    if target_pct <= current_pct:
        return (
            f"Your target is the {current} % you already run comfortably, so this plan keeps "
            f"that steepness and builds how much of it you do.{lighter_text}"
        )
    if first_at_target == weeks:
        when = f"This plan takes you from {current} % to {target} % in its last week."
    else:
        when = (
            f"This plan takes you from {current} % to {target} % by week {first_at_target}, then "
            "keeps that steepness while the amount of running builds."
        )
    return when + lighter_text
