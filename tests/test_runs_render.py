"""The audit's HTML and SVG: escaped, named for the page, accessible, in either units."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from devtools import tracks as synth
from drills.errors import InputError
from drills.render.audit_chart import bands_chart_svg, profile_svg
from drills.render.audit_view import (
    audit_html,
    bands_table_html,
    page_result,
    race_card_html,
    totals_html,
)
from drills.runs import Audit, audit, read_activity
from drills.runs.advice import race_card
from tests.pages import LINKS

FIXTURES = Path(__file__).parent / "fixtures" / "activities"
HOSTILE = '<img src=x onerror="alert(1)">&"\'.gpx'
SVG = "{http://www.w3.org/2000/svg}"


def audited(name: str) -> Audit:
    return audit(read_activity((FIXTURES / name).read_bytes(), name))


class Collect(HTMLParser):
    """Every tag with its attributes, and whether the document nests properly."""

    VOID = frozenset({"img", "br", "input", "meta", "link", "hr", "col"})

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def parsed(html: str) -> Collect:
    collect = Collect()
    collect.feed(html)
    collect.close()
    assert collect.stack == []
    return collect


def test_a_hostile_file_name_is_escaped_everywhere() -> None:
    data = synth.to_gpx(synth.slope(speed_ms=None))
    result = audit(read_activity(data, HOSTILE))
    html = audit_html(result, "metric", LINKS)
    assert "<img" not in html and 'onerror="' not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&quot;&#x27;.gpx" in html
    tags = parsed(html).tags
    assert all(tag != "img" for tag, _ in tags)
    assert any(attrs.get("data-file") == HOSTILE for _, attrs in tags)  # the page can read it


def test_values_carry_their_audit_field_names() -> None:
    result = audited("activity-large-fenxi2-multisport.fit")
    html = audit_html(result, "metric", LINKS)
    names = [a["data-result"] for _, a in parsed(html).tags if "data-result" in a]
    for field in ("distance_m", "ascent_m", "descent_m", "moving_time_s", "sport", "warnings"):
        assert names.count(field) == 1, field
    assert all(hasattr(result, n.split(".")[0]) or n in ("meaning", "suggestion") for n in names)
    assert {f"bands.{i}.descent_m" for i in range(6)} <= set(names)
    assert f"descents.{len(result.descents) - 1}.steepest_grade_pct" in names
    shown = re.search(r'data-result="descent_m">([^<]*)<', html)
    assert shown is not None and shown[1] == f"{result.descent_m:,.0f} m"


def test_units_change_every_quantity() -> None:
    result = audited("korita-zbevnica.gpx")
    metric, imperial = totals_html(result, "metric"), totals_html(result, "imperial")
    assert "14.9 km" in metric and f"{result.descent_m:,.0f} m" in metric
    assert "9.27 mi" in imperial and f"{result.descent_m / 0.3048:,.0f} ft" in imperial
    assert "ft" in bands_table_html(result, "imperial")
    assert "Elevation (ft)" in profile_svg(result, "imperial")
    with pytest.raises(InputError):
        audit_html(result, "furlongs", LINKS)


@pytest.mark.parametrize(
    "name",
    [
        "activity-large-fenxi2-multisport.fit",
        "korita-zbevnica.gpx",
        "sample-activity.fit",
        "2019-02-17-062644-ELEMNT-297E-195-0.fit",  # bars under half a minute: "<1"
    ],
)
def test_svgs_are_accessible_small_and_well_formed(name: str) -> None:
    result = audited(name)
    for svg in (profile_svg(result, "metric"), bands_chart_svg(result, "imperial")):
        root = ET.fromstring(svg)
        assert root.get("role") == "img"
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and desc is not None
        assert (root.get("aria-labelledby") or "").split() == [title.get("id"), desc.get("id")]
        assert desc.text and len(desc.text) > 60
        assert len(svg.encode()) <= 8 * 1024
        assert "var(--md-primary-fg-color" in svg
        assert root.get("width") is None and root.get("viewBox")


def test_profile_description_names_the_descents_in_words() -> None:
    result = audit(read_activity(synth.to_gpx(synth.slope()), "s.gpx"))
    desc = ET.fromstring(profile_svg(result, "metric")).find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    assert "1 sustained descent is highlighted" in desc.text
    assert "drops 100 m over 1.00 km (mean 10 %, steepest 10 %)" in desc.text


def test_bands_chart_says_what_is_missing() -> None:
    course = audit(read_activity(synth.to_gpx(synth.slope(speed_ms=None, cadence=None)), "c"))
    svg = bands_chart_svg(course, "metric")
    assert "no times" in svg and "no cadence" in svg
    desc = ET.fromstring(svg).find(f"{SVG}desc")
    assert desc is not None and "10 to 15 %: 100 m of drop" in (desc.text or "")


def test_bands_table_sums_to_the_descent() -> None:
    result = audited("korita-zbevnica.gpx")
    html = bands_table_html(result, "metric")
    drops = [
        int(m.replace(",", "")) for m in re.findall(r'bands\.\d\.descent_m">([\d,]+) m<', html)
    ]
    assert len(drops) == 6
    assert abs(sum(drops) - round(result.descent_m)) <= 3  # each rounded to the metre
    assert "<tfoot>" in html and f"{result.descent_m:,.0f} m" in html


def test_route_mode_shows_the_race_card() -> None:
    result = audit(read_activity(synth.to_gpx(synth.slope(speed_ms=None, grade=0.18)), "c"))
    html = audit_html(result, "metric", LINKS)
    assert 'data-result="race_card"' in html and "Target 18 %" in html
    assert 'data-result="target_pct" hidden>18<' in html
    assert "no times (a planned course)" in html
    timed = audit_html(audit(read_activity(synth.to_gpx(synth.slope()), "r")), "metric", LINKS)
    assert "race_card" not in timed
    assert "start the planner from 10 %" in timed  # 5.5 min on 10–15 % at a steady cadence
    card = race_card_html(race_card(result), "imperial")
    assert "ft down over" in card


def test_meaning_sentence_comes_from_the_constants() -> None:
    result = audit(read_activity(synth.to_gpx(synth.slope()), "s.gpx"))
    html = audit_html(result, "metric", LINKS)
    assert "100 % of this descent was at 10 % or steeper" in html
    assert "Bontemps et al. 2020" in html


def test_page_result_is_json_ready_for_the_bridge() -> None:
    result = audit(read_activity(synth.to_gpx(synth.slope()), "s.gpx"))
    payload = json.loads(json.dumps(page_result(result, "imperial", LINKS)))
    assert payload["planner"]["current_grade_pct"] == 10.0
    assert payload["log"]["date"] == "2026-05-02"
    assert payload["log"]["descent_m"] == pytest.approx(100.0)
    assert payload["race"]["target_pct"] == 10.0 and payload["route_mode"] is False
    assert 'data-result="descent_m">328 ft<' in payload["html"]
