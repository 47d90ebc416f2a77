"""The drill catalog and the references registry: complete, consistent, linkable."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from drills import catalog, references
from drills.model import CHAPTERS, LEVELS

PUBLISHED = Path(__file__).with_name("published_drill_urls.txt")


def test_at_least_24_drills_with_unique_url_safe_ids() -> None:
    ids = [d.id for d in catalog.DRILLS]
    assert len(ids) >= 24
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_every_chapter_has_three_drills_and_every_level_is_used() -> None:
    per_chapter = Counter(d.chapter for d in catalog.DRILLS)
    assert set(per_chapter) == set(CHAPTERS)
    assert min(per_chapter.values()) >= 3
    assert {d.level for d in catalog.DRILLS} == set(LEVELS)


@pytest.mark.parametrize("drill", catalog.DRILLS, ids=lambda d: d.id)
def test_drill_fields_are_complete_and_sane(drill: catalog.Drill) -> None:
    assert 0 <= drill.grade_min_pct <= drill.grade_max_pct <= 45
    assert 3 <= len(drill.cues) <= 6
    assert drill.faults and drill.stop_rules and drill.purpose.endswith(".")
    assert drill.dose.work and drill.dose.rest and drill.dose.sessions_per_week
    for key in drill.evidence:
        references.get(key)  # raises KeyError if it does not resolve
    assert set(drill.tested_by) <= set(drill.evidence), "a study that tested it is cited"
    # Cadence cues are relative to the runner's own baseline, never an absolute number.
    if drill.cadence_cue:
        assert not re.search(r"\b1\d\d\b", drill.cadence_cue)


def _surname(key: str) -> str:
    return references.get(key).authors.split()[0].rstrip(",")


@pytest.mark.parametrize("drill", catalog.DRILLS, ids=lambda d: d.id)
def test_evidence_note_explains_every_study_and_never_restates_the_badge(
    drill: catalog.Drill,
) -> None:
    """A study in the list is there for a reason the note gives (review 2026-12, row 48), and
    the note does not repeat the label the page generates from the badge (row 41)."""
    note = drill.evidence_note
    assert note.strip(), drill.id
    for key in drill.evidence:
        assert _surname(key) in note, f"{drill.id}: the note never says why {key} is cited"
    assert not re.search(r"coaching practice|untested in the studies", note, re.I), drill.id


UNTESTED = re.compile(r"\bno (?:study|studies|trial)\b[^.]*\btest|\bnone of (?:them|these)\b", re.I)


def test_a_research_informed_badge_needs_a_study_that_tested_the_drill() -> None:
    """The badge is computed from ``tested_by``: no drill whose note says no study tested it is
    called research-informed (review 2026-12, row 19)."""
    from drills import evidence

    assert UNTESTED.search("None tested short outdoor segments or confidence.") is None
    assert UNTESTED.search("we found no study that tested it there")
    informed = [d for d in catalog.DRILLS if evidence.drill_basis(d) == evidence.RESEARCH_INFORMED]
    assert {d.id for d in informed} == {d.id for d in catalog.DRILLS if d.tested_by}
    for drill in informed:
        assert not UNTESTED.search(drill.evidence_note), drill.id
        assert all(_surname(key) in drill.evidence_note for key in drill.tested_by), drill.id
    for drill_id in (  # the five drills the review found badged on studies that never tested them
        "steep-short-segments",
        "add-a-steeper-section",
        "gentle-repeats",
        "moderate-hill-repeats",
        "poles-light-grip",
    ):
        assert evidence.drill_basis(catalog.get(drill_id)) == evidence.COACHING_PRACTICE


def test_progression_links_exist_and_have_no_cycles() -> None:
    for drill in catalog.DRILLS:
        for other in drill.progression + drill.regression:
            catalog.get(other)
    for direction in ("progression", "regression"):
        graph = {d.id: getattr(d, direction) for d in catalog.DRILLS}
        state: dict[str, int] = {}

        def visit(
            node: str, graph: dict = graph, state: dict = state, direction: str = direction
        ) -> None:
            if state.get(node) == 1:
                raise AssertionError(f"cycle through {node} in {direction}")
            if state.get(node) == 2:
                return
            state[node] = 1
            for nxt in graph[node]:
                visit(nxt)
            state[node] = 2

        for node in graph:
            visit(node)


def test_get_raises_keyerror_naming_the_id() -> None:
    with pytest.raises(KeyError, match="no-such-drill"):
        catalog.get("no-such-drill")


def test_references_have_what_a_citation_needs() -> None:
    for ref in references.REFERENCES.values():
        assert ref.key and ref.authors and ref.year > 1800 and ref.source and ref.finding
        assert ref.doi is None or ref.doi.startswith("10.")


def test_every_reference_has_a_label_of_its_own() -> None:
    """Two Groen et al. 2010 papers: a reader tells them apart as 2010a and 2010b."""
    from drills.render.pages import reference_label

    labels = [reference_label(ref) for ref in references.REFERENCES.values()]
    assert len(labels) == len(set(labels))
    assert reference_label(references.get("groen-2010-older")) == "Groen et al. 2010a"
    assert reference_label(references.get("groen-2007")) == "Groen et al. 2007"


def test_published_drill_urls_are_all_still_served_or_redirected() -> None:
    """Drill URLs are a promise to coaches: removing one needs a redirect in mkdocs.yml."""
    import yaml

    published = PUBLISHED.read_text().split()
    current = {f"/drills/{d.id}/" for d in catalog.DRILLS}
    config = yaml.load(Path("mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    redirected = set()
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "redirects" in plugin:
            maps = plugin["redirects"].get("redirect_maps", {})
            redirected = {"/" + k.removesuffix(".md") + "/" for k in maps}
    missing = [url for url in published if url not in current and url not in redirected]
    assert missing == [], f"published drill URLs without a page or a redirect: {missing}"
    new = sorted(current - set(published))
    assert new == [], f"add new drill URLs to {PUBLISHED.name}: {new}"


def test_drill_cards_expand_and_unknown_ids_name_the_page() -> None:
    from sitebuild.links import Where
    from sitebuild.shortcodes import expand

    chapter = Where(
        "technique/index.md", "technique/", {"drills/quiet-feet.md": "drills/quiet-feet/"}
    )
    markdown = "Intro\n\n```drill\nquiet-feet\n```\n\nMore text.\n"
    html = expand(markdown, chapter)
    assert 'href="../drills/quiet-feet/"' in html and catalog.get("quiet-feet").name in html
    with pytest.raises(KeyError) as caught:
        expand("```drill\nno-such-drill\n```\n", chapter)
    assert "no-such-drill" in str(caught.value) and "technique/index.md" in str(caught.value)


def test_an_unknown_drill_card_fails_the_build() -> None:
    """The build's own hooks (mkdocs.yml), given one chapter with its card misspelt, raise the
    error that stops mkdocs build, naming the id and the page."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    root = Path(__file__).resolve().parent.parent
    config = load_config(str(root / "mkdocs.yml"), plugins=[])  # its hooks, not the theme's plugins
    # The site's files, the drill pages the hooks generate included: a card links to its drill's.
    files = config.plugins.on_files(get_files(config), config=config)
    chapter = files.get_file_from_path("mindset/index.md")
    assert chapter is not None
    markdown = Path(str(chapter.abs_src_path)).read_text()
    misspelt = markdown.replace("```drill\npost-run-review", "```drill\npost-run-reveiw", 1)
    assert misspelt != markdown
    page = Page(None, chapter, config)
    config.plugins.on_page_markdown(markdown, page=page, config=config, files=files)
    with pytest.raises(PluginError) as caught:
        config.plugins.on_page_markdown(misspelt, page=page, config=config, files=files)
    assert "post-run-reveiw" in str(caught.value) and "mindset/index.md" in str(caught.value)
