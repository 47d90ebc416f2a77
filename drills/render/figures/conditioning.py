"""Conditioning figures: eccentric loading on a landing, and the repeated-bout effect.

The repeated-bout bars are the published numbers of Byrnes et al. 1985 (kept here once, and
checked by the tests against the reference's own finding); the bars are drawn to scale.
"""

from __future__ import annotations

import itertools
import math

from drills import references
from drills.render.figures.svg import (
    Figure,
    Point,
    Pose,
    Runner,
    Scale,
    arrow,
    degrees,
    ground,
    path,
    rect,
    runner,
    slope_end,
    svg_root,
    text,
    value_axis,
)
from drills.render.html import esc
from drills.render.pages import reference_label

WIDTH = 340.0


def ref_link(key: str, root: str) -> str:
    """A caption link to a reference on the references page, labelled "Byrnes et al. 1985"."""
    return (
        f'<a href="{esc(root)}references/#{esc(key)}">'
        f"{esc(reference_label(references.get(key)))}</a>"
    )


# ---------------------------------------------------------------- eccentric loading

ECCENTRIC_GRADE_PCT = 15.0
ECCENTRIC_TOP_Y = 158.0
RUNNER_H = 130.0  # a bigger runner than elsewhere: the figure is about one leg
MOMENTS = (
    (
        "touch",
        "Touch-down",
        "knee nearly straight",
        Pose(trunk=6, thigh=14, shin=4, swing_thigh=-25, swing_shin=-80),
        92.0,
    ),
    (
        "mid",
        "Mid-stance",
        "knee bent: muscle longer",
        Pose(trunk=8, thigh=34, shin=-26, swing_thigh=-5, swing_shin=-60),
        258.0,
    ),
)


def _unit(a: Point, b: Point) -> Point:
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    return ((b[0] - a[0]) / length, (b[1] - a[1]) / length)


def front_thigh_line(r: Runner, height: float) -> list[Point]:
    """A sketch of the front-thigh muscle and its tendon: from high on the thigh, over the
    front of the knee, to just below it. Bending the knee wraps it further round, so the
    line gets longer: the muscle lengthens while it holds the body up."""
    ux, uy = _unit(r.hip, r.knee)  # down the thigh
    sx, sy = _unit(r.knee, r.ankle)  # down the shin
    front_thigh = (uy, -ux) if uy >= 0 else (-uy, ux)  # the thigh's forward normal
    front_shin = (sy, -sx) if sy >= 0 else (-sy, sx)
    pad = 0.035 * height
    start = (
        r.hip[0] + 0.05 * height * ux + 0.6 * pad * front_thigh[0],
        r.hip[1] + 0.05 * height * uy + 0.6 * pad * front_thigh[1],
    )
    cap = (
        r.knee[0] + pad * (front_thigh[0] + front_shin[0]) / 2 * 1.4,
        r.knee[1] + pad * (front_thigh[1] + front_shin[1]) / 2 * 1.4,
    )
    end = (
        r.knee[0] + 0.07 * height * sx + 0.6 * pad * front_shin[0],
        r.knee[1] + 0.07 * height * sy + 0.6 * pad * front_shin[1],
    )
    return [start, cap, end]


def line_length(points: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def eccentric_runners() -> dict[str, Runner]:
    return {
        key: runner(
            (x, slope_end((0, ECCENTRIC_TOP_Y), x, ECCENTRIC_GRADE_PCT)[1]),
            pose,
            RUNNER_H,
            ECCENTRIC_GRADE_PCT,
        )
        for key, _, _, pose, x in MOMENTS
    }


def eccentric(root: str) -> Figure:
    grade = ECCENTRIC_GRADE_PCT
    runners = eccentric_runners()
    height = slope_end((0, ECCENTRIC_TOP_Y), WIDTH, grade)[1] + 6
    surface = [(0.0, ECCENTRIC_TOP_Y), slope_end((0, ECCENTRIC_TOP_Y), WIDTH, grade)]
    body = [ground(surface, height)]
    for key, label, note, _, x in MOMENTS:
        r = runners[key]
        body.append(r.svg)
        body.append(path(front_thigh_line(r, RUNNER_H), cls="f-muscle f-bad"))
        com = (r.com[0] + 24, r.com[1])
        body.append(arrow(com, (com[0], com[1] + 36), "f-force"))
        body.append(text(x, 16, label, "middle", "f-b"))
        body.append(text(x, 32, note, "middle", "f-bad" if key == "mid" else None))
    body.append(text(6, height - 8, "arrows: body weight"))
    title = "Eccentric loading: the front-thigh muscle lengthens as the knee bends under load"
    desc = (
        f"Two moments of one landing on a {grade:g} % ({degrees(grade):.1f}°) descent. At "
        "touch-down the knee is nearly straight. By mid-stance the knee has bent to absorb the "
        "landing while body weight, an arrow pointing down, keeps pressing; the coloured line "
        "over the front of the thigh and knee, the quadriceps, is visibly longer. The muscle is "
        "working while it lengthens: that is eccentric work, the braking a descent asks for."
    )
    svg = svg_root("fig-conditioning-eccentric", WIDTH, height, title, desc, body)
    caption = (
        "Braking on a descent is eccentric work: the quadriceps (coloured) push against the "
        "load while the bending knee stretches them. A sketch; the runner is to scale."
    )
    return Figure(svg, caption)


# ---------------------------------------------------------------- the repeated-bout effect

BYRNES_KEY = "byrnes-1985"
# (weeks between the runs, CK rise after the first run in %, after the second in %)
BYRNES_CK_RISE_PCT = ((3, 340.0, 63.0), (6, 272.0, 62.0))
BYRNES_NO_PROTECTION_WEEKS = 9
BARS_PLOT = (46.0, 40.0, 284.0, 150.0)  # left, top, width, height
BARS_TOP_PCT = 400.0


def bars_scale() -> Scale:
    """Group index across (0 = first group's left edge), CK rise (%) up."""
    left, top, width, height = BARS_PLOT
    groups = len(BYRNES_CK_RISE_PCT) + 1
    return Scale(width / groups, height / BARS_TOP_PCT, (left, top + height))


def repeated_bout(root: str) -> Figure:
    s = bars_scale()
    left, top, width, height = BARS_PLOT
    bottom = top + height
    body = value_axis(s, [k * 100 for k in range(5)], left, left + width, "y-rise")
    body.append(text(6, 14, "Rise in CK after the run (%)"))
    body.append(rect(left + 76, 20, 12, 12, "f-bar"))
    body.append(text(left + 92, 31, "first run"))
    body.append(rect(left + 166, 20, 12, 12, "f-bar f-good"))
    body.append(text(left + 182, 31, "second run", None, "f-good"))
    bar_w = s.per_unit_x * 0.32
    for i, (weeks, first, second) in enumerate(BYRNES_CK_RISE_PCT):
        for j, (value, cls) in enumerate(((first, "f-bar"), (second, "f-bar f-good"))):
            x = s.x(i + 0.5) + (j - 1) * bar_w - (2 if j == 0 else -2)
            body.append(rect(x, s.y(value), bar_w, bottom - s.y(value), cls))
            body.append(text(x + bar_w / 2, s.y(value) - 5, f"{value:g}", "middle"))
        body.append(text(s.x(i + 0.5), bottom + 17, f"{weeks} weeks", "middle"))
    last = len(BYRNES_CK_RISE_PCT) + 0.5
    body.append(text(s.x(last), bottom + 17, f"{BYRNES_NO_PROTECTION_WEEKS} weeks", "middle"))
    body.append(text(s.x(last), bottom - 56, "no", "middle", "f-bad"))
    body.append(text(s.x(last), bottom - 40, "protection", "middle", "f-bad"))
    body.append(text(left + width / 2, bottom + 35, "Time between the two runs", "middle"))
    groups = "; ".join(
        f"{w} weeks apart, {a:g} % after the first run and {b:g} % after the second"
        for w, a, b in BYRNES_CK_RISE_PCT
    )
    desc = (
        "Bar chart of the rise in creatine kinase (CK), a blood marker of muscle damage, after "
        f"a downhill run and after the same run repeated weeks later: {groups}. With "
        f"{BYRNES_NO_PROTECTION_WEEKS} weeks between the runs there was no protection."
    )
    title = "The repeated-bout effect: a second downhill run does far less damage"
    svg = svg_root("fig-conditioning-repeated-bout", WIDTH, bottom + 44, title, desc, body)
    caption = (
        f"Data: {ref_link(BYRNES_KEY, root)}, 30 minutes of downhill running at 10° (about "
        f"{math.tan(math.radians(10)) * 100:.1f} %), repeated after 3, 6 or 9 weeks. For the "
        "9-week group our sources give no numbers, only that there was no protection."
    )
    return Figure(svg, caption)


FIGURES = {
    "conditioning-eccentric": eccentric,
    "conditioning-repeated-bout": repeated_bout,
}
