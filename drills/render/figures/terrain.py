"""Terrain figures: choosing a line through a switchback, and planting poles on a descent.

The line choice is a plan view (from above); its geometry is checked by the tests: the wide
line stays on the trail and clear of the rocks, the landing spots fall between the roots.
The poles figure is a side view to scale, with a plan view of where the tips go.
"""

from __future__ import annotations

import itertools
import math

from drills.render.figures.svg import (
    Figure,
    Point,
    Pose,
    Runner,
    arrow,
    circle,
    degrees,
    el,
    ground,
    group,
    path,
    rect,
    runner,
    slope_end,
    svg_root,
    text,
)

WIDTH = 340.0

# ---------------------------------------------------------------- line choice (plan view)

TRAIL_HALF_WIDTH = 20.0
TURN_CENTRE = (250.0, 115.0)
TURN_RADIUS = 65.0  # of the trail's centre line
UPPER_Y, LOWER_Y = TURN_CENTRE[1] - TURN_RADIUS, TURN_CENTRE[1] + TURN_RADIUS
TRAIL_START_X = 14.0
WIDE_OFFSET = 11.0  # the wide line keeps this far to the outside of the bend
ROCKS = ((92.0, 61.0, 5.0), (172.0, 62.0, 6.0), (296.0, 98.0, 6.0), (299.0, 130.0, 5.0))
ROOTS = (
    ((150.0, 163.0), (138.0, 197.0)),
    ((115.0, 163.0), (103.0, 197.0)),
    ((80.0, 163.0), (68.0, 197.0)),
)


def _arc(radius: float, steps: int = 12) -> list[Point]:
    """The bend, from the top of the turn round the outside to the bottom (clockwise)."""
    cx, cy = TURN_CENTRE
    return [
        (cx + radius * math.sin(math.pi * k / steps), cy - radius * math.cos(math.pi * k / steps))
        for k in range(steps + 1)
    ]


def trail_centre() -> list[Point]:
    return [(TRAIL_START_X, UPPER_Y), *_arc(TURN_RADIUS), (TRAIL_START_X, LOWER_Y)]


def wide_line() -> list[Point]:
    """Centred on the straights, easing to the outside before the bend and back after it."""
    r = TURN_RADIUS + WIDE_OFFSET
    cx, cy = TURN_CENTRE
    return [
        (30.0, UPPER_Y),
        (150.0, UPPER_Y),
        (cx, cy - r),
        *_arc(r)[1:-1],
        (cx, cy + r),
        (160.0, LOWER_Y),
        (30.0, LOWER_Y),
    ]


def root_landings() -> list[Point]:
    """Landing spots in the roots: halfway between neighbouring roots, and past the last."""
    crossings = sorted(_crossing(root, LOWER_Y) for root in ROOTS)
    gap = crossings[1] - crossings[0]
    spots = [crossings[0] - gap / 2] + [(a + b) / 2 for a, b in itertools.pairwise(crossings)]
    return [(x, LOWER_Y) for x in [*spots, crossings[-1] + gap / 2]]


def _crossing(root: tuple[Point, Point], y: float) -> float:
    (x0, y0), (x1, y1) = root
    return x0 + (x1 - x0) * (y - y0) / (y1 - y0)


SHORTCUT = ((226.0, UPPER_Y + 8), (226.0, LOWER_Y - 8))


def line_choice(root: str) -> Figure:
    centre = trail_centre()
    body = [
        path(centre, cls="f-trail-edge"),
        path(centre, cls="f-trail"),
        group([circle((x, y), r) for x, y, r in ROCKS], "f-rock"),
        group([path(list(root_)) for root_ in ROOTS], "f-root"),
        path(wide_line(), cls="f-wide f-dash f-good"),
        group([circle(spot, 3.5, "f-dot") for spot in root_landings()], "f-good"),
        path(list(SHORTCUT), cls="f-wide f-dot-line f-bad"),
        arrow((34.0, 86.0), (34.0, 146.0), "f-mute"),
        text(44, 112, "slope", None, "f-mute"),
        text(44, 128, "falls", None, "f-mute"),
        text(214, 104, "cutting the corner:", "end", "f-bad"),
        text(214, 120, "loose ground, and", "end", "f-bad"),
        text(214, 136, "it damages the trail", "end", "f-bad"),
        text(290, 118, "rocks", "end"),
        text(WIDTH - 6, 14, "wide line, even rhythm", "end", "f-b f-good"),
        text(108, LOWER_Y + 42, "roots: land between them", "middle", "f-good"),
    ]
    height = LOWER_Y + 50
    title = "Choosing a line through a switchback, seen from above"
    desc = (
        "A trail seen from above runs across the slope, turns back in a tight hairpin bend and "
        "runs back below. A dashed line, the line to run, stays on the trail, swings to the "
        "outside of the bend away from the rocks on its inside, and keeps an even curve. On "
        "the lower straight, roots cross the trail at an angle; dots mark landing spots "
        "between them. A second line cuts straight across the inside of the bend, off the "
        "trail: the shortcut, over loose ground that the shortcut itself damages."
    )
    svg = svg_root("fig-terrain-line-choice", WIDTH, height, title, desc, body)
    caption = (
        "Take the bend wide and keep to the trail; step between roots rather than on them. "
        "A sketch of coaching practice, not to scale."
    )
    return Figure(svg, caption)


# ---------------------------------------------------------------- poles on a descent

POLES_GRADE_PCT = 20.0
RUNNER_HEIGHT_M = 1.75
POLE_LENGTH_M = 1.15
GRIP_BELOW_TOP_M = 0.08  # the hand holds the grip this far below the pole's top
PER_METRE = 68.0
RUNNER_H = RUNNER_HEIGHT_M * PER_METRE
POLES_TOP_Y = 126.0
POLES_FOOT_X = 56.0
LABEL_X = 120.0
TIP_LABEL_X = 10.0
# Knees bent and hips a little lower, as on any steep pitch, with the elbows back and the
# forearms level: each pole then meets the slope by the front foot, where the drill plants it
# ("about level with your front foot or just ahead of it"), not far out in front.
POLE_POSE = Pose(
    trunk=8,
    thigh=25,
    shin=-15,
    swing_thigh=-18,
    swing_shin=-70,
    upper_arm=-15,
    forearm=85,
    far_upper_arm=-30,
    far_forearm=80,
)
TIP_AHEAD_OF_TOE_MAX_M = 0.15  # "just ahead" of the front foot, at most


def _surface(x: float) -> float:
    return slope_end((0.0, POLES_TOP_Y), x, POLES_GRADE_PCT)[1]


def pole_tip(hand: Point) -> Point:
    """Where a pole of ``POLE_LENGTH_M`` held at ``hand`` (``GRIP_BELOW_TOP_M`` below its
    top) meets the slope: the forward crossing of a circle round the hand with the slope."""
    g = POLES_GRADE_PCT / 100.0
    length = (POLE_LENGTH_M - GRIP_BELOW_TOP_M) * PER_METRE
    # Points (x, POLES_TOP_Y + g x); solve |p - hand| = length for the larger x.
    dy0 = POLES_TOP_Y - hand[1]
    a, b = 1 + g * g, -2 * hand[0] + 2 * g * dy0
    c = hand[0] ** 2 + dy0 * dy0 - length * length
    x = (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)
    return (x, _surface(x))


def pole_top(hand: Point, tip: Point) -> Point:
    """The pole's top, ``GRIP_BELOW_TOP_M`` above the hand along the shaft."""
    k = GRIP_BELOW_TOP_M / (POLE_LENGTH_M - GRIP_BELOW_TOP_M)
    return (hand[0] + (hand[0] - tip[0]) * k, hand[1] + (hand[1] - tip[1]) * k)


def poles_runner() -> Runner:
    return runner((POLES_FOOT_X, _surface(POLES_FOOT_X)), POLE_POSE, RUNNER_H, POLES_GRADE_PCT)


def _strap(hand: Point) -> str:
    """The strap hanging free below the grip: the hand is not through it."""
    x, y = hand
    return path([(x - 1, y + 2), (x - 6, y + 15), (x + 1, y + 17), (x + 1, y + 3)], cls="f-thin")


def poles(root: str) -> Figure:
    r = poles_runner()
    tip, far_tip = pole_tip(r.hand), pole_tip(r.far_hand)
    side_w = 200.0
    height = _surface(side_w) + 16
    surface = [(0.0, POLES_TOP_Y), (side_w, _surface(side_w))]
    body = [
        ground(surface, height),
        path([pole_top(r.far_hand, far_tip), far_tip], cls="f-far f-thin"),
        r.svg,
        path([pole_top(r.hand, tip), tip], cls="f-good"),
        _strap(r.hand),
        text(LABEL_X, 20, "Light grip,", None, "f-good"),
        text(LABEL_X, 36, "hand out of", None, "f-good"),
        text(LABEL_X, 52, "the strap", None, "f-good"),
        path([(LABEL_X - 2, 56.0), (r.hand[0] + 4, r.hand[1] - 3)], cls="f-thin f-good"),
        text(TIP_LABEL_X, tip[1] + 22, "tip by the front foot"),
    ]
    # Plan view: the feet, and the tips ahead and to the sides.
    cx, top = 282.0, 58.0
    feet = [
        el("ellipse", cx=cx - 9, cy=top + 70, rx=4.0, ry=9.0, class_="f-dot"),
        el("ellipse", cx=cx + 9, cy=top + 52, rx=4.0, ry=9.0, class_="f-dot"),
    ]
    # The front foot's toes are at top + 43: the tips go just ahead of them, out to the sides.
    tips = [circle((cx - 34, top + 40), 4.0, "f-dot"), circle((cx + 34, top + 40), 4.0, "f-dot")]
    body += [
        rect(cx - 52, top - 20, 104, 116, "f-ground"),
        group(feet, "f-mute"),
        group(tips, "f-good"),
        arrow((cx, top + 90), (cx, top - 12), "f-mute f-thin"),
        text(cx, top - 28, "from above", "middle"),
        text(cx, top + 114, "tips by the front", "middle", "f-good"),
        text(cx, top + 130, "foot, out wide", "middle", "f-good"),
    ]
    height = max(height, top + 138)
    title = "Poles on a descent: light grip, hands out of the straps, tips by the front foot"
    desc = (
        f"Side view of a runner on a {POLES_GRADE_PCT:g} % ({degrees(POLES_GRADE_PCT):.1f}°) "
        f"descent, to scale, with {POLE_LENGTH_M * 100:.0f} cm poles. The hands hold the grips "
        "lightly with the straps hanging free, the knees are bent, and each pole tip touches "
        "the ground about level with the front foot, not far out in front. A view from above "
        "shows the two tips level with the front foot or just ahead of it, out to either "
        "side, with an arrow pointing downhill."
    )
    svg = svg_root("fig-terrain-poles", WIDTH, height, title, desc, body)
    caption = (
        "Poles as a third and fourth point of balance, not crutches: a light grip, and on "
        "technical ground the hands out of the straps, so a caught pole cannot wrench the "
        "wrist or shoulder. Coaching practice."
    )
    return Figure(svg, caption)


FIGURES = {
    "terrain-line-choice": line_choice,
    "terrain-poles": poles,
}
