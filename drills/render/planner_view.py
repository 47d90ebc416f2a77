"""The progression planner page: its fields, and a plan's results as regions (the summary,
the chart, the session cards of ``plan_cards`` and the printed handout of ``plan_handout``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from drills import planner
from drills.exposure import TARGET_CEILING_PCT
from drills.model import LEVELS
from drills.plan_form import DEFAULT_TEXTS, NAMES, PARSERS, plan_from_texts, plan_from_values
from drills.render.figures.exposure import RULER_GRADES_PCT, grade_ruler_svg
from drills.render.forms import Field
from drills.render.html import esc, number
from drills.render.links import Links
from drills.render.plan_cards import SessionsLog, weeks_html
from drills.render.plan_handout import handout
from drills.render.planner_chart import plan_chart_svg
from drills.render.regions import Region, Segment, region
from drills.training_log import Store, WeekDescent
from drills.words import listing, pct

# A coach's plan link names the athlete it is for: the plan is kept under that name, so the
# athlete's export comes back to their row (drills.bridge.roster). No field: the plan is the same.
ATHLETE_KEY = "athlete"


def _field(name: str, label: str, hint: str, **options: Any) -> Field:
    return Field(name, label, hint, DEFAULT_TEXTS[name], PARSERS[name], **options)


FIELDS: tuple[Field, ...] = (
    _field(
        NAMES["current_grade_pct"],
        "Steepest descent you run comfortably now (%)",
        f"A descent you can run today without braking hard, 0–{TARGET_CEILING_PCT:g} %.",
    ),
    _field(
        NAMES["target_grade_pct"],
        "Target steepness (%)",
        f"The descent you want to run with control, up to {TARGET_CEILING_PCT:g} %.",
    ),
    _field(
        NAMES["weeks"],
        "Weeks",
        f"How long the plan runs, {planner.WEEKS_RANGE[0]}–{planner.WEEKS_RANGE[1]} weeks.",
        input_mode="numeric",
    ),
    _field(
        NAMES["sessions_per_week"],
        "Downhill sessions per week",
        "Plus one conditioning session.",
        choices=tuple(
            (str(n), str(n))
            for n in range(planner.SESSIONS_RANGE[0], planner.SESSIONS_RANGE[1] + 1)
        ),
    ),
    _field(
        NAMES["level"],
        "Your level",
        "Sets how fast the plan may climb.",
        choices=tuple((v, v.capitalize()) for v in LEVELS),
    ),
    _field(
        NAMES["slope_length_m"],
        "Length of your practice slope (m)",
        f"Measured along the ground, {planner.SLOPE_RANGE_M[0]:g}–{planner.SLOPE_RANGE_M[1]:g} m.",
    ),
    _field(
        NAMES["start_date"],
        "Start date (optional)",
        f"The day of the first session, from {planner.DATE_RANGE[0].year} to "
        f"{planner.DATE_RANGE[1].year}, to put dates on the sessions.",
        date=True,
        optional=True,
    ),
)


def compute(values: Mapping[str, Any]) -> planner.Plan:
    """The plan for the form's values (read by ``forms.read(FIELDS, ...)``)."""
    return plan_from_values(values)


def plan_for(texts: Mapping[str, object], start: dt.date | None = None) -> planner.Plan | None:
    """The plan for the planner form's raw texts, or None when they are not valid."""
    return plan_from_texts(texts, start)


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


def results(
    plan: planner.Plan,
    log: SessionsLog,
    links: Links,
    done: Sequence[WeekDescent] | None = None,
) -> Region:
    """The plan's results, as the training log has adjusted it (``log``: the log's cell beside
    each session, and what it changed; ``done``: each week's descent logged and run, drawn
    beside the plan's). The weeks and sessions are the frame; the cards and the handout's
    cells are regions, and so are the parts of them that change on their own."""
    chart = plan_chart_svg(plan, done=done)
    out: list[Segment] = [
        region("div", "summary", summary_html(plan), attributes=' class="dc-plan-summary"'),
        region("figure", "chart", chart, attributes=' class="dc-plan-chart"'),
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
