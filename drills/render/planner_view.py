"""The progression planner page: its fields and the HTML of a plan."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from drills import catalog, planner
from drills.errors import InputError, shown
from drills.exposure import TARGET_CEILING_PCT
from drills.model import LEVELS
from drills.render import log_cells, parts
from drills.render.forms import Field
from drills.render.html import esc, number
from drills.render.planner_chart import plan_chart_svg
from drills.rule_text import PLAN_RULES
from drills.units import parse_number

ROOT = "../../"  # the planner page lives at /tools/planner/
FOCUS_TITLES = {
    "cadence": "Cadence on an easy decline",
    "posture": "Posture and foot landing",
    "combined": "Both together, steepest of the week",
    "conditioning": "Conditioning (strength, balance, mobility)",
}
DAY_NAMES = ("Day 1", "Day 2", "Day 3", "Day 4", "Day 5", "Day 6", "Day 7")


def _whole(text: str, field: str, label: str, low: int, high: int, unit: str = "") -> int:
    value = parse_number(text, field, label, low, high, unit)
    if value != int(value):
        raise InputError(
            field,
            f"{label} must be a whole number from {low} to {high}; you entered {shown(text)}.",
        )
    return int(value)


def _start_date(text: str) -> dt.date | None:
    text = text.strip() if isinstance(text, str) else text
    if text in ("", None):
        return None
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise InputError(
            "start",
            f"Start date must be a date like 2026-12-07 (year-month-day); you entered {shown(text)}.",
        ) from None


def _level(text: str) -> str:
    if text not in LEVELS:
        raise InputError(
            "level", f"Level must be beginner, intermediate or advanced; you entered {shown(text)}."
        )
    return text


FIELDS: tuple[Field, ...] = (
    Field(
        "current",
        "Steepest descent you run comfortably now (%)",
        f"A descent you can run today without braking hard, 0–{TARGET_CEILING_PCT:g} %.",
        "4",
        lambda t: parse_number(t, "current", "Current steepness", *planner.CURRENT_RANGE_PCT, "%"),
    ),
    Field(
        "target",
        "Target steepness (%)",
        f"The descent you want to run with control, up to {TARGET_CEILING_PCT:g} %.",
        "10",
        lambda t: parse_number(t, "target", "Target steepness", 0, 100, "%"),
    ),
    Field(
        "weeks",
        "Weeks",
        "How long the plan runs, 2–24 weeks.",
        "10",
        lambda t: _whole(t, "weeks", "Weeks", *planner.WEEKS_RANGE),
        input_mode="numeric",
    ),
    Field(
        "sessions",
        "Downhill sessions per week",
        "Plus one conditioning session.",
        "3",
        lambda t: _whole(t, "sessions", "Sessions per week", *planner.SESSIONS_RANGE),
        choices=(("2", "2"), ("3", "3"), ("4", "4")),
    ),
    Field(
        "level",
        "Your level",
        "Sets how fast the plan may climb.",
        "beginner",
        _level,
        choices=tuple((v, v.capitalize()) for v in LEVELS),
    ),
    Field(
        "slope",
        "Length of your practice slope (m)",
        "Measured along the ground, 20–2000 m.",
        "200",
        lambda t: parse_number(t, "slope", "Slope length", *planner.SLOPE_RANGE_M, "m"),
    ),
    Field(
        "start",
        "Start date (optional)",
        "Year-month-day, e.g. 2026-12-07, to put dates on the sessions.",
        "",
        _start_date,
        input_mode="text",
        optional=True,
    ),
)


def compute(values: dict[str, Any]) -> planner.Plan:
    return planner.make_plan(
        values["current"],
        values["target"],
        values["weeks"],
        sessions_per_week=values["sessions"],
        level=values["level"],
        slope_length_m=values["slope"],
        start_date=values["start"],
    )


@cache  # pure; the same few drill sets recur in every session of every plan
def _drill_links(ids: tuple[str, ...]) -> str:
    return ", ".join(
        f'<a href="{ROOT}drills/{esc(i)}/">{esc(catalog.get(i).name)}</a>' for i in ids
    )


def _session_row(week: planner.Week, s: planner.Session, index: int) -> list[parts.Segment]:
    when = s.date.strftime("%a %d %b") if s.date else DAY_NAMES[s.day - 1]
    if s.is_downhill:
        work = (
            f'<span data-result="grade_pct">{number(s.grade_pct, 1)}</span> %, '
            f"{s.repeats} × {number(s.repeat_length_m, 0)} m, "
            f'drop <span data-result="vertical_drop_m">{number(s.vertical_drop_m, 1)}</span> m'
        )
    else:
        work = f"{s.repeats} rounds of the circuit"
    # Slope length and start date change only the dates and volumes: those cells are parts.
    # Focus, drills and cues change with the grades, which change the frame's weeks anyway.
    key = f"{week.number}-{index}"
    return [
        f'<tr data-week="{week.number}">',
        *parts.element("td", f"{key}-when", esc(when)),
        f"<td>{esc(FOCUS_TITLES[s.focus])}</td>",
        *parts.element("td", f"{key}-work", work),
        f"<td>{_drill_links(s.drill_ids)}</td><td>{_cues(s.key_cues, s.cadence_cue)}</td>",
        f"{log_cells.cell(week.number, index)}</tr>",  # the training log's own (training-log.js)
    ]


@cache  # pure; the cues come from the catalog and repeat across sessions
def _cues(key_cues: tuple[str, ...], cadence_cue: str) -> str:
    items = "".join(f"<li>{esc(c)}</li>" for c in key_cues)
    return f'<ul class="dc-cues">{items}</ul><p class="dc-cadence-cue">{esc(cadence_cue)}</p>'


def results_segments(plan: planner.Plan) -> list[parts.Segment]:
    """The plan's results: the frame is its weeks and sessions; the texts in them are parts."""
    reached = "yes" if plan.reached_target else "no"
    summary = (
        f'<p class="dc-plan-note" data-result="note">{esc(plan.note)}</p>'
        f'<p>Reaches the target: <strong data-result="reached_target">{reached}</strong>. '
        f'Steepest session: <strong><span data-result="highest_grade_pct">'
        f"{number(plan.highest_grade_pct, 1)}</span> %</strong>. "
        f'Total vertical drop: <strong><span data-result="total_drop_m">'
        f"{number(sum(w.total_drop_m for w in plan.weeks), 0)}</span> m</strong>.</p>"
    )
    head = (
        '<thead><tr><th scope="col">When</th><th scope="col">Focus</th>'
        '<th scope="col">Slope and volume</th><th scope="col">Drills</th>'
        '<th scope="col">Key cues</th><th scope="col">Your log</th></tr></thead>'
    )
    out: list[parts.Segment] = [
        *parts.element("div", "summary", summary, ' class="dc-plan-summary"'),
        *parts.element("figure", "chart", plan_chart_svg(plan), ' class="dc-plan-chart"'),
        '<div class="dc-plan-weeks"><h2 id="dc-plan-weeks-title">Your plan, week by week</h2>',
    ]
    for week in plan.weeks:
        label = f"Week {week.number}" + (" — lighter week" if week.is_lighter else "")
        if week.start_date:
            label += f" (from {week.start_date.isoformat()})"
        # One table per week: the browser lays out only the weeks on screen (content-visibility).
        out += [
            f'<section class="dc-week{" dc-week--lighter" if week.is_lighter else ""}" '
            f'aria-labelledby="plan-week-{week.number}">',
            *parts.element(
                "h3", f"{week.number}-label", esc(label), f' id="plan-week-{week.number}"'
            ),
            f'<div class="dc-table-scroll"><table class="dc-plan-table">{head}<tbody>',
        ]
        for k, s in enumerate(week.sessions, start=1):
            out += _session_row(week, s, k)
        out.append("</tbody></table></div></section>")
    out.append("</div>")
    return out


def results_html(plan: planner.Plan) -> str:
    return parts.join(results_segments(plan))


def summary(plan: planner.Plan) -> str:
    reached = "reaches" if plan.reached_target else "stops short of"
    return (
        f"Updated: {len(plan.weeks)}-week plan that {reached} the target, "
        f"steepest session {number(plan.highest_grade_pct, 1)} %."
    )


def rules_html() -> str:
    """The rules the planner follows, each with its source or labelled as coaching practice."""
    items = []
    for rule in PLAN_RULES:
        source = (
            f' <a href="{ROOT}references/#{esc(rule.source_key)}">Source</a>.'
            if rule.source_key
            else ""
        )
        label = (
            " <em>(coaching practice, not tested in studies)</em>" if rule.practice_based else ""
        )
        items.append(
            f"<li><strong>{esc(rule.title)}.</strong> {esc(rule.text)}{label}{source}</li>"
        )
    return f'<ol class="dc-rules">{"".join(items)}</ol>'


AFTER_RESULTS = (
    '<div class="dc-actions dc-print-actions">'
    '<button type="button" class="md-button" data-action="print">Print this plan</button></div>'
    '<section class="dc-rules-section" aria-labelledby="dc-rules-title">'
    '<h2 id="dc-rules-title">The rules every plan follows</h2>'
    f"{rules_html()}</section>"
)
