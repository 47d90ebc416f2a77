"""Every tick label of every chart the site draws sits at its own value on its axis.

A chart marks each tick label with ``data-axis``: "x-…" for an axis across (labels placed by
x), "y-…" for one up the side (placed by y). On a linear axis a label's place is an affine
function of its value, so the labels of one axis must lie on one line through (value, place)
with a slope that is not zero: labels drawn at one point, or at another axis's places, fail.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from history_archives import make_zip, on_day

from devtools.tracks import slope, to_fit
from drills import planner
from drills.cadence import calculate
from drills.history import read_archive
from drills.render.audit_chart import bands_chart_svg, profile_svg
from drills.render.figures.cadence import cadence_tool_svg
from drills.render.figures.exposure import plan_ladder_svg
from drills.render.figures.fence import FIGURES
from drills.render.history_chart import history_chart_svg
from drills.render.planner_chart import plan_chart_svg
from drills.runs import audit, read_activity

FIXTURES = Path(__file__).parent / "fixtures" / "activities"
PLANS = [
    planner.make_plan(4, 10, 10),
    planner.make_plan(3, 25, 24, 4, "beginner", 450, dt.date(2026, 3, 2)),
    planner.make_plan(12, 12, 2, 2, "advanced", 20),
    planner.make_plan(0.5, 2, 6, 2, "beginner", 30),
]
# A few weeks of one real run, and a year and a half of a small synthetic one (the chart shows
# its last CHART_WEEKS weeks).
HISTORIES = {
    "one run": (FIXTURES / "garmin-fenix-5-run.fit").read_bytes(),
    "eighty weeks": make_zip(
        {f"{d}.fit": to_fit(on_day(slope(grade=0.05 + d % 5 / 100), d)) for d in range(0, 560, 9)}
    ),
}
ACTIVITIES = ["korita-zbevnica.gpx", "garmin-fenix-5-run.fit", "around-visnjan-with-car.gpx"]


def charts() -> Iterator[tuple[str, str]]:
    """(name, SVG) for every chart the site draws: tools' charts for a range of inputs, and
    every figure of the chapters."""
    for plan in PLANS:
        label = f"{len(plan.weeks)} weeks"
        yield f"planner chart, {label}", plan_chart_svg(plan)
        yield f"exposure ladder, {label}", plan_ladder_svg(plan)
    for name in ACTIVITIES:
        result = audit(read_activity((FIXTURES / name).read_bytes(), name))
        for units in ("metric", "imperial"):
            yield f"audit profile, {name}, {units}", profile_svg(result, units)
            yield f"audit bands, {name}, {units}", bands_chart_svg(result, units)
    for name, data in HISTORIES.items():
        history = read_archive(data, name)
        for units in ("metric", "imperial"):
            yield f"history chart, {name}, {units}", history_chart_svg(history.weeks, units)
    for pace, cadence, grade in ((300, 170, -10), (480, 150, 0), (240, 190, 8)):
        result = calculate(pace, cadence, grade, 5)
        yield f"cadence steps, {pace} s/km", cadence_tool_svg(result)
    for name, figure in FIGURES.items():
        yield f"figure {name}", figure("../").svg


def ticks(svg: str) -> dict[str, list[tuple[float, float]]]:
    """Each axis's tick labels as (value, place) pairs."""
    axes: dict[str, list[tuple[float, float]]] = {}
    for node in ET.fromstring(svg).iter():
        axis = node.get("data-axis")
        if axis is None:
            continue
        assert node.tag.endswith("text") and axis[:2] in ("x-", "y-"), axis
        value = float((node.text or "").replace(",", "").replace("−", "-"))
        place = float(node.get("x" if axis.startswith("x-") else "y", "nan"))
        axes.setdefault(axis, []).append((value, place))
    return axes


# The axes each kind of chart has; a chart that lost its marks would pass the line test.
EXPECTED_AXES = {
    "planner chart": {"y-drop", "y-grade", "x-week"},
    "exposure ladder": {"y-grade", "y-drop", "x-week"},
    "audit profile": {"y-elevation", "x-distance"},
    "audit bands": set(),
    "history chart": {"y-descent"},  # grade bands and bar values: no scale to sit on
    "cadence steps": {"x-metres"},
    "figure cadence-step-length": {"x-cadence", "y-step"},
    "figure cadence-your-steps": {"x-metres"},
    "figure exposure-ladder": {"y-grade", "y-drop", "x-week"},
    "figure conditioning-repeated-bout": {"y-rise"},
}


@pytest.mark.parametrize(("name", "svg"), list(charts()), ids=lambda v: v[:40])
def test_every_tick_label_sits_at_its_own_value(name: str, svg: str) -> None:
    axes = ticks(svg)
    kind = next((k for k in EXPECTED_AXES if name.startswith(k)), None)
    # A figure without a scale (a runner, a trail, footfalls in time) has no ticks.
    assert set(axes) == EXPECTED_AXES.get(kind or "", set()), name
    for axis, labels in axes.items():
        assert len(labels) >= 2, (name, axis)
        labels.sort()
        (v0, p0), (v1, p1) = labels[0], labels[-1]
        assert len({v for v, _ in labels}) == len(labels), (name, axis, "a value twice")
        slope = (p1 - p0) / (v1 - v0)
        assert abs(slope) > 1e-6, (name, axis, "labels at one place", labels)
        # Places are written to 0.1 user units: each may be 0.05 off the line through the ends.
        off = [round(p - (p0 + (v - v0) * slope), 3) for v, p in labels]
        assert all(abs(o) <= 0.15 for o in off), (name, axis, labels, off)
