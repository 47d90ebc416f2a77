"""One set of safety rules, shown everywhere (issue 29): the warning signs are written once
(drills.safety) and the build shows the same block on every chapter, every drill page, the
planner page and session mode's every screen; drills, the log and the chapters add no pain,
fall or rating rule of their own; the 35 % limit carries through."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_content_truth import source_texts, strings_of

from drills import catalog, planner, safety, session_mode
from drills.cadence import calculate
from drills.exposure import TARGET_CEILING_PCT
from drills.render import cadence_view
from drills.render.pages import drill_page
from drills.render.prose import plan_from_query, plan_says
from drills.rule_text import INLINE
from tests.pages import LINKS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CHAPTERS = tuple(catalog.CHAPTERS)


def safety_block(page: str) -> str:
    """The first warning-signs block of a page, nested divs and all."""
    start = page.index('<div class="dc-safety">')
    depth = 0
    for tag in re.finditer(r"<div\b|</div>", page[start:]):
        depth += 1 if tag.group() == "<div" else -1
        if depth == 0:
            return page[start : start + tag.end()]
    raise AssertionError("the block never closes")


def test_the_same_warning_signs_on_every_chapter_drill_page_and_session_screen(
    site_dir: Path,
) -> None:
    block = safety_block((site_dir / "technique" / "index.html").read_text(encoding="utf-8"))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block))
    for signs in (safety.EMERGENCY, safety.STOP, safety.HEAD, safety.CLINICIAN):
        assert signs.intro in text and all(sign in text for sign in signs.signs)
        assert signs.action in text
    for sentence in (safety.CANNOT_GET_UP, safety.ON_STEEP_GROUND, safety.SAME_DAY):
        assert sentence in text
    pages = [site_dir / name / "index.html" for name in CHAPTERS]
    pages += [site_dir / "drills" / d.id / "index.html" for d in catalog.DRILLS]
    pages.append(site_dir / "tools" / "planner" / "index.html")
    for path in pages:
        assert block in path.read_text(encoding="utf-8"), path
    # Session mode's dialog holds the block outside every step's own part, so each screen
    # shows it (the browser test opens it on each one).
    planner_page = (site_dir / "tools" / "planner" / "index.html").read_text(encoding="utf-8")
    dialog = planner_page[planner_page.index("<dialog") : planner_page.index("</dialog>")]
    assert f'<details class="dc-session-safety">\n<summary>{safety.TITLE}</summary>' in dialog
    assert block in dialog


def test_the_warm_up_screen_quotes_the_emergency_and_stop_rules() -> None:
    plan = planner.make_plan(4, 12, 13)
    for session in plan.weeks[0].sessions:
        if session.is_downhill:
            warm_up = session_mode.session_steps(session)[1]
            assert warm_up.notes_title == safety.TITLE
            assert warm_up.notes == (
                safety.sentence(safety.EMERGENCY),
                safety.sentence(safety.STOP),
            )


def test_emergencies_are_never_walked_down_alone() -> None:
    """Review #1: chest pain or dizziness means sit or lie down and call for help."""
    assert "chest pain" in safety.EMERGENCY.signs[0] and "dizziness" in safety.EMERGENCY.signs
    assert "sit or lie down" in safety.EMERGENCY.intro
    assert "Do not walk down alone" in safety.EMERGENCY.action
    assert not any("chest" in s or "dizz" in s for s in safety.STOP.signs)


def test_the_shin_is_a_bone_not_a_joint() -> None:
    """Review #11."""
    joint = next(s for s in safety.STOP.signs if "joint" in s)
    assert "(knee, ankle or hip)" in joint and "bone, such as the shin" in joint


# A rule of a drill's own that restates pain, soreness timing or dizziness: the block's job.
OWN_PAIN_RULE = re.compile(
    r"physiotherapist or doctor|few days|persists|dizz|see stars|\bfeel pain\b", re.I
)


@pytest.mark.parametrize("drill", catalog.DRILLS, ids=lambda d: d.id)
def test_a_drill_page_shows_the_common_block_and_adds_only_its_own_rules(
    drill: catalog.Drill,
) -> None:
    """Review #27 and #29: one pain rule, shown on every drill page."""
    page = drill_page(drill)
    stop = page[page.index("## Stop rules") : page.index("## Easier and harder")]
    assert "```rules\nstop-session\n```" in stop
    own = [r for r in drill.stop_rules if OWN_PAIN_RULE.search(r) and "emergency rule" not in r]
    own = [r for r in own if "After a fall above" not in r]  # points at the block, not a rule
    assert own == []


def test_one_confidence_scale_and_one_way_to_count_cadence() -> None:
    """Review #30 and #32: no 0–10 unease scale, no scale of one's own, no 15-s or one-foot
    count anywhere in the chapters, pages or drills."""
    texts = source_texts()
    other_scale = re.compile(
        r"unease|0 \(calm\)|scale of your own|nervous it makes you"
        r"|\brat(?:e|es|ed|ing)\b[^.]{0,40}\bout of 10\b",  # a rung "rated 2-3 out of 10"
        re.I,
    )
    other_count = re.compile(
        r"15 seconds|multiply by (?:four|4)\b|one foot's landings|count one foot", re.I
    )
    assert other_scale.search(
        "Use the lowest rung of your ladder that you rate about 2–3 out of 10."
    )
    assert [n for n, t in texts.items() if other_scale.search(t)] == []
    assert [n for n, t in texts.items() if other_count.search(t)] == []
    assert "confidence-scale" in INLINE and "count-cadence" in INLINE
    # A page that says how long to count says it in the rule's words ({{ count-cadence }}).
    own_count = re.compile(
        r"\bcount(?:s|ing)?\b[^.]{0,60}\bfor (?:\d+|thirty|fifteen|sixty)[ -]s(?:econds?)?\b", re.I
    )
    assert own_count.search("Count the athlete's footfalls for 30 seconds on the flat")
    pages = {n: t for n, t in texts.items() if n.startswith("docs/")}
    assert [n for n, t in pages.items() if own_count.search(t)] == []


def test_no_drill_runs_past_the_ceiling() -> None:
    """Review #10 and #37."""
    assert max(d.grade_max_pct for d in catalog.DRILLS) <= TARGET_CEILING_PCT


@pytest.mark.parametrize("grade", [-TARGET_CEILING_PCT - 0.1, -45.0])
def test_the_calculator_says_to_hike_past_the_ceiling(grade: float) -> None:
    html = cadence_view.results_html(calculate(360, 164, grade, 5), LINKS)
    assert f"Steeper than {TARGET_CEILING_PCT:g} %: hike it." in html
    at_limit = cadence_view.results_html(calculate(360, 164, -TARGET_CEILING_PCT, 5), LINKS)
    assert "hike it" not in at_limit


def test_the_calculator_asks_for_the_flat_baseline() -> None:
    """Review #31: the cadence field is the flat baseline every drill cue builds on."""
    (field,) = [f for f in cadence_view.FIELDS if f.name == "cadence"]
    assert "flat baseline" in field.label and INLINE["count-cadence"] in field.hint


PLANNER_LINK = re.compile(r"\]\((?:\.\./)*(?:tools/planner\.md\?|plan:)(?P<query>[^)#\s]+)\)")


def test_every_linked_example_plan_reaches_its_target() -> None:
    """Review #9: a chapter never links a plan that stops short of what it sets out to do."""
    links = [
        (path, m["query"])
        for path in DOCS.rglob("*.md")
        for m in PLANNER_LINK.finditer(path.read_text(encoding="utf-8"))
    ]
    assert len(links) >= 8
    for path, query in links:
        plan = plan_from_query(query)
        assert plan.reached_target, (path, query)


def test_an_example_plans_sentence_is_the_plans_own(site_dir: Path) -> None:
    query = "current=4&target=12&weeks=13&sessions=3&level=beginner&slope=200"
    says = plan_says(query)
    assert says.startswith("builds from 4 % (about 2.3°) to 12 % (about 6.8°) over thirteen")
    short = plan_says(query.replace("weeks=13", "weeks=10"))
    assert "reaches 10 % (about 5.7°), short of its 12 % target" in short
    page = (site_dir / "exposure" / "index.html").read_text(encoding="utf-8")
    assert f"beginner plan</a> {says}" in page.replace("&amp;", "&")


def test_the_coaches_link_table_gives_the_planners_ranges(site_dir: Path) -> None:
    """Review #37 (c): the link table's ranges are the planner's."""
    page = (site_dir / "coaches" / "index.html").read_text(encoding="utf-8")
    rows = dict(
        re.findall(
            r"<tr>\s*<td><code>(\w+)</code></td>\s*<td>.*?</td>\s*<td>(.*?)</td>", page, re.S
        )
    )
    lo, hi = planner.CURRENT_RANGE_PCT
    assert rows["current"] == f"{lo:g}–{hi:g}"
    assert rows["target"].startswith(f"<code>current</code>–{hi:g}")
    assert rows["weeks"] == "{}–{}".format(*planner.WEEKS_RANGE)
    assert rows["sessions"] == "{}–{}".format(*planner.SESSIONS_RANGE)
    assert rows["slope"] == "{:g}–{:g}".format(*planner.SLOPE_RANGE_M)


def test_drill_strings_hold_no_unexpanded_rule_words() -> None:
    for drill in catalog.DRILLS:
        assert not any("{{" in s for s in strings_of(drill)), drill.id


def _section_html(page: str, section_id: str) -> str:
    """A built page's section: from its heading to the next heading of the same level."""
    start = re.search(rf'<h([23]) id="{section_id}"', page)
    assert start, section_id
    end = re.compile(rf"<h[2-{start.group(1)}] ").search(page, start.end())
    return page[start.start() : end.start() if end else len(page)]


def test_the_shared_block_is_on_the_pages_that_use_it(site_dir: Path) -> None:
    """Special situations and the coaches' group-session emergency show the very block every
    chapter shows, not a list of their own (and not the old walk-down rule)."""
    block = safety_block((site_dir / "technique" / "index.html").read_text(encoding="utf-8"))
    situations = (site_dir / "situations" / "index.html").read_text(encoding="utf-8")
    assert block in _section_html(situations, "stop-rules")
    coaches = (site_dir / "coaches" / "index.html").read_text(encoding="utf-8")
    assert block in _section_html(coaches, "group-emergency")


def test_painkillers_quote_the_same_day_rule_and_point_to_the_block(site_dir: Path) -> None:
    md = (DOCS / "situations" / "index.md").read_text(encoding="utf-8")
    painkillers = md[md.index("### Painkillers") : md.index("### Drink, heat and fuel")]
    assert "{{ same-day }}" in painkillers and "(#stop-rules)" in painkillers
    page = (site_dir / "situations" / "index.html").read_text(encoding="utf-8")
    assert safety.SAME_DAY in _section_html(page, "painkillers")


def test_bone_pain_names_the_shared_bone_stress_signs(site_dir: Path) -> None:
    """Conditioning's "Pain in a bone" quotes the signs from the rule that lists them, and the
    block under When to get help (the rule itself) lists the same words."""
    page = (site_dir / "conditioning" / "index.html").read_text(encoding="utf-8")
    bone = _section_html(page, "complaint-bone-stress")
    assert safety.BONE_STRESS_SIGNS in bone and 'href="#complaint-help"' in bone
    assert safety.BONE_STRESS_SIGNS in _section_html(page, "complaint-help")
    assert any(safety.BONE_STRESS_SIGNS in sign for sign in safety.CLINICIAN.signs)


def test_panic_is_told_from_an_emergency(site_dir: Path) -> None:
    page = (site_dir / "mindset" / "index.html").read_text(encoding="utf-8")
    panic = next(li for li in re.findall(r"(?s)<li>.*?</li>", page) if "Panic means stop" in li)
    assert INLINE["emergency-signs"] in panic and "Emergency rule above" in panic


def test_pages_render_the_safety_words_rather_than_copy_them() -> None:
    """A page's Markdown names a warning sign or an action only through a ```rules fence or a
    {{ name }}: no sign, intro or action of drills.safety is typed out, so none can drift."""
    phrases = [safety.CANNOT_GET_UP, safety.ON_STEEP_GROUND, safety.SAME_DAY, safety.SORENESS]
    phrases.append(safety.BONE_STRESS_SIGNS)
    for signs in (safety.EMERGENCY, safety.STOP, safety.HEAD, safety.CLINICIAN):
        phrases += [signs.intro, signs.action, *signs.signs]
    long_phrases = [p for p in phrases if len(p) >= 25]
    for path in DOCS.rglob("*.md"):
        text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))
        assert [p for p in long_phrases if p in text] == [], path
