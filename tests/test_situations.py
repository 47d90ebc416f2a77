"""Special situations (docs/situations/) and the clearance list: the topics coaches asked for
(review 2026-12, "What a coach would still find missing") are where a reader looks, cite their
studies where a claim rests on one, and agree with the guide's own numbers."""

from __future__ import annotations

import math
import re
from pathlib import Path

import yaml
from test_chapters import EXPLICIT_ID, FENCED, HEADING
from test_content_truth import paragraphs, section_md, visible_text

from drills import conditioning_rules, evidence, exposure
from sitebuild.shortcodes import find

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "situations" / "index.md"
SECTIONS = (
    "after-injury",
    "long-descents",
    "no-hills",
    "young-and-older",
    "low-vision",
    "getting-faster",
)
# Its ## sections that are not topics: the warning signs, as in every chapter.
SAFETY_SECTIONS = ("stop-rules",)
# A paragraph that reports research names it with one of these words and must link its study.
RESEARCH_WORDS = re.compile(r"\b(?:study|studies|trial|review|panel|guideline|consensus)\b", re.I)


def page_md() -> str:
    return PAGE.read_text(encoding="utf-8")


def test_the_page_is_a_chapter_in_the_navigation_with_stable_ids() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    chapters = next(item["Chapters"] for item in config["nav"] if "Chapters" in item)
    assert "situations/index.md" in chapters
    md = re.sub(r"^```.*?^```", "", page_md(), flags=re.S | re.M)
    ids = []
    for hashes, title in HEADING.findall(md):
        found = EXPLICIT_ID.search(title)
        assert found, f"heading without an explicit id: {title}"
        ids.append(found.group(1))
        if hashes == "##":
            assert found.group(1) in SECTIONS + SAFETY_SECTIONS, found.group(1)
    assert len(ids) == len(set(ids))
    assert set(SECTIONS) <= set(ids)


def test_each_section_is_in_the_coaches_table_and_linked_from_the_front_page(
    site_dir: Path,
) -> None:
    coaches = (site_dir / "coaches" / "index.html").read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'data-copy-link="../situations/#{section}"' in coaches, section
    built = (site_dir / "situations" / "index.html").read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'<h2 id="{section}"' in built, section
    front = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="situations/"' in front


def test_research_is_cited_where_it_is_reported(site_dir: Path) -> None:
    """Every paragraph that reports a study, trial, review, panel or guideline links its
    reference, unless it says the studies we found have none."""
    built = (site_dir / "situations" / "index.html").read_text(encoding="utf-8")
    article = built[built.index('<h1 id="special-situations"') :]
    reported = [
        p
        for p in paragraphs(article)
        if RESEARCH_WORDS.search(visible_text(p)) and 'class="dc-evidence"' not in p
    ]
    assert len(reported) >= 6
    uncited = [
        visible_text(p)[:80]
        for p in reported
        if "references/#" not in p
        and not re.search(r"we found no|studies we found", visible_text(p), re.I)
    ]
    assert uncited == []


def test_each_section_opens_with_one_evidence_label_instead_of_hedging() -> None:
    """As in the chapters: one generated label per ## section, no 'coaching practice' asides
    in the prose, and each study cited once a paragraph."""
    md = page_md()
    for section in SECTIONS:
        text = section_md(md, section)
        labels = [code.argument for code in find(text) if code.name == "evidence"]
        assert len(labels) == 1 and set(labels) <= set(evidence.SECTION_LABELS), section
        assert text.index("```evidence") < text.index("\n\n", text.index("{#")) + 3, section
    prose = FENCED.sub("", md)
    assert not re.search(r"coaching practice", prose, re.I)
    for paragraph in prose.split("\n\n"):
        keys = re.findall(r"references\.md#([a-z0-9-]+)", paragraph)
        assert len(keys) == len(set(keys)), paragraph[:80]


def test_the_single_leg_benchmark_is_the_drop_landings_number() -> None:
    """The self-check and the return-after-injury check ask for the same single-leg time as
    the drop-landing drill's entry rule."""
    seconds = conditioning_rules.PLYOMETRIC_ENTRY_BALANCE_S
    exposure_md = (ROOT / "docs" / "exposure" / "index.md").read_text(encoding="utf-8")
    self_check = section_md(exposure_md, "self-checks")
    assert f"steady for {seconds} seconds on each leg" in self_check
    words = {30: "Thirty"}[seconds]
    assert f"**{words} seconds on the injured leg**" in section_md(page_md(), "after-injury")


def test_clearance_list_names_the_groups_the_review_found_missing() -> None:
    md = (ROOT / "docs" / "exposure" / "index.md").read_text(encoding="utf-8")
    cleared = section_md(md, "get-cleared-first").lower()
    for group in (
        "blood thinners",
        "concussion",
        "replacement",
        "osteoarthritis",
        "a baby in the last year",
        "older and new to exercise",
    ):
        assert group in cleared, group
    assert "../situations/index.md#after-pregnancy" in cleared
    assert "../situations/index.md#older-runners" in cleared


def test_a_dozen_sessions_is_what_the_spike_rule_allows() -> None:
    """ "Taking a 50 m session to 150 m takes about a dozen sessions" follows from the
    planner's spike limit: each session at most SPIKE_LIMIT times the biggest before it."""
    text = section_md(page_md(), "net-downhill-race")
    found = re.search(r"taking a (\d+) m session to (\d+) m takes about a dozen sessions", text)
    assert found
    steps = math.ceil(math.log(int(found[2]) / int(found[1])) / math.log(exposure.SPIKE_LIMIT))
    assert 11 <= steps <= 13, steps


def test_warning_signs_come_from_the_shared_rules() -> None:
    """Pages that need warning signs render the shared rules rather than a list of their own:
    the bone-stress section points at the chapter's shared rule, the group emergency renders
    the session-ending signs."""
    conditioning = (ROOT / "docs" / "conditioning" / "index.md").read_text(encoding="utf-8")
    bone = section_md(conditioning, "complaint-bone-stress")
    assert "(#complaint-help)" in bone
    assert "```rules\nsee-a-professional\n```" in section_md(conditioning, "complaint-help")
    coaches = (ROOT / "docs" / "coaches.md").read_text(encoding="utf-8")
    assert "\n```rules\nstop-session\n```\n" in section_md(coaches, "group-emergency")
