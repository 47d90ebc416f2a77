"""An accessible inline SVG of a plan: weekly vertical drop (bars) and steepest grade (line).

The SVG has no fixed size (only a viewBox) and no colours of its own: everything is drawn in
``currentColor`` and carries ``dc-`` classes, so the site's light and dark schemes style it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from drills.planner import Plan
from drills.render.html import esc
from drills.training_log import WeekDescent
from drills.words import listing, pct

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 64, 44, 52  # margins around the plot area
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM
TICKS = 4  # gridlines above the baseline


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 4, 6, 8 × 10^k at or above ``value`` (1 for nothing to show).

    Each splits into four round ticks (0.25, 0.5, 1, 1.5, 2 × 10^k).
    """
    if value < 1e-6:  # nothing to show, or too small for a scale (10^-324 underflows to 0)
        return 1.0
    base = 10.0 ** math.floor(math.log10(value))
    for factor in (1.0, 2.0, 4.0, 6.0, 8.0, 10.0):
        if value <= factor * base * (1 + 1e-9):
            return factor * base
    return 10.0 * base


def _num(value: float) -> str:
    """A coordinate or label number with no float noise ("12.5", "40")."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _tick(value: float) -> str:
    """An axis label: as many decimals as the round tick needs ("0.25", "1.5", "400")."""
    return f"{round(value, 6):g}"


def _metres(value: float) -> str:
    """Metres for the description: whole from 10 m up, one decimal below ("3.5 m", "120 m")."""
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def _description(plan: Plan) -> str:
    weeks = plan.weeks
    totals = [w.total_drop_m for w in weeks]
    tops = [w.steepest_grade_pct for w in weeks]
    peak = max(range(len(totals)), key=lambda i: totals[i])
    target = pct(plan.inputs.target_grade_pct)
    if tops[-1] == tops[0]:
        grades = f"The steepest grade stays at {pct(tops[0])} % throughout"
    else:
        grades = f"The steepest grade of the week rises from {pct(tops[0])} % to {pct(tops[-1])} %"
    reach = "which the plan reaches" if plan.reached_target else "which this plan does not reach"
    parts = [
        f"Bar and line chart of a {len(weeks)}-week plan.",
        f"Total vertical drop per week goes from {_metres(totals[0])} m in week 1 to "
        f"{_metres(totals[-1])} m in week {len(weeks)}"
        + (
            "."
            if totals[peak] == totals[-1]
            else f", with the most, {_metres(totals[peak])} m, in week {peak + 1}."
        ),
        f"{grades}; the target is {target} %, {reach}.",
    ]
    lighter = [w.number for w in weeks if w.is_lighter]
    if lighter:
        label = "Week" if len(lighter) == 1 else "Weeks"
        verb = "is a lighter week" if len(lighter) == 1 else "are lighter weeks"
        parts.append(f"{label} {listing(lighter)} {verb}.")
    return " ".join(parts)


def _done_description(done: Sequence[WeekDescent]) -> str:
    logged = sum(w.logged_m for w in done)
    runs = sum(w.run_m for w in done)
    ran = f", and {_metres(runs)} m on runs from activity files" if runs else ""
    total = f"Logged so far: {_metres(logged)} m of the plan's descent{ran}."
    if not logged:
        total = f"Run so far: {_metres(runs)} m of descent, from activity files."
    weeks = [
        f"week {w.week}: planned {_metres(w.planned_m)} m"
        + (f", logged {_metres(w.logged_m)} m" if w.logged_m else "")
        + (f", run {_metres(w.run_m)} m" if w.run_m else "")
        for w in done
        if w.logged_m or w.run_m
    ]
    said = "; ".join(weeks)
    each = f" {said[0].upper()}{said[1:]}." if said else ""
    return total + each


def _done_bars(
    done: Sequence[WeekDescent], x_mid: Callable[[int], float], y_drop: Callable[[float], float],
    bar_w: float, base_y: float,
) -> list[str]:  # fmt: skip
    """Beside each week's planned bar, what was logged (solid) with the runs' descent on it
    (outlined): planned versus done in the plan's own scale."""
    out = ['<g class="dc-done-bars">']
    width = bar_w * 0.35
    for i, week in enumerate(done):
        x = x_mid(i) + bar_w / 2 - width
        tip = esc(
            f"Week {week.week}: {week.logged_m:.0f} m logged and {week.run_m:.0f} m run, of "
            f"{week.planned_m:.0f} m planned"
        )
        top = y_drop(week.logged_m)
        out.append(
            f'<rect class="dc-bar-done" x="{_num(x)}" y="{_num(top)}" width="{_num(width)}" '
            f'height="{_num(base_y - top)}" fill="currentColor"><title>{tip}</title></rect>'
        )
        if week.run_m:
            run_top = y_drop(week.logged_m + week.run_m)
            out.append(
                f'<rect class="dc-bar-run" x="{_num(x)}" y="{_num(run_top)}" '
                f'width="{_num(width)}" height="{_num(top - run_top)}" fill="none" '
                f'stroke="currentColor"><title>{tip}</title></rect>'
            )
    out.append("</g>")
    out.append(
        f'<g class="dc-legend"><rect class="dc-bar-done" x="{LEFT}" y="28" width="12" '
        f'height="12" fill="currentColor"/><text x="{LEFT + 18}" y="38">Logged (m)</text>'
        f'<rect class="dc-bar-run" x="{LEFT + 140}" y="28" width="12" height="12" fill="none" '
        f'stroke="currentColor"/><text x="{LEFT + 158}" y="38">Run, from activity files (m)'
        "</text></g>"
    )
    return out


def plan_chart_svg(
    plan: Plan, id_prefix: str = "dc-plan-chart", done: Sequence[WeekDescent] | None = None
) -> str:
    """The plan as an inline SVG string (pure: same plan, same text).

    ``id_prefix`` keeps the title and description ids unique if a page shows two charts;
    ``done``, the log's descent week by week (``roster.planned_and_done``), draws what was
    logged and run beside each week's plan.
    """
    weeks = plan.weeks
    n = len(weeks)
    totals = [w.total_drop_m for w in weeks]
    tops = [w.steepest_grade_pct for w in weeks]
    done_totals = [w.logged_m + w.run_m for w in done or ()]
    drop_max = nice_ceiling(max([*totals, *done_totals]))
    grade_max = nice_ceiling(max([*tops, plan.inputs.target_grade_pct]))
    band = PLOT_W / n
    bar_w = band * 0.6
    base_y = TOP + PLOT_H

    def x_mid(i: int) -> float:
        return LEFT + band * (i + 0.5)

    def y_drop(value: float) -> float:
        return base_y - PLOT_H * value / drop_max

    def y_grade(value: float) -> float:
        return base_y - PLOT_H * value / grade_max

    prefix = esc(id_prefix)
    title = esc(f"Your {n}-week plan: vertical drop per week and steepest grade")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="dc-chart dc-plan-chart" role="img" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-size="12" fill="currentColor">',
        f'<title id="{prefix}-title">{title}</title>',
        f'<desc id="{prefix}-desc">{esc(_description(plan))}'
        f"{esc(' ' + _done_description(done)) if done else ''}</desc>",
    ]

    # Gridlines and both axes' tick labels.
    out.append('<g class="dc-grid" stroke="currentColor" stroke-opacity="0.15">')
    for k in range(TICKS + 1):
        y = base_y - PLOT_H * k / TICKS
        out.append(f'<line x1="{LEFT}" y1="{_num(y)}" x2="{LEFT + PLOT_W}" y2="{_num(y)}"/>')
    out.append("</g>")
    out.append('<g class="dc-axis-labels">')
    for k in range(TICKS + 1):
        # Both axes share the gridlines: each label sits on its own line, 4 units below it.
        label_y = _num(base_y - PLOT_H * k / TICKS + 4)
        out.append(
            f'<text x="{LEFT - 6}" y="{label_y}" text-anchor="end" data-axis="y-drop">'
            f"{_tick(drop_max * k / TICKS)}</text>"
        )
        out.append(
            f'<text x="{LEFT + PLOT_W + 6}" y="{label_y}" data-axis="y-grade">'
            f"{_tick(grade_max * k / TICKS)}</text>"
        )
    label_every = 1 if n <= 12 else 2  # 1, 3, 5 … on long plans, so the numbers never touch
    for i, week in enumerate(weeks):
        if i % label_every == 0:
            out.append(
                f'<text x="{_num(x_mid(i))}" y="{base_y + 16}" '
                f'text-anchor="middle" data-axis="x-week">{week.number}</text>'
            )
    out.append(
        f'<text class="dc-axis-title" x="{LEFT + PLOT_W / 2:.0f}" y="{HEIGHT - 8}" '
        f'text-anchor="middle">Week</text>'
    )
    mid_y = TOP + PLOT_H / 2
    out.append(
        f'<text class="dc-axis-title" transform="translate(16 {mid_y:.0f}) rotate(-90)" '
        f'text-anchor="middle">Vertical drop per week (m)</text>'
    )
    out.append(
        f'<text class="dc-axis-title" transform="translate({WIDTH - 14} {mid_y:.0f}) rotate(90)" '
        f'text-anchor="middle">Steepest grade (%)</text>'
    )
    out.append("</g>")

    # Bars: weekly vertical drop; lighter weeks faint, dashed and marked "L".
    out.append('<g class="dc-bars">')
    for i, week in enumerate(weeks):
        top_y = y_drop(totals[i])
        height = base_y - top_y
        x = x_mid(i) - bar_w / 2
        kind = "lighter week, " if week.is_lighter else ""
        tip = esc(
            f"Week {week.number}: {kind}{totals[i]:.0f} m vertical drop, steepest {pct(tops[i])} %"
        )
        if week.is_lighter:
            out.append(
                f'<rect class="dc-bar dc-bar-lighter" x="{_num(x)}" y="{_num(top_y)}" '
                f'width="{_num(bar_w)}" height="{_num(height)}" fill="currentColor" '
                f'fill-opacity="0.12" stroke="currentColor" stroke-dasharray="4 3">'
                f"<title>{tip}</title></rect>"
            )
            mark_y = base_y - 5 if height >= 16 else top_y - 4  # inside the bar if it fits
            out.append(
                f'<text class="dc-bar-mark" x="{_num(x_mid(i))}" y="{_num(mark_y)}" '
                f'text-anchor="middle" font-size="10">L</text>'
            )
        else:
            out.append(
                f'<rect class="dc-bar" x="{_num(x)}" y="{_num(top_y)}" width="{_num(bar_w)}" '
                f'height="{_num(height)}" fill="currentColor" fill-opacity="0.35">'
                f"<title>{tip}</title></rect>"
            )
    out.append("</g>")

    # Target grade (dashed) and the weekly steepest grade (line with points).
    target_y = _num(y_grade(plan.inputs.target_grade_pct))
    out.append(
        f'<line class="dc-target" x1="{LEFT}" y1="{target_y}" x2="{LEFT + PLOT_W}" '
        f'y2="{target_y}" stroke="currentColor" stroke-dasharray="2 4"/>'
    )
    points = " ".join(f"{_num(x_mid(i))},{_num(y_grade(g))}" for i, g in enumerate(tops))
    out.append(
        f'<polyline class="dc-line" points="{points}" fill="none" stroke="currentColor" '
        f'stroke-width="2" stroke-linejoin="round"/>'
    )
    out.append('<g class="dc-points">')
    for i, grade in enumerate(tops):
        out.append(
            f'<circle class="dc-point" cx="{_num(x_mid(i))}" cy="{_num(y_grade(grade))}" '
            f'r="3.5" fill="currentColor"/>'
        )
    out.append("</g>")

    # Legend along the top.
    out.append('<g class="dc-legend">')
    out.append(
        f'<rect class="dc-bar" x="{LEFT}" y="12" width="12" height="12" '
        f'fill="currentColor" fill-opacity="0.35"/>'
    )
    out.append(f'<text x="{LEFT + 18}" y="22">Vertical drop (m)</text>')
    out.append(
        f'<rect class="dc-bar dc-bar-lighter" x="{LEFT + 140}" y="12" width="12" height="12" '
        f'fill="currentColor" fill-opacity="0.12" stroke="currentColor" stroke-dasharray="4 3"/>'
    )
    out.append(f'<text x="{LEFT + 158}" y="22">Lighter week (L)</text>')
    out.append(
        f'<line class="dc-line" x1="{LEFT + 280}" y1="18" x2="{LEFT + 300}" y2="18" '
        f'stroke="currentColor" stroke-width="2"/>'
    )
    out.append(f'<circle class="dc-point" cx="{LEFT + 290}" cy="18" r="3.5" fill="currentColor"/>')
    out.append(f'<text x="{LEFT + 306}" y="22">Steepest grade (%)</text>')
    out.append(
        f'<line class="dc-target" x1="{LEFT + 430}" y1="18" x2="{LEFT + 450}" y2="18" '
        f'stroke="currentColor" stroke-dasharray="2 4"/>'
    )
    out.append(
        f'<text x="{LEFT + 456}" y="22">Target {esc(pct(plan.inputs.target_grade_pct))} %</text>'
    )
    out.append("</g>")
    if done:
        out.extend(_done_bars(done, x_mid, y_drop, bar_w, base_y))
    out.append("</svg>")
    return "\n".join(out)


__all__ = ["nice_ceiling", "plan_chart_svg"]
