"""Graded-exposure figures: a plan's ladder of grades and drops, and a ruler of real slopes.

The ladder is drawn from a real ``drills.planner.make_plan`` result, so it changes when the
planner's rules do. The ruler draws each grade to scale (equal scales across and up).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from drills.exposure import TARGET_CEILING_PCT
from drills.planner import Plan, make_plan
from drills.render.figures.svg import (
    Figure,
    Scale,
    degrees,
    ground,
    path,
    rect,
    slope_end,
    svg_root,
    text,
    value_axis,
)
from drills.words import pct

WIDTH = 340.0

# ---------------------------------------------------------------- the ladder of a plan

# The chapter's example, the same inputs as its link to the planner.
# (current %, target %, weeks, sessions a week, level, slope length m)
EXAMPLE_PLAN: tuple[float, float, int, int, str, float] = (4.0, 12.0, 13, 3, "beginner", 200.0)
LADDER_LEFT, LADDER_RIGHT = 44.0, 10.0
GRADE_PANEL = (30.0, 96.0)  # top, height
DROP_PANEL = (170.0, 86.0)


def nice_ticks(value: float, most: int = 5) -> tuple[float, float]:
    """(top, step): the smallest round axis top at or above ``value`` that splits into at most
    ``most`` steps of 1, 2, 3 or 5 × 10^k (12 → 0, 3 … 12; 101 → 0, 30 … 120)."""
    value = max(value, 1e-9)
    base = 10.0 ** math.floor(math.log10(value / most))
    for factor in (1.0, 2.0, 3.0, 5.0, 10.0, 20.0):
        step = factor * base
        if math.ceil(value / step - 1e-9) <= most:
            return math.ceil(value / step - 1e-9) * step, step
    raise AssertionError("unreachable: 20 × base always fits")


@dataclass(frozen=True)
class LadderScales:
    grade: Scale  # week index across (0 = left edge of week 1), grade % up
    drop: Scale  # week index across, metres up
    grade_ticks: tuple[float, float]  # (top, step)
    drop_ticks: tuple[float, float]


def ladder_scales(plan: Plan) -> LadderScales:
    weeks = len(plan.weeks)
    per_week = (WIDTH - LADDER_LEFT - LADDER_RIGHT) / weeks
    grade_ticks = nice_ticks(
        max([w.steepest_grade_pct for w in plan.weeks] + [plan.inputs.target_grade_pct])
    )
    drop_ticks = nice_ticks(max(w.total_drop_m for w in plan.weeks))
    g_top, g_h = GRADE_PANEL
    d_top, d_h = DROP_PANEL
    return LadderScales(
        Scale(per_week, g_h / grade_ticks[0], (LADDER_LEFT, g_top + g_h)),
        Scale(per_week, d_h / drop_ticks[0], (LADDER_LEFT, d_top + d_h)),
        grade_ticks,
        drop_ticks,
    )


def _ticks(ticks: tuple[float, float]) -> list[float]:
    top, step = ticks
    return [round(k * step, 6) for k in range(round(top / step) + 1)]


def plan_ladder_svg(plan: Plan, id_prefix: str = "fig-exposure-ladder") -> str:
    """The plan's steepest grade per week as a staircase over its weekly vertical drop."""
    sc = ladder_scales(plan)
    n = len(plan.weeks)
    right = WIDTH - LADDER_RIGHT
    g_top = GRADE_PANEL[0]
    d_top, d_h = DROP_PANEL
    body = []
    for i, week in enumerate(plan.weeks):  # lighter weeks: a shaded band through both panels
        if week.is_lighter:
            body.append(
                rect(
                    sc.grade.x(i), g_top, sc.grade.per_unit_x, d_top + d_h - g_top, "f-soft f-mute"
                )
            )
    body.append(text(6, g_top - 12, "Steepest grade of the week (%)"))
    body.append(text(6, d_top - 12, "Vertical drop in the week (m)"))
    body += value_axis(sc.grade, _ticks(sc.grade_ticks), LADDER_LEFT, right, "y-grade")
    body += value_axis(sc.drop, _ticks(sc.drop_ticks), LADDER_LEFT, right, "y-drop")
    target = plan.inputs.target_grade_pct
    body.append(
        path([(LADDER_LEFT, sc.grade.y(target)), (right, sc.grade.y(target))], cls="f-dash f-bad")
    )
    body.append(text(right, sc.grade.y(target) - 5, f"target {pct(target)} %", "end", "f-bad"))
    stairs = []
    for i, week in enumerate(plan.weeks):
        y = sc.grade.y(week.steepest_grade_pct)
        stairs += [(sc.grade.x(i), y), (sc.grade.x(i + 1), y)]
    body.append(path(stairs, cls="f-wide f-good"))
    bar_w = sc.drop.per_unit_x * 0.64
    for i, week in enumerate(plan.weeks):
        top = sc.drop.y(week.total_drop_m)
        x = sc.drop.x(i + 0.5) - bar_w / 2
        body.append(
            rect(x, top, bar_w, sc.drop.y(0) - top, "f-bar f-mute" if week.is_lighter else "f-bar")
        )
        if n <= 12 or i % 2 == 0:
            x = sc.drop.x(i + 0.5)
            body.append(text(x, d_top + d_h + 16, str(week.number), "middle", axis="x-week"))
    body.append(text(right, d_top + d_h + 34, "Week (shaded: lighter week)", "end"))
    lighter = [w.number for w in plan.weeks if w.is_lighter]
    tops = [w.steepest_grade_pct for w in plan.weeks]
    drops = [w.total_drop_m for w in plan.weeks]
    reach = "reaches" if plan.reached_target else "stops short of"
    desc = (
        f"A {n}-week plan as a staircase: the steepest grade of the week climbs from "
        f"{pct(tops[0])} % to {pct(tops[-1])} % and {reach} the target of {pct(target)} %. "
        f"Below, bars of the week's vertical drop go from {drops[0]:.0f} m to {drops[-1]:.0f} m. "
        + (
            f"Weeks {', '.join(map(str, lighter))} are lighter: the grade stays where it was "
            "and the drop falls, shaded in the drawing."
            if lighter
            else ""
        )
    )
    title = "A ladder of grades: the steepest grade and the vertical drop, week by week"
    return svg_root(id_prefix, WIDTH, d_top + d_h + 44, title, desc.strip(), body)


def example_plan() -> Plan:
    return make_plan(*EXAMPLE_PLAN)


def ladder(root: str) -> Figure:
    plan = example_plan()
    i = plan.inputs
    caption = (
        f"Drawn from the planner's own plan for a {i.level} going from "
        f"{pct(i.current_grade_pct)} % to {pct(i.target_grade_pct)} % in {i.weeks} weeks, "
        f"{i.sessions_per_week} downhill sessions a week on a {i.slope_length_m:.0f} m slope: "
        "small steps up, and every few weeks a lighter one."
    )
    return Figure(plan_ladder_svg(plan), caption)


# ---------------------------------------------------------------- the grade ruler

# The planner's ceiling is drawn too, dashed: the steepest grade any plan or drill runs.
RULER_GRADES_PCT = (5.0, 10.0, 15.0, 20.0, 30.0, TARGET_CEILING_PCT)
CEILING_NOTES = ("the planner's limit:", "hike steeper ground")
RULER_RUN = 180.0  # user units across each slope: a grade drops grade% of this
RULER_X = WIDTH - 10 - RULER_RUN
RULER_LINE = 16.0  # text line spacing
RULER_MAX_PCT = 100.0


def _ruler_rows(current: float | None, target: float | None) -> list[tuple[float, list[str]]]:
    grades = sorted({*RULER_GRADES_PCT, *(g for g in (current, target) if g is not None)})
    rows = []
    for g in grades:
        notes = []
        if current is not None and g == current:
            notes.append("your steepest now")
        if target is not None and g == target:
            notes.append("your target")
        if g == TARGET_CEILING_PCT:
            notes += CEILING_NOTES
        rows.append((g, notes))
    return rows


def grade_ruler_svg(
    current_pct: float | None = None,
    target_pct: float | None = None,
    id_prefix: str = "dc-grade-ruler",
) -> str:
    """What 5, 10, 15, 20, 30 and 35 % (the planner's ceiling) look like, each drawn to scale as
    a real slope, with the reader's current and target grades added (or marked) when given:
    the planner page shows it beside its chart with the plan's current and target grades."""
    for name, value in (("current", current_pct), ("target", target_pct)):
        if value is not None and not (math.isfinite(value) and 0 <= value <= RULER_MAX_PCT):
            raise ValueError(f"{name} grade {value!r} is outside 0–{RULER_MAX_PCT:g} %")
    body, y = [], 8.0
    for grade, notes in _ruler_rows(current_pct, target_pct):
        cls = (
            "f-aim" if "your target" in notes else "f-now" if "your steepest now" in notes else None
        )
        line_cls = " ".join(
            c for c in ("f-wide", cls, "f-dash" if grade == TARGET_CEILING_PCT else None) if c
        )
        lines = [f"{pct(grade)} % ({degrees(grade):.1f}°)", f"{pct(grade)} m in 100 m", *notes]
        top = (RULER_X, y + 4)
        end = slope_end(top, RULER_RUN, grade)
        body.append(ground([top, end], end[1]))
        body.append(path([top, end], cls=line_cls))
        for k, line in enumerate(lines):
            weight = "f-b" if k == 0 else None
            label_cls = " ".join(c for c in (weight, cls) if c) or None
            body.append(text(RULER_X - 10, y + 14 + k * RULER_LINE, line, "end", label_cls))
        y += max(end[1] - top[1] + 4, len(lines) * RULER_LINE + 2) + 12
    shown = ", ".join(f"{pct(g)} %" for g, _ in _ruler_rows(current_pct, target_pct))
    desc = (
        f"Slopes of {shown}, each drawn to scale as a wedge with the same distance across: a "
        "5 % slope drops 5 m in every 100 m across (2.9°), a 30 % slope drops 30 m (16.7°). "
        f"The {pct(TARGET_CEILING_PCT)} % slope, dashed, is the planner's ceiling: steeper ground "
        "is for hiking."
    )
    marked = [
        f"{label} {pct(g)} %"
        for label, g in (
            ("Your steepest grade now is", current_pct),
            ("your target is", target_pct),
        )
        if g is not None
    ]
    if marked:
        desc += " " + " and ".join(marked) + ", highlighted."
    title = "What grades look like: real slopes to scale"
    return svg_root(id_prefix, WIDTH, y, title, desc, body)


def ruler(root: str) -> Figure:
    caption = (
        "Grades drawn to scale, all with the same distance across. A grade is metres of drop per "
        "100 m across; degrees are smaller numbers for the same slope. The dashed "
        f"{pct(TARGET_CEILING_PCT)} % slope is the planner's limit: hike anything steeper."
    )
    return Figure(grade_ruler_svg(id_prefix="fig-exposure-grade-ruler"), caption)


FIGURES = {
    "exposure-ladder": ladder,
    "exposure-grade-ruler": ruler,
}
