"""The guide's figures: accessible, small, readable on a phone, and drawn to the scale they claim.

Every figure is parsed with ElementTree and its drawn coordinates are checked against the
numbers it was drawn from; the build-level tests read the pages MkDocs wrote.
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import wait_live

from drills import catalog, references
from drills.cadence import calculate
from drills.exposure import TARGET_CEILING_PCT
from drills.planner import make_plan
from drills.render.figures import (
    cadence,
    conditioning,
    drill_setting,
    exposure,
    mindset,
    technique,
    terrain,
)
from drills.render.figures.fence import FIGURES
from drills.render.figures.svg import (
    FIGURE_MAX_WIDTH_PX,
    MAX_INLINE_BYTES,
    MIN_TEXT_PX,
    Pose,
    min_font_size,
    runner,
)
from sitebuild.links import Where
from sitebuild.shortcodes import expand

ROOT = Path(__file__).resolve().parent.parent
CSS = (ROOT / "docs" / "assets" / "css" / "site.css").read_text(encoding="utf-8")
NUMBER = r"-?\d+(?:\.\d+)?"

# ---------------------------------------------------------------- parsing helpers


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    for node in root.iter():
        node.tag = node.tag.split("}")[-1]
    return root


def view_box(root: ET.Element) -> tuple[float, float]:
    _, _, w, h = map(float, root.get("viewBox", "").split())
    return w, h


def classes(node: ET.Element) -> set[str]:
    return set(node.get("class", "").split())


def with_class(root: ET.Element, tag: str, *wanted: str) -> list[ET.Element]:
    return [n for n in root.iter(tag) if set(wanted) <= classes(n)]


def path_points(d: str) -> list[list[tuple[float, float]]]:
    """The strokes of an ``M x y L x y …`` path as lists of points."""
    strokes = []
    for stroke in re.findall(r"M[^M]+", d):
        nums = list(map(float, re.findall(NUMBER, stroke)))
        strokes.append(list(zip(nums[::2], nums[1::2], strict=True)))
    return strokes


def polygon_points(node: ET.Element) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in node.get("points", "").split()]


def texts_with_sizes(root: ET.Element) -> Iterator[tuple[ET.Element, float]]:
    def walk(node: ET.Element, size: float | None) -> Iterator[tuple[ET.Element, float]]:
        size = float(node.get("font-size", size or 0)) or size
        if node.tag == "text":
            assert size, "text without a font size"
            yield node, size
        for child in node:
            yield from walk(child, size)

    yield from walk(root, None)


Box = tuple[float, float, float, float]  # left, top, right, bottom


def text_box(node: ET.Element, size: float, em: float = 0.5) -> Box:
    """A label's estimated box: ``em`` of the font size a character (0.55 in bold), from the
    cap height above the baseline to the descenders below it."""
    em = 0.55 if "f-b" in classes(node) else em
    width = em * size * len(node.text or "")
    x, y = float(node.get("x", 0)), float(node.get("y", 0))
    anchor = node.get("text-anchor", "start")
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return (left, y - 0.72 * size, left + width, y + 0.22 * size)


def overlap(a: Box, b: Box) -> float:
    """How far two boxes overlap along the axis where they overlap least (0: apart)."""
    across = min(a[2], b[2]) - max(a[0], b[0])
    down = min(a[3], b[3]) - max(a[1], b[1])
    return max(0.0, min(across, down))


def crosses(segment: tuple[tuple[float, float], tuple[float, float]], box: Box) -> bool:
    """Whether a straight line segment passes through a box (sampled every 0.5 units)."""
    (x0, y0), (x1, y1) = segment
    steps = max(1, int(math.dist((x0, y0), (x1, y1)) * 2))
    for k in range(steps + 1):
        x, y = x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps
        if box[0] < x < box[2] and box[1] < y < box[3]:
            return True
    return False


# ---------------------------------------------------------------- every figure there is

SAMPLE_RESULTS = [
    calculate(360, 164, -10, 5),
    calculate(300, 170, 0, 10),
    calculate(120, 100, 45, 15),  # longest steps the calculator allows: 5 m
    calculate(1200, 240, -45, 0),  # shortest: 0.21 m
    calculate(250, 185.5, -20, 7.5),
]
SAMPLE_PLANS = [
    exposure.example_plan(),
    make_plan(0, 35, 24, 4, "advanced", 2000),
    make_plan(10, 12, 2, 2, "intermediate", 20),
]


def all_figures() -> list[tuple[str, str]]:
    figures = [(name, build("../").svg) for name, build in FIGURES.items()]
    figures += [
        (f"drill {d.id}", drill_setting.drill_setting_svg(d, f"s-{d.id}")) for d in catalog.DRILLS
    ]
    figures += [
        (f"cadence tool {i}", cadence.cadence_tool_svg(r)) for i, r in enumerate(SAMPLE_RESULTS)
    ]
    figures += [
        (f"ruler {c}/{t}", exposure.grade_ruler_svg(c, t))
        for c, t in [(None, None), (4, 12), (10, 10), (0, 45), (2.5, 33.3), (40, 45)]
    ]
    figures += [(f"ladder {i}", exposure.plan_ladder_svg(p)) for i, p in enumerate(SAMPLE_PLANS)]
    return figures


ALL = all_figures()
IDS = [name for name, _ in ALL]


@pytest.fixture(params=ALL, ids=IDS)
def figure(request: pytest.FixtureRequest) -> tuple[str, str]:
    return request.param


# ---------------------------------------------------------------- rules every figure keeps


def test_font_size_rule_is_12_px_at_328_px() -> None:
    assert min_font_size(FIGURE_MAX_WIDTH_PX) == 12.0
    assert min_font_size(2 * FIGURE_MAX_WIDTH_PX) == 24.0
    for width in (100.0, 327.0, 340.0, 341.3, 640.0):
        size = min_font_size(width)
        assert size * FIGURE_MAX_WIDTH_PX / width >= MIN_TEXT_PX  # never below 12 px
        assert (size - 0.1) * FIGURE_MAX_WIDTH_PX / width < MIN_TEXT_PX  # and no bigger than needed


def test_figure_is_named_and_described(figure: tuple[str, str]) -> None:
    _, svg = figure
    root = parse(svg)
    assert root.tag == "svg" and root.get("role") == "img"
    by_id = {n.get("id"): n for n in root.iter() if n.get("id")}
    title = by_id[root.get("aria-labelledby")]
    desc = by_id[root.get("aria-describedby")]
    assert title.tag == "title" and len(title.text or "") >= 15
    assert desc.tag == "desc" and len((desc.text or "").split()) >= 15  # says what it shows


def test_figure_is_small(figure: tuple[str, str]) -> None:
    _, svg = figure
    assert len(svg.encode()) <= MAX_INLINE_BYTES
    assert "\n" not in svg  # one line: Markdown passes it through whole
    # Coordinates keep at most one decimal.
    attributes = " ".join(v for n in parse(svg).iter() for k, v in n.attrib.items() if k != "id")
    assert not re.search(r"\d\.\d\d", attributes)


def test_text_is_at_least_12_px_at_360_px_and_inside_the_figure(figure: tuple[str, str]) -> None:
    _, svg = figure
    root = parse(svg)
    width, height = view_box(root)
    found = 0
    for node, size in texts_with_sizes(root):
        found += 1
        assert size >= min_font_size(width)
        assert size * FIGURE_MAX_WIDTH_PX / width >= MIN_TEXT_PX
        # An estimate of the label's width (0.55 em a character) must fit the viewBox.
        x, y = float(node.get("x", 0)), float(node.get("y", 0))
        span = 0.55 * size * len(node.text or "")
        anchor = node.get("text-anchor", "start")
        left = x - span if anchor == "end" else x - span / 2 if anchor == "middle" else x
        assert left >= -2 and left + span <= width + 2, (node.text, left, left + span, width)
        assert size * 0.7 <= y <= height + 1, (node.text, y)
    assert found


def test_no_two_labels_overlap(figure: tuple[str, str]) -> None:
    _, svg = figure
    labels = [(n.text, text_box(n, size)) for n, size in texts_with_sizes(parse(svg))]
    clashes = [
        (a, b, round(overlap(p, q), 1))
        for (a, p), (b, q) in itertools.combinations(labels, 2)
        if overlap(p, q) > 0.5
    ]
    assert clashes == []


def test_figure_uses_only_styled_classes_and_no_images(figure: tuple[str, str]) -> None:
    _, svg = figure
    root = parse(svg)
    section = CSS[CSS.index("Figures (drills/render/figures)") :]
    used = {c for n in root.iter() for c in classes(n)}
    missing = {c for c in used if not re.search(rf"\.{re.escape(c)}\b", section)}
    assert missing == set()
    assert not {"image", "foreignObject", "script", "style"} & {n.tag for n in root.iter()}
    assert "href" not in svg and "url(" not in svg


def test_ids_in_each_figure_are_unique_across_a_page() -> None:
    """Chapter figures carry their own name in their ids, so several can share a page."""
    ids = [n.get("id") for _, svg in ALL[: len(FIGURES)] for n in parse(svg).iter() if n.get("id")]
    assert len(ids) == len(set(ids))


def test_css_section_covers_dark_and_print() -> None:
    section = CSS[CSS.index("Figures (drills/render/figures)") :]
    assert '[data-md-color-scheme="slate"]' in section and "@media print" in section
    assert "var(--md-default-fg-color)" in section and "var(--md-accent-fg-color)" in section


# ---------------------------------------------------------------- the runner and the slopes


def test_standing_runner_is_as_tall_as_asked() -> None:
    r = runner((50.0, 200.0), Pose(0, 0, 0, 0, 0, 0, 0, 0, 0), 175.0)
    head = parse(f'<svg xmlns="http://www.w3.org/2000/svg">{r.svg}</svg>').find(".//circle")
    assert head is not None
    top = float(head.get("cy")) - float(head.get("r"))
    assert top == pytest.approx(200.0 - 175.0, abs=0.1)
    assert r.hip[0] == pytest.approx(50.0) and r.com[0] == pytest.approx(50.0, abs=0.5)


@pytest.mark.parametrize(
    ("name", "grade"),
    [
        ("technique-body-position", technique.POSITION_GRADE_PCT),
        ("technique-foot-landing", technique.LANDING_GRADE_PCT),
        ("conditioning-eccentric", conditioning.ECCENTRIC_GRADE_PCT),
    ],
)
def test_slope_rises_grade_units_per_hundred_across(name: str, grade: float) -> None:
    ground = with_class(parse(FIGURES[name]("../").svg), "polygon", "f-ground")[0]
    (x0, y0), (x1, y1), *_ = polygon_points(ground)
    assert (y1 - y0) / (x1 - x0) * 100 == pytest.approx(grade, abs=0.1)


def test_body_position_puts_the_centre_of_mass_where_the_labels_say() -> None:
    """The figure's own test is "the dot's plumb line lands on the foot": only the tall runner
    passes it, and each fault fails it by a margin a reader can see (4 units, about 4 px)."""
    runners = technique.body_position_runners()
    h = technique.RUNNER_H
    back, tall, pitch = runners["back"], runners["tall"], runners["pitch"]
    lands = {k: technique.plumb_lands(r) for k, r in runners.items()}
    assert lands == {"back": "behind", "tall": "on", "pitch": "ahead"}
    assert back.com[0] < back.heel[0] - 4 and back.hip[0] < back.foot[0] - 0.05 * h
    assert tall.heel[0] <= tall.com[0] <= tall.toe[0] and abs(tall.hip[0] - tall.foot[0]) < 0.03 * h
    # Pitching forward: folded at the waist, the chest far out and the dot past the toes.
    assert pitch.com[0] > pitch.toe[0] + 4
    assert pitch.shoulder[0] > pitch.hip[0] + 0.2 * h and pitch.shoulder[0] > pitch.toe[0] + 0.1 * h
    # The drawn dots are those centres of mass, and their plumb lines are vertical.
    root = parse(technique.body_position("../").svg)
    dots = [n for g in with_class(root, "g", "f-com") for n in g.iter("circle")]
    drawn = sorted(float(d.get("cx")) for d in dots)
    assert drawn == pytest.approx(sorted(r.com[0] for r in runners.values()), abs=0.06)
    for g in with_class(root, "g", "f-com"):
        (top, bottom), *_ = path_points(g.find("path").get("d"))
        assert top[0] == bottom[0]


def test_body_position_slope_is_ankle_lean_ground_as_the_chapter_says() -> None:
    """The ankle lean stops at about 12 % (technique, "Where the lean stops"): the tall,
    ankle-lean runner is drawn on a slope inside that range, and the caption says so."""
    assert technique.POSITION_GRADE_PCT <= technique.ANKLE_LEAN_MAX_GRADE_PCT
    md = (ROOT / "docs" / "technique" / "index.md").read_text(encoding="utf-8")
    steep = md[md.index("{#lean-on-steep-ground}") :]
    assert f"{technique.ANKLE_LEAN_MAX_GRADE_PCT:g} %" in steep[: steep.index("\n## ")]
    caption = technique.body_position("../").caption
    assert f"{technique.ANKLE_LEAN_MAX_GRADE_PCT:g} %" in caption
    assert 'href="../technique/#lean-on-steep-ground"' in caption


def test_braking_arrow_is_the_backward_part_of_the_push() -> None:
    runners = technique.landing_runners()
    under, ahead = (technique.braking_share(runners[k]) for k in ("under", "ahead"))
    assert abs(under) < 0.1 < 0.3 < ahead
    root = parse(technique.foot_landing("../").svg)
    brakes = [p for p in with_class(root, "path", "f-bad", "f-force")]
    assert len(brakes) == 1  # only the far-ahead landing brakes enough to draw
    (tail, tip), *_ = path_points(brakes[0].get("d"))
    assert tail[0] - tip[0] == pytest.approx(ahead * technique.FORCE_LENGTH, abs=0.1)
    assert tail[1] == tip[1]  # horizontal: straight back against the runner's motion


def test_push_arrows_are_moved_ahead_of_the_foot_and_the_words_say_so() -> None:
    """Each push is drawn parallel to foot → centre of mass, starting on the slope a set
    distance ahead of the foot; the description and the caption both say it was moved, by
    how much, and that the push acts at the foot."""
    runners = technique.landing_runners()
    fig = technique.foot_landing("../")
    root = parse(fig.svg)
    pushes = [p for p in with_class(root, "path", "f-force") if "f-bad" not in classes(p)]
    assert len(pushes) == len(runners)
    for push, r in zip(pushes, runners.values(), strict=True):
        (tail, tip), *_ = path_points(push.get("d"))
        assert tail[0] - r.foot[0] == pytest.approx(technique.FORCE_OFFSET, abs=0.06)
        along = (r.com[0] - r.foot[0], r.com[1] - r.foot[1])
        drawn = (tip[0] - tail[0], tip[1] - tail[1])
        cross = along[0] * drawn[1] - along[1] * drawn[0]
        assert abs(cross) / (math.hypot(*along) * math.hypot(*drawn)) < 0.01  # parallel
    moved = f"{technique.FORCE_OFFSET / technique.PER_METRE:.2g} m ahead of"
    desc = root.find("desc").text
    assert moved in desc and "acts where the foot meets the ground" in desc
    assert moved in fig.caption and "acts at the foot" in fig.caption


# ---------------------------------------------------------------- cadence


def test_step_length_chart_puts_180_spm_at_1_m_at_3_m_per_s() -> None:
    s = cadence.chart_scale()
    root = parse(cadence.step_length_chart("../").svg)
    (curve,) = path_points(with_class(root, "path", "f-wide")[0].get("d"))
    at_180 = [p for p in curve if p[0] == pytest.approx(s.x(180), abs=0.06)]
    assert at_180 and at_180[0][1] == pytest.approx(s.y(1.0), abs=0.06)
    # Every point of the curve is speed ÷ (cadence / 60).
    for x, y in curve:
        spm = (x - s.origin[0]) / s.per_unit_x
        assert (s.origin[1] - y) / s.per_unit_y == pytest.approx(180 / spm, abs=0.001)


def test_step_length_axis_starts_at_zero_so_changes_look_their_size() -> None:
    """Heights above the axis are proportional to step length: the +10 % marker sits lower
    than the usual one by the same share as the step shortens (the axis once started at
    0.8 m and made a 9 % change look like half the chart)."""
    s = cadence.chart_scale()
    _, top, _, height = cadence.PLOT
    assert s.y(0.0) == pytest.approx(top + height)
    root = parse(cadence.step_length_chart("../").svg)
    labels = [n.text for n in root.iter("text")]
    assert "0.0" in labels
    dots = sorted(
        (float(c.get("cx")), float(c.get("cy")))
        for c in root.iter("circle")
        if "f-dot" in classes(c)
    )
    usual, plus10 = dots[0], dots[-1]
    base = top + height
    usual_m = cadence._at(cadence.CHART_BASELINE_SPM).step_length_m
    plus10_m = cadence._at(cadence.CHART_BASELINE_SPM, cadence.CHART_INCREASES_PCT[-1])
    assert (base - plus10[1]) / (base - usual[1]) == pytest.approx(
        plus10_m.target_step_length_m / usual_m, abs=0.002
    )


@pytest.mark.parametrize("result", SAMPLE_RESULTS, ids=lambda r: f"{r.cadence_spm:g}spm")
def test_reader_steps_are_drawn_to_scale(result: object) -> None:
    s = cadence.steps_scale(result)
    root = parse(cadence.cadence_tool_svg(result))
    rows = [g for g in root.iter("g") if classes(g) & {"f-bad", "f-good"}]
    assert len(rows) == 2
    for row, step in zip(rows, (result.step_length_m, result.target_step_length_m), strict=True):
        xs = [float(e.get("cx")) for e in row.iter("ellipse")]
        assert len(xs) >= 4
        gaps = [b - a for a, b in itertools.pairwise(xs)]
        for gap in gaps:
            assert gap / s.per_unit_x == pytest.approx(step, abs=0.1 / s.per_unit_x)
    assert f"{result.step_length_m:.2f}"[:3] in ET.tostring(root, encoding="unicode")


def test_cadence_tool_figure_changes_with_the_inputs() -> None:
    a = cadence.cadence_tool_svg(calculate(360, 164, -10, 5))
    b = cadence.cadence_tool_svg(calculate(360, 180, -10, 5))
    assert a != b and "164 steps/min" in a and "180 steps/min" in b


# ---------------------------------------------------------------- exposure


@pytest.mark.parametrize("plan", SAMPLE_PLANS, ids=lambda p: f"{len(p.weeks)}w")
def test_ladder_is_drawn_from_the_plan(plan: object) -> None:
    sc = exposure.ladder_scales(plan)
    root = parse(exposure.plan_ladder_svg(plan))
    (stairs,) = path_points(with_class(root, "path", "f-wide", "f-good")[0].get("d"))
    for i, week in enumerate(plan.weeks):
        left, right = stairs[2 * i], stairs[2 * i + 1]
        assert left[1] == right[1] == pytest.approx(sc.grade.y(week.steepest_grade_pct), abs=0.06)
        assert right[0] - left[0] == pytest.approx(sc.grade.per_unit_x, abs=0.1)
    bars = [r for r in root.iter("rect") if "f-bar" in classes(r)]
    assert len(bars) == len(plan.weeks)
    for bar, week in zip(bars, plan.weeks, strict=True):
        height = float(bar.get("height"))
        assert height == pytest.approx(week.total_drop_m * sc.drop.per_unit_y, abs=0.1)
        assert ("f-mute" in classes(bar)) == week.is_lighter
    bands = [r for r in root.iter("rect") if "f-soft" in classes(r)]
    assert len(bands) == sum(w.is_lighter for w in plan.weeks)


def test_nice_ticks_are_round() -> None:
    assert exposure.nice_ticks(12) == (12, 3)
    assert exposure.nice_ticks(101) == (120, 30)
    assert exposure.nice_ticks(45) == (50, 10)
    for value in (0.3, 7, 13.5, 99, 2000):
        top, step = exposure.nice_ticks(value)
        assert value <= top <= value + step and top / step <= 5


@pytest.mark.parametrize(("current", "target"), [(None, None), (4, 12), (10, 10), (0, 45)])
def test_grade_ruler_draws_each_grade_to_scale_and_marks_the_reader(
    current: float | None, target: float | None
) -> None:
    root = parse(exposure.grade_ruler_svg(current, target))
    wedges = with_class(root, "polygon", "f-ground")
    grades = sorted({*exposure.RULER_GRADES_PCT, *(g for g in (current, target) if g is not None)})
    assert len(wedges) == len(grades)
    for wedge, grade in zip(wedges, grades, strict=True):
        (x0, y0), (x1, y1), _ = polygon_points(wedge)
        assert x1 - x0 == exposure.RULER_RUN
        assert (y1 - y0) / (x1 - x0) * 100 == pytest.approx(grade, abs=0.1)
    lines = [p for p in root.iter("path") if "f-wide" in classes(p)]
    marked = {
        grades[i]: classes(p) & {"f-now", "f-aim"}
        for i, p in enumerate(lines)
        if classes(p) & {"f-now", "f-aim"}
    }
    expected: dict[float, set[str]] = {}
    if current is not None:
        expected[current] = {"f-aim"} if current == target else {"f-now"}
    if target is not None:
        expected[target] = {"f-aim"}
    assert marked == expected
    # The planner's ceiling is always drawn, dashed, and says to hike above it (review #37).
    dashed = [grades[i] for i, p in enumerate(lines) if "f-dash" in classes(p)]
    assert dashed == [TARGET_CEILING_PCT]
    words = " ".join(t.text or "" for t in root.iter("text"))
    assert f"{TARGET_CEILING_PCT:g} % (" in words and "hike steeper ground" in words


@pytest.mark.parametrize("bad", [-1.0, 120.0, math.nan])
def test_grade_ruler_refuses_impossible_grades(bad: float) -> None:
    with pytest.raises(ValueError, match="outside"):
        exposure.grade_ruler_svg(bad, 10)


# ---------------------------------------------------------------- conditioning


def test_repeated_bout_numbers_are_the_study_s_and_drawn_to_scale() -> None:
    finding = references.get(conditioning.BYRNES_KEY).finding
    for _, first, second in conditioning.BYRNES_CK_RISE_PCT:
        assert f"{first:g} % to {second:g} %" in finding
    assert f"{conditioning.BYRNES_NO_PROTECTION_WEEKS} weeks" in finding
    s = conditioning.bars_scale()
    fig = conditioning.repeated_bout("../")
    bars = [r for r in parse(fig.svg).iter("rect") if "f-bar" in classes(r)][2:]  # after legend
    values = [v for _, a, b in conditioning.BYRNES_CK_RISE_PCT for v in (a, b)]
    assert len(bars) == len(values)
    for bar, value in zip(bars, values, strict=True):
        assert float(bar.get("height")) == pytest.approx(value * s.per_unit_y, abs=0.1)
    assert (
        'href="../references/#byrnes-1985"' in fig.caption and "Byrnes et al. 1985" in fig.caption
    )


def test_front_thigh_lengthens_as_the_knee_bends() -> None:
    runners = conditioning.eccentric_runners()
    touch, mid = (
        conditioning.line_length(conditioning.front_thigh_line(runners[k], conditioning.RUNNER_H))
        for k in ("touch", "mid")
    )
    assert mid > touch * 1.03


# ---------------------------------------------------------------- terrain


def _distance_to_polyline(p: tuple[float, float], line: list[tuple[float, float]]) -> float:
    best = math.inf
    for (x0, y0), (x1, y1) in itertools.pairwise(line):
        dx, dy = x1 - x0, y1 - y0
        t = max(0.0, min(1.0, ((p[0] - x0) * dx + (p[1] - y0) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.dist(p, (x0 + t * dx, y0 + t * dy)))
    return best


def test_wide_line_stays_on_the_trail_clear_of_rocks_and_lands_between_roots() -> None:
    centre = terrain.trail_centre()
    root = parse(terrain.line_choice("../").svg)
    (wide,) = path_points(with_class(root, "path", "f-dash", "f-good")[0].get("d"))
    dense = [
        (a[0] + (b[0] - a[0]) * t / 10, a[1] + (b[1] - a[1]) * t / 10)
        for a, b in itertools.pairwise(wide)
        for t in range(10)
    ]
    for p in dense:
        assert _distance_to_polyline(p, centre) <= terrain.TRAIL_HALF_WIDTH - 4
        for x, y, r in terrain.ROCKS:
            assert math.dist(p, (x, y)) > r + 3
    for spot in terrain.root_landings():
        for root_ in terrain.ROOTS:
            assert _distance_to_polyline(spot, list(root_)) > 6
    shortcut = list(terrain.SHORTCUT)
    middle = ((shortcut[0][0] + shortcut[1][0]) / 2, (shortcut[0][1] + shortcut[1][1]) / 2)
    assert _distance_to_polyline(middle, centre) > terrain.TRAIL_HALF_WIDTH  # off the trail


def test_pole_tips_land_by_the_front_foot_at_the_pole_s_length() -> None:
    """The drill's fix for "planting far in front" is a tip about level with the front foot or
    just ahead of it: both tips land between the front foot's ankle and a short way past its
    toes, in the side view and in the view from above."""
    r = terrain.poles_runner()
    ahead_max = terrain.TIP_AHEAD_OF_TOE_MAX_M * terrain.PER_METRE
    held = (terrain.POLE_LENGTH_M - terrain.GRIP_BELOW_TOP_M) * terrain.PER_METRE
    drawn = [
        points
        for p in parse(terrain.poles("../").svg).iter("path")
        for points in path_points(p.get("d"))
        if len(points) == 2
    ]
    for hand in (r.hand, r.far_hand):
        tip = terrain.pole_tip(hand)
        assert math.dist(hand, tip) == pytest.approx(held)
        assert tip[1] == pytest.approx(terrain._surface(tip[0]))
        assert r.foot[0] <= tip[0] <= r.toe[0] + ahead_max
        top = terrain.pole_top(hand, tip)
        assert math.dist(top, tip) == pytest.approx(terrain.POLE_LENGTH_M * terrain.PER_METRE)
        assert any(math.dist(a, top) < 0.1 and math.dist(b, tip) < 0.1 for a, b in drawn)
    fault = next(f for f in catalog.get("poles-light-grip").faults if "far in front" in f.fault)
    assert "level with your front foot" in fault.fix
    svg = terrain.poles("../").svg
    assert "strap" in svg and "snug" not in svg.lower() and "front foot" in svg
    # From above: each tip no further ahead (up the page) of the front foot's toes than 1.5 tip
    # radii, and not behind its heel.
    root = parse(svg)
    feet = [e for e in root.iter("ellipse")]
    front = min(feet, key=lambda e: float(e.get("cy")))
    toe_y = float(front.get("cy")) - float(front.get("ry"))
    heel_y = float(front.get("cy")) + float(front.get("ry"))
    tips = [c for g in root.iter("g") if "f-good" in classes(g) for c in g.iter("circle")]
    assert len(tips) == 2
    for c in tips:
        assert toe_y - 1.5 * float(c.get("r")) <= float(c.get("cy")) <= heel_y


# ---------------------------------------------------------------- mindset


def test_every_out_breath_starts_on_a_footfall() -> None:
    feet = mindset.footfall_xs()
    root = parse(mindset.breathing("../").svg)
    traces = [p for p in root.iter("path") if "f-wide" in classes(p)]
    assert len(traces) == 2
    for trace in traces:
        (points,) = path_points(trace.get("d"))
        ys = [y for _, y in points]
        top = min(ys)
        starts = [x for (x, y), nxt in itertools.pairwise(points) if y == top and nxt[1] > y]
        assert starts
        for x in starts:
            assert min(abs(x - f) for f in feet) < 0.06


def test_fear_curves_fade_and_rise() -> None:
    curves = mindset.fear_curves()
    assert curves["fading"][-1][1] > curves["fading"][0][1]  # lower on the page: calmer
    assert curves["rising"][-1][1] < curves["rising"][0][1]


# ---------------------------------------------------------------- drill settings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 50–80 m (165–260 ft) gentle descent", (50, 80)),
        ("A flat 400 m–1 km (0.25–0.6 mi) loop", (400, 1000)),
        ("About 2 × 1 m (6.5 × 3 ft) of floor", (2, 2)),
        ("About 2 m (6.5 ft) of clear floor", (2, 2)),
        ("One sturdy step or box 15–20 cm (6–8 in) high", None),
        ("Any descent; you set the goal at the top", None),
    ],
)
def test_distances_are_read_from_the_drill_text(text: str, expected: object) -> None:
    assert drill_setting.distance_m(text) == expected


@pytest.mark.parametrize("drill", catalog.DRILLS, ids=lambda d: d.id)
def test_drill_setting_is_drawn_from_the_drill(drill: object) -> None:
    root = parse(drill_setting.drill_setting_svg(drill))
    if drill.grade_max_pct == 0:
        k = drill_setting.FLOOR_PER_METRE
        head = root.find(".//g[@class='f-body']/circle")
        top = float(head.get("cy")) - float(head.get("r"))
        assert drill_setting.FLOOR_Y - top == pytest.approx(1.75 * k, abs=0.1)
        box = drill_setting.box_cm(drill.space)
        steps = [r for r in root.iter("rect") if "f-bar" in classes(r)]
        assert len(steps) == (1 if box else 0)
        if box:
            assert float(steps[0].get("height")) == pytest.approx(box[1] / 100 * k, abs=0.1)
        return
    geo = drill_setting.slope_geometry(drill)
    (steep,) = path_points(with_class(root, "path", "f-wide")[0].get("d"))
    (gentle,) = path_points(with_class(root, "path", "f-dash", "f-good")[0].get("d"))
    for line, grade in ((steep, drill.grade_max_pct), (gentle, drill.grade_min_pct)):
        (x0, y0), (x1, y1) = line
        assert (y1 - y0) / (x1 - x0) * 100 == pytest.approx(grade, abs=0.1)
    length = drill_setting.distance_m(drill.space) or drill_setting.distance_m(drill.dose.work)
    if length:
        assert geo.run / geo.per_metre == pytest.approx(length[1])
    runs = drill_setting.repeats(drill)
    if runs:
        assert f"{runs} times" in ET.tostring(root, encoding="unicode")


@pytest.mark.parametrize(
    "drill", [d for d in catalog.DRILLS if d.grade_max_pct > 0], ids=lambda d: d.id
)
def test_drill_setting_grade_labels_clear_the_slope_lines(drill: object) -> None:
    """Each grade label sits beside its line, never across either line (the 15 % label of
    the technical descent rehearsal used to lie on its own line)."""
    root = parse(drill_setting.drill_setting_svg(drill))
    lines = [
        seg
        for p in root.iter("path")
        if "f-wide" in classes(p) or {"f-dash", "f-good"} <= classes(p)
        for stroke in path_points(p.get("d"))
        for seg in itertools.pairwise(stroke)
    ]
    assert len(lines) == 2
    labels = [
        (n, size)
        for n, size in texts_with_sizes(root)
        if re.fullmatch(r"flat|\d+(?:\.\d+)? % \(.+°\)", n.text or "")
    ]
    assert len(labels) == 2
    for node, size in labels:
        box = text_box(node, size, em=0.55)
        assert not any(crosses(seg, box) for seg in lines), (node.text, box)


@pytest.mark.parametrize("drill", catalog.DRILLS, ids=lambda d: d.id)
def test_drill_setting_counts_only_runs_and_names_level_ground(drill: object) -> None:
    """A drill that starts on level ground is not called a descent, and only runs down the
    slope are counted as times (a count of steps during one easy run is not a run)."""
    svg = drill_setting.drill_setting_svg(drill)
    setting = parse(svg).find("title").text.removeprefix(f"Setting for {drill.name}: ")
    if drill.grade_max_pct > 0 and drill.grade_min_pct == 0:
        assert "descent" not in setting and "level ground" in setting, setting
    runs = drill_setting.repeats(drill)
    if runs:
        work = drill.dose.work
        assert re.search(rf"{re.escape(runs)}\s*(?:×|runs|passes|descents|strides)", work)


def test_baseline_count_and_falls_are_not_drawn_as_runs() -> None:
    baseline = drill_setting.drill_setting_figure(catalog.get("baseline-cadence"))
    assert drill_setting.repeats(catalog.get("baseline-cadence")) is None
    assert "times" not in baseline.svg and "times" not in baseline.caption
    falls = drill_setting.drill_setting_svg(catalog.get("safe-fall-practice"))
    assert "0–8 % descent" not in falls and "level ground" in falls


def test_nearly_every_drill_names_its_length_or_needs_none() -> None:
    """A figure without a length is only for drills that set none (any descent, at home)."""
    without = [
        d.id
        for d in catalog.DRILLS
        if d.grade_max_pct > 0
        and not (drill_setting.distance_m(d.space) or drill_setting.distance_m(d.dose.work))
    ]
    assert without == [
        "slope-ladder",
        "one-goal-per-descent",
        "line-visualisation",
        "post-run-review",
    ]


# ---------------------------------------------------------------- the fence


# A chapter as the build sees it (sitebuild.links.Where): its captions link to the site's root.
CHAPTER = Where("technique/index.md", "technique/", {"index.md": ""})


def test_fence_becomes_a_figure_with_svg_and_caption() -> None:
    md = "# T\n\n```figure\ntechnique-foot-landing\n```\n\nText.\n\n```python\nx = 1\n```\n"
    out = expand(md, CHAPTER)
    assert out.startswith('# T\n\n<figure class="dc-figure" id="fig-technique-foot-landing">')
    assert "</svg><figcaption>" in out and out.count("<figure") == 1
    assert "```python\nx = 1\n```" in out  # other fences are left alone
    assert expand("no fences", CHAPTER) == "no fences"


def test_unknown_figure_names_raise_naming_each() -> None:
    md = "```figure\nnope-one\n```\n\n```figure\ntechnique-foot-landing\n```\n\n```figure\nnope-two\n```"
    with pytest.raises(KeyError) as caught:
        expand(md, CHAPTER)
    assert "nope-one" in str(caught.value) and "nope-two" in str(caught.value)
    assert "technique/index.md" in str(caught.value)


def test_a_figure_twice_on_a_page_is_refused() -> None:
    md = "```figure\nmindset-breathing\n```\n\n```figure\nmindset-breathing\n```"
    with pytest.raises(ValueError, match="mindset-breathing"):
        expand(md, CHAPTER)


def test_chapter_fences_name_known_figures_each_in_its_own_paragraph() -> None:
    for chapter in catalog.CHAPTERS:
        md = (ROOT / "docs" / chapter / "index.md").read_text(encoding="utf-8")
        fences = re.findall(r"(.*)\n```figure\n(.+)\n```\n(.*)", md)
        assert len(fences) >= 2, chapter
        for before, name, after in fences:
            assert name in FIGURES and before == "" and after == "", (chapter, name)


# ---------------------------------------------------------------- the built site


def _figures_in(html: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<figure class="dc-figure"[^>]*>(<svg.*?</svg>)<figcaption>(.*?)</figcaption>', html
    )


@pytest.mark.parametrize("chapter", list(catalog.CHAPTERS))
def test_built_chapter_has_two_accessible_small_figures(site_dir: Path, chapter: str) -> None:
    html = (site_dir / chapter / "index.html").read_text(encoding="utf-8")
    figures = _figures_in(html)
    assert len(figures) >= 2
    for svg, caption in figures:
        assert len(svg.encode()) <= MAX_INLINE_BYTES
        root = parse(svg)
        by_id = {n.get("id"): n for n in root.iter() if n.get("id")}
        assert root.get("role") == "img"
        assert by_id[root.get("aria-labelledby")].text
        assert len(by_id[root.get("aria-describedby")].text.split()) >= 15
        assert len(re.sub(r"<[^>]+>", "", caption).split()) >= 8


def test_built_drill_pages_carry_their_setting_figure(site_dir: Path) -> None:
    carrying = 0
    for drill in catalog.DRILLS:
        html = (site_dir / "drills" / drill.id / "index.html").read_text(encoding="utf-8")
        setting = html[html.index('id="setting"') :]
        figures = _figures_in(setting)
        if figures and f"Setting for {drill.name}" in figures[0][0].replace("&amp;", "&"):
            carrying += 1
    assert carrying == len(catalog.DRILLS)  # the brief asks for 90 %; all of them do


def test_cadence_tool_page_shows_the_live_figure_prerendered(site_dir: Path) -> None:
    html = (site_dir / "tools" / "cadence" / "index.html").read_text(encoding="utf-8")
    assert 'aria-labelledby="dc-cadence-steps-t"' in html


def test_ladder_example_is_the_plan_the_exposure_chapter_links_to() -> None:
    md = (ROOT / "docs" / "exposure" / "index.md").read_text(encoding="utf-8")
    link = re.search(r"\[beginner plan\]\(plan:([^)]+)\)", md)
    assert link
    query = dict(part.split("=") for part in link[1].split("&"))
    current, target, weeks, sessions, level, slope = exposure.EXAMPLE_PLAN
    assert query == {
        "current": f"{current:g}",
        "target": f"{target:g}",
        "weeks": str(weeks),
        "sessions": str(sessions),
        "level": level,
        "slope": f"{slope:g}",
    }


# ---------------------------------------------------------------- in Chromium at 360 px

SCREENSHOT_PAGES = [
    *(f"{c}/" for c in catalog.CHAPTERS),
    "drills/quiet-feet/",
    "drills/slow-step-downs/",
]
MEASURE = """() => [...document.querySelectorAll('svg.dc-fig')].map(s => {
  const width = s.getBoundingClientRect().width, scale = width / s.viewBox.baseVal.width;
  const sizes = [...s.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize));
  return {id: s.getAttribute('aria-labelledby'), width, smallest: Math.min(...sizes) * scale,
          ink: getComputedStyle(s).color};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figures_at_360_px_read_in_both_schemes(
    browser: object, base_url: str, scheme: str
) -> None:
    """Every figure fits a 360 px phone with no text under 12 px; screenshots of each one, with
    its caption, go to test-artifacts/figures/ for a person to look at."""
    out = Path(__file__).resolve().parent.parent / "test-artifacts" / "figures"
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport={"width": 360, "height": 780}, color_scheme=scheme, device_scale_factor=2
    )
    page = context.new_page()
    inks = set()
    for path in SCREENSHOT_PAGES:
        page.goto(f"{base_url}/{path}")
        figures = page.evaluate(MEASURE)
        assert len(figures) >= (2 if path.count("/") == 1 else 1), path
        for fig in figures:
            assert fig["width"] <= FIGURE_MAX_WIDTH_PX + 0.5, (path, fig)
            assert fig["smallest"] >= MIN_TEXT_PX - 0.01, (path, fig)
            inks.add(fig["ink"])
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 360, path
        name = path.strip("/").replace("/", "-")
        for element in page.query_selector_all("figure.dc-figure"):
            element.scroll_into_view_if_needed()
            element.screenshot(
                path=str(out / f"{name}--{element.get_attribute('id')}--{scheme}.png")
            )
        if path.startswith("drills/quiet"):
            page.screenshot(path=str(out / f"{name}--page--{scheme}.png"), full_page=True)
    context.close()
    # The ink follows the scheme: dark text on light, light text on dark.
    (ink,) = inks
    channels = [float(v) for v in re.findall(NUMBER, ink)[:3]]
    assert (sum(channels) / 3 < 128) == (scheme == "light"), ink


@pytest.mark.browser
def test_cadence_tool_redraws_the_steps_figure(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/tools/cadence/")
    wait_live(page)
    title = "#dc-cadence-steps-d"
    assert "164 steps per minute" in page.text_content(title)
    page.fill("form.dc-form [name=cadence]", "180")
    page.wait_for_function(
        "t => document.querySelector(t).textContent.includes('180 steps per minute')", arg=title
    )
    expected = cadence.cadence_tool_svg(calculate(360, 180, -10, 5))
    shown = page.eval_on_selector("svg[aria-labelledby='dc-cadence-steps-t']", "s => s.outerHTML")
    assert parse(shown).find("desc").text == parse(expected).find("desc").text


def test_the_planner_page_shows_the_chart_and_the_grade_ruler(site_dir: Path) -> None:
    page = (site_dir / "tools" / "planner" / "index.html").read_text(encoding="utf-8")
    chart = re.search(r'<figure class="dc-plan-chart"[^>]*>(.*?)</figure>', page, re.S)
    ruler = re.search(r'<figure class="dc-figure dc-plan-ruler"[^>]*>(.*?)</figure>', page, re.S)
    assert chart and 'role="img"' in chart[1]
    assert ruler and 'role="img"' in ruler[1] and "<figcaption>" in ruler[1]
    assert "4 %" in ruler[1] and "10 %" in ruler[1]  # the default plan's current and target
