"""Shared drawing helpers: every figure is built from these, so no drawing code is repeated.

A figure is an inline SVG with a viewBox and no size of its own. It carries no colours: shapes
use ``currentColor`` and classes (``f-good``, ``f-bad``, ``f-mute`` …) that the "figures"
section of docs/assets/css/site.css maps to Material's colour variables, so the light and
dark schemes and print all read. Coordinates are rounded to one decimal to keep pages small.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drills.render.html import attrs, esc

Point = tuple[float, float]

FIGURE_MAX_WIDTH_PX = 328.0  # a figure is at most this wide on a 360 px phone (16 px margins)
MIN_TEXT_PX = 12.0  # no text smaller than this on that phone
MAX_INLINE_BYTES = 8 * 1024  # one figure's SVG, as it is written into the page


def min_font_size(view_width: float) -> float:
    """The smallest font size, in user units, that shows as ≥ 12 px when a viewBox this wide
    is drawn 328 px wide (rounded up to one decimal)."""
    return math.ceil(MIN_TEXT_PX * view_width / FIGURE_MAX_WIDTH_PX * 10 - 1e-9) / 10


def num(value: float) -> str:
    """A coordinate with at most one decimal and no float noise: 12.0 → "12", -0.04 → "0"."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def el(tag: str, content: str = "", **attributes: object) -> str:
    """One element; floats are rounded with ``num``, ``content`` is already-safe markup."""
    values = {k: num(v) if isinstance(v, float) else v for k, v in attributes.items()}
    if content:
        return f"<{tag}{attrs(**values)}>{content}</{tag}>"
    return f"<{tag}{attrs(**values)}/>"


def text(
    x: float,
    y: float,
    words: str,
    anchor: str | None = None,
    cls: str | None = None,
    axis: str | None = None,
) -> str:
    """A label at the figure's own font size (never smaller: see ``min_font_size``); a tick
    label names its ``axis`` ("x-…" across, "y-…" up; tests/test_chart_ticks.py)."""
    return el(
        "text", esc(words), x=float(x), y=float(y), text_anchor=anchor, class_=cls, data_axis=axis
    )


def pts(points: Iterable[Point]) -> str:
    return " ".join(f"{num(x)},{num(y)}" for x, y in points)


def path_d(*strokes: Sequence[Point]) -> str:
    """Path data for open polylines: ``M x y L x y …`` per stroke."""
    parts = []
    for stroke in strokes:
        (x0, y0), *rest = stroke
        parts.append(f"M{num(x0)} {num(y0)}" + "".join(f"L{num(x)} {num(y)}" for x, y in rest))
    return "".join(parts)


def path(*strokes: Sequence[Point], cls: str | None = None) -> str:
    return el("path", d=path_d(*strokes), class_=cls)


def polygon(points: Iterable[Point], cls: str | None = None) -> str:
    return el("polygon", points=pts(points), class_=cls)


def circle(centre: Point, r: float, cls: str | None = None) -> str:
    return el("circle", cx=float(centre[0]), cy=float(centre[1]), r=float(r), class_=cls)


def rect(x: float, y: float, w: float, h: float, cls: str | None = None) -> str:
    return el("rect", x=float(x), y=float(y), width=float(w), height=float(h), class_=cls)


def group(content: Iterable[str], cls: str | None = None) -> str:
    return el("g", "".join(content), class_=cls)


def arrow(tail: Point, tip: Point, cls: str | None = None, head: float = 7.0) -> str:
    """A straight arrow from ``tail`` to ``tip`` with an open head, as one path."""
    (x0, y0), (x1, y1) = tail, tip
    length = math.hypot(x1 - x0, y1 - y0)
    if length == 0:
        return ""
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    size = min(head, length * 0.6)
    left = (x1 - size * (ux - 0.5 * uy), y1 - size * (uy + 0.5 * ux))
    right = (x1 - size * (ux + 0.5 * uy), y1 - size * (uy - 0.5 * ux))
    return path([tail, tip], [left, tip, right], cls=cls)


def dimension(a: Point, b: Point, label: str, cls: str = "f-thin", label_at: str = "above") -> str:
    """A measurement between two points on one level: arrows out from the middle to both
    ends, and the label "above" or "below" the middle, or just past ``b`` ("end")."""
    mid = ((a[0] + b[0]) / 2, a[1])
    if label_at == "end":
        words = text(b[0] + 6, a[1] + 4, label, None, cls)
    else:
        words = text(mid[0], a[1] + (18 if label_at == "below" else -6), label, "middle")
    return arrow(mid, a, cls, 5) + arrow(mid, b, cls, 5) + words


# ---------------------------------------------------------------- scale and slopes


@dataclass(frozen=True)
class Scale:
    """Real units (metres, steps/min, % …) to user units: ``origin`` is where (0, 0) lands and
    y grows upward in the real units (SVG's y grows downward)."""

    per_unit_x: float
    per_unit_y: float
    origin: Point

    def x(self, value: float) -> float:
        return self.origin[0] + value * self.per_unit_x

    def y(self, value: float) -> float:
        return self.origin[1] - value * self.per_unit_y


def value_axis(
    s: Scale,
    values: Iterable[float],
    left: float,
    right: float,
    axis: str,
    label: str = "{:g}",
) -> list[str]:
    """Horizontal gridlines at ``values`` (real units, up the scale) from ``left`` to
    ``right``, each labelled at the left; ``axis`` names them ("y-grade")."""
    out = []
    for value in values:
        y = s.y(value)
        out.append(path([(left, y), (right, y)], cls="f-grid"))
        out.append(text(left - 5, y + 4, label.format(value), "end", axis=axis))
    return out


def slope_end(start: Point, run: float, grade_pct: float) -> Point:
    """Where a descent of ``grade_pct`` that starts at ``start`` is after ``run`` user units
    across (to the right): it drops grade_pct units per 100 across, to scale."""
    return (start[0] + run, start[1] + run * grade_pct / 100.0)


def along(start: Point, end: Point, fraction: float) -> Point:
    return (start[0] + (end[0] - start[0]) * fraction, start[1] + (end[1] - start[1]) * fraction)


def ground(surface: Sequence[Point], bottom: float, cls: str = "f-ground") -> str:
    """The ground under a surface line (left to right), filled down to ``bottom``: a slope's
    wedge when the surface already ends at ``bottom``."""
    corners = [*surface, (surface[-1][0], bottom), (surface[0][0], bottom)]
    kept = [p for i, p in enumerate(corners) if i == 0 or p != corners[i - 1]]
    return polygon(kept, cls=cls)


def degrees(grade_pct: float) -> float:
    return math.degrees(math.atan(grade_pct / 100.0))


# ---------------------------------------------------------------- the runner

# Segment lengths and masses as fractions of body height and mass (Winter's anthropometric
# tables, rounded): used to draw a runner to scale and to place the centre of mass.
ANKLE, THIGH, SHIN, TRUNK, NECK_TO_HEAD, HEAD_R = 0.039, 0.245, 0.246, 0.288, 0.117, 0.065
UPPER_ARM, FOREARM_HAND, FOOT = 0.186, 0.254, 0.152
MASS = {"head": 0.081, "trunk": 0.497, "upper_arm": 0.028, "forearm": 0.022}
MASS |= {"thigh": 0.100, "shin": 0.0465, "foot": 0.0145}


@dataclass(frozen=True)
class Pose:
    """A runner seen from the side, facing right (downhill). Angles are degrees from the
    vertical; positive puts the lower end of a limb (or the top of the trunk) forward."""

    trunk: float = 6.0
    thigh: float = 10.0  # the landing (stance) leg
    shin: float = -8.0
    swing_thigh: float = -20.0
    swing_shin: float = -75.0
    upper_arm: float = -30.0
    forearm: float = 55.0
    far_upper_arm: float = 25.0
    far_forearm: float = 95.0


@dataclass(frozen=True)
class Runner:
    svg: str
    foot: Point  # the ground under the landing foot's ankle
    heel: Point  # the landing foot's ends, along the ground
    toe: Point
    ankle: Point
    knee: Point
    hip: Point
    shoulder: Point
    hand: Point  # the near hand
    far_hand: Point
    com: Point  # centre of mass from the segment masses (segment midpoints)


def _limb(start: Point, angle: float, length: float) -> Point:
    """The lower end of a limb hanging ``angle`` degrees from the vertical (negative length:
    the upper end, from the lower one)."""
    a = math.radians(angle)
    return (start[0] + length * math.sin(a), start[1] + length * math.cos(a))


def _mean(points: Sequence[Point]) -> Point:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def runner(foot: Point, pose: Pose, height: float, ground_grade_pct: float = 0.0) -> Runner:
    """A stick runner ``height`` user units tall whose landing foot is at ``foot``."""
    h = height
    ankle = (foot[0], foot[1] - h * ANKLE)
    knee = _limb(ankle, pose.shin, -h * SHIN)  # back up the landing leg from the ankle
    hip = _limb(knee, pose.thigh, -h * THIGH)
    shoulder = _limb(hip, -pose.trunk, -h * TRUNK)  # the trunk points up: its top tips forward
    head = _limb(shoulder, -pose.trunk, -h * NECK_TO_HEAD)
    knee2 = _limb(hip, pose.swing_thigh, h * THIGH)
    ankle2 = _limb(knee2, pose.swing_shin, h * SHIN)
    elbow = _limb(shoulder, pose.upper_arm, h * UPPER_ARM)
    hand = _limb(elbow, pose.forearm, h * FOREARM_HAND)
    elbow2 = _limb(shoulder, pose.far_upper_arm, h * UPPER_ARM)
    hand2 = _limb(elbow2, pose.far_forearm, h * FOREARM_HAND)
    # The landing foot lies along the ground with the ankle above its rear third (a triangle
    # heel–ankle–toe); the swinging foot is square to its shin.
    g = math.atan(ground_grade_pct / 100.0)
    fx, fy = math.cos(g) * h * FOOT, math.sin(g) * h * FOOT
    heel, toe = (foot[0] - fx / 3, foot[1] - fy / 3), (foot[0] + fx * 2 / 3, foot[1] + fy * 2 / 3)
    toe2 = _limb(ankle2, pose.swing_shin + 90.0, 0.7 * h * FOOT)

    parts: list[tuple[str, Point]] = [
        ("head", head),
        ("trunk", _mean([hip, shoulder])),
        ("upper_arm", _mean([shoulder, elbow])),
        ("upper_arm", _mean([shoulder, elbow2])),
        ("forearm", _mean([elbow, hand])),
        ("forearm", _mean([elbow2, hand2])),
        ("thigh", _mean([hip, knee])),
        ("thigh", _mean([hip, knee2])),
        ("shin", _mean([knee, ankle])),
        ("shin", _mean([knee2, ankle2])),
        ("foot", foot),
        ("foot", ankle2),
    ]
    total = sum(MASS[name] for name, _ in parts)
    com = (
        sum(MASS[n] * p[0] for n, p in parts) / total,
        sum(MASS[n] * p[1] for n, p in parts) / total,
    )
    far = path([ankle2, knee2, hip], [toe2, ankle2], [shoulder, elbow2, hand2], cls="f-far")
    near = path([heel, ankle, toe], [ankle, knee, hip, shoulder], [shoulder, elbow, hand])
    svg = group([far, near, circle(head, h * HEAD_R)], cls="f-body")
    return Runner(svg, foot, heel, toe, ankle, knee, hip, shoulder, hand, hand2, com)


def com_marker(centre: Point, ground_y: float, size: float = 4.5) -> str:
    """The centre of mass as a filled dot, with a dashed plumb line down to ``ground_y``."""
    x, y = centre
    return group(
        [path([(x, y), (x, ground_y)], cls="f-dash f-thin"), circle((x, y), size, cls="f-dot")],
        cls="f-com",
    )


# ---------------------------------------------------------------- the root element


@dataclass(frozen=True)
class Figure:
    """A figure ready for a page: its SVG and a caption (HTML; links are already relative)."""

    svg: str
    caption: str


def svg_root(
    id_prefix: str, width: float, height: float, title: str, desc: str, body: Iterable[str]
) -> str:
    """The <svg>: named by its <title>, described by its <desc>, one font size for all text."""
    return el(
        "svg",
        el("title", esc(title), id=f"{id_prefix}-t")
        + el("desc", esc(desc), id=f"{id_prefix}-d")
        + "".join(body),
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {num(width)} {num(height)}",
        class_="dc-fig",
        role="img",
        aria_labelledby=f"{id_prefix}-t",
        aria_describedby=f"{id_prefix}-d",
        font_size=min_font_size(width),
    )


def figure_html(figure: Figure, id_prefix: str) -> str:
    """``<figure>`` with the SVG and its caption, on one line so Markdown passes it through."""
    return (
        f'<figure class="dc-figure" id="{esc(id_prefix)}">{figure.svg}'
        f"<figcaption>{figure.caption}</figcaption></figure>"
    )
