"""Each drill's setting, drawn from its own definition: the slope to scale, or the floor.

A drill with a slope gets its gentlest and steepest grades drawn with equal scales across and
up, over the longest stretch its ``space`` (or dose) names, with its repeats. A drill done on
the flat (``grade_max_pct`` 0) gets a floor to scale with a standing person, and the step or
box it uses. Numbers are read from the drill's text, so a changed drill redraws itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drills.model import Drill
from drills.render.figures.svg import (
    Figure,
    Point,
    Pose,
    degrees,
    dimension,
    ground,
    min_font_size,
    path,
    rect,
    runner,
    slope_end,
    svg_root,
    text,
)
from drills.render.html import esc

WIDTH = 340.0
SLOPE_X, SLOPE_TOP = 24.0, 44.0
SLOPE_RUN = 290.0  # user units across for the drill's longest stretch

_NUM = r"(\d+(?:\.\d+)?)"
_RANGE = re.compile(rf"{_NUM}\s*(m|km)?\s*[–-]\s*{_NUM}\s*(m|km)\b")
_SINGLE = re.compile(rf"{_NUM}\s*(m|km)\b")
_AREA = re.compile(rf"{_NUM}\s*×\s*{_NUM}\s*m\b")
_BOX = re.compile(rf"{_NUM}\s*[–-]\s*{_NUM}\s*cm\b|{_NUM}\s*cm\b")
# Runs down the slope only: "3 counts of 30 s during a run" is one run, not three.
_REPEATS = re.compile(r"(\d+(?:–\d+)?)\s*(?:×|runs\b|passes\b|descents\b|strides\b)")


def _metres(value: str, unit: str | None) -> float:
    return float(value) * (1000.0 if unit == "km" else 1.0)


def distance_m(text_: str) -> tuple[float, float] | None:
    """The first distance a drill's text names, as (shortest, longest) in metres:
    "A 50–80 m (165–260 ft) descent" → (50, 80); "400 m–1 km" → (400, 1000); "2 × 1 m" of
    floor → (2, 2), its length."""
    area = _AREA.search(text_)
    ranged = _RANGE.search(text_)
    single = _SINGLE.search(text_)
    found = [m for m in (area, ranged, single) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    if first is area:
        return (float(first[1]), float(first[1]))
    if first is ranged:
        high_unit = first[4]
        low = _metres(first[1], first[2] or high_unit)
        return (low, _metres(first[3], high_unit))
    return (_metres(first[1], first[2]), _metres(first[1], first[2]))


def box_cm(text_: str) -> tuple[float, float] | None:
    """The height of a step or box, "15–20 cm" → (15, 20)."""
    m = _BOX.search(text_)
    if not m:
        return None
    if m[1]:
        return (float(m[1]), float(m[2]))
    return (float(m[3]), float(m[3]))


def repeats(drill: Drill) -> str | None:
    """How many runs the dose asks for: "4–6 × 50–80 m" → "4–6"."""
    m = _REPEATS.search(drill.dose.work)
    return m[1] if m else None


@dataclass(frozen=True)
class SlopeGeometry:
    """The drawn slope: user units per metre (None when the drill names no length)."""

    per_metre: float | None
    start: Point
    run: float  # user units across


def _range_text(low: float, high: float, unit: str) -> str:
    if unit == "m" and high >= 1000:
        low_text = f"{low / 1000:g} km" if low >= 1000 else f"{low:g} m"
        return low_text if low == high else f"{low_text}–{high / 1000:g} km"
    return f"{low:g} {unit}" if low == high else f"{low:g}–{high:g} {unit}"


def _grade_text(grade: float) -> str:
    return "flat" if grade == 0 else f"{grade:g} % ({degrees(grade):.1f}°)"


def setting_words(low: float, high: float) -> str:
    """The ground a drill asks for: "a 15–35 % descent", or for a drill that starts on the
    flat (a count during an easy run, falls on grass), "level ground or a slope of up to 8 %"."""
    if low == 0:
        return f"level ground or a slope of up to {high:g} %"
    return f"a {_range_text(low, high, '%')} descent"


def _nbsp(words: str) -> str:
    """A number and its unit kept on one line in a caption: "150\u00a0m", "8\u00a0%"."""
    return re.sub(r"(\d) (%|m|km|cm)(?!\w)", "\\1\u00a0\\2", words)


def label_lift(words: str, grade_pct: float) -> float:
    """How far to raise a label that ends at a slope's lower end so that it clears the line:
    the slope rises this much under the label's (estimated, 0.55 em a character) width."""
    return 0.55 * min_font_size(WIDTH) * len(words) * grade_pct / 100.0


def slope_geometry(drill: Drill) -> SlopeGeometry:
    length = distance_m(drill.space) or distance_m(drill.dose.work)
    per_metre = SLOPE_RUN / length[1] if length else None
    return SlopeGeometry(per_metre, (SLOPE_X, SLOPE_TOP), SLOPE_RUN)


def _slope_svg(drill: Drill, id_prefix: str) -> tuple[str, str]:
    geo = slope_geometry(drill)
    low, high = drill.grade_min_pct, drill.grade_max_pct
    start = geo.start
    steep = slope_end(start, geo.run, high)
    gentle = slope_end(start, geo.run, low)
    bottom = steep[1] + 34
    length = distance_m(drill.space) or distance_m(drill.dose.work)
    runs = repeats(drill)
    body = [
        ground([start, steep], bottom),
        path([start, gentle], cls="f-dash f-good"),
        path([start, steep], cls="f-wide"),
        text(
            gentle[0],
            gentle[1] - 7 - label_lift(_grade_text(low), low),
            _grade_text(low),
            "end",
            "f-good",
        ),
        text(steep[0], steep[1] + 17, _grade_text(high), "end", "f-b"),
    ]
    if length:
        top = start[1] - 22
        body.append(
            dimension((start[0], top), (start[0] + geo.run, top), _range_text(*length, "m"))
        )
    if runs:
        body.append(text(start[0] + 4, bottom - 8, f"{runs} times"))
    where = f"over {_range_text(*length, 'm')}" if length else "over any length"
    desc = (
        f"The drill's slope drawn to scale {where}: the gentlest grade, {low:g} % "
        f"({degrees(low):.1f}°), as a dashed line and the steepest, {high:g} % "
        f"({degrees(high):.1f}°), as a solid line with the ground below it"
        + (f"; done {runs} times." if runs else ".")
    )
    title = f"Setting for {drill.name}: {setting_words(low, high)}"
    svg = svg_root(id_prefix, WIDTH, bottom, title, desc, body)
    scale_note = "To scale" if length else "To scale in grade, with no set length"
    words = setting_words(low, high) + (f", over {_range_text(*length, 'm')}" if length else "")
    caption = f"{scale_note}: {esc(_nbsp(words))}" + (f", {esc(runs)} times." if runs else ".")
    return svg, caption


FLOOR_PER_METRE = 62.0
FLOOR_Y = 150.0
PERSON_X = 90.0
WALL_TOP = 54.0  # below the labels; the wall runs on above the drawing
STANDING = Pose(
    trunk=0,
    thigh=0,
    shin=0,
    swing_thigh=-4,
    swing_shin=-4,
    upper_arm=4,
    forearm=8,
    far_upper_arm=-4,
    far_forearm=4,
)


def _flat_svg(drill: Drill, id_prefix: str) -> tuple[str, str]:
    k = FLOOR_PER_METRE
    length = distance_m(drill.space)
    floor_m = length[1] if length else 2.0
    left = PERSON_X - 0.4 * k
    right = left + floor_m * k
    person = runner((PERSON_X, FLOOR_Y), STANDING, 1.75 * k)
    body = [
        ground([(10.0, FLOOR_Y), (WIDTH - 10, FLOOR_Y)], FLOOR_Y + 40),
        person.svg,
    ]
    box = box_cm(drill.space)
    if box:
        h = box[1] / 100 * k
        body.append(rect(PERSON_X + 0.25 * k, FLOOR_Y - h, 0.4 * k, h, "f-bar"))
        body.append(
            text(PERSON_X + 0.5 * k, FLOOR_Y - h - 6, f"{_range_text(*box, 'cm')} step", None)
        )
    if "wall" in drill.space.lower() or "wall" in drill.surface.lower():
        # Behind the person when a step is in front, else at the end of the floor.
        wall_x = PERSON_X - 0.45 * k - 10 if box else max(right, PERSON_X + 0.9 * k) + 8
        body.append(rect(wall_x, WALL_TOP, 10, FLOOR_Y - WALL_TOP, "f-ground"))
        body.append(
            text(wall_x - 4, FLOOR_Y - 8, "wall", "end")
            if box
            else text(wall_x + 16, FLOOR_Y - 8, "wall")
        )
    if length:
        y = FLOOR_Y + 14
        floor = f"{_range_text(*length, 'm')} of floor"
        body.append(dimension((left, y), (right, y), floor, label_at="below"))
    body.append(text(WIDTH - 10, 22, "No slope: on the flat", "end", "f-b"))
    body.append(text(WIDTH - 10, 40, "person 1.75 m, to scale", "end", "f-mute"))
    desc = (
        "No slope: the drill is done on flat ground. A standing person, 1.75 m tall, drawn to "
        "scale"
        + (f" on {_range_text(*length, 'm')} of floor" if length else "")
        + (f", beside a step {_range_text(*box, 'cm')} high" if box else "")
        + "."
    )
    title = f"Setting for {drill.name}: on the flat"
    svg = svg_root(id_prefix, WIDTH, FLOOR_Y + 44, title, desc, body)
    caption = (
        "On the flat, to scale"
        + (f": {esc(_range_text(*length, 'm'))} of floor" if length else "")
        + (f", a {esc(_range_text(*box, 'cm'))} step." if box else ".")
    )
    return svg, caption


def drill_setting_figure(drill: Drill, id_prefix: str = "fig-setting") -> Figure:
    """The figure for a drill page's "Where and how much" section."""
    make = _flat_svg if drill.grade_max_pct == 0 else _slope_svg
    svg, caption = make(drill, id_prefix)
    return Figure(svg, caption)


def drill_setting_svg(drill: Drill, id_prefix: str = "fig-setting") -> str:
    return drill_setting_figure(drill, id_prefix).svg
