"""The planner's inputs as text: how each field's text reads, and the plan a set of texts makes.

The planner page's form (``drills.render.planner_view``) and a kept log's planner texts read
the same way, so a coach's notebook and the command line see the plan the page shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from drills import planner
from drills.errors import InputError, shown
from drills.model import LEVELS
from drills.units import parse_number, parse_whole

NAMES = planner.FORM_FIELDS  # make_plan's inputs by their fields' names, defined once there


def _start_date(text: str) -> dt.date | None:
    text = text.strip() if isinstance(text, str) else text
    if text in ("", None):
        return None
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise InputError(
            NAMES["start_date"],
            f"Start date must be a date like 2026-12-07 (year-month-day); you entered {shown(text)}.",
        ) from None


def _level(text: str) -> str:
    if text not in LEVELS:
        raise InputError(
            NAMES["level"],
            f"Level must be beginner, intermediate or advanced; you entered {shown(text)}.",
        )
    return text


# Each field's text → its value, raising InputError(field, ...) on bad input.
PARSERS: dict[str, Callable[[str], object]] = {
    NAMES["current_grade_pct"]: lambda t: parse_number(
        t, NAMES["current_grade_pct"], "Current steepness", *planner.CURRENT_RANGE_PCT, "%"
    ),
    # Any grade reads here; the planner refuses one above its ceiling and says why.
    NAMES["target_grade_pct"]: lambda t: parse_number(
        t, NAMES["target_grade_pct"], "Target steepness", 0, 100, "%"
    ),
    NAMES["weeks"]: lambda t: parse_whole(t, NAMES["weeks"], "Weeks", *planner.WEEKS_RANGE),
    NAMES["sessions_per_week"]: lambda t: parse_whole(
        t, NAMES["sessions_per_week"], "Sessions per week", *planner.SESSIONS_RANGE
    ),
    NAMES["level"]: _level,
    NAMES["slope_length_m"]: lambda t: parse_number(
        t, NAMES["slope_length_m"], "Slope length", *planner.SLOPE_RANGE_M, "m"
    ),
    NAMES["start_date"]: _start_date,
}
# The texts the planner page starts with, by field name.
DEFAULT_TEXTS: dict[str, str] = {
    NAMES["current_grade_pct"]: "4",
    NAMES["target_grade_pct"]: "10",
    NAMES["weeks"]: "10",
    NAMES["sessions_per_week"]: "3",
    NAMES["level"]: "beginner",
    NAMES["slope_length_m"]: "200",
    NAMES["start_date"]: "",
}
OPTIONAL = frozenset({NAMES["start_date"]})  # empty text means "not given"


def plan_from_values(values: Mapping[str, Any]) -> planner.Plan:
    """The plan for the fields' values (as ``PARSERS`` read them), by field name."""
    return planner.make_plan(**{argument: values[name] for argument, name in NAMES.items()})


def plan_from_texts(
    texts: Mapping[str, object] | None, start: dt.date | None = None
) -> planner.Plan | None:
    """The plan these field texts make (a missing field takes its default; ``start`` stands in
    for an empty start date), or None when any text is not valid."""
    if texts is None:
        return None
    values: dict[str, Any] = {}
    for name, parse in PARSERS.items():
        text = texts.get(name, DEFAULT_TEXTS[name])
        if not isinstance(text, str):
            return None
        try:
            values[name] = None if name in OPTIONAL and not text.strip() else parse(text)
        except InputError:
            return None
    if start is not None and values[NAMES["start_date"]] is None:
        values[NAMES["start_date"]] = start
    try:
        return plan_from_values(values)
    except InputError:
        return None
