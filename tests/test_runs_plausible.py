"""Grades no runner ran (GPS or barometer noise) are flagged and left out of the audit's advice."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from devtools import tracks as synth
from drills.exposure import TARGET_CEILING_PCT
from drills.render.audit_chart import profile_svg
from drills.render.audit_view import audit_html
from drills.runs import Audit, audit, read_activity
from drills.runs.advice import log_summary, race_card
from drills.runs.plausible import (
    CLIMBING_GRADE_PCT,
    DROP,
    FASTEST_DROP_MS,
    GRADE,
    RULE,
    SPEED,
    SPRINT_MS,
    doubt,
    doubts,
)
from tests.pages import LINKS

SVG = "{http://www.w3.org/2000/svg}"


def with_spike(grade: float, speed_ms: float | None, timed: bool = True) -> Audit:
    """1 km at 10 % at 3 m/s, then 100 m at ``grade`` covered at ``speed_ms`` (GPS noise)."""
    pts = synth.slope(flat_m=200, length_m=1000, grade=0.10, after_m=300)
    spike = synth.slope(
        flat_m=0, length_m=100, grade=grade, after_m=200, top_m=pts[-1].elevation_m or 0.0,
        speed_ms=speed_ms,
    )  # fmt: skip
    offset, clock = pts[-1].distance_m, pts[-1].time_s or 0.0
    pts += [
        replace(p, distance_m=p.distance_m + offset, time_s=(p.time_s or 0.0) + clock)
        for p in spike[1:]
    ]
    if not timed:
        pts = [replace(p, time_s=None) for p in pts]
    return audit(read_activity(synth.to_gpx(pts), "noisy.gpx"))


@pytest.mark.parametrize(
    ("grade", "speed", "kind"),
    [(1.2, 3.0, GRADE), (0.7, 12.5, SPEED), (0.6, 100 / 15, DROP)],
    ids=["120 % over 100 m", "70 % over 100 m in 8 s", "60 m lost in 15 s"],
)
def test_a_descent_no_runner_covered_is_flagged_and_left_out(
    grade: float, speed: float, kind: str
) -> None:
    result = with_spike(grade, speed)
    real, noise = result.descents
    assert doubt(real) is None
    found = doubt(noise)
    assert found is not None and found.kind == kind
    assert doubts(result.descents) == (found,)
    # The log keeps the steepest grade the runner ran, not the noise's.
    assert log_summary(result).steepest_grade_pct == pytest.approx(10.0)
    html = audit_html(result, "metric", LINKS)
    said = re.search(r"data-audit-doubts>(.*?)</p>", html)
    assert said and "descent 2:" in said[1] and "descent 1:" not in said[1]
    assert re.search(r'<tr class="dc-audit-doubted"><th scope="row">2 ', html)
    assert html.count('class="dc-audit-doubted"') == 1


def test_the_reasons_come_from_the_constants() -> None:
    assert round(SPRINT_MS, 2) == 10.44  # 100 m in 9.58 s
    # that pace along 35 % ground, straight down
    assert math.isclose(
        FASTEST_DROP_MS, SPRINT_MS * TARGET_CEILING_PCT / math.hypot(100, TARGET_CEILING_PCT)
    )
    assert f"steeper than {CLIMBING_GRADE_PCT:g} % (45°" in RULE
    assert f"faster than {SPRINT_MS * 3.6:.1f} km/h" in RULE
    assert f"{FASTEST_DROP_MS:.1f} m a second" in RULE
    html = audit_html(with_spike(1.2, 3.0), "metric", LINKS)
    assert f"steeper than {CLIMBING_GRADE_PCT:g} %" in html


def test_a_course_with_a_cliff_in_its_data_targets_its_real_descent() -> None:
    result = with_spike(1.2, None, timed=False)
    card = race_card(result)
    assert [d.number for d in card.doubted] == [2]
    assert card.target_pct == 10.0 and not card.capped  # not the 35 % cap a 120 % pitch gives
    assert card.sentence.startswith("Target 10 %: descent 1")
    assert [d.number for d in card.steepest] == [1]
    assert "Descent 2 left out" in audit_html(result, "metric", LINKS)


def test_the_profile_highlights_only_what_a_runner_covered() -> None:
    svg = ET.fromstring(profile_svg(with_spike(1.2, 3.0), "metric"))
    titles = [t.text for t in svg.iter(f"{SVG}title")]
    assert "Descent 1" in titles and "Descent 2" not in titles
    (labels,) = [g for g in svg.iter(f"{SVG}g") if g.get("font-weight") == "bold"]
    assert [t.text for t in labels] == ["1"]  # the descents' numbers
    desc = svg.find(f"{SVG}desc")
    assert desc is not None and "not highlighted" in (desc.text or "")


def test_a_plain_run_has_no_doubts() -> None:
    result = audit(read_activity(synth.to_gpx(synth.hour_run()), "hour.gpx"))
    assert result.descents and doubts(result.descents) == ()
    assert "data-audit-doubts" not in audit_html(result, "metric", LINKS)
