"""Cadence figures: step length against cadence at one speed, and the reader's own steps.

Every number comes from ``drills.cadence.calculate`` (step length = speed ÷ steps per second),
so the figures and the calculator cannot disagree.
"""

from __future__ import annotations

from drills.cadence import CadenceResult, calculate
from drills.render.figures.svg import (
    Figure,
    Scale,
    circle,
    dimension,
    el,
    figure_html,
    group,
    path,
    svg_root,
    text,
    value_axis,
)
from drills.render.html import number

WIDTH = 340.0

# ---------------------------------------------------------------- step length against cadence

CHART_SPEED_MPS = 3.0  # Lieberman et al. 2015's test speed, the one figure the chapter quotes
CHART_CADENCES = (150.0, 200.0)
# The step-length axis starts at zero, so a 5 or 10 % change looks as big as it is.
CHART_STEP_M = (0.0, 1.4)
CHART_STEP_TICK_M = 0.2
CHART_BASELINE_SPM = 160.0
CHART_INCREASES_PCT = (5.0, 10.0)  # the chapter's first and second goals
PLOT = (50.0, 34.0, 276.0, 150.0)  # left, top, width, height


def slope_words(grade_pct: float) -> str:
    """ "a 10.0 % descent", "a 3.0 % climb" or "the flat": a grade's sign said in words."""
    if grade_pct == 0:
        return "the flat"
    return f"a {number(abs(grade_pct), 1)} % {'descent' if grade_pct < 0 else 'climb'}"


def chart_scale() -> Scale:
    """Cadence (steps/min) across, step length (m) up."""
    left, top, width, height = PLOT
    (c0, c1), (s0, s1) = CHART_CADENCES, CHART_STEP_M
    per_x, per_y = width / (c1 - c0), height / (s1 - s0)
    return Scale(per_x, per_y, (left - c0 * per_x, top + height + s0 * per_y))


def _at(cadence: float, increase: float = 0.0) -> CadenceResult:
    return calculate(1000.0 / CHART_SPEED_MPS, cadence, 0.0, increase)


def step_length_chart(root: str) -> Figure:
    s = chart_scale()
    left, top, width, height = PLOT
    bottom = top + height
    body = []
    for c in range(int(CHART_CADENCES[0]), int(CHART_CADENCES[1]) + 1, 10):
        body.append(path([(s.x(c), top), (s.x(c), bottom)], cls="f-grid"))
        body.append(text(s.x(c), bottom + 16, str(c), "middle", axis="x-cadence"))
    ticks = round((CHART_STEP_M[1] - CHART_STEP_M[0]) / CHART_STEP_TICK_M)
    body += value_axis(
        s,
        [CHART_STEP_M[0] + k * CHART_STEP_TICK_M for k in range(ticks + 1)],
        left,
        left + width,
        "y-step",
        "{:.1f}",
    )
    body.append(text(left + width / 2, bottom + 34, "Cadence (steps/min)", "middle"))
    body.append(text(6, 16, f"Step length (m) at {CHART_SPEED_MPS:g} m/s"))
    curve = [(s.x(c), s.y(_at(c).step_length_m)) for c in range(150, 201, 2)]
    body.append(path(curve, cls="f-wide"))
    base = _at(CHART_BASELINE_SPM)
    marks = [(base.cadence_spm, base.step_length_m, "usual")]
    for inc in CHART_INCREASES_PCT:
        r = _at(CHART_BASELINE_SPM, inc)
        marks.append((r.target_cadence_spm, r.target_step_length_m, f"+{inc:g} %"))
    right = left + width - 6
    for i, (cadence, metres, label) in enumerate(marks):
        x, y = s.x(cadence), s.y(metres)
        body.append(path([(x, y), (x, bottom)], cls="f-dash f-thin f-good"))
        body.append(circle((x, y), 4.5, "f-dot f-good"))
        body.append(text(x + 5, y - 9, label, None, "f-good"))
        # The list sits low on the right, under the curve, where nothing else is drawn.
        body.append(text(right, bottom - 60 + 17 * i, f"{label}: {metres:.2f} m", "end", "f-good"))
    title = f"Step length against cadence at {CHART_SPEED_MPS:g} m/s"
    first, last = marks[0], marks[-1]
    desc = (
        f"A curve falling from {_at(150).step_length_m:.2f} m per step at 150 steps per minute "
        f"to {_at(200).step_length_m:.2f} m at 200, all at {CHART_SPEED_MPS:g} m/s. Marked: "
        + "; ".join(f"{lab}, {c:g} steps/min, {m:.2f} m" for c, m, lab in marks)
        + f". Raising cadence {CHART_INCREASES_PCT[-1]:g} % shortens each step from "
        f"{first[1]:.2f} m to {last[1]:.2f} m at the same speed. The step-length axis starts "
        "at zero."
    )
    svg = svg_root("fig-cadence-step-length", WIDTH, bottom + 44, title, desc, body)
    caption = (
        f"At one speed, more steps per minute means shorter steps: step length = speed ÷ steps "
        f"per second. Shown for {CHART_SPEED_MPS:g} m/s ({CHART_SPEED_MPS * 3.6:.1f} km/h) from "
        f"a usual {CHART_BASELINE_SPM:g} steps/min."
    )
    return Figure(svg, caption)


# ---------------------------------------------------------------- the reader's steps (live)

NICE_DISTANCES_M = (1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30)
STEPS_SHOWN = 4.2  # the drawn stretch holds about this many of today's steps
ROW_LEFT, ROW_WIDTH = 22.0, 296.0
ROWS_Y = (56.0, 126.0)
FOOT_OFFSET = 5.0  # left and right footfalls sit either side of the line


def _spm(cadence: float) -> str:
    """ "164" or "172.2": the cadence as the calculator shows it, without a bare ".0"."""
    return number(cadence, 1).removesuffix(".0")


def steps_distance_m(step_length_m: float) -> float:
    """The stretch drawn: the shortest round distance that holds ``STEPS_SHOWN`` steps."""
    need = step_length_m * STEPS_SHOWN
    return float(next((d for d in NICE_DISTANCES_M if d >= need), NICE_DISTANCES_M[-1]))


def steps_scale(result: CadenceResult) -> Scale:
    """Metres along the ground, across; the same scale for both rows."""
    per_m = ROW_WIDTH / steps_distance_m(result.step_length_m)
    return Scale(per_m, per_m, (ROW_LEFT, 0.0))


def _tick_every(distance: float) -> float:
    return next(t for t in (0.5, 1.0, 2.0, 5.0) if distance / t <= 8)


def _footfalls(s: Scale, y: float, step: float, distance: float, cls: str) -> list[str]:
    feet, n = [], 0
    while n * step <= distance + 1e-9:
        side = -FOOT_OFFSET if n % 2 == 0 else FOOT_OFFSET
        feet.append(
            el("ellipse", cx=float(s.x(n * step)), cy=y + side, rx=6.0, ry=3.2, class_="f-dot")
        )
        n += 1
    return [group(feet, cls)]


def cadence_tool_svg(result: CadenceResult, id_prefix: str = "dc-cadence-steps") -> str:
    """The reader's footfalls now and at the target cadence, to scale along the ground, for
    the cadence tool's results (redrawn whenever the reader changes cadence or speed)."""
    s = steps_scale(result)
    distance = steps_distance_m(result.step_length_m)
    rows = (
        ("Now", result.cadence_spm, result.step_length_m, "f-bad"),
        ("Target", result.target_cadence_spm, result.target_step_length_m, "f-good"),
    )
    body = []
    for (label, cadence, step, cls), y in zip(rows, ROWS_Y, strict=True):
        body.append(
            text(ROW_LEFT, y - 30, f"{label}: {_spm(cadence)} steps/min", None, f"f-b {cls}")
        )
        body.append(path([(s.x(0), y), (s.x(distance), y)], cls="f-mute f-thin"))
        body += _footfalls(s, y, step, distance, cls)
        body.append(
            dimension((s.x(0), y - 15), (s.x(step), y - 15), f"{number(step, 2)} m", cls, "end")
        )
    axis_y = ROWS_Y[-1] + 24
    tick = _tick_every(distance)
    ticks = [k * tick for k in range(int(distance / tick + 1e-9) + 1)]
    body.append(path([(s.x(0), axis_y), (s.x(distance), axis_y)], cls="f-thin"))
    for metres in ticks:
        x = s.x(metres)
        body.append(path([(x, axis_y), (x, axis_y + 5)], cls="f-thin"))
        body.append(text(x, axis_y + 19, f"{metres:g}", "middle", axis="x-metres"))
    body.append(text(s.x(distance), axis_y + 36, "metres along the ground", "end"))
    grade = result.grade_pct
    where = f"on {slope_words(grade)}"
    title = "Your steps now and at the target cadence, to scale"
    desc = (
        f"Footfalls over {distance:g} m {where} at {number(result.speed_kmh, 1)} km/h. Now, at "
        f"{_spm(result.cadence_spm)} steps per minute, each step is "
        f"{number(result.step_length_m, 2)} m. At the target, {_spm(result.target_cadence_spm)}"
        f" steps per minute, each step is {number(result.target_step_length_m, 2)} m, "
        f"{number(abs(result.step_length_change_pct), 1)} % shorter, so the marks sit closer."
    )
    return svg_root(id_prefix, WIDTH, axis_y + 44, title, desc, body)


def cadence_tool_figure_html(result: CadenceResult) -> str:
    """``cadence_tool_svg`` as a captioned <figure>, for the end of the tool's results."""
    caption = "Your footfalls now and at the target cadence, to scale along the ground."
    return figure_html(Figure(cadence_tool_svg(result), caption), "dc-cadence-steps-figure")


def reader_steps_example(root: str) -> Figure:
    """The live figure with the cadence calculator's example (6:00/km, 164 steps/min, −10 %)."""
    result = calculate(360.0, 164.0, -10.0, 5.0)
    caption = (
        "An example from the cadence calculator: 6:00/km, 164 steps/min, +5 %. The calculator "
        "draws this for your own numbers."
    )
    return Figure(cadence_tool_svg(result, "fig-cadence-your-steps"), caption)


FIGURES = {
    "cadence-step-length": step_length_chart,
    "cadence-your-steps": reader_steps_example,
}
