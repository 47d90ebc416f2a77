"""What the audit hands the planner and the race card: the runner's own steady grade, the
course's target, where each came from; a race card that fits a page or two."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from devtools import tracks as synth
from drills import bridge
from drills.exposure import TARGET_CEILING_PCT
from drills.render import planner_view
from drills.render.audit_actions import handoff_html
from drills.render.audit_card import race_card_html
from drills.render.audit_chart import LABEL_SIZE, profile_svg
from drills.render.audit_view import audit_html
from drills.runs import Audit, audit, read_activity
from drills.runs.advice import (
    CARD_LONGEST,
    CARD_STEEPEST,
    Found,
    band_above,
    found,
    handoff,
    planner_suggestion,
    race_card,
)
from tests.pages import LINKS

FILES = Path(__file__).resolve().parent / "fixtures" / "activities"
RUN = "activity-large-fenxi2-multisport.fit"
COURSE = "korita-zbevnica.gpx"
SVG = "{http://www.w3.org/2000/svg}"


def audited(name: str) -> Audit:
    return audit(read_activity((FILES / name).read_bytes(), name))


def grades(html: str) -> tuple[float, float]:
    """The planner link's current and target in a hand-off's HTML."""
    href = unescape(re.search(r'href="([^"]+)"', html)[1])
    query = parse_qs(urlsplit(href).query)
    assert urlsplit(href).path == "../planner/"
    assert set(query) == {f.name for f in planner_view.FIELDS if f.default}
    return float(query["current"][0]), float(query["target"][0])


def test_a_run_alone_starts_from_its_steady_grade_and_aims_one_band_up() -> None:
    run = found(audited(RUN))
    suggestion = planner_suggestion(audited(RUN))
    assert suggestion is not None and run.steady_pct == suggestion.grade_pct == 10.0
    given = handoff([run], 0)
    assert given is not None
    assert (given.current_pct, given.target_pct) == (10.0, band_above(10.0)) == (10.0, 15.0)
    html = handoff_html([run], 0, LINKS)
    assert grades(html) == (10.0, 15.0)  # no longer "target = current: keeps that steepness"
    assert "steepest grade you ran steadily (in this run)" in html
    assert "one grade band steeper" in html and "Use in the planner" in html


def test_a_course_takes_the_runners_grade_from_their_run_and_its_own_target() -> None:
    run, course = found(audited(RUN)), found(audited(COURSE))
    assert course.course_pct == race_card(audited(COURSE)).target_pct == TARGET_CEILING_PCT
    alone = handoff_html([course], 0, LINKS)
    default = float(next(f.default for f in planner_view.FIELDS if f.name == "current"))
    assert grades(alone) == (default, TARGET_CEILING_PCT)
    assert "Audit one of your runs here too" in alone and "Plan for this course" in alone
    both = [run, course]
    assert grades(handoff_html(both, 1, LINKS)) == (10.0, TARGET_CEILING_PCT)
    said = unescape(handoff_html(both, 1, LINKS))
    assert f"(in {RUN})" in said and "the target of this course" in said
    # and the run's own button now aims at the course
    assert grades(handoff_html(both, 0, LINKS)) == (10.0, TARGET_CEILING_PCT)
    assert f"the target of {COURSE}" in unescape(handoff_html(both, 0, LINKS))


def test_the_steepest_steady_grade_of_all_runs_wins_and_never_passes_the_target() -> None:
    files = [Found("a.fit", 5.0, None), Found("b.fit", 20.0, None), Found("c.gpx", None, 12.0)]
    given = handoff(files, 2)
    assert given is not None
    assert (given.current_pct, given.current_from, given.target_pct) == (12.0, "b.fit", 12.0)
    assert "you already run that steadily" in handoff_html(files, 2, LINKS)
    assert handoff([Found("ride.fit", None, None)], 0) is None
    assert handoff_html([Found("ride.fit", None, None)], 0, LINKS).endswith(
        "data-audit-handoff></div>"
    )
    assert band_above(30.0) == TARGET_CEILING_PCT


def call(name: str, args: dict, data: bytes | None = None) -> dict:
    return json.loads(bridge.call(name, json.dumps({"links": LINKS.as_data(), **args}), data))


def marks_of(html: str) -> dict[str, list[str]]:
    """The marks a page showing ``html`` sends back (regions.js)."""
    found = re.finditer(
        r'data-region="([^"]+)" data-shown="([^"]*)"(?: data-frame="([^"]*)")?', html
    )
    return {m[1]: [m[2], m[3] or ""] for m in found}


def handoff_in(html: str) -> str:
    return re.search(r"<div[^>]*data-audit-handoff[^>]*>.*?</div>", html, re.S)[0]


def test_the_bridge_hands_back_each_files_found_and_redraws_every_button() -> None:
    run = call("audit_file", {"name": RUN, "index": 0}, (FILES / RUN).read_bytes())
    shown = marks_of(run["regions"]["audit-item-0"]["element"])
    args = {"name": COURSE, "index": 1, "found": [run["found"]], "marks": shown}
    course = call("audit_file", args, (FILES / COURSE).read_bytes())
    assert run["found"] == {"name": RUN, "steady_pct": 10.0, "course_pct": None}
    assert course["found"]["course_pct"] == TARGET_CEILING_PCT
    # The course's item comes whole, starting from the run's steady grade; of the run's item,
    # only its hand-off is drawn again, aiming at the course's target.
    assert set(course["regions"]) == {"audit-item-1", "audit-handoff-0"}
    item = course["regions"]["audit-item-1"]
    assert item["into"] == "audit-items"
    assert grades(handoff_in(item["element"])) == (10.0, TARGET_CEILING_PCT)
    assert grades(course["regions"]["audit-handoff-0"]["html"]) == (10.0, TARGET_CEILING_PCT)


@pytest.mark.parametrize(
    "tampered",
    [
        {"name": '<img src=x onerror="alert(1)">', "steady_pct": 10, "course_pct": None},
        {"name": "x", "steady_pct": "35; alert(1)", "course_pct": 1e300},
        {"name": ["x"], "steady_pct": float("inf"), "course_pct": -5},
        "not a file",
    ],
)
def test_a_tampered_found_is_text_or_nothing(tampered: object) -> None:
    shown = {"audit-handoff-0": ["", ""]}
    args = {"name": COURSE, "index": 1, "found": [tampered], "marks": shown}
    out = call("audit_file", args, (FILES / COURSE).read_bytes())
    assert "<img" not in json.dumps(out["regions"])
    current, target = grades(handoff_in(out["regions"]["audit-item-1"]["element"]))
    assert target == TARGET_CEILING_PCT and current in (10.0, 4.0)
    assert call("audit_render", {"found": "everything"})["field"] == "file"


MOUNTAIN = synth.mountain_course()


def test_a_mountain_course_card_names_its_steepest_and_longest_and_sums_up_the_rest() -> None:
    result = audit(read_activity(synth.to_gpx(MOUNTAIN), "mountain.gpx"))
    assert len(result.descents) >= 45
    card = race_card(result)
    assert len(card.steepest) == CARD_STEEPEST and len(card.longest) == CARD_LONGEST
    steepest = sorted(result.descents, key=lambda d: -d.steepest_grade_pct)
    assert card.steepest == tuple(steepest[:CARD_STEEPEST])
    assert min(d.drop_m for d in card.longest) >= max(d.drop_m for d in card.others)
    assert {*card.steepest, *card.longest, *card.others} == set(result.descents)
    html = race_card_html(card, "metric")
    assert "<ol" not in html  # no list lettered a…z, aa…: the descents' own numbers
    named = [int(n) for n in re.findall(r"<strong>Descent (\d+)</strong>", html)]
    assert named == [d.number for d in (*card.steepest, *card.longest)]
    assert f"descent {card.steepest[0].number} (at" in card.sentence
    assert f"The other {len(card.others)} sustained descents:" in html
    # One numbering: the table's rows carry the same numbers the card names.
    rows = re.findall(r'<th scope="row">(\d+)', audit_html(result, "metric", LINKS))
    assert [int(n) for n in rows] == [d.number for d in result.descents]


def test_the_profiles_numbers_never_overlap_and_the_steepest_is_numbered() -> None:
    result = audit(read_activity(synth.to_gpx(MOUNTAIN), "mountain.gpx"))
    svg = ET.fromstring(profile_svg(result, "metric"))
    (labels,) = [g for g in svg.iter(f"{SVG}g") if g.get("font-weight") == "bold"]
    spots = [(float(t.get("x")), float(t.get("y")), int(t.text)) for t in labels]
    assert race_card(result).steepest[0].number in {n for _, _, n in spots}
    for i, (x, y, _) in enumerate(spots):
        for a, b, _ in spots[i + 1 :]:
            assert abs(x - a) >= LABEL_SIZE * 1.4 or abs(y - b) >= LABEL_SIZE
