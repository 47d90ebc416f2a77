"""Technique figures: body position on a descent, and where the foot lands.

Both are side views to scale: a 1.75 m runner (Winter's segment proportions) on a slope drawn
with equal horizontal and vertical scales, so the slope rises grade units per 100 across.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from drills.render.figures.svg import (
    Figure,
    Pose,
    Runner,
    arrow,
    com_marker,
    degrees,
    ground,
    path,
    runner,
    slope_end,
    svg_root,
    text,
)

RUNNER_HEIGHT_M = 1.75
PER_METRE = 48.0  # user units per metre, across and up: the runners and the slope share it
RUNNER_H = RUNNER_HEIGHT_M * PER_METRE

WIDTH = 340.0


@dataclass(frozen=True)
class Panel:
    key: str
    label: str
    note: str
    cls: str  # f-good or f-bad: the label's colour; the words say it too
    pose: Pose
    foot_x: float


# ---------------------------------------------------------------- body position

# The ankle lean belongs to gentle and moderate ground, up to about 12 % (technique chapter,
# "Where the lean stops"), so the three runners stand on a slope inside that range.
POSITION_GRADE_PCT = 10.0
ANKLE_LEAN_MAX_GRADE_PCT = 12.0
POSITION_TOP_Y = 120.0  # where the slope meets the left edge
POSITIONS = (
    Panel(
        "back",
        "Sitting back",
        "dot behind heel",
        "f-bad",
        Pose(
            trunk=-16,
            thigh=28,
            shin=14,
            swing_thigh=-5,
            swing_shin=-50,
            upper_arm=-5,
            forearm=60,
            far_upper_arm=15,
            far_forearm=80,
        ),
        58.0,
    ),
    Panel(
        "tall",
        "Tall, ankle lean",
        "dot over foot",
        "f-good",
        Pose(trunk=8, thigh=9, shin=-8, swing_thigh=-12, swing_shin=-70),
        168.0,
    ),
    Panel(
        "pitch",
        "Pitching forward",
        "dot past toes",
        "f-bad",
        Pose(
            trunk=58,
            thigh=2,
            shin=-20,
            swing_thigh=-18,
            swing_shin=-62,
            upper_arm=40,
            forearm=50,
            far_upper_arm=55,
            far_forearm=60,
        ),
        280.0,
    ),
)


def _surface_y(x: float, top_y: float, grade_pct: float) -> float:
    return slope_end((0.0, top_y), x, grade_pct)[1]


def body_position_runners() -> dict[str, Runner]:
    """The three runners, by panel key (the tests read their hips and centres of mass)."""
    return {
        p.key: runner(
            (p.foot_x, _surface_y(p.foot_x, POSITION_TOP_Y, POSITION_GRADE_PCT)),
            p.pose,
            RUNNER_H,
            POSITION_GRADE_PCT,
        )
        for p in POSITIONS
    }


def plumb_lands(r: Runner) -> str:
    """Where the line straight down from the centre of mass meets the ground, against the
    landing foot: "behind" the heel, "on" the foot, or "ahead" of the toes."""
    x = r.com[0]
    if x < r.heel[0]:
        return "behind"
    return "on" if x <= r.toe[0] else "ahead"


def body_position(root: str) -> Figure:
    grade = POSITION_GRADE_PCT
    height = _surface_y(WIDTH, POSITION_TOP_Y, grade) + 14
    surface = [(0.0, POSITION_TOP_Y), slope_end((0.0, POSITION_TOP_Y), WIDTH, grade)]
    body = [ground(surface, height)]
    runners = body_position_runners()
    for panel in POSITIONS:
        r = runners[panel.key]
        body.append(r.svg)
        body.append(com_marker(r.com, _surface_y(r.com[0], POSITION_TOP_Y, grade)))
        body.append(text(panel.foot_x, 16, panel.label, "middle", f"f-b {panel.cls}"))
        body.append(text(panel.foot_x, 32, panel.note, "middle", panel.cls))
    title = "Body position on a descent: sitting back, tall, pitching forward"
    desc = (
        f"Three runners on a {grade:g} % ({degrees(grade):.1f}°) descent, drawn to scale. "
        "A dot marks each runner's centre of mass, with a dashed line straight down to the "
        "ground. Sitting back, the hips are behind the landing foot and the line meets the "
        "slope behind the heel. Tall and tipped forward from the ankles, the hips are over "
        "the foot and the line meets the ground on the foot. Pitching forward, folded at the "
        "waist with the chest far out over the slope, the line meets the slope ahead of the "
        "toes: if that foot slips, the runner falls forward and downhill."
    )
    svg = svg_root("fig-technique-body-position", WIDTH, height, title, desc, body)
    steep = f"{root}technique/#lean-on-steep-ground"
    caption = (
        "The dashed line from the centre of mass (dot) should land on the foot: behind it "
        "you brake, ahead of it a slip throws you downhill. A 1.75 m runner on a "
        f"{grade:g} % slope, to scale. Steeper than about {ANKLE_LEAN_MAX_GRADE_PCT:g} %, "
        f'keep the dot over the foot by sinking lower, not by leaning further (<a href="{steep}">'
        "Where the lean stops</a>)."
    )
    return Figure(svg, caption)


# ---------------------------------------------------------------- foot landing

LANDING_GRADE_PCT = 10.0
LANDING_TOP_Y = 118.0
FORCE_LENGTH = 62.0  # the ground's push, drawn the same size for both runners
FORCE_OFFSET = 36.0  # the push is drawn this far ahead of the foot, clear of the leg
LANDINGS = (
    Panel(
        "under",
        "Foot under hips",
        "small brake",
        "f-good",
        Pose(
            trunk=6,
            thigh=10,
            shin=-8,
            swing_thigh=-15,
            swing_shin=-75,
            upper_arm=-25,
            forearm=25,
            far_upper_arm=15,
            far_forearm=45,
        ),
        80.0,
    ),
    Panel(
        "ahead",
        "Foot far ahead",
        "big brake",
        "f-bad",
        Pose(
            trunk=-6,
            thigh=34,
            shin=16,
            swing_thigh=-8,
            swing_shin=-55,
            upper_arm=-15,
            forearm=35,
            far_upper_arm=10,
            far_forearm=40,
        ),
        250.0,
    ),
)


def landing_runners() -> dict[str, Runner]:
    return {
        p.key: runner(
            (p.foot_x, _surface_y(p.foot_x, LANDING_TOP_Y, LANDING_GRADE_PCT)),
            p.pose,
            RUNNER_H,
            LANDING_GRADE_PCT,
        )
        for p in LANDINGS
    }


def braking_share(r: Runner) -> float:
    """The backward (braking) share of the ground's push when it points from the foot towards
    the centre of mass: sin of that line's angle from the vertical (positive: backward)."""
    dx, dy = r.foot[0] - r.com[0], r.foot[1] - r.com[1]
    return dx / math.hypot(dx, dy)


def foot_landing(root: str) -> Figure:
    grade = LANDING_GRADE_PCT
    height = _surface_y(WIDTH, LANDING_TOP_Y, grade) + 14
    surface = [(0.0, LANDING_TOP_Y), slope_end((0.0, LANDING_TOP_Y), WIDTH, grade)]
    body = [ground(surface, height)]
    runners = landing_runners()
    for panel in LANDINGS:
        r = runners[panel.key]
        # The push acts at the foot, along the line from the foot to the centre of mass; drawn
        # there it would lie along the leg, so it is moved ahead on the slope (the words say
        # so), with its upward part (dashed) and backward, braking part (coloured).
        fx, fy = r.foot
        dx, dy = r.com[0] - fx, r.com[1] - fy
        scale = FORCE_LENGTH / math.hypot(dx, dy)
        tail = (fx + FORCE_OFFSET, _surface_y(fx + FORCE_OFFSET, LANDING_TOP_Y, grade))
        tip = (tail[0] + dx * scale, tail[1] + dy * scale)
        corner = (tail[0], tip[1])
        body += [
            r.svg,
            arrow(tail, tip, "f-force"),
            path([tail, corner], cls="f-dash f-thin"),
            arrow(corner, tip, "f-bad f-force") if corner[0] - tip[0] >= 3 else "",
            text(tail[0] + 6, tip[1] + 8, "push"),
            text(panel.foot_x, 16, panel.label, "middle", f"f-b {panel.cls}"),
            text(panel.foot_x, 32, panel.note, "middle", panel.cls),
        ]
    title = "Foot landing: under the hips, or far ahead with a braking push"
    moved = f"{FORCE_OFFSET / PER_METRE:.2g} m"
    desc = (
        f"Two runners on a {grade:g} % descent, drawn to scale. Beside each runner an arrow "
        "shows the ground's push. The push acts where the foot meets the ground and points "
        "from the foot towards the body's centre of mass; the arrow is drawn parallel to that "
        f"line but moved about {moved} ahead of the foot, on the slope, so that it does not "
        "hide the leg. On the left the foot lands under the hips, the push points almost "
        "straight up, and its backward, braking part is small. On the right the foot lands far "
        "ahead of the body with a nearly straight leg; the push slants back against the "
        "runner's motion, and a second arrow shows its large backward, braking part."
    )
    svg = svg_root("fig-technique-foot-landing", WIDTH, height, title, desc, body)
    caption = (
        "The further ahead the foot lands, the more the ground's push (plain arrow) points back "
        "against you: its braking part is the coloured arrow. The push acts at the foot; each "
        f"arrow is drawn about {moved} ahead of it so the leg stays visible. A simplified "
        "picture, to scale."
    )
    return Figure(svg, caption)


FIGURES = {
    "technique-body-position": body_position,
    "technique-foot-landing": foot_landing,
}
