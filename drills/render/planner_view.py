"""The progression planner page: its fields and a plan's results as regions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Any

from drills import catalog, planner
from drills.errors import InputError, shown
from drills.exposure import TARGET_CEILING_PCT
from drills.model import LEVELS
from drills.render.figures.exposure import RULER_GRADES_PCT, grade_ruler_svg
from drills.render.forms import Field
from drills.render.html import attrs, esc, number
from drills.render.planner_chart import plan_chart_svg
from drills.render.regions import Region, Segment, region
from drills.session_content import PRACTICE_INTRO
from drills.units import parse_number, parse_whole
from drills.words import listing, pct

ROOT = "../../"  # the planner page lives at /tools/planner/
FOCUS_TITLES = {
    "cadence": "Quick steps on a gentle slope",
    "posture": "Body position and landing",
    "combined": "Both together, steepest of the week",
    "conditioning": "Conditioning (strength, balance, mobility)",
}
DAY_NAMES = ("Day 1", "Day 2", "Day 3", "Day 4", "Day 5", "Day 6", "Day 7")


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
        # Any grade reads here; the planner refuses one above its ceiling and says why.
        lambda t: parse_number(t, "target", "Target steepness", 0, 100, "%"),
    ),
    Field(
        "weeks",
        "Weeks",
        f"How long the plan runs, {planner.WEEKS_RANGE[0]}–{planner.WEEKS_RANGE[1]} weeks.",
        "10",
        lambda t: parse_whole(t, "weeks", "Weeks", *planner.WEEKS_RANGE),
        input_mode="numeric",
    ),
    Field(
        "sessions",
        "Downhill sessions per week",
        "Plus one conditioning session.",
        "3",
        lambda t: parse_whole(t, "sessions", "Sessions per week", *planner.SESSIONS_RANGE),
        choices=tuple(
            (str(n), str(n))
            for n in range(planner.SESSIONS_RANGE[0], planner.SESSIONS_RANGE[1] + 1)
        ),
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
        f"Measured along the ground, {planner.SLOPE_RANGE_M[0]:g}–{planner.SLOPE_RANGE_M[1]:g} m.",
        "200",
        lambda t: parse_number(t, "slope", "Slope length", *planner.SLOPE_RANGE_M, "m"),
    ),
    Field(
        "start",
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


@cache  # pure; three practice sets at most
def _practice(ids: tuple[str, ...]) -> str:
    """The drills with a day's own place, apart from the circuit, as the session's cell adds."""
    if not ids:
        return ""
    return f'<p class="dc-practice">{PRACTICE_INTRO} {_drill_links(ids)}.</p>'


@cache  # pure; the cues come from the catalog and repeat across sessions
def _cues(key_cues: tuple[str, ...], cadence_cue: str) -> str:
    items = "".join(f"<li>{esc(c)}</li>" for c in key_cues)
    return f'<ul class="dc-cues">{items}</ul><p class="dc-cadence-cue">{esc(cadence_cue)}</p>'


@cache  # pure; one per session key
def _start_button(key: str) -> str:
    """Opens session mode (docs/assets/js/session-mode.js) for the session, as the log has it."""
    where = f"week {key.replace('-', ', session ')}"
    label = attrs(
        data_session_start=key, aria_label=f"Start this session: {where}", aria_haspopup="dialog"
    )
    return (
        f'<button type="button" class="md-button dc-session-start"{label}>Start this session'
        "</button>"
    )


def session_when(s: planner.Session) -> str:
    return s.date.strftime("%a %d %b") if s.date else DAY_NAMES[s.day - 1]


def _session_row(
    week: planner.Week, s: planner.Session, index: int, log_cell: Region
) -> list[Segment]:
    if s.is_downhill:
        work = (
            f'<span data-result="grade_pct">{number(s.grade_pct, 1)}</span> %, '
            f"{s.repeats} × {number(s.repeat_length_m, 0)} m, "
            f'drop <span data-result="vertical_drop_m">{number(s.vertical_drop_m, 1)}</span> m'
        )
    else:
        work = f"{s.repeats} rounds of the circuit"
    # Slope length and start date change only the dates and volumes: those cells are regions.
    # Focus, drills and cues change with the grades, which change the frame's weeks anyway.
    key = f"{week.number}-{index}"
    return [
        f'<tr data-week="{week.number}">',
        region("td", f"when-{key}", esc(session_when(s))),
        f"<td>{esc(FOCUS_TITLES[s.focus])}{_start_button(key)}</td>",
        region("td", f"work-{key}", work),
        f"<td>{_drill_links(s.drill_ids)}{_practice(s.practice_ids)}</td>"
        f"<td>{_cues(s.key_cues, s.cadence_cue)}</td>",
        log_cell,
        "</tr>",
    ]


HEAD = (
    '<thead><tr><th scope="col">When</th><th scope="col">Focus</th>'
    '<th scope="col">Slope and volume</th><th scope="col">Drills</th>'
    '<th scope="col">Key cues</th><th scope="col">Your log</th></tr></thead>'
)


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


def results(plan: planner.Plan, log_cells: Mapping[tuple[int, int], Region]) -> Region:
    """The plan's results: its weeks and sessions are the frame; texts in them are regions,
    and so is the training log's cell beside each session (``log_cells``, by session key)."""
    out: list[Segment] = [
        region("div", "summary", summary_html(plan), attributes=' class="dc-plan-summary"'),
        region("figure", "chart", plan_chart_svg(plan), attributes=' class="dc-plan-chart"'),
        region("figure", "ruler", _ruler(plan), attributes=' class="dc-figure dc-plan-ruler"'),
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
            region(
                "h3",
                f"label-{week.number}",
                esc(label),
                attributes=f' id="plan-week-{week.number}"',
            ),
            f'<div class="dc-table-scroll"><table class="dc-plan-table">{HEAD}<tbody>',
        ]
        for k, s in enumerate(week.sessions, start=1):
            out += _session_row(week, s, k, log_cells[(week.number, k)])
        out.append("</tbody></table></div></section>")
    out.append("</div>")
    return region("div", "results", *out, attributes=' class="dc-results" data-results')


def summary(plan: planner.Plan) -> str:
    reached = "reaches" if plan.reached_target else "stops short of"
    return (
        f"Updated: {len(plan.weeks)}-week plan that {reached} the target, "
        f"steepest session {number(plan.highest_grade_pct, 1)} %."
    )
