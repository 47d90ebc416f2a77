"""The progression planner page: its fields, and a plan's results as regions (the summary,
the chart, the session cards of ``plan_cards`` and the printed handout of ``plan_handout``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Any

from drills import planner
from drills.errors import InputError, shown
from drills.exposure import TARGET_CEILING_PCT
from drills.model import LEVELS
from drills.render.figures.exposure import RULER_GRADES_PCT, grade_ruler_svg
from drills.render.forms import Field, read
from drills.render.html import esc, number
from drills.render.links import Links
from drills.render.plan_cards import SessionsLog, weeks_html
from drills.render.plan_handout import handout
from drills.render.planner_chart import plan_chart_svg
from drills.render.regions import Region, Segment, region
from drills.training_log import Store
from drills.units import parse_number, parse_whole
from drills.words import listing, pct

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


FIELDS: tuple[Field, ...] = (
    Field(
        NAMES["current_grade_pct"],
        "Steepest descent you run comfortably now (%)",
        f"A descent you can run today without braking hard, 0–{TARGET_CEILING_PCT:g} %.",
        "4",
        lambda t: parse_number(
            t, NAMES["current_grade_pct"], "Current steepness", *planner.CURRENT_RANGE_PCT, "%"
        ),
    ),
    Field(
        NAMES["target_grade_pct"],
        "Target steepness (%)",
        f"The descent you want to run with control, up to {TARGET_CEILING_PCT:g} %.",
        "10",
        # Any grade reads here; the planner refuses one above its ceiling and says why.
        lambda t: parse_number(t, NAMES["target_grade_pct"], "Target steepness", 0, 100, "%"),
    ),
    Field(
        NAMES["weeks"],
        "Weeks",
        f"How long the plan runs, {planner.WEEKS_RANGE[0]}–{planner.WEEKS_RANGE[1]} weeks.",
        "10",
        lambda t: parse_whole(t, NAMES["weeks"], "Weeks", *planner.WEEKS_RANGE),
        input_mode="numeric",
    ),
    Field(
        NAMES["sessions_per_week"],
        "Downhill sessions per week",
        "Plus one conditioning session.",
        "3",
        lambda t: parse_whole(
            t, NAMES["sessions_per_week"], "Sessions per week", *planner.SESSIONS_RANGE
        ),
        choices=tuple(
            (str(n), str(n))
            for n in range(planner.SESSIONS_RANGE[0], planner.SESSIONS_RANGE[1] + 1)
        ),
    ),
    Field(
        NAMES["level"],
        "Your level",
        "Sets how fast the plan may climb.",
        "beginner",
        _level,
        choices=tuple((v, v.capitalize()) for v in LEVELS),
    ),
    Field(
        NAMES["slope_length_m"],
        "Length of your practice slope (m)",
        f"Measured along the ground, {planner.SLOPE_RANGE_M[0]:g}–{planner.SLOPE_RANGE_M[1]:g} m.",
        "200",
        lambda t: parse_number(
            t, NAMES["slope_length_m"], "Slope length", *planner.SLOPE_RANGE_M, "m"
        ),
    ),
    Field(
        NAMES["start_date"],
        "Start date (optional)",
        f"The day of the first session, from {planner.DATE_RANGE[0].year} to "
        f"{planner.DATE_RANGE[1].year}, to put dates on the sessions.",
        "",
        _start_date,
        date=True,
        optional=True,
    ),
)


def compute(values: Mapping[str, Any]) -> planner.Plan:
    """The plan for the form's values (read by ``forms.read(FIELDS, ...)``)."""
    return planner.make_plan(**{argument: values[name] for argument, name in NAMES.items()})


def plan_for(texts: Mapping[str, object], start: dt.date | None = None) -> planner.Plan | None:
    """The plan for the planner form's raw texts, or None when they are not valid."""
    reading = read(FIELDS, texts)
    if reading.errors:
        return None
    values = dict(reading.values)
    if start is not None and values[NAMES["start_date"]] is None:
        values[NAMES["start_date"]] = start
    try:
        return compute(values)
    except InputError:
        return None


def stored_plan(store: Store) -> planner.Plan | None:
    """The plan a training log was kept for: the one its planner texts make, if any."""
    texts = store.plan_texts()
    return None if texts is None else plan_for(texts)


@cache  # two grades; the reader changes other fields far more often
def _ruler_for(current: float, target: float) -> str:
    others = listing([pct(g) for g in RULER_GRADES_PCT])
    caption = (
        f"Your {pct(current)} % and {pct(target)} % beside {others} %, each drawn to scale: a "
        f"grade is the drop per 100 m across. {pct(TARGET_CEILING_PCT)} %, dashed, is the "
        "planner's ceiling: hike anything steeper."
    )
    return f"{grade_ruler_svg(current, target, 'dc-plan-ruler')}<figcaption>{esc(caption)}</figcaption>"


def _ruler(plan: planner.Plan) -> str:
    return _ruler_for(plan.inputs.current_grade_pct, plan.inputs.target_grade_pct)


def summary_html(plan: planner.Plan) -> str:
    reached = "yes" if plan.reached_target else "no"
    return (
        f'<p class="dc-plan-note" data-result="note">{esc(plan.note)}</p>'
        f'<p>Reaches the target: <strong data-result="reached_target">{reached}</strong>. '
        f'Steepest session: <strong><span data-result="highest_grade_pct">'
        f"{number(plan.highest_grade_pct, 1)}</span> %</strong>. "
        f'Total vertical drop: <strong><span data-result="total_drop_m">'
        f"{number(sum(w.total_drop_m for w in plan.weeks), 0)}</span> m</strong>.</p>"
    )


def results(plan: planner.Plan, log: SessionsLog, links: Links) -> Region:
    """The plan's results, as the training log has adjusted it (``log``: the log's cell beside
    each session, and what it changed). The weeks and sessions are the frame; the cards and the
    handout's cells are regions, and so are the parts of them that change on their own."""
    out: list[Segment] = [
        region("div", "summary", summary_html(plan), attributes=' class="dc-plan-summary"'),
        region("figure", "chart", plan_chart_svg(plan), attributes=' class="dc-plan-chart"'),
        region("figure", "ruler", _ruler(plan), attributes=' class="dc-figure dc-plan-ruler"'),
        *weeks_html(plan, log, links),
        handout(plan, log.done, log.reasons),
    ]
    return region("div", "results", *out, attributes=' class="dc-results" data-results')


def summary(plan: planner.Plan) -> str:
    reached = "reaches" if plan.reached_target else "stops short of"
    return (
        f"Updated: {len(plan.weeks)}-week plan that {reached} the target, "
        f"steepest session {number(plan.highest_grade_pct, 1)} %."
    )
